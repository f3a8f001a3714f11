import { describe, expect, it } from 'vitest';
import { createCookSimulation } from '../physics';
import { createSeededRandom } from '../physics/seeded-random';
import type { DoneTimePrediction } from './done-time-prediction';
import { DoneTimePredictor } from './done-time-predictor';
import { newtonHoursToReach, newtonTemperatureAfter } from './newton-heating';


interface NewtonCook {
  pitF: number;
  startF: number;
  k: number;
  targetF: number;
}

/** Feeds an exact Newton curve (optionally messy) every 30 s up to `untilHours`; returns the last prediction. */
function predictNewton(
  cook: NewtonCook,
  untilHours: number,
  options: { withPit?: boolean; pitReadingF?: number; noiseF?: number; glitches?: boolean; duplicates?: boolean; seed?: number } = {},
): DoneTimePrediction {
  const predictor = new DoneTimePredictor({ targetF: cook.targetF, expectStall: false });
  const random = createSeededRandom(options.seed ?? 7);
  let prediction: DoneTimePrediction | undefined;
  for (let s = 0; s <= untilHours * 3600; s += 30) {
    const atMs = s * 1000;
    let value = newtonTemperatureAfter(cook.startF, cook.pitF, cook.k, s / 3600) + (options.noiseF ?? 0) * random.normal();
    if (options.glitches && random.next() < 0.01) value += random.next() < 0.5 ? 90 : -90;
    predictor.observe({ atMs, temperatureF: value });
    if (options.duplicates && random.next() < 0.05) predictor.observe({ atMs, temperatureF: value + 0.1 });
    prediction = predictor.predict(atMs, options.withPit === false ? undefined : (options.pitReadingF ?? cook.pitF));
  }
  return prediction as DoneTimePrediction;
}

const chicken: NewtonCook = { pitF: 325, startF: 40, k: 0.55, targetF: 165 };
const remainingAfter = (cook: NewtonCook, hours: number): number =>
  newtonHoursToReach(cook.startF, cook.targetF, cook.pitF, cook.k) - hours;

describe('DoneTimePredictor on Newton curves with known answers', () => {
  it('says "not enough data" rather than guessing in the first minutes', () => {
    const p = predictNewton(chicken, 5 / 60);
    expect(p.phase).toBe('unknown');
    expect(p.eta).toBeUndefined();
    expect(p.reason).toMatch(/not enough data/);
  });

  it('finds the analytic ETA of a clean curve within 3 %, inside its 80 % interval', () => {
    for (const hours of [0.4, 0.7, 0.9]) {
      const p = predictNewton(chicken, hours);
      const truth = remainingAfter(chicken, hours) * 3600;
      expect(p.phase).toBe('heating');
      expect(Math.abs((p.eta!.seconds - truth) / truth)).toBeLessThan(0.03);
      expect(p.eta!.lowSeconds).toBeLessThanOrEqual(truth);
      expect(p.eta!.highSeconds).toBeGreaterThanOrEqual(truth);
    }
  });

  it('keeps within 5 % through sensor noise, glitch spikes and duplicate timestamps', () => {
    const p = predictNewton(chicken, 0.6, { noiseF: 0.3, glitches: true, duplicates: true });
    const truth = remainingAfter(chicken, 0.6) * 3600;
    expect(Math.abs((p.eta!.seconds - truth) / truth)).toBeLessThan(0.05);
  });

  it('works without a pit probe when the pit is where it is usually run', () => {
    const p = predictNewton(chicken, 0.6, { withPit: false });
    const truth = remainingAfter(chicken, 0.6) * 3600;
    expect(Math.abs((p.eta!.seconds - truth) / truth)).toBeLessThan(0.05);
  });

  it('without a pit probe, widens the interval to cover the pits such a cook is run at', () => {
    // A collagen-target curve in a 240 °F pit, where 275 °F is assumed: the interval must still hold the truth, and be
    // wider than if the usual pit were simply taken as known.
    const cook: NewtonCook = { pitF: 240, startF: 40, k: 0.3, targetF: 195 };
    const blind = predictNewton(cook, 3, { withPit: false });
    // What a single assumed pit would say: the same curve, told the pit is the usual 275 °F.
    const assumed = predictNewton(cook, 3, { pitReadingF: 275 });
    const truth = remainingAfter(cook, 3) * 3600;
    const width = (p: DoneTimePrediction): number => p.eta!.highSeconds - p.eta!.lowSeconds;
    expect(width(blind)).toBeGreaterThan(1.05 * width(assumed));
    expect(blind.eta!.highSeconds).toBeGreaterThan(assumed.eta!.highSeconds);
    expect(blind.eta!.lowSeconds).toBeLessThanOrEqual(truth);
    expect(blind.eta!.highSeconds).toBeGreaterThanOrEqual(truth);
  });

  it('beats a straight line, which ignores the slowing approach', () => {
    const cook: NewtonCook = { pitF: 250, startF: 40, k: 0.3, targetF: 203 };
    const hours = 3;
    const p = predictNewton(cook, hours);
    const truth = remainingAfter(cook, hours);
    const T = newtonTemperatureAfter(cook.startF, cook.pitF, cook.k, hours);
    const linear = (cook.targetF - T) / (cook.k * (cook.pitF - T));
    expect(Math.abs(p.eta!.seconds / 3600 - truth)).toBeLessThan(0.05 * truth);
    expect(linear).toBeLessThan(0.8 * truth);
  });

  it('reports done, with a zero ETA, once the target is reached', () => {
    const p = predictNewton(chicken, 2);
    expect(p.phase).toBe('done');
    expect(p.eta).toEqual({ seconds: 0, lowSeconds: 0, highSeconds: 0 });
  });

  it('is done on a reading, never on the trend projected past the last one: until then it is due now', () => {
    // Readings up to 1 °F short of the target; between polls the trend reaches it before any reading does.
    const hoursToTarget = newtonHoursToReach(chicken.startF, chicken.targetF, chicken.pitF, chicken.k);
    const predictor = new DoneTimePredictor({ targetF: chicken.targetF, expectStall: false });
    let lastMs = 0;
    for (let s = 0; s <= hoursToTarget * 3600; s += 30) {
      const valueF = newtonTemperatureAfter(chicken.startF, chicken.pitF, chicken.k, s / 3600);
      if (valueF > chicken.targetF - 1) break;
      predictor.observe({ atMs: s * 1000, temperatureF: valueF });
      lastMs = s * 1000;
    }
    const later = predictor.predict(lastMs + 4 * 60_000, chicken.pitF);
    expect(later.temperatureF).toBeGreaterThanOrEqual(chicken.targetF);
    expect(later.phase).toBe('heating');
    expect(later.eta).toEqual({ seconds: 0, lowSeconds: 0, highSeconds: 0 });
  });

  it('goes back to "unknown" when the probe falls silent', () => {
    const predictor = new DoneTimePredictor({ targetF: 165 });
    for (let s = 0; s <= 3600; s += 30) {
      predictor.observe({ atMs: s * 1000, temperatureF: newtonTemperatureAfter(40, 325, 0.55, s / 3600) });
    }
    expect(predictor.predict(3600_000, 325).eta).toBeDefined();
    const later = predictor.predict(3600_000 + 30 * 60_000, 325);
    expect(later.phase).toBe('unknown');
    expect(later.reason).toBe('probe silent');
  });

  it('is deterministic', () => {
    expect(predictNewton(chicken, 1, { noiseF: 0.3, glitches: true })).toEqual(
      predictNewton(chicken, 1, { noiseF: 0.3, glitches: true }),
    );
  });
});

