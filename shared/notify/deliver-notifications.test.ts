import { describe, expect, it } from 'vitest';
import type { AlarmEvent, ChannelDelivery } from '../alarms/alarm-event';
import type { AlarmStore } from '../alarms/alarm-store';
import { freshDeliveryState } from '../alarms/fire-event';
import { ManualClock } from '../clock';
import type { ChannelStore } from './channel-store';
import { deliverNotifications, type NotifyDependencies } from './deliver-notifications';
import type { NotificationChannel } from './notification-channel';
import type { DeliveryResult, Notifier } from './notifier';
import type { QueuedNotify } from './notify-message';
import type { LiveConnection } from '../live/connection-store';

const ACCOUNT = 'acct-1';
const CHANNEL = 'ch-hook';
const EVENT = '0001764000000000-ev1';

const event = (over: Partial<AlarmEvent> = {}): AlarmEvent => ({
  eventId: EVENT,
  accountId: ACCOUNT,
  alarmId: 'al-1',
  ruleName: null,
  kind: 'probe-disconnected',
  target: { type: 'probe', serial: 'SIG-1', channel: '4' },
  label: 'Middle',
  channel: '4',
  value: null,
  threshold: null,
  units: 'F',
  message: 'Middle (SIG-1, channel 4) is disconnected',
  urgent: false,
  notify: [CHANNEL],
  escalateEveryMinutes: 5,
  firedAt: '2026-11-20T08:00:00.000Z',
  ...freshDeliveryState(),
  ...over,
});

const webhook: NotificationChannel = {
  channelId: CHANNEL,
  accountId: ACCOUNT,
  name: 'hook',
  target: { type: 'webhook', url: 'https://hooks.example/alarm', preset: 'generic', sealedSecret: { v: 1, keyId: 'k', encryptedDataKey: 'e', iv: 'i', ciphertext: 'c', tag: 't' } },
  status: 'active',
  disabledReason: null,
  quietHours: null,
  consecutiveFailures: 0,
  lastDelivery: null,
  verifiedAt: null,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
};

/** A webhook that answers `results` in turn, and the stores and queue the notifier needs, in memory. */
function world(stored: AlarmEvent, results: DeliveryResult['outcome'][]) {
  const sentTo: string[] = [];
  const queued: QueuedNotify[] = [];
  const claims = new Map<string, 'claimed' | 'sent' | 'failed'>();
  const deliveries: Array<{ channelId: string; delivery: ChannelDelivery }> = [];
  const notifier: Notifier = {
    send: async (_channel, n) => {
      const outcome = results.shift() ?? 'sent';
      if (outcome === 'sent') sentTo.push(n.idempotencyKey);
      return outcome === 'sent' ? { outcome, detail: 'HTTP 200' } : { outcome, detail: 'HTTP 500' };
    },
  };
  // Only what deliverNotifications calls; the rest of each port is not reached by these messages.
  const alarms = {
    getEvent: async () => stored,
    getRule: async () => undefined,
    claimDelivery: async (_a: string, _e: string, key: string) => {
      if (claims.has(key)) return false;
      claims.set(key, 'claimed');
      return true;
    },
    completeDelivery: async (_a: string, _e: string, key: string, outcome: 'sent' | 'failed') => void claims.set(key, outcome),
    releaseDelivery: async (_a: string, _e: string, key: string) => void claims.delete(key),
    recordDelivery: async (_a: string, _e: string, channelId: string, delivery: ChannelDelivery) => void deliveries.push({ channelId, delivery }),
    markDelivered: async () => undefined,
    advanceEscalation: async () => false,
  } as unknown as AlarmStore; // a partial fake: the methods above are all the notifier uses for alarm messages
  const channels = {
    list: async () => [webhook],
    get: async () => webhook,
    recordOutcome: async () => ({ channel: webhook, disabledNow: false }),
  } as unknown as ChannelStore; // a partial fake, as above
  const deps: NotifyDependencies = {
    alarms,
    channels,
    notifiers: { webhook: notifier },
    queue: { send: async (messages) => void queued.push(...messages) },
    clock: new ManualClock('2026-11-20T08:00:01.000Z'),
    channelVault: { open: async () => 'whsec' } as unknown as NotifyDependencies['channelVault'], // only open() is used
    secrets: async () => undefined,
    connections: { listForAccount: async () => [] } as unknown as NotifyDependencies['connections'], // only listForAccount()
    pusher: { push: async () => 'sent', disconnect: async () => undefined },
    apiUrl: 'http://localhost/api',
    appUrl: 'http://localhost',
    log: { info: () => undefined, warn: () => undefined },
  };
  return { deps, sentTo, queued, deliveries };
}

