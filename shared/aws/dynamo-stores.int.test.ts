import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { freshTable } from '../../infra/local/testing/local-table';
import type { LinkedAccount } from '../auth/account-store';
import type { DeviceRecord, LatestReading } from '../devices/device-store';
import type { Reading } from '../readings/reading';
import type { AlarmRule } from '../alarms/alarm-rule';
import { INITIAL_RULE_STATE } from '../alarms/rule-state';
import { DynamoAccountStore } from './dynamo-account-store';
import { DynamoAlarmStore } from './dynamo-alarm-store';
import { DynamoConnectionStore } from './dynamo-connection-store';
import { DynamoDeviceStore } from './dynamo-device-store';
import { defaultDynamoHistoryOptions, DynamoReadingStore } from './dynamo-reading-store';
import { ManualClock } from '../clock';
import { binReadings } from '../readings/bin-readings';
import { DynamoSessionStore } from './dynamo-session-store';
import { describeReadingStoreContract } from '../readings/reading-store.contract';

let db: DynamoDBDocumentClient;
let tableName: string;

beforeAll(async () => {
  ({ db, tableName } = await freshTable(inject('dynamoEndpoint')));
});

function latest(at: string | null, over: Partial<LatestReading> = {}): LatestReading {
  return { accountId: 'a1', serial: 'S1', channel: '1', label: 'Pit', value: 225, units: 'F', status: 'NORMAL', probeConnected: true, at, ...over };
}

describe('DynamoDeviceStore', () => {
  const device = (over: Partial<DeviceRecord> = {}): DeviceRecord => ({
    accountId: 'a1', serial: 'S1', label: 'Smoker', kind: 'signals', online: true, battery: 80, wifiDbm: -60, lastSeen: null, updatedAt: 'now', pendingGaps: [], lastArchiveCheckAt: null, ...over,
  });

  it('stores each channel\'s latest reading on the device item only when it is newer, or when the probe state changed', async () => {
    const store = new DynamoDeviceStore(db, tableName);
    const stored = async (...l: LatestReading[]) => (await store.putDevice(device(), l)).map((x) => `${x.channel}@${x.at}/${x.status}`);
    expect(await stored(latest('2026-11-01T20:00:00.000Z'))).toEqual(['1@2026-11-01T20:00:00.000Z/NORMAL']);
    expect(await stored(latest('2026-11-01T20:00:00.000Z'))).toEqual([]);
    expect(await stored(latest('2026-11-01T19:59:00.000Z', { value: 1 }))).toEqual([]);
    expect(await stored(latest('2026-11-01T20:00:00.000Z', { status: 'NO PROBE', probeConnected: false, value: null }))).toEqual(['1@2026-11-01T20:00:00.000Z/NO PROBE']);
    // One write for several channels: the stale one is dropped, the others are stored together.
    expect(
      await stored(latest('2026-11-01T20:00:05.000Z', { value: 226 }), latest('2026-11-01T19:00:00.000Z', { channel: '2' }), latest(null, { channel: '3', value: null })),
    ).toEqual(['1@2026-11-01T20:00:05.000Z/NORMAL', '2@2026-11-01T19:00:00.000Z/NORMAL', '3@null/NORMAL']);
    expect(await stored(latest('2026-11-01T20:00:05.000Z', { value: 226 }), latest('2026-11-01T19:00:15.000Z', { channel: '2' }))).toEqual(['2@2026-11-01T19:00:15.000Z/NORMAL']);
    await store.putDevice(device({ accountId: 'a2', serial: 'S9', label: 'Other', kind: 'smoke' }), []);
    const listed = await store.listAccountDevices('a1');
    expect(listed.devices).toEqual([device()]);
    expect(listed.latest.sort((a, b) => a.channel.localeCompare(b.channel))).toEqual([
      latest('2026-11-01T20:00:05.000Z', { value: 226 }),
      latest('2026-11-01T19:00:15.000Z', { channel: '2' }),
      latest(null, { channel: '3', value: null }),
    ]);
    expect(await store.getDevice('a1', 'S1')).toEqual(device());
  });

  it('still reads latest readings stored one item per channel, as before they moved onto the device item', async () => {
    const store = new DynamoDeviceStore(db, tableName);
    const old = latest('2026-11-01T18:00:00.000Z', { accountId: 'a3', channel: '4' });
    await db.send(new PutCommand({ TableName: tableName, Item: { PK: 'ACCOUNT#a3', SK: 'LATEST#S1#4', type: 'latest', ...old, atKey: old.at } }));
    await store.putDevice(device({ accountId: 'a3' }), [latest('2026-11-01T18:00:15.000Z', { accountId: 'a3' })]);
    const listed = await store.listAccountDevices('a3');
    expect(listed.latest.map((l) => l.channel).sort()).toEqual(['1', '4']);
    expect(listed.latest.find((l) => l.channel === '4')).toEqual(old);
  });
});

