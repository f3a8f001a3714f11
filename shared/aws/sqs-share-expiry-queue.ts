/** ShareExpiryQueue on SQS: the message waits DelaySeconds (whole seconds, at most 900) before it is delivered. */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { MAX_DELAY_SECONDS, type ShareExpiryMessage, type ShareExpiryQueue } from '../sharing/share-expiry';

export class SqsShareExpiryQueue implements ShareExpiryQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(message: ShareExpiryMessage, delaySeconds: number): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(message), DelaySeconds: Math.max(0, Math.min(MAX_DELAY_SECONDS, Math.round(delaySeconds))) }),
    );
  }
}
