import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { ThermoWorksPermissionDeniedError, ThermoWorksUnavailableError } from '../thermoworks/errors';
import type { ThermoWorksChannelAlarms } from '../thermoworks/port';
import type { AlarmRule } from './alarm-rule';
import type { DeviceAlarmStatus, StoredAlarmRule } from './alarm-store';
import { assertDeviceAlarmPossible, deviceAlarmWrite, PENDING_DEVICE_ALARM, writePendingDeviceAlarms } from './device-alarm';
import { INITIAL_RULE_STATE } from './rule-state';

const clock = new ManualClock('2026-11-20T08:00:00.000Z');
const base: AlarmRule = {
  alarmId: 'r1', accountId: 'a1', name: null, target: { type: 'probe', serial: 'S1', channel: '2' }, kind: 'above', threshold: 203, low: null, high: null, band: null,
  minutes: null, units: 'F', hysteresis: 2, cooldownMinutes: 5, notify: [], urgent: false, escalateEveryMinutes: 5, enabled: true, snoozedUntil: null, deviceAlarm: true,
  createdAt: '2026-11-20T07:00:00.000Z', updatedAt: '2026-11-20T07:00:00.000Z',
};
const stored = (over: Partial<AlarmRule> = {}, deviceAlarm: DeviceAlarmStatus | null = PENDING_DEVICE_ALARM('2026-11-20T07:00:00.000Z')): StoredAlarmRule => ({
  rule: { ...base, ...over }, state: { ...INITIAL_RULE_STATE }, deviceAlarm,
});

describe('what a rule writes to the thermometer', () => {
  it('above → alarmHigh, below → alarmLow, outside → both, in the rule’s units, whole degrees', () => {
    expect(deviceAlarmWrite(base)).toEqual({ high: { enabled: true, value: 203, units: 'F' } });
    expect(deviceAlarmWrite({ ...base, kind: 'below', threshold: 93.6, units: 'C' })).toEqual({ low: { enabled: true, value: 94, units: 'C' } });
    expect(deviceAlarmWrite({ ...base, kind: 'outside', threshold: null, low: 225, high: 275 })).toEqual({ high: { enabled: true, value: 275, units: 'F' }, low: { enabled: true, value: 225, units: 'F' } });
  });

  it('RFX meat probes, device targets and other kinds are refused with DEVICE_ALARM_UNSUPPORTED (422)', () => {
    expect(() => assertDeviceAlarmPossible('rfx', base)).toThrow(expect.objectContaining({ code: 'DEVICE_ALARM_UNSUPPORTED', httpStatus: 422, message: expect.stringContaining('RFX') }));
    expect(() => assertDeviceAlarmPossible('RFX Gateway', base)).toThrow(/RFX/);
    expect(() => assertDeviceAlarmPossible('signals', { kind: 'battery-below', target: { type: 'device', serial: 'S1' } })).toThrow(expect.objectContaining({ code: 'DEVICE_ALARM_UNSUPPORTED' }));
    expect(() => assertDeviceAlarmPossible('signals', base)).not.toThrow();
  });
});

describe('writePendingDeviceAlarms (the poll step)', () => {
  const run = async (rules: StoredAlarmRule[], setChannelAlarms: (serial: string, n: string, a: ThermoWorksChannelAlarms) => Promise<unknown>) => {
    const saved: Array<{ alarmId: string; status: DeviceAlarmStatus }> = [];
    const written = await writePendingDeviceAlarms(rules, { session: { setChannelAlarms }, alarms: { saveDeviceAlarm: async (_a, alarmId, status) => void saved.push({ alarmId, status }) }, clock });
    return { written, saved };
  };

  it('writes each pending alarm once and records it written; others are left alone', async () => {
    const calls: unknown[] = [];
    const rules = [stored(), stored({ alarmId: 'r2' }, { status: 'written', detail: null, at: 'x' }), stored({ alarmId: 'r3', deviceAlarm: false }, null)];
    const { written, saved } = await run(rules, async (...args) => void calls.push(args.slice(0, 3)));
    expect(calls).toEqual([['S1', '2', { high: { enabled: true, value: 203, units: 'F' } }]]);
    expect(written).toBe(1);
    expect(saved).toEqual([{ alarmId: 'r1', status: { status: 'written', detail: null, at: clock.now().toISOString() } }]);
  });

  it('a refusal is recorded as failed with ThermoWorks’ reason; a fault that may pass stays pending for the next poll', async () => {
    const refused = await run([stored()], async () => {
      throw new ThermoWorksPermissionDeniedError('alarms of channel 2');
    });
    expect(refused.saved).toEqual([{ alarmId: 'r1', status: expect.objectContaining({ status: 'failed', detail: expect.stringContaining('ThermoWorks refused') }) }]);
    const down = await run([stored()], async () => {
      throw new ThermoWorksUnavailableError('ThermoWorks firestore could not be reached', 'network');
    });
    expect(down).toEqual({ written: 0, saved: [] });
  });
});
