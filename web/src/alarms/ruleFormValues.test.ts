import { describe, expect, it } from 'vitest';
import { testAlarm } from '../testing/testAlarms';
import { buildAlarmRequest, describeRule, initialRuleForm, ruleState } from './ruleFormValues';

const base = initialRuleForm({ serial: 'S1', channel: '2', units: 'F' });

describe('the new-alarm form', () => {
  it('sends the threshold in the display units, with the probe, and leaves unset options to the API', () => {
    const built = buildAlarmRequest({ ...initialRuleForm({ serial: 'S1', channel: '2', units: 'C', threshold: 95 }), notify: ['ch-1'], urgent: true });
    expect(built).toEqual({ ok: true, request: { serial: 'S1', channel: '2', kind: 'above', threshold: 95, units: 'C', notify: ['ch-1'], urgent: true } });
  });

  it('says for each field what is wrong with it', () => {
    const built = buildAlarmRequest({ ...base, channel: '', threshold: 'hot', cooldownMinutes: '2.5', hysteresis: '60' });
    expect(built).toEqual({
      ok: false,
      errors: { channel: 'Choose the probe to watch.', threshold: 'Enter a number.', cooldownMinutes: 'Enter whole minutes.', hysteresis: 'Between 0 and 50 °F.' },
    });
    expect(buildAlarmRequest({ ...base, threshold: '' })).toEqual({ ok: false, errors: { threshold: 'Enter alert at or above (°F).' } });
  });

  it('checks a range as the API does: high above low by more than twice the hysteresis', () => {
    const outside = { ...base, kind: 'outside' as const, low: '225', high: '228' };
    expect(buildAlarmRequest(outside)).toMatchObject({ ok: false, errors: { high: expect.stringContaining('more than 4 °F') } });
    expect(buildAlarmRequest({ ...outside, high: '275' })).toMatchObject({ ok: true, request: { kind: 'outside', low: 225, high: 275 } });
  });

  it('watches the device itself for device kinds (no probe), in % for battery', () => {
    const built = buildAlarmRequest({ ...base, channel: '', kind: 'battery-below', threshold: '20' });
    expect(built).toEqual({ ok: true, request: { serial: 'S1', kind: 'battery-below', threshold: 20, units: 'F', notify: [], urgent: false } });
    expect(buildAlarmRequest({ ...base, kind: 'battery-below', threshold: '120' })).toEqual({ ok: false, errors: { threshold: 'Between 1 and 100 %.' } });
  });

  it('needs minutes for "done within", and a probe for it', () => {
    expect(buildAlarmRequest({ ...base, kind: 'eta-within' })).toEqual({ ok: false, errors: { minutes: 'Enter minutes before done (min).' } });
    expect(buildAlarmRequest({ ...base, kind: 'eta-within', minutes: '30' })).toMatchObject({ ok: true, request: { kind: 'eta-within', minutes: 30, channel: '2' } });
  });
});

describe('a rule on screen', () => {
  it('reads in the display units whatever units it was written in', () => {
    expect(describeRule(testAlarm({ threshold: 203, units: 'F' }), 'C')).toBe('at or above 95 °C');
    expect(describeRule(testAlarm({ kind: 'outside', threshold: null, low: 107, high: 135, units: 'C' }), 'F')).toBe('outside 225 °F–275 °F');
    expect(describeRule(testAlarm({ kind: 'battery-below', channel: null, threshold: 20 }), 'C')).toBe('battery at or below 20 %');
  });

  it('is off, snoozed, ringing or armed', () => {
    const now = Date.parse('2026-03-07T13:00:00.000Z');
    expect(ruleState(testAlarm({ enabled: false, state: { armed: false, breached: true, lastFiredAt: null, lastValue: null } }), now)).toBe('disabled');
    expect(ruleState(testAlarm({ snoozedUntil: '2026-03-07T13:10:00.000Z' }), now)).toBe('snoozed');
    expect(ruleState(testAlarm({ snoozedUntil: '2026-03-07T12:50:00.000Z' }), now)).toBe('armed');
    expect(ruleState(testAlarm({ state: { armed: false, breached: true, lastFiredAt: null, lastValue: 204 } }), now)).toBe('breached');
  });
});

describe("the thermometer's own alarm", () => {
  it('is asked for only on kinds the thermometer can ring', () => {
    expect(buildAlarmRequest({ ...base, threshold: '203', deviceAlarm: true })).toMatchObject({ ok: true, request: { deviceAlarm: true } });
    const eta = buildAlarmRequest({ ...base, kind: 'eta-within', minutes: '30', deviceAlarm: true });
    expect(eta.ok && 'deviceAlarm' in eta.request).toBe(false);
  });
});
