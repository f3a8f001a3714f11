import * as z from '../validation/zod';
import { ValidationError } from '../errors';
import type { CookPageKey } from './cook-store';

const keySchema = z.strictObject({ c: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/)), s: z.iso.datetime() });

/** A page cursor: where the last page ended (a cook id and its start), nothing that names an account. */
export function encodeCookCursor(key: CookPageKey): string {
  return Buffer.from(JSON.stringify({ c: key.cookId, s: key.startedAt })).toString('base64url');
}

export function decodeCookCursor(cursor: string): CookPageKey {
  try {
    const parsed = keySchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { cookId: parsed.c, startedAt: parsed.s };
  } catch {
    throw new ValidationError('Request is invalid.', { details: { issues: [{ path: 'cursor', message: 'not a cursor this API returned' }] } });
  }
}
