/** NotifyQueue on SQS: a message that SQS refuses fails the send (the caller's message is retried, nothing is lost). */
import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { NotifyQueue, QueuedNotify } from '../notify/notify-message';
import { SQS_BATCH_LIMIT } from './sqs-poll-queue';

export class SqsNotifyQueue implements NotifyQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(messages: readonly QueuedNotify[]): Promise<void> {
    for (let i = 0; i < messages.length; i += SQS_BATCH_LIMIT) {
      const entries = messages.slice(i, i + SQS_BATCH_LIMIT).map((m, j) => ({
        Id: String(j),
        MessageBody: JSON.stringify(m.message),
        DelaySeconds: Math.max(0, Math.min(900, Math.round(m.delaySeconds))),
      }));
      const out = await this.sqs.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: entries }));
      if ((out.Failed ?? []).length > 0) throw new Error(`SQS refused ${out.Failed!.length} notify messages: ${out.Failed!.map((f) => f.Code).join(', ')}`);
    }
  }
}
