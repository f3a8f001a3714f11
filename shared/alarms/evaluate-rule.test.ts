import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { sequentialIds } from '../ids';
import type { AlarmObservation, DeviceObservation, ProbeObservation } from './alarm-observation';
import type { AlarmRule } from './alarm-rule';
import { evaluateRule, type FiredAlarm } from './evaluate-rule';
import { INITIAL_RULE_STATE, type AlarmRuleState } from './rule-state';

const START = '2026-11-01T18:00:00.000Z';

function rule(over: Partial<AlarmRule> = {}): AlarmRule {
  return {
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
    notify: [],
    urgent: false,
    escalateEveryMinutes: 5,
    enabled: true,
    snoozedUntil: null,
    deviceAlarm: false,
    createdAt: START,
    updatedAt: START,
    ...over,
  };
}

const probe = (clock: ManualClock, value: number | null, over: Partial<ProbeObservation> = {}): ProbeObservation => ({
  source: 'probe',
  serial: 'S1',
  channel: '2',
  label: 'Brisket',
  at: clock.now().toISOString(),
  value,
  units: 'F',
  prediction: null,
  ...over,
});

/** Feeds observations one poll apart (15 s by default), returning what fired and resolved. */
function run(r: AlarmRule, clock: ManualClock, observations: Array<AlarmObservation | undefined | ((c: ManualClock) => AlarmObservation | undefined)>, stepMs = 15_000, state: AlarmRuleState = INITIAL_RULE_STATE) {
  const ids = sequentialIds('evt');
  const fired: FiredAlarm[] = [];
  const resolved: string[] = [];
  let s = state;
  for (const o of observations) {
    const obs = typeof o === 'function' ? o(clock) : o;
    const result = evaluateRule(r, s, obs, clock.now(), ids.id);
    s = result.state;
    if (result.fired) fired.push(result.fired);
    if (result.resolvedEventId) resolved.push(result.resolvedEventId);
    clock.advance(stepMs);
  }
  return { fired, resolved, state: s };
}

const values = (clock: ManualClock, vs: Array<number | null>, over: Partial<ProbeObservation> = {}) => vs.map((v) => (c: ManualClock) => probe(c, v, over));

