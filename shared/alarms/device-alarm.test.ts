import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { ThermoWorksPermissionDeniedError, ThermoWorksUnavailableError } from '../thermoworks/errors';
import type { ThermoWorksChannelAlarms } from '../thermoworks/port';
import type { AlarmRule } from './alarm-rule';
import type { DeviceAlarmClear, DeviceAlarmStatus, StoredAlarmRule } from './alarm-store';
import { assertDeviceAlarmPossible, clearDeviceAlarms, deviceAlarmClearFor, deviceAlarmWrite, PENDING_DEVICE_ALARM, writePendingDeviceAlarms } from './device-alarm';
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

  it('a rule turned off is not written, whatever its status says', async () => {
    const calls: unknown[] = [];
    const { written } = await run([stored({ enabled: false })], async (...args) => void calls.push(args));
    expect({ written, calls }).toEqual({ written: 0, calls: [] });
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

describe('a deleted rule’s thermometer alarm', () => {
  const at = '2026-11-20T09:00:00.000Z';
  const written: DeviceAlarmStatus = { status: 'written', detail: null, at: 'x' };

  it('is turned off field by field, keeping the value and units written, when the rule wrote it or was about to', () => {
    expect(deviceAlarmClearFor(stored({}, written), at)).toEqual({ serial: 'S1', channel: '2', alarms: { high: { enabled: false, value: 203, units: 'F' } }, alarmIds: ['r1'], requestedAt: at });
    expect(deviceAlarmClearFor(stored({ kind: 'outside', threshold: null, low: 225, high: 275 }), at)?.alarms).toEqual({
      high: { enabled: false, value: 275, units: 'F' },
      low: { enabled: false, value: 225, units: 'F' },
    });
  });

  it('leaves nothing to clear for a rule without one, or whose write ThermoWorks refused', () => {
    expect(deviceAlarmClearFor(stored({ deviceAlarm: false }, null), at)).toBeUndefined();
    expect(deviceAlarmClearFor(stored({}, { status: 'failed', detail: 'refused', at: 'x' }), at)).toBeUndefined();
  });

  const clear = (over: Partial<DeviceAlarmClear> = {}): DeviceAlarmClear => ({
    serial: 'S1', channel: '2', alarms: { high: { enabled: false, value: 203, units: 'F' }, low: { enabled: false, value: 150, units: 'F' } }, alarmIds: ['r1'], requestedAt: at, ...over,
  });
  const run = async (clears: DeviceAlarmClear[], rules: StoredAlarmRule[], setChannelAlarms: (serial: string, n: string, a: ThermoWorksChannelAlarms) => Promise<unknown>) => {
    const forgotten: DeviceAlarmClear[] = [];
    const warnings: unknown[] = [];
    const saved: Array<{ alarmId: string; status: DeviceAlarmStatus }> = [];
    const cleared = await clearDeviceAlarms('a1', clears, rules, {
      session: { setChannelAlarms },
      alarms: { deviceAlarmCleared: async (_a, c) => void forgotten.push(c), saveDeviceAlarm: async (_a, alarmId, status) => void saved.push({ alarmId, status }) },
      clock,
      log: { warn: (message, detail) => void warnings.push({ message, detail }) },
    });
    return { cleared, forgotten, warnings, ...(saved.length > 0 && { saved }) };
  };

  it('is turned off by the poll and then forgotten; a field another rule holds on that channel gets that rule’s alarm', async () => {
    const calls: unknown[] = [];
    const holder = stored({ alarmId: 'r2', kind: 'below', threshold: 140 }, written);
    const otherChannel = stored({ alarmId: 'r3', target: { type: 'probe', serial: 'S1', channel: '3' } }, written);
    const { cleared, forgotten } = await run([clear()], [holder, otherChannel], async (...args) => void calls.push(args.slice(0, 3)));
    expect(calls).toEqual([['S1', '2', { high: { enabled: false, value: 203, units: 'F' }, low: { enabled: true, value: 140, units: 'F' } }]]);
    expect(cleared).toBe(1);
    expect(forgotten).toEqual([clear()]);
  });

  it('only a rule that wrote or is about to write its alarm holds a field', async () => {
    const calls: unknown[] = [];
    const refused = stored({ alarmId: 'r2', kind: 'outside', threshold: null, low: 140, high: 210 }, { status: 'failed', detail: 'refused', at: 'x' });
    const pending = stored({ alarmId: 'r3', kind: 'above', threshold: 199 });
    await run([clear()], [refused, pending], async (...args) => void calls.push(args.slice(0, 3)));
    expect(calls).toEqual([['S1', '2', { high: { enabled: true, value: 199, units: 'F' }, low: { enabled: false, value: 150, units: 'F' } }]]);
  });

  it('the deleted rule itself holds nothing, even when the poll read it before it was gone', async () => {
    const calls: unknown[] = [];
    await run([clear()], [stored({}, written)], async (...args) => void calls.push(args.slice(0, 3)));
    expect(calls).toEqual([['S1', '2', clear().alarms]]);
  });

  it('a rule turned off holds nothing, and says off once its alarm is off the thermometer', async () => {
    const calls: unknown[] = [];
    const off = stored({ enabled: false }, { status: 'removing', detail: null, at: 'x' });
    const otherOff = stored({ alarmId: 'r2', enabled: false, kind: 'below', threshold: 140 }, written);
    const result = await run([clear()], [off, otherOff], async (...args) => void calls.push(args.slice(0, 3)));
    expect(calls).toEqual([['S1', '2', clear().alarms]]);
    expect(result.saved).toEqual([{ alarmId: 'r1', status: { status: 'off', detail: null, at: clock.now().toISOString() } }]);
  });

  it('stays for the next poll while ThermoWorks is down; a refusal is logged and forgotten', async () => {
    const down = await run([clear()], [], async () => {
      throw new ThermoWorksUnavailableError('ThermoWorks firestore could not be reached', 'network');
    });
    expect(down).toEqual({ cleared: 0, forgotten: [], warnings: [] });
    const refused = await run([clear()], [], async () => {
      throw new ThermoWorksPermissionDeniedError('alarms of channel 2');
    });
    expect(refused).toMatchObject({ cleared: 0, forgotten: [clear()] });
    expect(refused.warnings).toEqual([expect.objectContaining({ detail: expect.objectContaining({ serial: 'S1', channel: '2' }) })]);
  });
});
