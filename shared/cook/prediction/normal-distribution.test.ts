import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile } from './normal-distribution';

describe('normal distribution', () => {
  it('matches table values', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.2815515655)).toBeCloseTo(0.9, 6);
    expect(normalCdf(-1.959963985)).toBeCloseTo(0.025, 6);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.0902323062, 6);
  });

  it('has a quantile that inverts the CDF', () => {
    for (const p of [0.01, 0.1, 0.3, 0.5, 0.77, 0.99]) expect(normalCdf(normalQuantile(p))).toBeCloseTo(p, 6);
  });
});
