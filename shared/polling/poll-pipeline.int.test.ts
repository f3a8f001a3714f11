/**
 * The poll pipeline against real parts (simulator over HTTP, DynamoDB Local, the real client and worker code):
 * every point the devices recorded ends up stored exactly once, across redelivery, a worker crash mid-batch, id
 * token expiry and a 10-minute ThermoWorks outage. Ground truth comes from the simulator.
 */
import { randomIds } from '../ids';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { startPollHarness, type PollHarness } from '../../infra/local/testing/poll-harness';
import { binReadings } from '../readings/bin-readings';
import type { ScenarioInput } from '../thermoworks/simulator';

const EMAIL = 'cook@test.local';
const START = '2026-11-01T18:00:00.000Z';

/** A Wi-Fi thermometer uploading every 15 s and archiving every 5 min, and a datalogger (10 min / 30 min). */
const scenario: ScenarioInput = {
  seed: 7,
  startAt: START,
  accounts: [
    {
      email: EMAIL,
      password: 'secret',
      uid: 'uid-cook',
      accountId: 'acct-cook',
      devices: [
        {
          serial: '12:34:56:78:90:AB',
          label: 'Smoker',
          device: 'signals',
          type: 'signals',
          recordingIntervalSeconds: 15,
          transmitIntervalSeconds: 15,
          archives: { everySeconds: 300, historySeconds: 86_400 },
          cook: { meat: 'brisket', meats: 1, startedSecondsAgo: 3600 },
          channels: [
            { number: '1', label: 'Pit', source: { kind: 'pit' } },
            { number: '2', label: 'Brisket', source: { kind: 'meat', index: 0 } },
          ],
        },
        {
          serial: 'M100009168',
          label: 'Cellar',
          device: 'datalogger',
          type: 'node',
          recordingIntervalSeconds: 600,
          transmitIntervalSeconds: 1800,
          documentIntervals: true,
          archives: { everySeconds: 1800, historySeconds: 86_400 },
          channels: [{ number: '1', label: 'Cellar', source: { kind: 'steady', value: 55, swing: 2 } }],
        },
      ],
    },
  ],
} as ScenarioInput;

let harness: PollHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function run(h: PollHarness, seconds: number, step = 15): Promise<void> {
  for (let t = 0; t < seconds; t += step) {
    h.clock.advance(step * 1000);
    const result = await h.poll();
    expect(result.batchItemFailures).toEqual([]);
  }
}

/** Compares stored history with what each device recorded, from its first stored point to its last upload. */
async function expectHistoryMatchesGroundTruth(h: PollHarness): Promise<number> {
  let compared = 0;
  for (const device of h.simulator.accounts()[0]!.devices) {
    for (const channel of device.channels) {
      const stored = await h.readings.query({ accountId: 'acct-cook', serial: device.serial, channel, from: new Date(Date.parse(START) - 86_400_000), to: new Date(h.clock.now().getTime() + 1) });
      expect(stored.length, `${device.serial}#${channel} stored something`).toBeGreaterThan(0);
      const uploads = h.simulator.transmissions(device.serial, stored[0]!.at, h.clock.now());
      const lastUpload = uploads.at(-1)!;
      const truth = h.simulator
        .groundTruth(device.serial, channel, stored[0]!.at, lastUpload)
        .filter((p) => p.value !== null)
        .map((p) => `${p.at.toISOString()}=${p.value}`);
      const got = stored.filter((r) => r.at <= lastUpload).map((r) => `${r.at.toISOString()}=${r.value}`);
      expect(got, `${device.serial}#${channel}`).toEqual(truth);
      compared += truth.length;
    }
  }
  return compared;
}

