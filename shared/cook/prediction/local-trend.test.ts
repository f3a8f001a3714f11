import { describe, expect, it } from 'vitest';
import { BinnedSeries } from './binned-series';
import { fitLocalTrend } from './local-trend';

const HOUR = 3_600_000;

describe('BinnedSeries', () => {
  it('averages readings that share a bin and slices by time', () => {
    const series = new BinnedSeries(60_000);
    series.add({ atMs: 0, temperatureF: 100 });
    series.add({ atMs: 30_000, temperatureF: 102 });
    series.add({ atMs: 60_000, temperatureF: 104 });
    series.add({ atMs: 30_000, temperatureF: 999 }); // late arrival for a closed bin: ignored
    expect(series.all()).toEqual([
      { atMs: 15_000, valueF: 101, count: 2 },
      { atMs: 60_000, valueF: 104, count: 1 },
    ]);
    expect(series.since(60_000)).toHaveLength(1);
    expect(series.last()?.valueF).toBe(104);
  });
});

describe('fitLocalTrend', () => {
  it('recovers the level and rate of a straight rise', () => {
    const points = Array.from({ length: 30 }, (_, i) => ({ atMs: i * 60_000, valueF: 120 + (i / 60) * 18, count: 1 }));
    const trend = fitLocalTrend(points, 29 * 60_000);
    expect(trend?.ratePerHour).toBeCloseTo(18, 6);
    expect(trend?.levelF).toBeCloseTo(120 + (29 / 60) * 18, 6);
    expect(trend?.spanHours).toBeCloseTo(29 / 60, 6);
  });

  it('is not dragged by a single outlier bin', () => {
    const points = Array.from({ length: 30 }, (_, i) => ({ atMs: i * 60_000, valueF: 150 + (i / 60) * 6, count: 1 }));
    points[25] = { ...points[25]!, valueF: 190 };
    const trend = fitLocalTrend(points, 29 * 60_000);
    expect(trend?.ratePerHour).toBeGreaterThan(3);
    expect(trend?.ratePerHour).toBeLessThan(12);
  });

  it('needs at least three points', () => {
    expect(fitLocalTrend([{ atMs: 0, valueF: 1, count: 1 }, { atMs: HOUR, valueF: 2, count: 1 }], HOUR)).toBeUndefined();
  });
});
