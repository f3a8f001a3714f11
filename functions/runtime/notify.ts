/**
 * Alarm and notification adapters: the stores (DynamoDB), the notify queue (SQS in AWS, the local SQS stand-in
 * locally), the deployment's notification secrets, the egress policy webhooks and push endpoints are checked against.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoAlarmStore } from '../../shared/aws/dynamo-alarm-store';
import { DynamoChannelStore } from '../../shared/aws/dynamo-channel-store';
import { DynamoDeploymentSecretStore } from '../../shared/aws/dynamo-deployment-secret-store';
import { SqsNotifyQueue } from '../../shared/aws/sqs-notify-queue';
import { ConfigError } from '../../shared/config';
import type { ChannelAvailability } from '../../shared/notify/manage-channels';
import { loadNotifyConfig, type NotifyConfig } from '../../shared/notify/notify-config';
import type { NotifyQueue } from '../../shared/notify/notify-message';
import type { EgressPolicy } from '../../shared/egress/ssrf-guard';
import type { CoreDependencies } from './core-dependencies';

export const createAlarmStore = (deps: CoreDependencies) => new DynamoAlarmStore(deps.db(), deps.config.tableName);
export const createChannelStore = (deps: CoreDependencies) => new DynamoChannelStore(deps.db(), deps.config.tableName);
export const createDeploymentSecretStore = (deps: CoreDependencies) => new DynamoDeploymentSecretStore(deps.db(), deps.config.tableName);

const notifyConfigs = new WeakMap<CoreDependencies, NotifyConfig>();
/** The notify section of the configuration, read once per composition root. */
export function notifyConfigOf(deps: CoreDependencies): NotifyConfig {
  let config = notifyConfigs.get(deps);
  if (!config) notifyConfigs.set(deps, (config = loadNotifyConfig(deps.env)));
  return config;
}

export function createNotifyQueue(deps: CoreDependencies): NotifyQueue {
  const queue = notifyConfigOf(deps).queue;
  if (!queue) throw new ConfigError('NOTIFY_QUEUE_URL is not set');
  return new SqsNotifyQueue(new SQSClient({ region: deps.config.region, ...(queue.endpoint ? { endpoint: queue.endpoint } : {}) }), queue.url);
}

/** The one egress policy (shared/config.ts), the same for webhooks, push endpoints and MQTT brokers. */
export const egressPolicyOf = (deps: CoreDependencies): EgressPolicy => deps.config.egress;

export const channelAvailabilityOf = (deps: CoreDependencies): ChannelAvailability => ({
  email: { available: notifyConfigOf(deps).emailFrom !== undefined },
  sms: { available: notifyConfigOf(deps).smsPerHour > 0, perHour: notifyConfigOf(deps).smsPerHour },
});