describe('evaluateRule: thresholds and hysteresis', () => {
  it('a temperature hovering across the threshold fires once', () => {
    const clock = new ManualClock(START);
    const { fired, resolved } = run(rule(), clock, values(clock, [199, 202.5, 203.1, 202.4, 203.6, 201.5, 203.2, 204]));
    expect(fired.map((f) => f.value)).toEqual([203.1]);
    expect(resolved).toEqual([]);
  });

  it('re-arms once the value is back past the hysteresis, and fires again after the cooldown', () => {
    const clock = new ManualClock(START);
    // 15 s apart: fires at 203, clears at 200.9 (< 201), re-breaches within the 5 min cooldown: waits for it.
    const series = [203, 200.9, 204, 204, ...Array.from({ length: 20 }, () => 204)];
    const { fired, resolved } = run(rule(), clock, values(clock, series));
    expect(fired).toHaveLength(2);
    expect(resolved).toEqual(['evt-1']);
    expect(Date.parse(fired[1]!.firedAt) - Date.parse(fired[0]!.firedAt)).toBe(5 * 60_000);
  });

  it('does not fire a second time within the cooldown when the condition clears for good', () => {
    const clock = new ManualClock(START);
    const { fired } = run(rule(), clock, values(clock, [204, 190, 204, 190, 190, 190]));
    expect(fired).toHaveLength(1);
  });

  it('a rule already breached when it is created fires on the next poll', () => {
    const clock = new ManualClock(START);
    const { fired } = run(rule(), clock, values(clock, [240]));
    expect(fired).toEqual([expect.objectContaining({ eventId: 'evt-1', alarmId: 'r1', value: 240, threshold: 203, firedAt: START })]);
  });

  it('below fires at or under the threshold and clears above threshold + hysteresis', () => {
    const clock = new ManualClock(START);
    const { fired, resolved } = run(rule({ kind: 'below', threshold: 225 }), clock, values(clock, [240, 225, 226, 227.5, 200]), 600_000);
    expect(fired.map((f) => f.value)).toEqual([225, 200]);
    expect(resolved).toEqual(['evt-1']);
  });

  it('outside a range, with the hysteresis inside the band', () => {
    const clock = new ManualClock(START);
    const r = rule({ kind: 'outside', threshold: null, low: 225, high: 275 });
    const { fired, resolved } = run(r, clock, values(clock, [250, 276, 274, 272, 220, 224, 228]), 600_000);
    expect(fired.map((f) => [f.value, f.threshold])).toEqual([[276, 275], [220, 225]]);
    expect(resolved).toEqual(['evt-1', 'evt-2']);
  });

  it('pit out of band: more than ± band from the set point', () => {
    const clock = new ManualClock(START);
    const r = rule({ kind: 'pit-out-of-band', threshold: 250, band: 25 });
    const { fired } = run(r, clock, values(clock, [250, 270, 276, 260, 280]), 600_000);
    expect(fired.map((f) => f.value)).toEqual([276, 280]); // 260 is back within the band past the hysteresis (≤ 23 off): re-armed
    const again = run(r, new ManualClock(START), values(clock, [276, 274, 280]), 600_000);
    expect(again.fired).toHaveLength(1); // 274 is inside the band but within the hysteresis: no re-arm
  });

  it('compares in the rule’s units: a °C rule on a °F probe', () => {
    const clock = new ManualClock(START);
    const r = rule({ units: 'C', threshold: 95, hysteresis: 1 });
    const { fired } = run(r, clock, values(clock, [200, 203]));
    expect(fired).toEqual([expect.objectContaining({ value: 95, threshold: 95 })]);
  });

  it('a humidity channel or a missing value holds the state', () => {
    const clock = new ManualClock(START);
    expect(run(rule(), clock, values(clock, [250], { units: 'H' })).fired).toEqual([]);
    expect(run(rule(), clock, values(clock, [null])).fired).toEqual([]);
  });
});

describe('evaluateRule: time', () => {
  it('probe disconnected fires only after the grace period, and resolves when the probe is back', () => {
    const clock = new ManualClock(START);
    const r = rule({ kind: 'probe-disconnected', threshold: null, minutes: 2 });
    // A 30 s blip does not ring; 2 minutes unplugged does.
    const blip = run(r, clock, values(clock, [150, null, null, 151]));
    expect(blip.fired).toEqual([]);
    const unplugged = run(r, clock, values(clock, [null, null, null, null, null, null, null, null, null, 152]), 15_000, blip.state);
    expect(unplugged.fired).toHaveLength(1);
    expect(Date.parse(unplugged.fired[0]!.firedAt) - Date.parse(START)).toBe(4 * 15_000 + 8 * 15_000);
    expect(unplugged.resolved).toEqual([unplugged.fired[0]!.eventId]);
  });

  it('device offline: no upload for N minutes, evaluated on polls without new readings', () => {
    const clock = new ManualClock(START);
    const r = rule({ kind: 'device-offline', target: { type: 'device', serial: 'S1' }, threshold: null, minutes: 10 });
    const device = (c: ManualClock): DeviceObservation => ({ source: 'device', serial: 'S1', label: 'Smoker', at: c.now().toISOString(), lastSeen: START, battery: 80, wifiDbm: -60 });
    const { fired } = run(r, clock, Array.from({ length: 12 }, () => device), 60_000);
    expect(fired).toHaveLength(1);
    expect(fired[0]!.firedAt).toBe('2026-11-01T18:10:00.000Z');
    expect(fired[0]!.value).toBe(10);
  });

  it('battery and signal, with their own hysteresis', () => {
    const clock = new ManualClock(START);
    const dev = (battery: number, wifiDbm: number) => (c: ManualClock): DeviceObservation => ({ source: 'device', serial: 'S1', label: 'Smoker', at: c.now().toISOString(), lastSeen: c.now().toISOString(), battery, wifiDbm });
    const battery = run(rule({ kind: 'battery-below', threshold: 20, hysteresis: 2 }), clock, [dev(25, -60), dev(20, -60), dev(21, -60), dev(19, -60), dev(23, -60), dev(18, -60)], 600_000);
    expect(battery.fired.map((f) => f.value)).toEqual([20, 18]);
    const signal = run(rule({ kind: 'signal-weak', threshold: -80, hysteresis: 3 }), clock, [dev(50, -70), dev(50, -81), dev(50, -78), dev(50, -82)], 600_000);
    expect(signal.fired.map((f) => f.value)).toEqual([-81]);
  });

  it('a poll without an observation only notes the evaluation', () => {
    const clock = new ManualClock(START);
    const { fired, state } = run(rule(), clock, [undefined]);
    expect(fired).toEqual([]);
    expect(state).toEqual({ ...INITIAL_RULE_STATE, evaluatedAt: START });
  });
});

