import { describe, expect, it } from 'vitest';
import { createCookSimulation, type CookScenario } from '../physics';
import type { ProbeReading } from '../probe-reading';
import { predictDoneTime } from '../prediction/predict-done-time';
import { summariseEndedCook } from './ended-cook-summary';
import { EMPTY_PERSONAL_PRIORS, learnFromCook, personalCutPriors } from './personal-priors';

const MINUTE = 60_000;
const brisket = { meat: 'brisket' as const, targetF: 203 };

/** A simulated cook read once a minute until the probe reached `targetF`, with its pit probe. */
function cookOf(scenario: CookScenario, targetF = 203) {
  const sim = createCookSimulation(scenario);
  const reachMs = (sim.groundTruth.reachSeconds(targetF, 0) as number) * 1000;
  const meat: ProbeReading[] = [];
  const pit: ProbeReading[] = [];
  for (let t = 0; t <= reachMs; t += MINUTE) {
    const s = sim.sampleAt(t / 1000);
    meat.push({ atMs: t, temperatureF: s.meatF[0] as number });
    pit.push({ atMs: t, temperatureF: s.pitF });
  }
  return { sim, meat, pit, reachMs };
}

const family = (seed: number, extra: Partial<CookScenario> = {}): CookScenario => ({
  seed,
  meat: 'brisket',
  pitSetpointF: 250,
  initialMeatF: 38 + (seed % 5),
  ambientF: 60,
  probes: 1,
  stallStrength: 1.4,
  ...extra,
});

describe('summariseEndedCook', () => {
  it('reads the pit, the heating rate and the stall off a whole cook', () => {
    const { meat, pit, reachMs } = cookOf(family(1));
    const s = summariseEndedCook({ cookId: 'x', kind: brisket, meatProbes: [{ probe: 'm', readings: meat }], pitReadings: pit, endedAtMs: reachMs });
    expect(s).toMatchObject({ cookId: 'x', kind: brisket, endedAtMs: reachMs, stalled: true });
    expect(s.pitF).toBeGreaterThan(240);
    expect(s.pitF).toBeLessThan(260);
    expect(s.heatingK).toBeGreaterThan(0.15);
    expect(s.heatingK).toBeLessThan(0.3);
    expect(s.stall?.censored).toBe(false);
    expect(s.stall!.hours).toBeGreaterThan(3);
    expect(s.postStallKRatio).toBeGreaterThan(0.3);
  });

  it('counts a wrap-ended stall as this cook’s stall and reads the wrapped rate', () => {
    const { sim, meat, pit, reachMs } = cookOf(family(2, { wrapAtF: 162 }));
    const wrapMs = (sim.groundTruth.wrapSeconds as number) * 1000;
    const s = summariseEndedCook({
      kind: brisket,
      meatProbes: [{ probe: 'm', readings: meat }],
      pitReadings: pit,
      events: [{ kind: 'wrapped', atMs: wrapMs }],
      endedAtMs: reachMs,
    });
    expect(s.stall?.censored).toBe(false);
    expect(s.wrappedKRatio).toBeGreaterThan(0.6);
    expect(s.postStallKRatio).toBe(s.wrappedKRatio);
  });

  it('cannot tell a stall from a curve that never got through the band, and uses the set-point without a pit probe', () => {
    const { meat } = cookOf(family(3));
    const early = meat.filter((r) => r.temperatureF < 150);
    const s = summariseEndedCook({ kind: brisket, meatProbes: [{ probe: 'm', readings: early }], setPointF: 250, endedAtMs: early.at(-1)!.atMs });
    expect(s.stalled).toBeUndefined();
    expect(s.stall).toBeUndefined();
    expect(s.pitF).toBe(250);
  });

  it('makes a family’s next cook predicted better: its own long stall, learned from three before', () => {
    const past = [11, 12, 13].map((seed) => {
      const { meat, pit, reachMs } = cookOf(family(seed));
      return summariseEndedCook({ cookId: String(seed), kind: brisket, meatProbes: [{ probe: 'm', readings: meat }], pitReadings: pit, endedAtMs: reachMs });
    });
    const priors = personalCutPriors(past.reduce(learnFromCook, EMPTY_PERSONAL_PRIORS), brisket);
    expect(priors.stall.lengthFactor).toBeGreaterThan(1.2);
    const next = cookOf(family(14));
    const stallStart = (next.sim.groundTruth.stallStartSeconds as number) * 1000;
    const atMs = Math.round((stallStart + 45 * MINUTE) / MINUTE) * MINUTE;
    const error = (withPriors: boolean): number => {
      const p = predictDoneTime({
        meatReadings: next.meat,
        pitReadings: next.pit,
        ...brisket,
        atMs,
        ...(withPriors ? { priors } : {}),
      });
      return Math.abs(p.eta!.seconds * 1000 - (next.reachMs - atMs)) / (next.reachMs - atMs);
    };
    expect(error(true)).toBeLessThan(error(false) * 0.75);
  });
});
