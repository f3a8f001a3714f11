/** An account's MQTT integration as stored (account partition, INTEGRATION#mqtt): the broker, and how publishing goes. */
import type { MqttIntegrationView, MqttStatus } from '../../api/integration-schemas';
import type { SealedSecret } from '../../vault/sealed-secret';

export interface MqttIntegrationRecord {
  accountId: string;
  /** The vault binds the sealed password to this user. */
  userId: string;
  url: string;
  username: string | null;
  sealedPassword: SealedSecret | null;
  discoveryPrefix: string;
  /** New on every PUT: a publish that read an older version does not overwrite the newer one's state. */
  version: string;
  createdAt: string;
  updatedAt: string;
  status: MqttStatus;
  /** Topics Pitwatch left retained on the broker (discovery configs and states) → a hash of the payload. */
  retained: Record<string, string>;
  /** When every discovery config was last sent again, in case the broker lost its retained messages. */
  discoveryRefreshedAt: string | null;
}

export interface MqttIntegrationStore {
  get(accountId: string): Promise<MqttIntegrationRecord | undefined>;
  put(record: MqttIntegrationRecord): Promise<void>;
  /** Records a publish's outcome unless the integration was replaced or removed meanwhile (then false). */
  recordPublish(accountId: string, version: string, update: Pick<MqttIntegrationRecord, 'status' | 'retained' | 'discoveryRefreshedAt'>): Promise<boolean>;
  /** The removed record, if there was one. */
  delete(accountId: string): Promise<MqttIntegrationRecord | undefined>;
}

/** Where POST /integrations/mqtt/test publishes its one message (not retained). */
export const TEST_TOPIC = 'pitwatch/test';

export const pendingStatus: MqttStatus = { state: 'pending', message: null, lastAttemptAt: null, lastSuccessAt: null, consecutiveFailures: 0, retryAt: null };

export function mqttIntegrationView(record: MqttIntegrationRecord): MqttIntegrationView {
  return {
    url: record.url,
    username: record.username,
    hasPassword: record.sealedPassword !== null,
    discoveryPrefix: record.discoveryPrefix,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    status: record.status,
    entities: Object.keys(record.retained).filter((t) => t.startsWith(`${record.discoveryPrefix}/`)).length,
  };
}

/** Whether a poll should hand the account's state to the publisher now: not while it backs off after failures. */
export function publishDue(record: Pick<MqttIntegrationRecord, 'status'>, now: Date): boolean {
  return record.status.retryAt === null || Date.parse(record.status.retryAt) <= now.getTime();
}
