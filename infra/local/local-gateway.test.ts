import { describe, expect, it } from 'vitest';
import { matchRoute } from './local-gateway';

describe('matchRoute', () => {
  const routes = ['POST /auth/login', 'GET /devices', 'GET /devices/{serial}/history'];
  it('matches exact and templated routes like API Gateway', () => {
    expect(matchRoute(routes, 'GET', '/devices')).toEqual({ routeKey: 'GET /devices' });
    expect(matchRoute(routes, 'GET', '/devices/12%3A34%3A56/history')).toEqual({ routeKey: 'GET /devices/{serial}/history', pathParameters: { serial: '12:34:56' } });
  });
  it('does not match other methods, extra segments or prefixes', () => {
    expect(matchRoute(routes, 'POST', '/devices')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/devices/a/b/history')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/devicesx')).toBeUndefined();
  });
});
