/**
 * Signed links: what lets an email, a webhook receiver or a push notification's button act on one alarm without a
 * session. A token names the account, the thing and the action, and when it stops working; it is
 * `base64url(JSON payload).base64url(HMAC-SHA256)` under the deployment's link key (kept vault-sealed, see
 * deployment-secrets.ts). Verification is constant-time and checks the expiry against the injected clock.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import * as z from '../validation/zod';

export const linkPayloadSchema = z.strictObject({
  /** acknowledge or snooze an event; verify an email channel. */
  act: z.enum(['ack', 'snooze', 'verify']),
  acct: z.string().check(z.minLength(1), z.maxLength(128)),
  /** eventId (ack, snooze) or channelId (verify). */
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  /** Expiry, unix seconds. */
  exp: z.number().check(z.int(), z.positive()),
});
export type LinkPayload = z.infer<typeof linkPayloadSchema>;

/** Acknowledge links last a day: long enough for a morning-after click, short enough that an old email is inert. */
export const ACK_LINK_TTL_SECONDS = 24 * 3600;
export const VERIFY_LINK_TTL_SECONDS = 7 * 24 * 3600;

const mac = (key: Buffer, text: string) => createHmac('sha256', key).update(`pitwatch-link:${text}`).digest();

export function signLink(key: Buffer, payload: LinkPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(key, body).toString('base64url')}`;
}

export type LinkCheck = { ok: true; payload: LinkPayload } | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' };

export function verifyLink(key: Buffer, token: string, now: Date): LinkCheck {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, body);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-signature' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = linkPayloadSchema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  if (parsed.data.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, payload: parsed.data };
}