describe('DynamoAlarmStore: the thermometer’s own alarm', () => {
  const rule: AlarmRule = {
    alarmId: 'r1', accountId: 'a-alarm', name: null, target: { type: 'probe', serial: 'S1', channel: '2' }, kind: 'above', threshold: 203, low: null, high: null, band: null,
    minutes: null, units: 'F', hysteresis: 2, cooldownMinutes: 5, notify: [], urgent: false, escalateEveryMinutes: 5, enabled: true, snoozedUntil: null, deviceAlarm: true,
    createdAt: '2026-11-20T07:00:00.000Z', updatedAt: '2026-11-20T07:00:00.000Z',
  };

  it('records the poll’s result only while the status is still the one the poll read', async () => {
    const store = new DynamoAlarmStore(db, tableName);
    const read = { status: 'pending' as const, detail: null, at: '2026-11-20T08:00:00.000Z' };
    await store.putRule({ rule, state: { ...INITIAL_RULE_STATE }, deviceAlarm: read });
    // The user changes the threshold after the poll read the rule: a newer pending.
    const newer = { status: 'pending' as const, detail: null, at: '2026-11-20T08:00:05.000Z' };
    await store.updateRule({ ...rule, threshold: 205 }, { deviceAlarm: newer });
    await store.saveDeviceAlarm('a-alarm', 'r1', { status: 'written', detail: null, at: '2026-11-20T08:00:06.000Z' }, read);
    expect((await store.getRule('a-alarm', 'r1'))?.deviceAlarm).toEqual(newer);
    await store.saveDeviceAlarm('a-alarm', 'r1', { status: 'written', detail: null, at: '2026-11-20T08:00:20.000Z' }, newer);
    expect((await store.getRule('a-alarm', 'r1'))?.deviceAlarm).toMatchObject({ status: 'written' });
    // A rule deleted meanwhile stays deleted.
    await store.deleteRule('a-alarm', 'r1');
    await store.saveDeviceAlarm('a-alarm', 'r1', { status: 'written', detail: null, at: 'x' }, newer);
    expect(await store.getRule('a-alarm', 'r1')).toBeUndefined();
  });

  it('adds clears of one channel up, reads them with the partition, and forgets one only if not asked again', async () => {
    const store = new DynamoAlarmStore(db, tableName);
    const devices = new DynamoDeviceStore(db, tableName);
    const off = (value: number) => ({ enabled: false, value, units: 'F' as const });
    await store.requestDeviceAlarmClear('a-clear', { serial: 'S1', channel: '2', alarms: { high: off(203) }, alarmIds: ['r1'], requestedAt: 't1' });
    await store.requestDeviceAlarmClear('a-clear', { serial: 'S1', channel: '2', alarms: { low: off(150) }, alarmIds: ['r2'], requestedAt: 't2' });
    const [clear] = (await devices.listAccountDevices('a-clear')).deviceAlarmClears ?? [];
    expect(clear).toEqual({ serial: 'S1', channel: '2', alarms: { high: off(203), low: off(150) }, alarmIds: ['r1', 'r2'], requestedAt: 't2' });
    await store.deviceAlarmCleared('a-clear', { ...clear!, requestedAt: 't1' });
    expect((await devices.listAccountDevices('a-clear')).deviceAlarmClears).toHaveLength(1);
    await store.deviceAlarmCleared('a-clear', clear!);
    expect((await devices.listAccountDevices('a-clear')).deviceAlarmClears).toBeUndefined();
  });
});

