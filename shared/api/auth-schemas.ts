/** Wire contracts of the session routes: sign-out, the session list, revoking sessions. */
import * as z from '../validation/zod';
import { idSchema } from './wire-formats';

/** No body, no query: routes that take nothing say so, so that anything sent is rejected rather than ignored. */
export const emptyQuerySchema = z.strictObject({});

export const signedOutSchema = z.object({ signedOut: z.literal(true) });

export const sessionViewSchema = z.object({
  sessionId: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  /** When it ends if unused (sliding), never later than `absoluteExpiresAt`. */
  expiresAt: z.string(),
  absoluteExpiresAt: z.string(),
  /** The browser or tool that signed in, as it named itself (truncated). */
  userAgent: z.nullable(z.string()),
  /** Coarse: the /24 (IPv4) or /48 (IPv6) the sign-in came from. */
  ipPrefix: z.nullable(z.string()),
  /** The session making this request. */
  current: z.boolean(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const sessionListSchema = z.object({ sessions: z.array(sessionViewSchema) });

export const sessionParamsSchema = z.strictObject({ sessionId: idSchema });

export const revokedSchema = z.object({ revoked: z.number().check(z.int(), z.nonnegative()) });
