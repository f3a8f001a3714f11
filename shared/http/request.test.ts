import { describe, expect, it } from 'vitest';
import { loginRequestSchema } from '../api/schemas';
import { UnauthorizedError, ValidationError } from '../errors';
import { bearerToken, parseJsonBody } from './request';

describe('parseJsonBody', () => {
  it('parses and validates a JSON body', () => {
    expect(parseJsonBody({ body: '{"email":" a@b.co ","password":"x"}', isBase64Encoded: false }, loginRequestSchema)).toEqual({ email: 'a@b.co', password: 'x' });
    const b64 = Buffer.from('{"email":"a@b.co","password":"x"}').toString('base64');
    expect(parseJsonBody({ body: b64, isBase64Encoded: true }, loginRequestSchema).email).toBe('a@b.co');
  });

  it.each([
    ['missing body', undefined],
    ['not JSON', '{nope'],
    ['wrong shape', '{"email":"not-an-email","password":""}'],
    ['array', '[]'],
  ])('rejects %s with a ValidationError', (_name, body) => {
    expect(() => parseJsonBody({ body, isBase64Encoded: false }, loginRequestSchema)).toThrow(ValidationError);
  });

  it('lists the failing fields in details', () => {
    try {
      parseJsonBody({ body: '{"email":"x"}', isBase64Encoded: false }, loginRequestSchema);
      expect.unreachable();
    } catch (error) {
      expect((error as ValidationError).details?.issues).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: 'email' }), expect.objectContaining({ path: 'password' })]),
      );
    }
  });
});

describe('bearerToken', () => {
  it('reads the bearer token', () => {
    expect(bearerToken({ authorization: 'Bearer abc.def' })).toBe('abc.def');
  });
  it.each([undefined, {}, { authorization: 'Basic x' }, { authorization: 'Bearer' }])('rejects %j', (headers) => {
    expect(() => bearerToken(headers)).toThrow(UnauthorizedError);
  });
});
