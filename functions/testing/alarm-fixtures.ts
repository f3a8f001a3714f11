/**
 * Test-only: a victim's alarm things for the route suites to aim at: a webhook channel and an alarm rule created
 * through the API, one alarm event written as the poll worker would (no threshold needs crossing for it), and a
 * signed acknowledge link for that event, as its notifications carry.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { newAlarmEventId, type AlarmEvent } from '../../shared/alarms/alarm-event';
import { freshDeliveryState } from '../../shared/alarms/fire-event';
import { DynamoAlarmStore } from '../../shared/aws/dynamo-alarm-store';
import { DynamoDeploymentSecretStore } from '../../shared/aws/dynamo-deployment-secret-store';
import { openNotifySecrets } from '../../shared/notify/deployment-secrets';
import { signLink, type LinkPayload } from '../../shared/notify/signed-link';
import { CredentialVault } from '../../shared/vault/credential-vault';
import { LocalKeyProvider } from '../../shared/vault/local-key-provider';

export interface AlarmFixtures {
  channelId: string;
  alarmId: string;
  alarmEventId: string;
  /** A signed acknowledge link for `alarmEventId` (POST /alarm-links {token}). */
  alarmLinkToken: string;
}

/**
 * Signs a link as the notifier would, with the local stack's link key (opened with the local vault key file the
 * stack set in this process's environment). The key exists once anyone listed notification channels.
 */
export async function signLocalLink(store: { db: DynamoDBDocumentClient; tableName: string }, payload: LinkPayload): Promise<string> {
  const keyFile = process.env.VAULT_LOCAL_KEY_FILE;
  if (!keyFile) throw new Error('signLocalLink needs the local stack running in this process (VAULT_LOCAL_KEY_FILE)');
  const vault = new CredentialVault(LocalKeyProvider.fromFile(keyFile), undefined, undefined, 'notification-secret');
  const secrets = await openNotifySecrets({ store: new DynamoDeploymentSecretStore(store.db, store.tableName), vault });
  if (!secrets) throw new Error('No link key yet: GET /notification-channels first');
  return signLink(secrets.linkKey, payload);
}

export async function createAlarmFixtures(
  api: string,
  token: string,
  store: { db: DynamoDBDocumentClient; tableName: string },
  victim: { accountId: string; serial: string; channel: string },
  now = new Date(),
): Promise<AlarmFixtures> {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${api}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  // Nothing listens on the discard port: a test notification to it fails quickly, which is all a fixture needs.
  const channel = await post('/notification-channels', { type: 'webhook', url: 'http://127.0.0.1:9/fixture', name: 'fixture hook' });
  const alarm = await post('/alarms', { serial: victim.serial, channel: victim.channel, kind: 'above', threshold: 900, units: 'F', notify: [channel.channelId] });
  const firedAt = new Date(now.getTime() - 3_600_000);
  const event: AlarmEvent = {
    eventId: newAlarmEventId(firedAt, 'fixture'),
    accountId: victim.accountId,
    alarmId: String(alarm.alarmId),
    ruleName: null,
    kind: 'above',
    target: { type: 'probe', serial: victim.serial, channel: victim.channel },
    label: 'Fixture probe',
    channel: victim.channel,
    value: 901,
    threshold: 900,
    units: 'F',
    message: 'Fixture probe is at or above 900 °F: 901 °F',
    urgent: true,
    notify: [String(channel.channelId)],
    escalateEveryMinutes: 5,
    firedAt: firedAt.toISOString(),
    ...freshDeliveryState(),
  };
  await new DynamoAlarmStore(store.db, store.tableName).putEvent(event);
  // Listing the channels makes the deployment's link key (first use), as the web app's settings page does.
  const listed = await fetch(`${api}/notification-channels`, { headers: { authorization: `Bearer ${token}` } });
  if (listed.status !== 200) throw new Error(`GET /notification-channels: ${listed.status} ${await listed.text()}`);
  const alarmLinkToken = await signLocalLink(store, { act: 'ack', acct: victim.accountId, id: event.eventId, exp: Math.floor(now.getTime() / 1000) + 3600 });
  return { channelId: String(channel.channelId), alarmId: String(alarm.alarmId), alarmEventId: event.eventId, alarmLinkToken };
}
