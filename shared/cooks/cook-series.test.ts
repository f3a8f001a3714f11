import { describe, expect, it } from 'vitest';
import { bucketReadings } from '../readings/bucket-readings';
import type { Reading } from '../readings/reading';
import { decodeCookCursor, encodeCookCursor } from './cook-cursor';
import { alignedSeries } from './cook-series';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1) + s * 1000);
const r = (s: number, value: number, units: Reading['units'] = 'F'): Reading => ({ accountId: 'a', serial: 'S', channel: '1', value, units, at: at(s) });

describe('bucketReadings', () => {
  it('keeps a one-reading dip and peak as the bucket min and max while the mean smooths them', () => {
    const readings = [r(0, 250), r(15, 250), r(30, 180), r(45, 250), r(60, 250), r(75, 320), r(90, 250), r(105, 250)];
    expect(bucketReadings(readings, 60)).toEqual([
      { at: at(0).toISOString(), value: 232.5, min: 180, max: 250 },
      { at: at(60).toISOString(), value: 267.5, min: 250, max: 320 },
    ]);
    expect(bucketReadings(readings.slice(0, 2), null)).toEqual([{ at: at(0).toISOString(), value: 250, min: 250, max: 250 }, { at: at(15).toISOString(), value: 250, min: 250, max: 250 }]);
  });

  it('aligns a series at its cook start in °F', () => {
    expect(alignedSeries([r(600, 100, 'C'), r(660, 0, 'C')], at(600).getTime(), 60)).toEqual([[0, 212], [60, 32]]);
  });
});

describe('cook cursors', () => {
  it('round-trip, and a cursor that is not ours is a 400', () => {
    const key = { cookId: 'c-1', startedAt: '2026-01-01T00:00:00.000Z' };
    expect(decodeCookCursor(encodeCookCursor(key))).toEqual(key);
    expect(() => decodeCookCursor('garbage')).toThrow(/Request is invalid/);
    expect(() => decodeCookCursor(Buffer.from(JSON.stringify({ c: 'x', s: 'now', acct: 'other' })).toString('base64url'))).toThrow(/Request is invalid/);
  });
});
