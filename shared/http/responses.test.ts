import { describe, expect, it } from 'vitest';
import { errorBodySchema } from '../api/schemas';
import { NotFoundError, RateLimitedError, ValidationError } from '../errors';
import { errorResponse, ok } from './responses';

describe('HTTP responses', () => {
  it('serialises success bodies as JSON', () => {
    const res = ok({ a: 1 }, 201);
    expect(res.statusCode).toBe(201);
    expect(JSON.parse(res.body)).toEqual({ a: 1 });
    expect(res.headers?.['content-type']).toMatch(/application\/json/);
  });

  it('maps domain errors to their status and the documented error body', () => {
    const res = errorResponse(new ValidationError('Request is invalid.', { details: { issues: [] } }));
    expect(res.statusCode).toBe(400);
    expect(errorBodySchema.parse(JSON.parse(res.body))).toEqual({ error: { code: 'VALIDATION_FAILED', message: 'Request is invalid.', details: { issues: [] } } });
    expect(errorResponse(new NotFoundError('nope')).statusCode).toBe(404);
  });

  it('adds retry-after to rate limits', () => {
    const res = errorResponse(new RateLimitedError('slow down', { retryAfterSeconds: 30 }));
    expect(res.statusCode).toBe(429);
    expect(res.headers?.['retry-after']).toBe('30');
  });

  it('hides unexpected errors behind a generic 500 without leaking their message', () => {
    const res = errorResponse(new Error('password=hunter2 leaked'));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('hunter2');
    expect(JSON.parse(res.body).error.code).toBe('INTERNAL');
  });
});
