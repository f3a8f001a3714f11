/**
 * The MQTT publisher's one job, for one account: read what the last poll stored (one Query of the account
 * partition), turn it into Home Assistant's discovery configs and states, and send what changed to the user's broker
 * (QoS 1, retained), clearing (empty retained payload) whatever it left retained that is no longer wanted: a device
 * gone, a cook ended. A broker that is down or refuses is recorded on the integration's status and retried with
 * backoff; only our own failures (DynamoDB) are thrown, for the queue to redeliver.
 */
import { createHash } from 'node:crypto';
import { liveCookView } from '../../cooks/cook-views';
import type { DeviceStore } from '../../devices/device-store';
import { connectToBroker, failureMessage, openBrokerPassword, statusAfter, type BrokerSessionDependencies } from './broker-session';
import { homeAssistantMessages } from './home-assistant-discovery';
import type { MqttConnection } from './mqtt-broker';
import { publishDue, type MqttIntegrationStore } from './mqtt-integration';

/** Every discovery config is sent again at least this often, in case the broker lost its retained messages. */
const DISCOVERY_REFRESH_MS = 3600_000;
export interface MqttPublishDependencies extends BrokerSessionDependencies {
  devices: Pick<DeviceStore, 'listAccountDevices'>;
  integrations: MqttIntegrationStore;
}

export interface PublishOutcome {
  accountId: string;
  result: 'published' | 'failed' | 'backing-off' | 'no-integration' | 'superseded';
  published: number;
  cleared: number;
  message?: string;
}

const hash = (payload: string) => createHash('sha256').update(payload).digest('base64url').slice(0, 16);

export async function publishAccountState(accountId: string, deps: MqttPublishDependencies): Promise<PublishOutcome> {
  const account = await deps.devices.listAccountDevices(accountId);
  const record = account.mqtt;
  if (!record) return { accountId, result: 'no-integration', published: 0, cleared: 0 };
  const now = deps.clock.now();
  if (!publishDue(record, now)) return { accountId, result: 'backing-off', published: 0, cleared: 0 };

  const { configs, states } = homeAssistantMessages({ devices: account.devices, latest: account.latest, cooks: account.cooks.map(liveCookView) }, record.discoveryPrefix);
  const refresh = record.discoveryRefreshedAt === null || record.status.state !== 'ok' || now.getTime() - Date.parse(record.discoveryRefreshedAt) >= DISCOVERY_REFRESH_MS;
  const wanted = new Map([...configs, ...states]);
  // Configs only when new or changed (or on a refresh); states every time: they are this poll's news.
  const toSend = [...configs].filter(([topic, payload]) => refresh || record.retained[topic] !== hash(payload)).concat([...states]);
  const toClear = Object.keys(record.retained).filter((topic) => !wanted.has(topic));

  let connection: MqttConnection | undefined;
  try {
    const password = await openBrokerPassword(record, 'mqtt-publish', deps);
    connection = await connectToBroker(record, password, deps);
    // One connection, in order (configs before states): MQTT.js pipelines them, QoS 1 acknowledges each.
    await Promise.all([
      ...toSend.map(([topic, payload]) => connection!.publish(topic, payload, { retain: true })),
      ...toClear.map((topic) => connection!.publish(topic, '', { retain: true })),
    ]);
  } catch (error) {
    const message = failureMessage(error);
    if (message === null) throw error;
    deps.secretCache?.delete(accountId);
    const stored = await deps.integrations.recordPublish(accountId, record.version, { status: statusAfter(record.status, now, message), retained: record.retained, discoveryRefreshedAt: record.discoveryRefreshedAt });
    return { accountId, result: stored ? 'failed' : 'superseded', published: 0, cleared: 0, message };
  } finally {
    await connection?.end();
  }
  const retained = Object.fromEntries([...wanted].map(([topic, payload]) => [topic, hash(payload)]));
  const stored = await deps.integrations.recordPublish(accountId, record.version, {
    status: statusAfter(record.status, now, null),
    retained,
    discoveryRefreshedAt: refresh ? now.toISOString() : record.discoveryRefreshedAt,
  });
  return { accountId, result: stored ? 'published' : 'superseded', published: toSend.length, cleared: toClear.length };
}
