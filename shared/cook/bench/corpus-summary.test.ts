import { describe, expect, it } from 'vitest';
import { checkpointMisses } from './corpus-summary';
import type { CookScore } from './evaluate-cook';

const score = (intervalsAt: number[], coveredAt: number[], earlierAt: number[]): CookScore => ({
  name: 'cook',
  modelErrorAt: [0, 0, 0],
  baselineErrorAt: [0, 0, 0],
  modelMeanError: 0,
  baselineMeanError: 0,
  intervals: 0,
  covered: 0,
  readings: 0,
  intervalsAt,
  coveredAt,
  earlierAt,
});

describe('checkpointMisses', () => {
  it('splits each checkpoint’s misses into truth sooner and later than the interval, each cook counting once', () => {
    const misses = checkpointMisses([
      score([10, 4, 0], [6, 4, 0], [1, 0, 0]), // at 25 %: 1 sooner, 3 later of 10
      score([2, 4, 5], [2, 2, 5], [0, 2, 0]), // at 50 %: both misses sooner
    ]);
    expect(misses.earlier).toEqual([5, 25, 0]);
    expect(misses.later).toEqual([15, 0, 0]);
  });

  it('is NaN at a checkpoint where no cook had an interval', () => {
    expect(checkpointMisses([score([0, 1, 1], [0, 1, 1], [0, 0, 0])]).earlier[0]).toBeNaN();
  });
});
