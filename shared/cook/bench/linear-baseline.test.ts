import { describe, expect, it } from 'vitest';
import { linearEtaSeconds } from './linear-baseline';

describe('linearEtaSeconds', () => {
  const line = (perHour: number) =>
    Array.from({ length: 40 }, (_, i) => ({ atMs: i * 60_000, temperatureF: 100 + (perHour * i) / 60 }));

  it('extrapolates the last 15 minutes straight to the target', () => {
    const readings = line(30);
    const now = 39 * 60_000;
    expect(linearEtaSeconds(readings, now, 130)).toBeCloseTo(((130 - 119.5) / 30) * 3600, 6);
  });

  it('gives up when the probe is not rising or there is nothing to fit', () => {
    expect(linearEtaSeconds(line(-5), 39 * 60_000, 130)).toBeUndefined();
    expect(linearEtaSeconds([], 0, 130)).toBeUndefined();
    expect(linearEtaSeconds(line(30), 39 * 60_000, 110)).toBe(0);
  });
});