describe('evaluateRule: snooze', () => {
  it('a snoozed rule does not fire, then fires when the snooze ends if the condition still holds', () => {
    const clock = new ManualClock(START);
    const r = rule({ snoozedUntil: '2026-11-01T18:01:00.000Z' });
    const { fired } = run(r, clock, values(clock, [210, 210, 210, 210, 210, 210]));
    expect(fired.map((f) => f.firedAt)).toEqual(['2026-11-01T18:01:00.000Z']);
  });

  it('and stays quiet if the condition cleared during the snooze', () => {
    const clock = new ManualClock(START);
    const r = rule({ snoozedUntil: '2026-11-01T18:01:00.000Z' });
    expect(run(r, clock, values(clock, [210, 210, 190, 190, 190, 190])).fired).toEqual([]);
  });
});

describe('evaluateRule: cook predictions', () => {
  const predicted = (etaMinutes: number | null, phase: 'heating' | 'stall' | 'post_stall' | 'done' = 'heating') => (c: ManualClock) =>
    probe(c, 180, { prediction: { targetF: 203, phase, stallStartedAt: phase === 'heating' ? null : START, etaAt: etaMinutes === null ? null : new Date(c.now().getTime() + etaMinutes * 60_000).toISOString() } });

  it('eta within N minutes fires once while the ETA wobbles, and re-arms only past N + 10', () => {
    const clock = new ManualClock(START);
    const r = rule({ kind: 'eta-within', threshold: null, minutes: 30, cooldownMinutes: 0 });
    const wobble = run(r, clock, [predicted(45), predicted(29), predicted(33), predicted(28), predicted(39), predicted(29)]);
    expect(wobble.fired).toHaveLength(1);
    const setback = run(r, new ManualClock(START), [predicted(29), predicted(55), predicted(29)]);
    expect(setback.fired).toHaveLength(2);
  });

  it('target reached uses the cook’s target when the rule has none', () => {
    const clock = new ManualClock(START);
    const r = rule({ kind: 'target-reached', threshold: null });
    const obs = (v: number) => (c: ManualClock) => probe(c, v, { prediction: { targetF: 203, phase: 'heating', stallStartedAt: null, etaAt: null } });
    expect(run(r, clock, [obs(190), obs(203.2)]).fired).toEqual([expect.objectContaining({ value: 203.2, threshold: 203 })]);
    expect(run(r, clock, values(clock, [250])).fired).toEqual([]); // no cook on the probe, no target
  });

  it('stall started and ended fire once each', () => {
    const clock = new ManualClock(START);
    const seq = [predicted(300), predicted(400, 'stall'), predicted(380, 'stall'), predicted(200, 'post_stall'), predicted(190, 'post_stall')];
    expect(run(rule({ kind: 'stall-started', threshold: null }), clock, seq).fired).toHaveLength(1);
    expect(run(rule({ kind: 'stall-ended', threshold: null }), new ManualClock(START), seq).fired).toHaveLength(1);
  });
});
