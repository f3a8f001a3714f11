/**
 * Test-only: a victim's alarm things for the route suites to aim at: a webhook channel and an alarm rule created
 * through the API, and one alarm event written as the poll worker would (no threshold needs crossing for it).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { newAlarmEventId, type AlarmEvent } from '../../shared/alarms/alarm-event';
import { DynamoAlarmStore } from '../../shared/aws/dynamo-alarm-store';

export interface AlarmFixtures {
  channelId: string;
  alarmId: string;
  alarmEventId: string;
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
    deliveredAt: null,
    acknowledgedAt: null,
    acknowledgedVia: null,
    resolvedAt: null,
    deliveries: {},
    escalationRound: 0,
  };
  await new DynamoAlarmStore(store.db, store.tableName).putEvent(event);
  return { channelId: String(channel.channelId), alarmId: String(alarm.alarmId), alarmEventId: event.eventId };
}