describe('DoneTimePredictor through the cold centre\'s lag', () => {
  it('follows a simulated chicken (surface and core) from a quarter of the way in, where Newton says far too long', () => {
    const sim = createCookSimulation({ seed: 11, meat: 'chicken', pitSetpointF: 325, initialMeatF: 38, ambientF: 60, probes: 1 });
    const reach = sim.groundTruth.reachSeconds(165, 0) as number;
    const predictor = new DoneTimePredictor({ targetF: 165 });
    const errors: number[] = [];
    for (let s = 0; s < reach; s += 30) {
      const sample = sim.sampleAt(s);
      predictor.observe({ atMs: s * 1000, temperatureF: sample.meatF[0] as number });
      const p = predictor.predict(s * 1000, sample.pitF);
      for (const fraction of [0.25, 0.5, 0.75]) {
        if (Math.abs(s - fraction * reach) < 15) errors.push(Math.abs(p.eta!.seconds - (reach - s)) / (reach - s));
      }
    }
    expect(errors).toHaveLength(3);
    for (const error of errors) expect(error).toBeLessThan(0.12);
  });
});

describe('DoneTimePredictor through a simulated brisket stall', () => {
  const sim = createCookSimulation({ seed: 5, meat: 'brisket', pitSetpointF: 250, initialMeatF: 38, ambientF: 60, probes: 1 });
  const reach = sim.groundTruth.reachSeconds(203, 0) as number;
  const stallStart = sim.groundTruth.stallStartSeconds as number;
  const stallEnd = sim.groundTruth.stallEndSeconds as number;
  const predictor = new DoneTimePredictor({ targetF: 203, meat: 'brisket' });
  const byMinute: DoneTimePrediction[] = [];
  for (let s = 0; s < reach; s += 60) {
    const sample = sim.sampleAt(s);
    predictor.observe({ atMs: s * 1000, temperatureF: sample.meatF[0] as number });
    byMinute.push(predictor.predict(s * 1000, sample.pitF));
  }
  const at = (seconds: number): DoneTimePrediction => byMinute[Math.floor(seconds / 60)] as DoneTimePrediction;

  it('detects the stall soon after it starts and reports its start temperature in the band', () => {
    const detected = byMinute.find((p) => p.phase === 'stall') as DoneTimePrediction;
    expect(detected).toBeDefined();
    expect(detected.atMs / 1000).toBeGreaterThan(stallStart - 1800);
    expect(detected.atMs / 1000).toBeLessThan(stallStart + 5400);
    expect(detected.stall.startTemperatureF).toBeGreaterThan(140);
    expect(detected.stall.startTemperatureF).toBeLessThan(170);
    // The core lags the surface where the physics ends the stall: it shows the recovery up to ~an hour later.
    expect(at(stallEnd + 2 * 3600).phase).toBe('post_stall');
  });

  it('moves the ETA smoothly through the stall instead of jumping, with a wider interval than after it', () => {
    const during = byMinute.filter((p) => p.phase === 'stall' && p.eta !== undefined);
    for (let i = 5; i < during.length; i += 5) {
      const before = (during[i - 5] as DoneTimePrediction).eta!.seconds;
      const now = (during[i] as DoneTimePrediction).eta!.seconds;
      expect(Math.abs(now - before)).toBeLessThan(0.2 * before);
    }
    const mid = at((stallStart + stallEnd) / 2).eta!;
    const late = at(reach - 3600).eta!;
    expect((mid.highSeconds - mid.lowSeconds) / mid.seconds).toBeGreaterThan((late.highSeconds - late.lowSeconds) / late.seconds);
  });

  it('is accurate once the stall is behind it', () => {
    for (const fraction of [0.8, 0.9]) {
      const seconds = fraction * reach;
      const truth = reach - seconds;
      expect(Math.abs(at(seconds).eta!.seconds - truth) / truth).toBeLessThan(0.15);
    }
  });
});