describe('poll pipeline', () => {
  it('stores every recorded point once over an hour of polling, back-filling the datalogger from its archives', async () => {
    harness = await startPollHarness({ dynamoEndpoint: inject('dynamoEndpoint'), scenario });
    await run(harness, 3600);
    const compared = await expectHistoryMatchesGroundTruth(harness);
    expect(compared).toBeGreaterThan(2 * 230);
    const link = await harness.accounts.getLink(harness.users.get(EMAIL)!);
    expect(link).toMatchObject({ status: 'ok', statusMessage: null });

    // The hour is over, so it was rolled up once (not on every poll): two hours on, a long range comes from the
    // roll-ups alone, and holds the same points as the raw layer.
    harness.clock.advance(2 * 3600_000);
    for (const device of harness.simulator.accounts()[0]!.devices) {
      for (const channel of device.channels) {
        const range = { accountId: 'acct-cook', serial: device.serial, channel, from: new Date(START), to: new Date(Date.parse(START) + 3600_000) };
        const raw = await harness.readings.query(range);
        const rolledUp = await harness.readings.query({ ...range, binSeconds: 300 });
        expect(rolledUp, `${device.serial}#${channel}`).toEqual(binReadings(raw, 300));
        expect(rolledUp.length).toBeGreaterThan(0);
      }
    }
  }, 120_000); // 240 polls on real parts: give a loaded machine room

  it('writes each device once per poll and pushes one readings message per device, carrying its new channels', async () => {
    harness = await startPollHarness({ dynamoEndpoint: inject('dynamoEndpoint'), scenario });
    await run(harness, 60);
    await harness.deps.connections.put({ connectionId: 'browser-1', userId: harness.users.get(EMAIL)!, accountId: 'acct-cook', credentialKind: 'session', credentialId: 's1', connectedAt: 'now', expiresAt: '2099-01-01T00:00:00.000Z' });
    const writes: string[] = [];
    const devices = harness.deps.devices;
    harness.deps.devices = {
      getDevice: (a, s) => devices.getDevice(a, s),
      listAccountDevices: (a) => devices.listAccountDevices(a),
      putDevice: (d, l) => (writes.push(d.serial), devices.putDevice(d, l)),
    };
    harness.pushed.length = 0;
    harness.clock.advance(15_000);
    const { outcomes } = await harness.poll();
    expect(outcomes[0]!.readingsStored).toBe(2); // the Signals' two channels (the datalogger has nothing new)
    expect(writes).toEqual(['12:34:56:78:90:AB']);
    expect(harness.pushed).toEqual([{ type: 'readings', serial: '12:34:56:78:90:AB', channels: [expect.objectContaining({ channel: '1' }), expect.objectContaining({ channel: '2' })] }]);
  });

  it('writes nothing twice when a message is redelivered', async () => {
    harness = await startPollHarness({ dynamoEndpoint: inject('dynamoEndpoint'), scenario });
    await run(harness, 60);
    harness.clock.advance(15_000);
    const first = await harness.poll([EMAIL], { messageId: 'same' });
    const again = await harness.poll([EMAIL], { messageId: 'same' });
    expect(first.outcomes[0]!.readingsStored).toBeGreaterThan(0);
    expect(again.outcomes[0]).toMatchObject({ readingsStored: 0, pushed: 0 });
    expect(again.outcomes[0]!.duplicatesSkipped).toBeGreaterThan(0);
    await expectHistoryMatchesGroundTruth(harness);
  });

  it('loses nothing when the worker crashes between storing history and the latest readings', async () => {
    harness = await startPollHarness({ dynamoEndpoint: inject('dynamoEndpoint'), scenario });
    await run(harness, 60);
    const devices = harness.deps.devices;
    let crash = true;
    harness.deps.devices = {
      getDevice: (a, s) => devices.getDevice(a, s),
      listAccountDevices: (a) => devices.listAccountDevices(a),
      putDevice: async (d, l) => {
        if (crash) throw new Error('worker killed');
        return devices.putDevice(d, l);
      },
    };
    harness.clock.advance(15_000);
    const crashed = await harness.poll([EMAIL], { messageId: 'crashy' });
    expect(crashed.batchItemFailures).toEqual([{ itemIdentifier: 'crashy' }]);
    crash = false;
    const redelivered = await harness.poll([EMAIL], { messageId: 'crashy' });
    expect(redelivered.batchItemFailures).toEqual([]);
    await run(harness, 60);
    await expectHistoryMatchesGroundTruth(harness);
  });

  it('keeps polling through id token expiry and refresh', async () => {
    harness = await startPollHarness({ dynamoEndpoint: inject('dynamoEndpoint'), scenario });
    await run(harness, 120);
    harness.simulator.expireIdTokens(EMAIL);
    await run(harness, 120);
    harness.clock.advance(3600_000 - 240_000); // no polls for 56 min, past the token's natural one-hour lifetime
    await run(harness, 600); // the stretch without polls comes back from the archives as they are written
    await expectHistoryMatchesGroundTruth(harness);
  });

  it('back-fills a 10-minute ThermoWorks outage from the archives, and shows the outage on the link meanwhile', async () => {
    harness = await startPollHarness({ dynamoEndpoint: inject('dynamoEndpoint'), scenario });
    await run(harness, 300);
    harness.simulator.setFaults(EMAIL, { errorRate: 1, errorStatus: 503 });
    for (let t = 0; t < 600; t += 15) {
      harness.clock.advance(15_000);
      const result = await harness.poll();
      expect(result.batchItemFailures).toEqual([]); // ThermoWorks' outage is recorded, not retried by the queue
      expect(result.outcomes[0]?.status).toBe('failing');
    }
    expect(await harness.accounts.getLink(harness.users.get(EMAIL)!)).toMatchObject({ status: 'failing' });
    harness.simulator.clearFaults(EMAIL);
    await run(harness, 900); // the outage's last minutes are archived within 5 minutes of recording
    const compared = await expectHistoryMatchesGroundTruth(harness);
    expect(compared).toBeGreaterThan(2 * 110);
    expect(await harness.accounts.getLink(harness.users.get(EMAIL)!)).toMatchObject({ status: 'ok' });
  });

  it('back-fills a Wi-Fi device that keeps no archives from the history function after a 10-minute outage (its 500s included): nothing lost', async () => {
    const noArchives = structuredClone(scenario);
    const account = noArchives.accounts[0]!;
    account.devices = [{ ...account.devices[0]!, archives: undefined }];
    noArchives.historyFunction = { errorRate: 0.3 };
    harness = await startPollHarness({ dynamoEndpoint: inject('dynamoEndpoint'), scenario: noArchives });
    await run(harness, 300);
    harness.simulator.setFaults(EMAIL, { errorRate: 1, errorStatus: 503 });
    for (let t = 0; t < 600; t += 15) {
      harness.clock.advance(15_000);
      expect((await harness.poll()).outcomes[0]?.status).toBe('failing');
    }
    harness.simulator.clearFaults(EMAIL);
    await run(harness, 600); // a failed history call is asked again at the next archive check (5 minutes)
    const compared = await expectHistoryMatchesGroundTruth(harness);
    expect(compared).toBeGreaterThan(2 * 90);
    const calls = harness.simulator.requests().filter((r) => r.service === 'functions');
    expect(calls.length).toBeGreaterThan(0);
    const { devices } = await harness.deps.devices.listAccountDevices('acct-cook');
    expect(devices.find((d) => d.serial === '12:34:56:78:90:AB')!.pendingGaps).toEqual([]);
  });

  it('marks the account "re-link needed" when ThermoWorks revokes its refresh token, and stops polling it', async () => {
    harness = await startPollHarness({ dynamoEndpoint: inject('dynamoEndpoint'), scenario });
    await run(harness, 30);
    harness.simulator.revokeRefreshTokens(EMAIL);
    harness.deps.sessionCache.clear(); // a cold worker: it must refresh
    harness.clock.advance(15_000);
    const result = await harness.poll();
    expect(result.outcomes[0]).toMatchObject({ status: 'relink-needed' });
    expect(await harness.accounts.getLink(harness.users.get(EMAIL)!)).toMatchObject({ status: 'relink-needed' });
    harness.clock.advance(15_000);
    expect((await harness.poll()).outcomes).toEqual([]);
  });
});

