import { describe, expect, it } from 'vitest';
import { MethodNotAllowedError, ValidationError } from '../errors';
import { matchRoute } from './match-route';

describe('matchRoute', () => {
  const routes = ['POST /auth/login', 'GET /devices', 'GET /devices/{serial}/history'];
  it('matches exact and templated routes like API Gateway', () => {
    expect(matchRoute(routes, 'GET', '/devices')).toEqual({ routeKey: 'GET /devices' });
    expect(matchRoute(routes, 'GET', '/devices/12%3A34%3A56/history')).toEqual({ routeKey: 'GET /devices/{serial}/history', pathParameters: { serial: '12:34:56' } });
  });
  it('does not match other methods (405, naming the ones it takes), extra segments or prefixes', () => {
    expect(() => matchRoute(routes, 'POST', '/devices')).toThrow(MethodNotAllowedError);
    try {
      matchRoute(routes, 'DELETE', '/devices');
    } catch (error) {
      expect((error as MethodNotAllowedError).details).toEqual({ allow: ['GET'] });
    }
    expect(matchRoute(routes, 'GET', '/devices/a/b/history')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/devicesx')).toBeUndefined();
  });

  it.each(['%', '%ZZ', '%E0%A4%A', 'a%2'])('answers a path segment that does not percent-decode (%s) with a ValidationError', (segment) => {
    expect(() => matchRoute(routes, 'GET', `/devices/${segment}/history`)).toThrow(ValidationError);
  });
});
