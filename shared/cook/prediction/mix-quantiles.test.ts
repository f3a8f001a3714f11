import { describe, expect, it } from 'vitest';
import { Z80 } from './eta-quantiles';
import { mixQuantiles } from './mix-quantiles';

const logNormal = (median: number, sigma: number) => ({
  low: median * Math.exp(-Z80 * sigma),
  mid: median,
  high: median * Math.exp(Z80 * sigma),
});

describe('mixQuantiles', () => {
  it('returns a single estimate unchanged', () => {
    const q = { low: 1, mid: 2, high: 5 };
    expect(mixQuantiles([{ weight: 1, quantiles: q }])).toBe(q);
  });

  it('reproduces the quantiles of identical parts', () => {
    const q = logNormal(3, 0.4);
    const mixed = mixQuantiles([
      { weight: 1, quantiles: q },
      { weight: 3, quantiles: q },
    ]);
    expect(mixed.low).toBeCloseTo(q.low, 4);
    expect(mixed.mid).toBeCloseTo(q.mid, 4);
    expect(mixed.high).toBeCloseTo(q.high, 4);
  });

  it('puts the median of two far-apart, equally likely hypotheses between them and widens the interval', () => {
    const mixed = mixQuantiles([
      { weight: 1, quantiles: logNormal(1, 0.1) },
      { weight: 1, quantiles: logNormal(4, 0.1) },
    ]);
    expect(mixed.mid).toBeGreaterThan(1.1);
    expect(mixed.mid).toBeLessThan(3.6);
    expect(mixed.low).toBeLessThan(1);
    expect(mixed.high).toBeGreaterThan(4);
  });

  it('follows the weights: the median sits in the heavier hypothesis', () => {
    const mixed = mixQuantiles([
      { weight: 0.25, quantiles: logNormal(1, 0.1) },
      { weight: 0.5, quantiles: logNormal(2, 0.1) },
      { weight: 0.25, quantiles: logNormal(4, 0.1) },
    ]);
    expect(mixed.mid).toBeCloseTo(2, 1);
    // The 10th percentile lies in the lightest hypothesis' body: 0.25 · Φ(z) = 0.1 → z ≈ −0.2533.
    expect(mixed.low).toBeCloseTo(Math.exp(-0.1 * 0.2533), 3);
  });

  it('treats a hypothesis that never arrives as mass at infinity', () => {
    const mixed = mixQuantiles([
      { weight: 0.3, quantiles: { low: Infinity, mid: Infinity, high: Infinity } },
      { weight: 0.7, quantiles: logNormal(2, 0.2) },
    ]);
    expect(Number.isFinite(mixed.mid)).toBe(true);
    expect(mixed.high).toBe(Infinity);
    const never = mixQuantiles([
      { weight: 0.6, quantiles: { low: Infinity, mid: Infinity, high: Infinity } },
      { weight: 0.4, quantiles: logNormal(2, 0.2) },
    ]);
    expect(never.mid).toBe(Infinity);
  });
});
