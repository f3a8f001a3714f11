import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from './backoff';

const noJitter = { ...defaultBackoff, jitter: 0 };

describe('backoffDelay', () => {
  it('doubles from the base up to the cap', () => {
    const schedule = [0, 1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffDelay(attempt, () => 0, noJitter));
    expect(schedule).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('stays finite and capped after a very long outage', () => {
    expect(backoffDelay(10_000, () => 0, noJitter)).toBe(30_000);
  });

  it('jitters down to at most half the delay by default', () => {
    expect(backoffDelay(3, () => 0)).toBe(8_000);
    expect(backoffDelay(3, () => 0.999_999)).toBe(4_000);
    expect(backoffDelay(3, () => 0.5)).toBe(6_000);
  });

  it('never waits a negative or fractional time for odd inputs', () => {
    expect(backoffDelay(-3, () => 0, noJitter)).toBe(1_000);
    expect(backoffDelay(1.7, () => 0, noJitter)).toBe(2_000);
  });
});
