/** PollQueue on SQS: SendMessageBatch, 10 entries a call, entries SQS refuses retried once then counted. */
import { SendMessageBatchCommand, type SendMessageBatchRequestEntry, type SQSClient } from '@aws-sdk/client-sqs';
import type { PollQueue, ScheduledPoll } from '../polling/poll-request';

export const SQS_BATCH_LIMIT = 10;

export class SqsPollQueue implements PollQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(polls: readonly ScheduledPoll[]): Promise<{ sent: number; failed: number }> {
    const batches: SendMessageBatchRequestEntry[][] = [];
    for (let i = 0; i < polls.length; i += SQS_BATCH_LIMIT) {
      batches.push(
        polls.slice(i, i + SQS_BATCH_LIMIT).map((p, j) => ({
          Id: String(j),
          MessageBody: JSON.stringify(p.request),
          DelaySeconds: Math.max(0, Math.min(900, Math.round(p.delaySeconds))),
        })),
      );
    }
    let failed = 0;
    await Promise.all(
      batches.map(async (entries) => {
        let pending = entries;
        for (let attempt = 0; attempt < 2 && pending.length > 0; attempt++) {
          const out = await this.sqs.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }));
          const failedIds = new Set((out.Failed ?? []).filter((f) => !f.SenderFault).map((f) => f.Id));
          failed += (out.Failed ?? []).filter((f) => f.SenderFault).length;
          pending = pending.filter((e) => failedIds.has(e.Id));
        }
        failed += pending.length;
      }),
    );
    return { sent: polls.length - failed, failed };
  }
}
