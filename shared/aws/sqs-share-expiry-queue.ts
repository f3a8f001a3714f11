/** ShareExpiryQueue on SQS: the message waits DelaySeconds (whole seconds, at most 900) before it is delivered. */
import type { SQSClient } from '@aws-sdk/client-sqs';
import { MAX_DELAY_SECONDS, type ShareExpiryMessage, type ShareExpiryQueue } from '../sharing/share-expiry';

export class SqsShareExpiryQueue implements ShareExpiryQueue {
  /**
   * `sqs` resolves the client when the first message is sent. The SDK module is imported then, not at cold start:
   * the cooks function sends only when a share is made, and an SDK client's import is most of a cold start
   * (bench:lambda prints it per function).
   */
  constructor(
    private readonly sqs: () => Promise<SQSClient>,
    private readonly queueUrl: string,
  ) {}

  async send(message: ShareExpiryMessage, delaySeconds: number): Promise<void> {
    const [client, { SendMessageCommand }] = await Promise.all([this.sqs(), import('@aws-sdk/client-sqs')]);
    await client.send(
      new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(message), DelaySeconds: Math.max(0, Math.min(MAX_DELAY_SECONDS, Math.round(delaySeconds))) }),
    );
  }
}
