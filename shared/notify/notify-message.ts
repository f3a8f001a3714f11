/**
 * Messages on the notify queue (poll worker and HTTP routes → notifier). An alarm message is one round of one event
 * (round 0 is the first notification, later rounds escalate), or, with `channelId`, one channel's retry of it.
 */
import * as z from '../validation/zod';
import { idSchema } from '../api/wire-formats';

const accountId = z.string().check(z.minLength(1), z.maxLength(128));

export const notifyMessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('alarm'),
    accountId,
    eventId: idSchema,
    round: z.number().check(z.int(), z.minimum(0), z.maximum(1000)),
    channelId: z.optional(idSchema),
    attempt: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(20)), 1),
  }),
  z.strictObject({ kind: z.literal('test'), accountId, channelId: idSchema }),
  z.strictObject({ kind: z.literal('verify'), accountId, channelId: idSchema }),
  z.strictObject({ kind: z.literal('channel-disabled'), accountId, channelId: idSchema }),
]);
export type NotifyMessage = z.input<typeof notifyMessageSchema>;
export type ParsedNotifyMessage = z.output<typeof notifyMessageSchema>;

export interface QueuedNotify {
  message: NotifyMessage;
  delaySeconds: number;
}

/** The notify queue port: SQS in AWS, the local SQS stand-in locally. Throws when SQS takes not all of them. */
export interface NotifyQueue {
  send(messages: readonly QueuedNotify[]): Promise<void>;
}
