import { describe, expect, it } from 'vitest';
import { cookReadingsStale, STALE_AFTER_MINUTES } from './stale-cook';

const now = new Date('2026-12-03T20:00:00.000Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

describe('cookReadingsStale', () => {
  it('is never stale without a cook going on, however old the readings', () => {
    expect(cookReadingsStale(0, [{ at: minutesAgo(600) }], now)).toBe(false);
    expect(cookReadingsStale(0, [], now)).toBe(false);
  });

  it('goes stale only once the newest reading of any channel is older than the limit', () => {
    expect(cookReadingsStale(1, [{ at: minutesAgo(STALE_AFTER_MINUTES + 1) }, { at: minutesAgo(STALE_AFTER_MINUTES - 1) }], now)).toBe(false);
    expect(cookReadingsStale(1, [{ at: minutesAgo(STALE_AFTER_MINUTES) }], now)).toBe(false);
    expect(cookReadingsStale(2, [{ at: minutesAgo(STALE_AFTER_MINUTES + 1) }, { at: null }], now)).toBe(true);
  });

  it('is stale when a cook has never had a reading', () => {
    expect(cookReadingsStale(1, [], now)).toBe(true);
    expect(cookReadingsStale(1, [{ at: null }], now)).toBe(true);
  });
});
