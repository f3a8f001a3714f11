/**
 * A share link's sockets close the moment it expires, not at the next push. Creating a share queues one message
 * delayed until its expiry; SQS delays go up to 15 minutes, so a longer share hops: each delivery before the expiry
 * queues the message again for what is left. The delivery at or after the expiry closes every socket the share
 * opened (`session-ended`, reason `expired`). SQS delays are to the second, so that is within about a second of it.
 */
import * as z from '../validation/zod';
import { instantSchema } from '../api/wire-formats';
import type { Clock } from '../clock';
import { closeLiveConnections } from '../live/live-connections';
import type { LiveSockets } from '../live/live-connections';

export const shareExpiryMessageSchema = z.strictObject({
  type: z.literal('share-expiry'),
  accountId: z.string().check(z.minLength(1), z.maxLength(128)),
  shareId: z.string().check(z.minLength(1), z.maxLength(64)),
  expiresAt: instantSchema,
});
export type ShareExpiryMessage = z.infer<typeof shareExpiryMessageSchema>;

/** The queue the expiry waits in (SQS in AWS, the local stand-in under `npm start`). */
export interface ShareExpiryQueue {
  send(message: ShareExpiryMessage, delaySeconds: number): Promise<void>;
}

/** SQS's longest DelaySeconds. */
export const MAX_DELAY_SECONDS = 900;

export interface ShareExpiryDependencies {
  queue: ShareExpiryQueue;
  clock: Clock;
  /** Clock seconds per real second (1 in AWS; the local stack's --time-scale): queue delays are real seconds. */
  clockScale: number;
}

/** Real seconds to wait before looking again: what is left of the share, at most SQS's 15 minutes, rounded up. */
export function expiryDelaySeconds(expiresAt: string, now: Date, clockScale: number): number {
  const leftMs = Date.parse(expiresAt) - now.getTime();
  return Math.max(0, Math.min(MAX_DELAY_SECONDS, Math.ceil(leftMs / 1000 / clockScale)));
}

export async function scheduleShareExpiry(share: { accountId: string; shareId: string; expiresAt: string }, deps: ShareExpiryDependencies): Promise<void> {
  const message: ShareExpiryMessage = { type: 'share-expiry', accountId: share.accountId, shareId: share.shareId, expiresAt: share.expiresAt };
  await deps.queue.send(message, expiryDelaySeconds(share.expiresAt, deps.clock.now(), deps.clockScale));
}

/** One delivery: too early → queued again for what is left; due → the share's sockets close. */
export async function handleShareExpiry(
  message: ShareExpiryMessage,
  deps: ShareExpiryDependencies & { live: LiveSockets },
): Promise<{ closed: number } | { requeuedForSeconds: number }> {
  const now = deps.clock.now();
  if (Date.parse(message.expiresAt) > now.getTime()) {
    const delay = Math.max(1, expiryDelaySeconds(message.expiresAt, now, deps.clockScale));
    await deps.queue.send(message, delay);
    return { requeuedForSeconds: delay };
  }
  const closed = await closeLiveConnections(message.accountId, (c) => c.credentialKind === 'share' && c.credentialId === message.shareId, 'expired', deps.live);
  return { closed };
}
