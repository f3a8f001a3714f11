/**
 * The MQTT publisher's batch: up to 10 hand-offs, one publish per account (several hand-offs of one account in a
 * batch publish once: each publishes the newest stored state anyway). Broker failures are recorded on the
 * integration and acknowledged; only our own failures are reported back, for SQS to redeliver.
 */
import { ValidationError } from '../../errors';
import { parseInput } from '../../http/request';
import { publishAccountState, type MqttPublishDependencies, type PublishOutcome } from './publish-account-state';
import { mqttPublishRequestSchema } from './publish-request';

export interface PublishBatchLog {
  warn(message: string, detail: Record<string, unknown>): void;
  error(message: string, detail: Record<string, unknown>): void;
}

export async function processMqttPublishBatch(
  messages: ReadonlyArray<{ messageId: string; body: string }>,
  deps: MqttPublishDependencies & { log: PublishBatchLog },
): Promise<{ batchItemFailures: Array<{ itemIdentifier: string }>; outcomes: PublishOutcome[] }> {
  const byAccount = new Map<string, string[]>();
  const batchItemFailures: Array<{ itemIdentifier: string }> = [];
  for (const message of messages) {
    try {
      let json: unknown;
      try {
        json = JSON.parse(message.body);
      } catch {
        throw new ValidationError('MQTT publish message is not JSON');
      }
      const request = parseInput(json, mqttPublishRequestSchema);
      byAccount.set(request.accountId, [...(byAccount.get(request.accountId) ?? []), message.messageId]);
    } catch (error) {
      deps.log.warn('Malformed MQTT publish message', { messageId: message.messageId, error: error instanceof Error ? error.message : String(error) });
      batchItemFailures.push({ itemIdentifier: message.messageId });
    }
  }
  const outcomes: PublishOutcome[] = [];
  await Promise.all(
    [...byAccount].map(async ([accountId, messageIds]) => {
      try {
        outcomes.push(await publishAccountState(accountId, deps));
      } catch (error) {
        deps.log.error('MQTT publish failed; the queue will redeliver it', { accountId, error: error instanceof Error ? error.message : String(error) });
        batchItemFailures.push(...messageIds.map((itemIdentifier) => ({ itemIdentifier })));
      }
    }),
  );
  return { batchItemFailures, outcomes };
}
