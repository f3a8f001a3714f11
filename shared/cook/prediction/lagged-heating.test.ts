import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BinnedPoint } from './binned-series';
import { fitLaggedHeating, laggedHoursToReach, laggedTemperatureAt, shareOfDriveLeft } from './lagged-heating';
import { newtonHoursToReach } from './newton-heating';

const HOUR = 3_600_000;

/** One-minute points of an exact lagged-heating curve from t = 0 up to `hours`. */
function curve(slowK: number, fastK: number, startF: number, pitF: number, hours: number): BinnedPoint[] {
  const points: BinnedPoint[] = [];
  for (let m = 0; m <= hours * 60; m += 1) {
    points.push({ atMs: m * 60_000, valueF: pitF - (pitF - startF) * shareOfDriveLeft(slowK, fastK, m / 60), count: 1 });
  }
  return points;
}

describe('lagged heating', () => {
  it('starts flat at the start temperature and tends to Newton with the slow rate constant', () => {
    expect(shareOfDriveLeft(0.3, 1.5, 0)).toBe(1);
    // Zero initial slope: the share left barely moves in the first minute.
    expect(1 - shareOfDriveLeft(0.3, 1.5, 1 / 60)).toBeLessThan(1e-3);
    // Late on, the share left decays at the slow rate: ratio over one hour → e^(−0.3).
    expect(shareOfDriveLeft(0.3, 1.5, 9) / shareOfDriveLeft(0.3, 1.5, 8)).toBeCloseTo(Math.exp(-0.3), 3);
  });

  it('recovers the rate constants of an exact curve and its analytic time to target', () => {
    const points = curve(0.25, 1.0, 40, 250, 2);
    const fit = fitLaggedHeating(points, { atMs: 0, temperatureF: 40 }, 250);
    expect(fit).toBeDefined();
    expect(fit!.rmsF).toBeLessThan(0.5);
    expect(laggedTemperatureAt(fit!, 2 * HOUR)).toBeCloseTo(points.at(-1)!.valueF, 0);
    // Truth: solve the exact curve for 203 °F by dense search.
    let truth = 2;
    while (250 - 210 * shareOfDriveLeft(0.25, 1.0, truth) < 203) truth += 1e-4;
    expect(Math.abs(laggedHoursToReach(fit!, 2 * HOUR, 203) - (truth - 2))).toBeLessThan(0.05 * (truth - 2));
  });

  it('beats Newton on the recent rate during the lag, which says far too long', () => {
    const points = curve(0.3, 0.9, 38, 250, 1);
    const fit = fitLaggedHeating(points, { atMs: 0, temperatureF: 38 }, 250)!;
    let truth = 1;
    while (250 - 212 * shareOfDriveLeft(0.3, 0.9, truth) < 200) truth += 1e-4;
    const last = points.at(-1)!;
    const previous = points.at(-11)!;
    const rate = (last.valueF - previous.valueF) / (10 / 60);
    const newton = newtonHoursToReach(last.valueF, 200, 250, rate / (250 - last.valueF));
    const lagged = laggedHoursToReach(fit, HOUR, 200);
    expect(Math.abs(lagged - (truth - 1))).toBeLessThan(0.05 * (truth - 1));
    expect(newton).toBeGreaterThan(1.1 * (truth - 1));
  });

  it('reaches a target below the current temperature at once and never one at or above the pit', () => {
    const fit = fitLaggedHeating(curve(0.3, 1.2, 40, 250, 2), { atMs: 0, temperatureF: 40 }, 250)!;
    expect(laggedHoursToReach(fit, 2 * HOUR, 100)).toBe(0);
    expect(laggedHoursToReach(fit, 2 * HOUR, 250)).toBe(Number.POSITIVE_INFINITY);
  });

  it('needs a few points and a pit above the start', () => {
    expect(fitLaggedHeating(curve(0.3, 1.2, 40, 250, 0.05), { atMs: 0, temperatureF: 40 }, 250)).toBeUndefined();
    expect(fitLaggedHeating(curve(0.3, 1.2, 40, 250, 1), { atMs: 0, temperatureF: 40 }, 30)).toBeUndefined();
  });

  it('the fitted curve always rises monotonically from its start', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 2, noNaN: true }), fc.double({ min: 1.2, max: 20, noNaN: true }), (k, ratio) => {
        let previous = 1;
        for (let h = 0.1; h < 10; h += 0.1) {
          const left = shareOfDriveLeft(k, k * ratio, h);
          expect(left).toBeLessThanOrEqual(previous + 1e-12);
          previous = left;
        }
      }),
    );
  });
});
