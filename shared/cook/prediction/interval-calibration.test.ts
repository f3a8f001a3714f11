import { describe, expect, it } from 'vitest';
import { DoneTimePredictor } from './done-time-predictor';
import { Z80 } from './eta-quantiles';
import { calibrated, calibratedMixture, CALIBRATION_BASE, hindcastZ, IntervalCalibration } from './interval-calibration';
import { mixQuantiles } from './mix-quantiles';
import { newtonHoursToReach, newtonTemperatureAfter } from './newton-heating';
import { createSeededRandom } from '../physics/seeded-random';

describe('hindcastZ', () => {
  it('is the error in units of the spread the projection claimed, on its own side', () => {
    const q = { low: 0.5 / Math.exp(Z80 * 0.2), mid: 0.5, high: 0.5 * Math.exp(Z80 * 0.4) };
    expect(hindcastZ(q, 0.5)).toBeCloseTo(0, 9);
    expect(hindcastZ(q, 0.5 * Math.exp(0.4))).toBeCloseTo(1, 6);
    expect(hindcastZ(q, 0.5 * Math.exp(-0.4))).toBeCloseTo(-2, 6);
    expect(hindcastZ(q, 50)).toBe(4);
    expect(hindcastZ({ low: 0, mid: Infinity, high: Infinity }, 0.5)).toBeUndefined();
  });
});

describe('IntervalCalibration', () => {
  const snapshot = (atMs: number, temperatureF: number) => ({ atMs, temperatureF, state: { atMs } });

  it('hindcasts from the state of about half an hour ago, only over a half hour that rose', () => {
    const c = new IntervalCalibration<{ atMs: number }>();
    for (let minute = 0; minute <= 40; minute += 1) c.remember(snapshot(minute * 60_000, 100 + minute / 2));
    expect(c.due(40 * 60_000, 120)?.atMs).toBe(10 * 60_000);
    expect(c.due(40 * 60_000, 106)).toBeUndefined(); // 1 °F in half an hour: nothing to learn
    expect(c.due(90 * 60_000, 150)).toBeUndefined(); // nothing half an hour old kept
  });

  it('starts at 1 and follows the cook’s own errors, a part of the way at first', () => {
    const c = new IntervalCalibration<unknown>();
    expect(c.scale).toBe(1);
    const q = { low: 0.4, mid: 0.5, high: 0.6 };
    for (let i = 0; i < 300; i += 1) c.score(q, 0.5 * Math.pow(0.6 / 0.5, 3)); // z = 3 every time
    expect(c.scale).toBeGreaterThan(2.5);
    const steady = new IntervalCalibration<unknown>();
    for (let i = 0; i < 30; i += 1) steady.score(q, 0.5);
    expect(steady.scale).toBeLessThan(1);
    expect(steady.scale).toBeGreaterThan(0.5);
  });

  it('widens or narrows an interval in log space around its median', () => {
    const q = { low: 2, mid: 4, high: 8 };
    const same = calibrated(q, Math.sqrt(1 / CALIBRATION_BASE));
    expect(same.low).toBeCloseTo(2, 9);
    expect(same.high).toBeCloseTo(8, 9);
    const wide = calibrated(q, 2);
    expect(wide.mid).toBe(4);
    expect(wide.low).toBeLessThan(2);
    expect(wide.high).toBeGreaterThan(8);
    expect(calibrated({ low: 1, mid: Infinity, high: Infinity }, 2).mid).toBe(Infinity);
  });
});

describe('calibratedMixture', () => {
  // A cooler and a hotter pit 2 h apart, each projection ±20 %: what the cook's hindcasts cannot tell apart.
  const parts = [
    { weight: 0.5, quantiles: { low: 2 / 1.2, mid: 2, high: 2 * 1.2 } },
    { weight: 0.5, quantiles: { low: 4 / 1.2, mid: 4, high: 4 * 1.2 } },
  ];

  it('narrows each pit’s projection, not the spread between the pits, and keeps the point ETA', () => {
    const steady = 0.6;
    const mixed = calibratedMixture(parts, steady);
    expect(mixed.mid).toBe(mixQuantiles(parts).mid);
    expect(mixed.low).toBeLessThan(2);
    expect(mixed.high).toBeGreaterThan(4);
    // Calibrating the mixture instead would pull the interval in between the two pits' medians.
    const whole = calibrated(mixQuantiles(parts), steady);
    expect(whole.low).toBeGreaterThan(2);
    expect(whole.high).toBeLessThan(4);
  });

  it('is the calibrated projection when one pit is in play (a pit probe)', () => {
    const one = parts[0]!.quantiles;
    expect(calibratedMixture([{ weight: 1, quantiles: one }], 0.7)).toEqual(calibrated(one, 0.7));
  });
});

describe('calibrated intervals in the predictor', () => {
  /** A Newton curve with sensor noise and a pit that swings: `gusty` makes the recent rate a poor guide. */
  const width = (gusty: boolean): number => {
    const random = createSeededRandom(3);
    const p = new DoneTimePredictor({ targetF: 230, expectStall: false });
    let k = 0.3;
    let T = 40;
    for (let minute = 0; minute <= 150; minute += 1) {
      if (gusty && minute % 40 === 0) k = 0.15 + 0.3 * random.next();
      T = newtonTemperatureAfter(T, 300, k, 1 / 60);
      p.observe({ atMs: minute * 60_000, temperatureF: T + 0.1 * random.normal() }, 300);
    }
    const eta = p.predict(150 * 60_000, 300).eta!;
    return Math.log(eta.highSeconds / eta.lowSeconds);
  };

  it('are wider for a cook the model tracks badly than for a steady one', () => {
    expect(width(true)).toBeGreaterThan(1.3 * width(false));
  });

  it('without a pit probe, narrow a steady cook’s interval less than its hindcasts alone say: the pit is still unknown', () => {
    const pitF = 300;
    const hours = 2;
    const eta = (calibrateIntervals: boolean) => {
      const p = new DoneTimePredictor({ targetF: 195, expectStall: false, calibrateIntervals });
      for (let s = 0; s <= hours * 3600; s += 30) {
        p.observe({ atMs: s * 1000, temperatureF: newtonTemperatureAfter(40, pitF, 0.3, s / 3600) });
      }
      return p.predict(hours * 3_600_000, undefined).eta!;
    };
    const logWidth = (e: { lowSeconds: number; highSeconds: number }): number => Math.log(e.highSeconds / e.lowSeconds);
    const calibratedEta = eta(true);
    const truth = (newtonHoursToReach(40, 195, pitF, 0.3) - hours) * 3600;
    // Calibrating the mixed pits narrowed it to 0.48 of its width; calibrating each pit first keeps 0.64.
    expect(logWidth(calibratedEta) / logWidth(eta(false))).toBeGreaterThan(0.56);
    expect(calibratedEta.seconds).toBe(eta(false).seconds);
    expect(calibratedEta.lowSeconds).toBeLessThan(truth);
    expect(calibratedEta.highSeconds).toBeGreaterThan(truth);
  });
});