describe('deliverNotifications: a channel that fails, retried', () => {
  it('retries a failing webhook with a delayed message of its own', async () => {
    const w = world(event(), ['retry']);
    const outcome = await deliverNotifications({ kind: 'alarm', accountId: ACCOUNT, eventId: EVENT, round: 0, attempt: 1 }, w.deps);
    expect(outcome.retried).toBe(1);
    expect(w.queued).toEqual([{ message: { kind: 'alarm', accountId: ACCOUNT, eventId: EVENT, round: 0, channelId: CHANNEL, attempt: 2 }, delaySeconds: 10 }]);
  });

  it('still delivers the first notification when the alarm resolved while the retry waited (the soak: it never arrived)', async () => {
    const w = world(event({ resolvedAt: '2026-11-20T08:00:05.000Z' }), ['sent']);
    const outcome = await deliverNotifications({ kind: 'alarm', accountId: ACCOUNT, eventId: EVENT, round: 0, channelId: CHANNEL, attempt: 2 }, w.deps);
    expect(outcome).toMatchObject({ sent: 1, dropped: false });
    expect(w.sentTo).toEqual([`${EVENT}:${CHANNEL}:0`]);
  });

  it('drops a retry once someone acknowledged, and an escalation round\'s retry once the alarm resolved', async () => {
    const acknowledged = world(event({ acknowledgedAt: '2026-11-20T08:00:03.000Z', acknowledgedVia: 'web' }), ['sent']);
    expect(await deliverNotifications({ kind: 'alarm', accountId: ACCOUNT, eventId: EVENT, round: 0, channelId: CHANNEL, attempt: 2 }, acknowledged.deps)).toMatchObject({ dropped: true });
    const escalation = world(event({ urgent: true, escalationRound: 1, resolvedAt: '2026-11-20T08:06:00.000Z' }), ['sent']);
    expect(await deliverNotifications({ kind: 'alarm', accountId: ACCOUNT, eventId: EVENT, round: 1, channelId: CHANNEL, attempt: 2 }, escalation.deps)).toMatchObject({ dropped: true });
    expect([...acknowledged.sentTo, ...escalation.sentTo]).toEqual([]);
  });
});

describe('deliverNotifications: open pages', () => {
  const page = (connectionId: string, credentialKind: LiveConnection['credentialKind'], over: Partial<LiveConnection> = {}): LiveConnection => ({
    connectionId,
    userId: 'u-1',
    accountId: ACCOUNT,
    credentialKind,
    credentialId: `cred-${connectionId}`,
    connectedAt: '2026-11-20T07:00:00.000Z',
    expiresAt: '2026-11-20T09:00:00.000Z',
    ...over,
  });
  const pages = [page('c-session', 'session'), page('c-token', 'apiToken'), page('c-share', 'share', { cookId: 'ck-1', serial: 'SIG-1' })];

  it('rings the account\'s own pages, never a share link\'s (its viewer sees the cook, not the alarms or where they go)', async () => {
    const w = world(event(), ['sent']);
    const pushed: Array<{ connectionId: string; type: string }> = [];
    w.deps.connections = { listForAccount: async () => pages, delete: async () => undefined } as unknown as NotifyDependencies['connections']; // listForAccount and delete only
    w.deps.pusher = { push: async (connectionId, message) => (pushed.push({ connectionId, type: message.type }), 'sent'), disconnect: async () => undefined };
    await deliverNotifications({ kind: 'alarm', accountId: ACCOUNT, eventId: EVENT, round: 0, attempt: 1 }, w.deps);
    await deliverNotifications({ kind: 'channel-disabled', accountId: ACCOUNT, channelId: CHANNEL }, w.deps);
    expect(pushed).toEqual([
      { connectionId: 'c-session', type: 'alarm' },
      { connectionId: 'c-token', type: 'alarm' },
      { connectionId: 'c-session', type: 'notification-channel' },
      { connectionId: 'c-token', type: 'notification-channel' },
    ]);
  });
});