describe('DynamoReadingStore', () => {
  it('stores each reading once and returns a time range across hour buckets, oldest first', async () => {
    const store = new DynamoReadingStore(db, tableName);
    const base = Date.UTC(2026, 10, 1, 19, 58);
    const readings: Reading[] = Array.from({ length: 60 }, (_, i) => ({ accountId: 'a1', serial: 'S1', channel: '2', value: 150 + i / 10, units: 'F', at: new Date(base + i * 15_000) }));
    expect(await store.write(readings)).toEqual({ written: 60, rejected: 0 });
    expect(await store.write(readings.slice(0, 30))).toEqual({ written: 30, rejected: 0 });
    const back = await store.query({ accountId: 'a1', serial: 'S1', channel: '2', from: new Date(base), to: new Date(base + 3600_000) });
    expect(back).toHaveLength(60);
    expect(back.map((r) => r.at.getTime())).toEqual(readings.map((r) => r.at.getTime()));
    expect(back[5]).toEqual(readings[5]);
    const window = await store.query({ accountId: 'a1', serial: 'S1', channel: '2', from: new Date(base + 60_000), to: new Date(base + 120_000) });
    expect(window.map((r) => r.value)).toEqual([150.4, 150.5, 150.6, 150.7]);
  });
});

describe('DynamoAccountStore', () => {
  it('lists every link across pages and updates status', async () => {
    const store = new DynamoAccountStore(db, tableName);
    const sealed = { v: 1 as const, keyId: 'k', encryptedDataKey: 'e', iv: 'i', ciphertext: 'c', tag: 't' };
    const link = (n: number): LinkedAccount => ({ userId: `u${n}`, accountId: `acct${n}`, email: `u${n}@x.co`, sealedRefreshToken: sealed, status: 'ok', statusMessage: null, linkedAt: 'then', lastPolledAt: null, lastReadingAt: null });
    for (let n = 0; n < 5; n++) await store.putLink(link(n));
    await store.updateLinkStatus('u3', { status: 'relink-needed', statusMessage: 'TOKEN_EXPIRED', polledAt: '2026-11-01T00:00:00.000Z' });
    await store.updateLinkStatus('u2', { status: 'ok', statusMessage: null, polledAt: '2026-11-01T00:00:00.000Z', lastReadingAt: '2026-11-01T00:00:01.000Z' });
    const all: LinkedAccount[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listLinks(cursor);
      all.push(...page.links);
      cursor = page.cursor;
    } while (cursor);
    expect(all.map((l) => l.userId).sort()).toEqual(['u0', 'u1', 'u2', 'u3', 'u4']);
    expect(await store.getLink('u3')).toMatchObject({ status: 'relink-needed', statusMessage: 'TOKEN_EXPIRED', sealedRefreshToken: sealed, lastReadingAt: null });
    expect(await store.getLink('u2')).toMatchObject({ status: 'ok', lastReadingAt: '2026-11-01T00:00:01.000Z' });
    await expect(store.updateLinkStatus('nobody', { status: 'ok', statusMessage: null, polledAt: 'x' })).rejects.toThrow();
  });
});

describe('DynamoSessionStore and DynamoConnectionStore', () => {
  it('round-trips sessions and finds connections by account', async () => {
    const sessions = new DynamoSessionStore(db, tableName);
    const session = {
      tokenHash: 'h1',
      sessionId: 's1',
      userId: 'u1',
      accountId: 'a1',
      email: 'e@x.co',
      createdAt: '2026-11-01T00:00:00.000Z',
      lastUsedAt: '2026-11-01T00:00:00.000Z',
      expiresAt: '2026-11-08T00:00:00.000Z',
      absoluteExpiresAt: '2099-12-01T00:00:00.000Z',
      userAgent: 'test',
      ipPrefix: '127.0.0.0/24',
    };
    await sessions.put(session);
    await sessions.put({ ...session, tokenHash: 'h2', sessionId: 's2', createdAt: '2026-11-02T00:00:00.000Z' });
    await sessions.put({ ...session, tokenHash: 'h3', sessionId: 's3', userId: 'u2' });
    expect(await sessions.get('h1')).toEqual(session);
    expect((await sessions.listForUser('u1')).map((s) => s.sessionId)).toEqual(['s1', 's2']);
    expect(await sessions.touch('h1', '2026-11-03T00:00:00.000Z', '2026-11-10T00:00:00.000Z')).toBe(true);
    expect(await sessions.get('h1')).toEqual({ ...session, lastUsedAt: '2026-11-03T00:00:00.000Z', expiresAt: '2026-11-10T00:00:00.000Z' });
    expect(await sessions.delete('h1')).toBe(true);
    expect(await sessions.delete('h1')).toBe(false);
    expect(await sessions.get('h1')).toBeUndefined();
    // A use racing a revocation never brings the session back.
    expect(await sessions.touch('h1', '2026-11-03T00:00:00.000Z', '2026-11-10T00:00:00.000Z')).toBe(false);
    expect(await sessions.get('h1')).toBeUndefined();

    const connections = new DynamoConnectionStore(db, tableName);
    const c = (id: string, accountId: string) => ({ connectionId: id, userId: 'u', accountId, credentialKind: 'session' as const, credentialId: `s-${id}`, connectedAt: 'now', expiresAt: '2099-11-01T02:00:00.000Z' });
    await connections.put(c('c1', 'a1'));
    await connections.put(c('c2', 'a1'));
    await connections.put(c('c3', 'a2'));
    expect((await connections.listForAccount('a1')).map((x) => x.connectionId).sort()).toEqual(['c1', 'c2']);
    await connections.delete('c1');
    expect(await connections.listForAccount('a1')).toEqual([c('c2', 'a1')]);
  });
});

