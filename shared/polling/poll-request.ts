import * as z from '../validation/zod';

/** One SQS message: poll this linked account at (or after) this moment. */
export const pollRequestSchema = z.object({
  userId: z.string().check(z.minLength(1), z.maxLength(256)),
  /**
   * ISO time the dispatcher meant this poll for: logs and metrics tell late polls from on-time ones. The queue's real
   * time, like SQS's delays (not the local stack's simulated clock).
   */
  dueAt: z.iso.datetime(),
});
export type PollRequest = z.infer<typeof pollRequestSchema>;

export interface ScheduledPoll {
  request: PollRequest;
  /** SQS DelaySeconds (0–900): how the sub-minute cadence is spread across the minute. */
  delaySeconds: number;
}

/** The poll queue port: SQS in AWS, an in-process queue in the local stack. */
export interface PollQueue {
  send(polls: readonly ScheduledPoll[]): Promise<{ sent: number; failed: number }>;
}
