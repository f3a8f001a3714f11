import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoMqttIntegrationStore } from '../../shared/aws/dynamo-mqtt-integration-store';
import { SqsStateHandOff } from '../../shared/aws/sqs-state-hand-off';
import type { StateHandOff } from '../../shared/integrations/mqtt/publish-request';
import type { CoreDependencies } from './core-dependencies';

/** The poll worker's hand-off to the MQTT publisher, when the stack has one (MQTT_PUBLISH_QUEUE_URL). */
export function createMqttHandOff(deps: CoreDependencies): StateHandOff | undefined {
  const queue = deps.config.mqttPublishQueue;
  if (!queue) return undefined;
  return new SqsStateHandOff(new SQSClient({ region: deps.config.region, ...(queue.endpoint ? { endpoint: queue.endpoint } : {}) }), queue.url);
}

export function createMqttIntegrationStore(deps: CoreDependencies): DynamoMqttIntegrationStore {
  return new DynamoMqttIntegrationStore(deps.db(), deps.config.tableName);
}