describe('DynamoDecryptAudit', () => {
  it('records each decrypt of a credential, newest first per user', async () => {
    const { DynamoDecryptAudit } = await import('./dynamo-decrypt-audit');
    const { CredentialVault } = await import('../vault/credential-vault');
    const { LocalKeyProvider } = await import('../vault/local-key-provider');
    const { randomBytes } = await import('node:crypto');
    const audit = new DynamoDecryptAudit(db, tableName);
    let now = new Date('2026-11-01T10:00:00.000Z');
    const vault = new CredentialVault(new LocalKeyProvider(randomBytes(32)), audit, () => now);
    const sealed = await vault.seal('refresh', 'auditee');
    await vault.open(sealed, 'auditee', 'poll');
    now = new Date('2026-11-01T11:00:00.000Z');
    await vault.open(sealed, 'auditee', 'rotation');
    await expect(vault.open(sealed, 'someone-else', 'poll')).rejects.toThrow();
    expect(await audit.list('auditee')).toEqual([
      { userId: 'auditee', purpose: 'rotation', keyId: sealed.keyId, at: '2026-11-01T11:00:00.000Z' },
      { userId: 'auditee', purpose: 'poll', keyId: sealed.keyId, at: '2026-11-01T10:00:00.000Z' },
    ]);
    expect(await audit.list('someone-else')).toEqual([]);
  });
});

describeReadingStoreContract('DynamoDB (on DynamoDB Local)', async () => {
  const fresh = await freshTable(inject('dynamoEndpoint'));
  return new DynamoReadingStore(fresh.db, fresh.tableName);
});

