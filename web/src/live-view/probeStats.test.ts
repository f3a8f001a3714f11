import { describe, expect, it } from 'vitest';
import { mergeSeries } from '../history/chartData';
import { probeStats } from './probeStats';

describe('probeStats', () => {
  it('gives min, max, latest and the rate per hour over the last 15 minutes', () => {
    // 30 °/h for an hour (one point a minute) after a dip to 90.
    const points = [{ at: 0, value: 90 }, ...Array.from({ length: 61 }, (_, i) => ({ at: 3600 + i * 60, value: 100 + i * 0.5 }))];
    const data = mergeSeries([points, [{ at: 0, value: 250 }]]);
    const stats = probeStats(data, 0);
    expect(stats.min).toBe(90);
    expect(stats.max).toBe(130);
    expect(stats.latest).toBe(130);
    expect(stats.ratePerHour).toBeCloseTo(30, 6);
  });

  it('says nothing about the rate with too few points or too short a span, nor anything without data', () => {
    expect(probeStats(mergeSeries([[{ at: 0, value: 1 }, { at: 30, value: 2 }, { at: 60, value: 3 }]]), 0).ratePerHour).toBeNull();
    expect(probeStats(mergeSeries([[{ at: 0, value: null }]]), 0)).toEqual({ min: null, max: null, latest: null, ratePerHour: null });
    expect(probeStats(mergeSeries([[]]), 3).latest).toBeNull();
  });
});
