import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import type { DeviceRecord, LatestReading } from '../devices/device-store';
import { sequentialIds } from '../ids';
import type { QueuedNotify } from '../notify/notify-message';
import type { AlarmEvent } from './alarm-event';
import type { AlarmRule } from './alarm-rule';
import type { StoredAlarmRule } from './alarm-store';
import { evaluateAccountAlarms, type AlarmEvaluationDependencies } from './evaluate-account-alarms';
import { INITIAL_RULE_STATE, type AlarmRuleState } from './rule-state';

const START = '2026-11-01T18:00:00.000Z';

function stored(over: Partial<AlarmRule> = {}, state: AlarmRuleState = { ...INITIAL_RULE_STATE }): StoredAlarmRule {
  const rule: AlarmRule = {
    alarmId: 'r1',
    accountId: 'a1',
    name: null,
    target: { type: 'probe', serial: 'S1', channel: '2' },
    kind: 'above',
    threshold: 203,
    low: null,
    high: null,
    band: null,
    minutes: null,
    units: 'F',
    hysteresis: 2,
    cooldownMinutes: 5,
    notify: ['hook'],
    urgent: false,
    escalateEveryMinutes: 5,
    enabled: true,
    snoozedUntil: null,
    deviceAlarm: false,
    createdAt: START,
    updatedAt: START,
    ...over,
  };
  return { rule, state, deviceAlarm: null };
}

const latest = (value: number | null, at = START): LatestReading => ({ accountId: 'a1', serial: 'S1', channel: '2', label: 'Brisket', value, units: 'F', status: 'ok', probeConnected: value !== null, at });
const device: DeviceRecord = { accountId: 'a1', serial: 'S1', label: 'Signals', kind: 'signals', online: true, battery: 12, wifiDbm: -60, lastSeen: START, updatedAt: START, pendingGaps: [], lastArchiveCheckAt: null };

function fakes(queueFails = false) {
  const calls = { events: [] as AlarmEvent[], states: [] as Array<{ alarmId: string; state: AlarmRuleState }>, resolved: [] as string[], queued: [] as QueuedNotify[] };
  const deps: AlarmEvaluationDependencies = {
    alarms: {
      putEvent: async (e) => void calls.events.push(e),
      saveRuleState: async (_a, alarmId, state) => void calls.states.push({ alarmId, state }),
      resolve: async (_a, id) => (calls.resolved.push(id), undefined),
      saveDeviceAlarm: async () => undefined,
      deviceAlarmCleared: async () => undefined,
    },
    queue: {
      send: async (m) => {
        if (queueFails) throw new Error('SQS refused');
        calls.queued.push(...m);
      },
    },
    ids: sequentialIds('e'),
    clock: new ManualClock(START),
    log: { warn: () => undefined },
  };
  return { calls, deps };
}

describe('evaluateAccountAlarms (the poll worker’s one call)', () => {
  it('fires a breached rule: the event stored, one message queued, the state saved unarmed', async () => {
    const { calls, deps } = fakes();
    const out = await evaluateAccountAlarms('a1', [stored()], { latest: [latest(204.1)], devices: [device], cooks: [] }, deps);
    expect(out).toEqual({ evaluated: 1, fired: 1, resolved: 0, queueFailures: 0, resolvedEvents: [] });
    expect(calls.events).toHaveLength(1);
    expect(calls.events[0]).toMatchObject({ alarmId: 'r1', target: { type: 'probe', serial: 'S1', channel: '2' }, value: 204.1, threshold: 203, notify: ['hook'], channel: '2', label: 'Brisket' });
    expect(calls.events[0]!.eventId).toMatch(new RegExp(`^${Date.parse(START)}-e-\\d+$`)); // sorts by firing time
    expect(calls.queued).toEqual([{ message: { kind: 'alarm', accountId: 'a1', eventId: calls.events[0]!.eventId, round: 0 }, delaySeconds: 0 }]);
    expect(calls.states).toEqual([{ alarmId: 'r1', state: expect.objectContaining({ armed: false, openEventId: calls.events[0]!.eventId }) }]);
  });

  it('writes nothing for a rule whose state did not change in a way that matters', async () => {
    const { calls, deps } = fakes();
    const quiet = { ...INITIAL_RULE_STATE, evaluatedAt: START, lastValue: 180 };
    await evaluateAccountAlarms('a1', [stored({}, quiet)], { latest: [latest(181)], devices: [device], cooks: [] }, deps);
    expect(calls).toEqual({ events: [], states: [], resolved: [], queued: [] });
  });

  it('resolves the open event once the condition clears past the hysteresis, and re-arms', async () => {
    const { calls, deps } = fakes();
    const open = { ...INITIAL_RULE_STATE, armed: false, breachedSince: START, lastFiredAt: START, openEventId: 'ev-1', evaluatedAt: START };
    await evaluateAccountAlarms('a1', [stored({}, open)], { latest: [latest(202)], devices: [device], cooks: [] }, deps);
    expect(calls.resolved).toEqual([]); // 202 is within the 2 °F hysteresis: still open
    await evaluateAccountAlarms('a1', [stored({}, open)], { latest: [latest(200.9)], devices: [device], cooks: [] }, deps);
    expect(calls.resolved).toEqual(['ev-1']);
    expect(calls.states.at(-1)!.state).toMatchObject({ armed: true, openEventId: null });
  });

  it('a queue that refuses leaves the rule armed, so the next poll fires it again', async () => {
    const { calls, deps } = fakes(true);
    const out = await evaluateAccountAlarms('a1', [stored()], { latest: [latest(210)], devices: [device], cooks: [] }, deps);
    expect(out).toMatchObject({ fired: 0, queueFailures: 1 });
    expect(calls.states).toEqual([]);
  });

  it('skips disabled rules and other accounts’ rules; device rules read the device record', async () => {
    const { calls, deps } = fakes();
    const battery = stored({ alarmId: 'r2', kind: 'battery-below', threshold: 15, target: { type: 'device', serial: 'S1' } });
    const out = await evaluateAccountAlarms('a1', [stored({ enabled: false }), stored({ alarmId: 'r3', accountId: 'a2' }), battery], { latest: [latest(250)], devices: [device], cooks: [] }, deps);
    expect(out.evaluated).toBe(1);
    expect(calls.events.map((e) => [e.alarmId, e.value])).toEqual([['r2', 12]]);
  });
});