describe('DynamoReadingStore roll-ups', () => {
  const HOUR = 3_600_000;
  const base = Date.UTC(2026, 10, 2, 10, 0);
  const points = (channel: string, fromMs: number, count: number): Reading[] =>
    Array.from({ length: count }, (_, i) => ({ accountId: 'a-roll', serial: 'S1', channel, value: 100 + i, units: 'F', at: new Date(fromMs + i * 15_000) }));

  it('rolls an hour up once it is over, and rolls up at once what arrives for an hour already over', async () => {
    const clock = new ManualClock(base + 10 * 60_000);
    const store = new DynamoReadingStore(db, tableName, defaultDynamoHistoryOptions, clock);
    const hour = [...points('1', base, 240), ...points('2', base, 240)];
    await store.write(hour.slice(0, 40)); // during the hour: raw points only
    clock.set(base + HOUR + 5_000);
    await store.write(hour.slice(40)); // late uploads after the hour's end: straight into their roll-ups
    const longRange = (channel: string) => store.query({ accountId: 'a-roll', serial: 'S1', channel, from: new Date(base - HOUR), to: new Date(base + 2 * HOUR), binSeconds: 600 });
    clock.set(base + 4 * HOUR); // the raw layer no longer covers "recent" reads of that hour
    const beforeCompaction = await longRange('1');
    expect(beforeCompaction.length).toBeLessThan(6); // the first 40 points' bins are missing
    await store.compactHour([{ accountId: 'a-roll', serial: 'S1', channel: '1' }, { accountId: 'a-roll', serial: 'S1', channel: '2' }], new Date(base));
    await store.compactHour([{ accountId: 'a-roll', serial: 'S1', channel: '1' }], new Date(base)); // twice: same items
    for (const channel of ['1', '2']) {
      const raw = await store.query({ accountId: 'a-roll', serial: 'S1', channel, from: new Date(base), to: new Date(base + HOUR) });
      expect(raw).toHaveLength(240);
      expect(await longRange(channel)).toEqual(binReadings(raw, 600));
    }
  });

  it('reads one packed item per hour, the late points beside it, and 5-minute items of the earlier layout', async () => {
    const clock = new ManualClock(base + 10 * 60_000);
    const store = new DynamoReadingStore(db, tableName, defaultDynamoHistoryOptions, clock);
    const hour = points('4', base, 240);
    await store.write(hour);
    clock.set(base + HOUR + 1000);
    await store.compactHour([{ accountId: 'a-roll', serial: 'S1', channel: '4' }], new Date(base));
    const late = { ...hour[0]!, value: 99, at: new Date(base + 7_500) }; // between two polled points, after compaction
    await store.write([late]);
    // An hour rolled up by the earlier layout: a 5-minute item, its points as attributes named by their time.
    const oldHour = base - HOUR;
    await db.send(new PutCommand({ TableName: tableName, Item: { PK: 'ROLL#a-roll#S1#4#2026-11', SK: String(oldHour).padStart(15, '0'), u: 'F', [`p${oldHour + 1000}`]: 150, [`p${oldHour + 61_000}`]: 151 } }));
    clock.set(base + 5 * HOUR);
    const read = await store.queryBuckets({ accountId: 'a-roll', serial: 'S1', channel: '4', from: new Date(oldHour), to: new Date(base + HOUR), binSeconds: 60 });
    expect(read.points).toHaveLength(62); // two minutes of the old hour, sixty of the new
    expect(read.points.slice(0, 2).map((p) => p.value)).toEqual([150, 151]);
    expect(read.points[2]).toEqual({ at: new Date(base).toISOString(), value: Math.round(((100 + 101 + 102 + 103 + 99) / 5) * 10) / 10, min: 99, max: 103 });
  });

  it('keeps a late point that lands while its hour is being rolled up', async () => {
    const clock = new ManualClock(base + 10 * 60_000);
    const store = new DynamoReadingStore(db, tableName, defaultDynamoHistoryOptions, clock);
    const hour = points('5', base, 240);
    await store.write(hour);
    clock.set(base + HOUR + 1000);
    // A back-fill of the same hour (another poll of the account) writes between the compaction's read of the raw
    // points and its write of the roll-up: the read cannot have seen it, so the write must not drop it.
    const late = { ...hour[0]!, value: 99, at: new Date(base + 7_500) };
    let raced = false;
    const racing = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'send') return Reflect.get(target, prop, receiver) as unknown;
        return async (command: Parameters<DynamoDBDocumentClient['send']>[0]) => {
          const out = await target.send(command);
          if (!raced && command instanceof QueryCommand && command.input.ConsistentRead === true) {
            raced = true;
            await store.write([late]);
          }
          return out;
        };
      },
    });
    await new DynamoReadingStore(racing, tableName, defaultDynamoHistoryOptions, clock).compactHour([{ accountId: 'a-roll', serial: 'S1', channel: '5' }], new Date(base));
    expect(raced).toBe(true);
    clock.set(base + 5 * HOUR); // past the raw layer's "recent" window: the roll-up alone answers
    const read = await store.query({ accountId: 'a-roll', serial: 'S1', channel: '5', from: new Date(base), to: new Date(base + HOUR), binSeconds: 300 });
    const raw = await store.query({ accountId: 'a-roll', serial: 'S1', channel: '5', from: new Date(base), to: new Date(base + HOUR) });
    expect(raw).toHaveLength(241);
    expect(read).toEqual(binReadings(raw, 300));
  });

  it('serves the last two hours of a long range from the raw layer, before their roll-up', async () => {
    const clock = new ManualClock(base + 30 * 60_000);
    const store = new DynamoReadingStore(db, tableName, defaultDynamoHistoryOptions, clock);
    const live = points('3', base, 100);
    await store.write(live);
    const back = await store.query({ accountId: 'a-roll', serial: 'S1', channel: '3', from: new Date(base - 6 * HOUR), to: new Date(base + HOUR), binSeconds: 300 });
    expect(back).toEqual(binReadings(live, 300));
  });
});
