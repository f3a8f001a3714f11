import { describe, expect, it } from 'vitest';
import { bisect, goldenMinimum } from './numeric-search';

describe('numeric search', () => {
  it('finds the minimum of a unimodal function', () => {
    expect(goldenMinimum((x) => (x - 1.7) ** 2 + 3, -10, 10, 60)).toBeCloseTo(1.7, 6);
    expect(goldenMinimum((x) => Math.abs(Math.log(x / 0.3)), 0.01, 20, 60)).toBeCloseTo(0.3, 6);
  });

  it('finds where a monotone condition switches on', () => {
    expect(bisect((x) => x * x >= 2, 0, 2, 60)).toBeCloseTo(Math.SQRT2, 12);
    expect(bisect((x) => Math.exp(-x) <= 0.25, 0, 10, 60)).toBeCloseTo(Math.log(4), 12);
  });
});
