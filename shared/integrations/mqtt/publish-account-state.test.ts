import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { awsEgressPolicy } from '../../egress/ssrf-guard';
import type { AccountPartition, DeviceRecord, LatestReading } from '../../devices/device-store';
import { CredentialVault } from '../../vault/credential-vault';
import { LocalKeyProvider } from '../../vault/local-key-provider';
import { MqttBrokerError, type MqttBroker } from './mqtt-broker';
import { pendingStatus, type MqttIntegrationRecord, type MqttIntegrationStore } from './mqtt-integration';
import { publishAccountState } from './publish-account-state';

const device = (serial: string, label: string): DeviceRecord => ({
  accountId: 'a1', serial, label, kind: 'signals', online: true, battery: 80, wifiDbm: -60, lastSeen: null, firmware: '2.1.0',
  updatedAt: '2026-12-01T10:00:00Z', pendingGaps: [], lastArchiveCheckAt: null,
});
const latest = (serial: string, channel: string, value: number): LatestReading => ({
  accountId: 'a1', serial, channel, label: `Probe ${channel}`, value, units: 'F', status: 'normal', probeConnected: true, at: '2026-12-01T10:00:00Z',
});

async function world() {
  const vault = new CredentialVault(new LocalKeyProvider(randomBytes(32)), undefined, undefined, 'mqtt-broker-password');
  let record: MqttIntegrationRecord | undefined = {
    accountId: 'a1', userId: 'u1', url: 'mqtt://broker:1883', username: 'pw', sealedPassword: await vault.seal('secret', 'u1'),
    discoveryPrefix: 'homeassistant', version: 'v1', createdAt: 'x', updatedAt: 'x', status: pendingStatus, retained: {}, discoveryRefreshedAt: null,
  };
  const partition: AccountPartition = { devices: [device('AA:01', 'Smoker'), device('BB:02', 'Fridge')], latest: [latest('AA:01', '1', 225), latest('BB:02', '1', 38)], cooks: [] };
  const sent: Array<{ topic: string; payload: string; retain: boolean }> = [];
  const connections: Array<{ username: string | null; password: string | null }> = [];
  let down = false;
  const broker: MqttBroker = {
    async connect(options) {
      if (down) throw new MqttBrokerError('The broker refused the connection (nothing listening there?).');
      connections.push({ username: options.username, password: options.password });
      return { publish: async (topic, payload, { retain }) => void sent.push({ topic, payload, retain }), end: async () => undefined };
    },
  };
  const integrations: MqttIntegrationStore = {
    get: async () => record,
    put: async (r) => void (record = r),
    recordPublish: async (_a, version, update) => (record?.version === version ? ((record = { ...record, ...update }), true) : false),
    delete: async () => record,
  };
  let now = new Date('2026-12-01T10:00:00Z');
  const deps = {
    devices: { listAccountDevices: async () => ({ ...partition, ...(record ? { mqtt: record } : {}) }) },
    integrations, vault, broker, clock: { now: () => now }, secretCache: new Map(), egress: awsEgressPolicy,
  };
  return {
    deps, partition, sent, connections,
    record: () => record!,
    setDown: (d: boolean) => (down = d),
    advance: (seconds: number) => (now = new Date(now.getTime() + seconds * 1000)),
  };
}

describe('publishAccountState', () => {
  it('publishes every config and state retained, with the opened password, and records what it retained', async () => {
    const w = await world();
    const outcome = await publishAccountState('a1', w.deps);
    expect(outcome.result).toBe('published');
    expect(w.connections).toEqual([{ username: 'pw', password: 'secret' }]);
    expect(w.sent.every((m) => m.retain)).toBe(true);
    expect(w.sent.filter((m) => m.topic.startsWith('homeassistant/'))).toHaveLength(2 * 4); // channel, battery, wifi, connectivity
    expect(w.sent.map((m) => m.topic)).toContain('pitwatch/aa_01/state');
    expect(w.record().status.state).toBe('ok');
    expect(Object.keys(w.record().retained)).toHaveLength(2 * 4 + 2 * 2);
  });

  it('sends unchanged configs once, states every time', async () => {
    const w = await world();
    await publishAccountState('a1', w.deps);
    w.sent.length = 0;
    w.advance(15);
    w.partition.latest[0] = latest('AA:01', '1', 226);
    await publishAccountState('a1', w.deps);
    expect(w.sent.map((m) => m.topic).sort()).toEqual(['pitwatch/aa_01/availability', 'pitwatch/aa_01/state', 'pitwatch/bb_02/availability', 'pitwatch/bb_02/state']);
    expect(JSON.parse(w.sent.find((m) => m.topic === 'pitwatch/aa_01/state')!.payload)).toMatchObject({ ch1: 226 });
  });

  it('clears, with empty retained payloads, everything of a device that went away', async () => {
    const w = await world();
    await publishAccountState('a1', w.deps);
    w.sent.length = 0;
    w.partition.devices.pop();
    w.partition.latest.pop();
    await publishAccountState('a1', w.deps);
    const cleared = w.sent.filter((m) => m.payload === '').map((m) => m.topic);
    expect(cleared.sort()).toEqual([
      'homeassistant/binary_sensor/pitwatch_bb_02_online/config',
      'homeassistant/sensor/pitwatch_bb_02_battery/config',
      'homeassistant/sensor/pitwatch_bb_02_ch1/config',
      'homeassistant/sensor/pitwatch_bb_02_wifi/config',
      'pitwatch/bb_02/availability',
      'pitwatch/bb_02/state',
    ]);
    expect(w.sent.filter((m) => m.payload === '').every((m) => m.retain)).toBe(true);
    expect(Object.keys(w.record().retained).some((t) => t.includes('bb_02'))).toBe(false);
  });

  it('records a broker that is down with a backoff, skips until it ends, then republishes everything', async () => {
    const w = await world();
    await publishAccountState('a1', w.deps);
    w.setDown(true);
    expect((await publishAccountState('a1', w.deps)).result).toBe('failed');
    expect(w.record().status).toMatchObject({ state: 'failing', consecutiveFailures: 1, retryAt: '2026-12-01T10:00:15.000Z', message: expect.stringContaining('refused') });
    expect((await publishAccountState('a1', w.deps)).result).toBe('backing-off');
    w.advance(15);
    expect((await publishAccountState('a1', w.deps)).result).toBe('failed');
    expect(w.record().status).toMatchObject({ consecutiveFailures: 2, retryAt: '2026-12-01T10:00:45.000Z' });
    w.setDown(false);
    w.advance(30);
    w.sent.length = 0;
    expect((await publishAccountState('a1', w.deps)).result).toBe('published');
    // After a failure every config goes again: the broker may have lost them.
    expect(w.sent.filter((m) => m.topic.startsWith('homeassistant/'))).toHaveLength(8);
    expect(w.record().status).toMatchObject({ state: 'ok', consecutiveFailures: 0, retryAt: null, message: null });
  });

  it('opens the password once per warm container, not per publish', async () => {
    const w = await world();
    let opened = 0;
    const open = w.deps.vault.open.bind(w.deps.vault);
    w.deps.vault.open = async (...args) => (opened++, open(...args));
    for (let i = 0; i < 5; i++) {
      w.advance(15);
      await publishAccountState('a1', w.deps);
    }
    expect(opened).toBe(1);
  });
});
