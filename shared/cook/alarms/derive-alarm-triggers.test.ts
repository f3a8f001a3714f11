import { describe, expect, it } from 'vitest';
import type { DoneTimePrediction } from '../prediction/done-time-prediction';
import type { StallStatus } from '../stall/stall-detector';
import {
  derivePitAlarmTriggers,
  deriveProbeAlarmTriggers,
  INITIAL_COOK_ALARM_STATE,
  type CookAlarmRules,
  type CookAlarmState,
} from './derive-alarm-triggers';
import type { CookAlarmTrigger } from './cook-alarm-trigger';

function prediction(atMinutes: number, etaMinutes: number | undefined, stall: StallStatus = { phase: 'heating' }): DoneTimePrediction {
  return {
    atMs: atMinutes * 60_000,
    phase: etaMinutes === 0 ? 'done' : stall.phase,
    targetF: 203,
    temperatureF: 150,
    ...(etaMinutes !== undefined ? { eta: { seconds: etaMinutes * 60, lowSeconds: etaMinutes * 50, highSeconds: etaMinutes * 70 } } : {}),
    stall,
  };
}

function run(sequence: DoneTimePrediction[], rules: CookAlarmRules = { etaWithinMinutes: [60, 30] }): CookAlarmTrigger[] {
  let state: CookAlarmState = INITIAL_COOK_ALARM_STATE;
  const all: CookAlarmTrigger[] = [];
  for (const p of sequence) {
    const result = deriveProbeAlarmTriggers(state, 'meat1', p, rules);
    state = result.state;
    all.push(...result.triggers);
  }
  return all;
}

describe('deriveProbeAlarmTriggers', () => {
  it('fires each ETA threshold once as the ETA comes down, then target reached once', () => {
    const etas = [120, 90, 61, 59, 50, 40, 31, 29, 20, 10, 0, 0];
    const triggers = run(etas.map((eta, i) => prediction(i * 10, eta)));
    expect(triggers.map((t) => t.kind === 'eta-within' ? `eta-${t.thresholdMinutes}` : t.kind)).toEqual([
      'eta-60',
      'eta-30',
      'target-reached',
    ]);
  });

  it('does not ring again while the ETA wobbles around a threshold, but re-arms after a real setback', () => {
    const wobble = run([40, 29, 31, 28, 33, 29].map((eta, i) => prediction(i, eta)), { etaWithinMinutes: [30] });
    expect(wobble.filter((t) => t.kind === 'eta-within')).toHaveLength(1);
    const setback = run([40, 29, 55, 29].map((eta, i) => prediction(i, eta)), { etaWithinMinutes: [30] });
    expect(setback.filter((t) => t.kind === 'eta-within')).toHaveLength(2);
  });

  it('fires only the tightest threshold when several are crossed at once', () => {
    const triggers = run([prediction(0, 120), prediction(1, 20)]);
    expect(triggers).toEqual([expect.objectContaining({ kind: 'eta-within', thresholdMinutes: 30 })]);
  });

  it('reports stall start and end once each, with the detector’s times and cause', () => {
    const stalled: StallStatus = { phase: 'stall', startedAtMs: 5 * 60_000, detectedAtMs: 25 * 60_000, startTemperatureF: 158 };
    const ended: StallStatus = { ...stalled, phase: 'post_stall', endedAtMs: 200 * 60_000, endCause: 'wrap' };
    const triggers = run([
      prediction(0, 300),
      prediction(30, 400, stalled),
      prediction(60, 380, stalled),
      prediction(210, 200, ended),
      prediction(220, 190, ended),
    ], { etaWithinMinutes: [] });
    expect(triggers).toEqual([
      { kind: 'stall-started', probe: 'meat1', atMs: 30 * 60_000, startedAtMs: 5 * 60_000, temperatureF: 158 },
      { kind: 'stall-ended', probe: 'meat1', atMs: 210 * 60_000, endedAtMs: 200 * 60_000, cause: 'wrap' },
    ]);
  });

  it('filters by the kinds the cook asked for', () => {
    const triggers = run([prediction(0, 50), prediction(1, 0)], { etaWithinMinutes: [60], kinds: ['target-reached'] });
    expect(triggers.map((t) => t.kind)).toEqual(['target-reached']);
  });
});

describe('derivePitAlarmTriggers', () => {
  it('passes pit events through as triggers, filtered by kind', () => {
    const events = [
      { kind: 'lid-open' as const, atMs: 1, endedAtMs: 90_001, dropF: 60 },
      { kind: 'pit-dropping' as const, atMs: 2, levelF: 210, holdingF: 250, ratePerHour: -20 },
    ];
    expect(derivePitAlarmTriggers(events, {}).map((t) => t.kind)).toEqual(['lid-open', 'pit-dropping']);
    expect(derivePitAlarmTriggers(events, { kinds: ['pit-dropping'] })).toEqual([
      { kind: 'pit-dropping', atMs: 2, levelF: 210, holdingF: 250 },
    ]);
  });
});
