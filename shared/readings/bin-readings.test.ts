import { describe, expect, it } from 'vitest';
import { binReadings } from './bin-readings';
import type { Reading } from './reading';

const r = (sec: number, value: number): Reading => ({ accountId: 'a', serial: 's', channel: '1', value, units: 'F', at: new Date(Date.UTC(2026, 0, 1, 0, 0, sec)) });

describe('binReadings', () => {
  it('averages each bin and stamps it at the bin start, in time order', () => {
    const out = binReadings([r(61, 12), r(1, 10), r(59, 11), r(65, 13.05)], 60);
    expect(out.map((x) => [x.at.toISOString(), x.value])).toEqual([
      ['2026-01-01T00:00:00.000Z', 10.5],
      ['2026-01-01T00:01:00.000Z', 12.5],
    ]);
  });
  it('returns nothing for nothing', () => {
    expect(binReadings([], 60)).toEqual([]);
  });
});
