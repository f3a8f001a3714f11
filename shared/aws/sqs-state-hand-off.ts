/** StateHandOff on SQS: one SendMessage per poll with news, bounded so a slow SQS cannot hold a poll up for long. */
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { MqttPublishRequest, StateHandOff } from '../integrations/mqtt/publish-request';

const HAND_OFF_TIMEOUT_MS = 2000;

export class SqsStateHandOff implements StateHandOff {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async handOff(request: MqttPublishRequest): Promise<void> {
    await this.sqs.send(new SendMessageCommand({ QueueUrl: this.queueUrl, MessageBody: JSON.stringify(request) }), {
      abortSignal: AbortSignal.timeout(HAND_OFF_TIMEOUT_MS),
    });
  }
}
