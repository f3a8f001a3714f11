import { describe, expect, it } from 'vitest';
import type { BinnedPoint } from './binned-series';
import { laggedCurve, memoizedLaggedFit } from './lagged-fit-memo';
import { fitLaggedHeating, shareOfDriveLeft } from './lagged-heating';

/** One-minute points of a lagged-heating curve from 40 °F under a 250 °F pit. */
const curve = (minutes: number, slowK = 0.25): BinnedPoint[] =>
  Array.from({ length: minutes + 1 }, (_, m) => ({ atMs: m * 60_000, valueF: 250 - 210 * shareOfDriveLeft(slowK, 1.0, m / 60), count: 1 }));
const start = { atMs: 0, temperatureF: 40 };

describe('memoizedLaggedFit', () => {
  it('answers exactly what fitting again would, the first time and from memory', () => {
    const points = curve(90);
    const fresh = fitLaggedHeating(points, start, 250);
    expect(fresh).toBeDefined();
    expect(memoizedLaggedFit(laggedCurve(points, start), 250)).toEqual(fresh);
    expect(memoizedLaggedFit(laggedCurve(curve(90), start), 250)).toEqual(fresh);
  });

  it('fits anew when any point, the start or the pit differs: the key is the curve itself', () => {
    const points = curve(90);
    memoizedLaggedFit(laggedCurve(points, start), 250);
    const moved = points.map((p, i) => (i === 45 ? { ...p, valueF: p.valueF + 3 } : p));
    const slower = curve(90, 0.2);
    for (const [pts, s, pit] of [
      [moved, start, 250],
      [slower, start, 250],
      [points, { atMs: 0, temperatureF: 41 }, 250],
      [points, start, 249],
    ] as const) {
      expect(memoizedLaggedFit(laggedCurve(pts, s), pit)).toEqual(fitLaggedHeating(pts, s, pit));
    }
    expect(fitLaggedHeating(slower, start, 250)).not.toEqual(fitLaggedHeating(points, start, 250));
  });
});
