import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newtonHoursToReach } from './newton-heating';
import { POST_STALL_K_RATIO, projectHoursToTarget, stallQuantileWithNoStall, type ProjectionInput } from './stall-aware-projection';
import { remainingStallHours, stallDurationPrior } from './stall-duration-prior';

const heating: ProjectionInput = {
  temperatureF: 120,
  ratePerHour: 26,
  pitF: 250,
  targetF: 203,
  heatingK: 0.2,
  phase: 'heating',
  expectStall: true,
  kRatio: 1,
};

describe('projectHoursToTarget', () => {
  it('is plain Newton with the current rate constant when no stall is expected', () => {
    const q = projectHoursToTarget({ ...heating, expectStall: false });
    expect(q.mid).toBeCloseTo(newtonHoursToReach(120, 203, 250, 26 / 130), 10);
    expect(q.low).toBeLessThan(q.mid);
    expect(q.high).toBeGreaterThan(q.mid);
  });

  it('adds the expected stall for a collagen cook still below the evaporative band', () => {
    const plain = projectHoursToTarget({ ...heating, expectStall: false });
    const withStall = projectHoursToTarget(heating);
    expect(withStall.mid).toBeGreaterThan(plain.mid + 1);
    // The stall's uncertain length pushes the late end out further than the median moves.
    expect(withStall.high - plain.high).toBeGreaterThan(1);
    expect(withStall.high / withStall.mid).toBeGreaterThan(1.5);
  });

  it('ahead of the band, its median ETA allows for cooks that never stall: below the full-stall one, above no stall', () => {
    const plain = projectHoursToTarget({ ...heating, expectStall: false });
    const maybe = projectHoursToTarget(heating);
    // A rate constant already sagging to half the heating one makes the stall certain (same rise rate, same legs).
    const certain = projectHoursToTarget({ ...heating, kRatio: 0.5 });
    expect(maybe.mid).toBeGreaterThan(plain.mid + 0.5);
    expect(maybe.mid).toBeLessThan(certain.mid - 0.25);
    // Its 10th percentile is a cook that never stalls.
    expect(maybe.low).toBeLessThan(certain.low);
  });

  it('counts a long sag toward the stall it began: less of the stall is left', () => {
    const sagging = { ...heating, temperatureF: 155, ratePerHour: 9, kRatio: 0.5 };
    const fresh = projectHoursToTarget(sagging);
    const long = projectHoursToTarget({ ...sagging, saggingHours: 1.5 });
    expect(long.mid).toBeLessThan(fresh.mid - 0.5);
    expect(long.high).toBeGreaterThan(long.mid);
  });

  it('takes the straight line through the lag phase', () => {
    const q = projectHoursToTarget({ ...heating, expectStall: false, lagWeight: 1 });
    expect(q.mid).toBeCloseTo((203 - 120) / 26, 10);
  });

  it('in a stall, lands between "the stall breaks now" and "it creeps all the way"', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 150, max: 175, noNaN: true }),
        fc.double({ min: 0.5, max: 6, noNaN: true }),
        fc.double({ min: 0, max: 8, noNaN: true }),
        (T, rate, elapsed) => {
          const q = projectHoursToTarget({ ...heating, temperatureF: T, ratePerHour: rate, phase: 'stall', stallElapsedHours: elapsed, kRatio: 0.15 });
          const creepOnly = newtonHoursToReach(T, 203, 250, rate / (250 - T));
          const breaksNow = newtonHoursToReach(T, 203, 250, 0.2 * POST_STALL_K_RATIO);
          expect(q.mid).toBeLessThanOrEqual(creepOnly + 1e-9);
          expect(q.mid).toBeGreaterThanOrEqual(breaksNow - 1e-9);
          expect(q.low).toBeLessThanOrEqual(q.mid);
          expect(q.high).toBeGreaterThanOrEqual(q.mid);
        },
      ),
    );
  });

  it('hands over to plain Newton as the rate recovers at the end of a stall', () => {
    const stalled = { ...heating, temperatureF: 168, phase: 'stall' as const, stallElapsedHours: 3 };
    const recovered = projectHoursToTarget({ ...stalled, ratePerHour: 0.2 * 82, kRatio: 1 });
    expect(recovered.mid).toBeCloseTo(newtonHoursToReach(168, 203, 250, 0.2), 10);
  });
});

describe('stallQuantileWithNoStall', () => {
  const prior = { medianHours: 3, sigma: 0.8 };

  it('is the log-normal prior when a stall is certain and zero when it is ruled out', () => {
    expect(stallQuantileWithNoStall(prior, 1, 0.5)).toBeCloseTo(3, 10);
    expect(stallQuantileWithNoStall(prior, 1, 0.9)).toBeCloseTo(3 * Math.exp(0.8 * 1.2815515655446004), 6);
    expect(stallQuantileWithNoStall(prior, 0, 0.9)).toBe(0);
  });

  it('puts the no-stall mass at zero hours and is monotone in the quantile', () => {
    expect(stallQuantileWithNoStall(prior, 0.8, 0.1)).toBe(0);
    expect(stallQuantileWithNoStall(prior, 0.8, 0.5)).toBeLessThan(3);
    expect(stallQuantileWithNoStall(prior, 0.8, 0.5)).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.01, max: 0.98, noNaN: true }), (p, q) => {
        expect(stallQuantileWithNoStall(prior, p, q + 0.01)).toBeGreaterThanOrEqual(stallQuantileWithNoStall(prior, p, q));
      }),
    );
  });
});

describe('stall duration prior', () => {
  it('follows the square of the pit drive above the plateau: hours at 225 °F, about an hour hot-and-fast', () => {
    const at = (pitF: number): number => stallDurationPrior(0.25, pitF).medianHours;
    expect(at(250)).toBeCloseTo(2.5, 6);
    expect(at(225) / at(250)).toBeCloseTo((90 / 65) ** 2, 6);
    expect(at(325)).toBeLessThan(1);
  });

  it('is longer in a cooler pit and for a slower-heating (bigger) cut', () => {
    expect(stallDurationPrior(0.2, 225).medianHours).toBeGreaterThan(stallDurationPrior(0.2, 275).medianHours);
    expect(stallDurationPrior(0.15, 250).medianHours).toBeGreaterThan(stallDurationPrior(0.4, 250).medianHours);
  });

  it('conditions on the time already stalled: the remainder shrinks, yet a long stall is expected to go on', () => {
    const prior = stallDurationPrior(0.2, 250);
    const fresh = remainingStallHours(prior, 0.01, 0.5);
    expect(fresh).toBeCloseTo(prior.medianHours, 1);
    const midway = remainingStallHours(prior, prior.medianHours / 2, 0.5);
    expect(midway).toBeLessThan(fresh);
    expect(remainingStallHours(prior, prior.medianHours * 2, 0.5)).toBeGreaterThan(0.25);
    expect(remainingStallHours(prior, 1, 0.1)).toBeLessThan(remainingStallHours(prior, 1, 0.9));
  });
});
