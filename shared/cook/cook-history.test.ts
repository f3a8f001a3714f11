import { describe, expect, it } from 'vitest';
import { historySinceLowest } from './cook-history';

const HOUR = 3_600_000;
const at = (hours: number, temperatureF: number) => ({ atMs: hours * HOUR, temperatureF });

describe('historySinceLowest', () => {
  it('keeps the readings since the lowest point of the current run, oldest first', () => {
    const readings = [at(2, 40), at(0, 70), at(1, 45), at(3, 90), at(4, 130), at(5, 150)];
    expect(historySinceLowest(readings, { atMs: 5 * HOUR })).toEqual([at(2, 40), at(3, 90), at(4, 130), at(5, 150)]);
  });

  it('ignores sentinel values and a single glitch low', () => {
    const readings = [at(0, 40), at(1, 90), at(1.1, -40), at(1.2, 12), at(1.3, 92), at(2, 130)];
    expect(historySinceLowest(readings, { atMs: 2 * HOUR })[0]).toEqual(at(0, 40));
  });

  it('starts after a silence longer than a dropout (another cook), and within the lookback', () => {
    const previousCook = [at(0, 38), at(1, 120), at(2, 190)];
    const thisCook = [at(7, 45), at(8, 100), at(9, 140)];
    expect(historySinceLowest([...previousCook, ...thisCook], { atMs: 9 * HOUR })).toEqual(thisCook);
    expect(historySinceLowest(thisCook, { atMs: 9 * HOUR, lookbackMs: 1.5 * HOUR })).toEqual([at(8, 100), at(9, 140)]);
  });

  it('sees nothing after the instant asked about, and nothing in an empty history', () => {
    expect(historySinceLowest([at(1, 50), at(2, 20)], { atMs: 1 * HOUR })).toEqual([at(1, 50)]);
    expect(historySinceLowest([], { atMs: 0 })).toEqual([]);
  });
});