describe('cooks in the poll pipeline', () => {
  it('tells the account\'s open pages, not a share link\'s, when an alarm\'s condition clears: the poll that resolves the event', async () => {
    const [{ createAlarm }, { DynamoAlarmStore }, { createAlarmRequestSchema }, { processPollBatch }] = await Promise.all([
      import('../alarms/manage-alarms'),
      import('../aws/dynamo-alarm-store'),
      import('../api/alarm-schemas'),
      import('./process-poll-batch'),
    ]);
    const h = (harness = await startPollHarness({ dynamoEndpoint: inject('dynamoEndpoint'), scenario }));
    await run(h, 30);
    const userId = h.users.get(EMAIL)!;
    const page = { userId, accountId: 'acct-cook', credentialId: 'c', connectedAt: START, expiresAt: '2099-01-01T00:00:00.000Z' };
    await h.deps.connections.put({ ...page, connectionId: 'browser-1', credentialKind: 'session' });
    await h.deps.connections.put({ ...page, connectionId: 'share-1', credentialKind: 'share', cookId: 'ck-1', serial: '12:34:56:78:90:AB' });
    const alarmStore = new DynamoAlarmStore(h.db, h.tableName);
    const principal = { kind: 'session' as const, userId, accountId: 'acct-cook', email: EMAIL, scopes: ['read', 'write'] as const, credentialId: 'c' };
    await createAlarm(principal, createAlarmRequestSchema.parse({ serial: '12:34:56:78:90:AB', channel: '2', kind: 'probe-disconnected', minutes: 1, notify: [] }), {
      alarms: alarmStore,
      channels: { list: async () => [] },
      devices: h.deps.devices,
      clock: h.clock,
      ids: randomIds,
    });
    const pushedTo: Array<{ connectionId: string; type: string; change?: string; state?: string }> = [];
    const deps = {
      ...h.deps,
      pusher: {
        push: async (connectionId: string, message: { type: string; change?: string; event?: { state: string } }) => (
          pushedTo.push({ connectionId, type: message.type, ...(message.change !== undefined ? { change: message.change } : {}), ...(message.event ? { state: message.event.state } : {}) }), 'sent' as const
        ),
        disconnect: async () => undefined,
      },
      alarms: { alarms: alarmStore, queue: { send: async () => undefined }, ids: randomIds, clock: h.clock, log: { warn: () => undefined } },
    };
    const poll = async () => {
      h.clock.advance(15_000);
      expect((await processPollBatch([{ messageId: `m-${h.clock.now().getTime()}`, body: JSON.stringify({ userId, dueAt: h.clock.now().toISOString() }) }], deps)).batchItemFailures).toEqual([]);
    };
    // Unplugged past the grace minute: the event fires (the notifier rings the pages; not this poll).
    h.simulator.setProbeConnected('12:34:56:78:90:AB', '2', false);
    for (let i = 0; i < 6; i++) await poll();
    const [fired] = (await alarmStore.listEvents('acct-cook', { limit: 10 })).events;
    expect(fired).toMatchObject({ kind: 'probe-disconnected', resolvedAt: null });
    expect(pushedTo.filter((p) => p.type === 'alarm')).toEqual([]);
    // Plugged back in: the poll that resolves it tells the session's page, and never the share link's.
    h.simulator.setProbeConnected('12:34:56:78:90:AB', '2', true);
    await poll();
    await poll();
    expect((await alarmStore.getEvent('acct-cook', fired!.eventId))?.resolvedAt).not.toBeNull();
    expect(pushedTo.filter((p) => p.type === 'alarm')).toEqual([{ connectionId: 'browser-1', type: 'alarm', change: 'resolved', state: 'resolved' }]);
  });

  it('stores done-time predictions for a cook in progress and pushes them with the readings', async () => {
    const { startCook } = await import('../cooks/start-cook');
    harness = await startPollHarness({ dynamoEndpoint: inject('dynamoEndpoint'), scenario });
    await run(harness, 30);
    await harness.deps.connections.put({ connectionId: 'browser-1', userId: harness.users.get(EMAIL)!, accountId: 'acct-cook', credentialKind: 'session', credentialId: 's1', connectedAt: 'now', expiresAt: '2099-01-01T00:00:00.000Z' });
    await startCook('acct-cook', { serial: '12:34:56:78:90:AB', pitChannel: '1', probes: [{ channel: '2', presetId: 'brisket', units: 'F' }] }, { ...harness.deps, ids: randomIds });
    await run(harness, 1800);
    const { cooks } = await harness.deps.devices.listAccountDevices('acct-cook');
    expect(cooks).toHaveLength(1);
    expect(cooks[0]!.series['2']!.length).toBeGreaterThanOrEqual(29);
    expect(cooks[0]!.predictions).toEqual([expect.objectContaining({ channel: '2' })]);
    // stored once a minute (pushed every poll): the stored prediction is at most a minute old
    expect(harness.clock.now().getTime() - Date.parse(cooks[0]!.predictions[0]!.at)).toBeLessThan(60_000);
    const pushedTypes = new Set((harness.pushed as Array<{ type: string }>).map((m) => m.type));
    expect(pushedTypes.has('readings') && pushedTypes.has('prediction')).toBe(true);
    expect([...pushedTypes].every((t) => ['readings', 'prediction', 'alert'].includes(t))).toBe(true);
    const last = (harness.pushed as Array<{ type: string; etaAt?: string | null; phase?: string }>).filter((m) => m.type === 'prediction').at(-1);
    expect(last?.phase).not.toBe('unknown'); // half an hour of a cook in progress is enough to say something

    // The thermometer drops off Wi-Fi mid-cook: ThermoWorks answers as usual, so only the stale count shows it.
    harness.clock.advance(15_000);
    expect((await harness.poll()).outcomes[0]?.staleCook).toBeUndefined();
    harness.simulator.setDeviceOnline('12:34:56:78:90:AB', false);
    await run(harness, 9 * 60);
    expect((await harness.poll()).outcomes[0]?.staleCook, 'under 10 minutes without a reading').toBeUndefined();
    harness.clock.advance(2 * 60_000);
    expect((await harness.poll()).outcomes[0]).toMatchObject({ status: 'ok', staleCook: true });
  });
});
