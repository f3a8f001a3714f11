import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScaledClock } from '../../../shared/clock';
import { configureClock, nowMs, tickEveryMs } from './clock';

const REAL = Date.parse('2026-12-02T12:00:00.000Z');

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(REAL);
});
afterEach(() => {
  configureClock(undefined);
  vi.useRealTimers();
});

describe('the page clock', () => {
  it('is real time without a simulated clock', () => {
    configureClock(undefined);
    expect(nowMs()).toBe(REAL);
    vi.advanceTimersByTime(30_000);
    expect(nowMs()).toBe(REAL + 30_000);
    expect(tickEveryMs(30_000)).toBe(30_000);
  });

  it('follows the simulated clock of /config.json, and ticks faster with it', () => {
    configureClock({ scale: 30, realOriginMs: REAL - 10_000, simulatedOriginMs: Date.parse('2026-12-02T07:00:00.000Z') });
    expect(new Date(nowMs()).toISOString()).toBe('2026-12-02T07:05:00.000Z');
    vi.advanceTimersByTime(2 * 60_000);
    expect(new Date(nowMs()).toISOString()).toBe('2026-12-02T08:05:00.000Z');
    expect(tickEveryMs(30_000)).toBe(1000);
    expect(tickEveryMs(600_000)).toBe(20_000);
  });

  it('reads the same time as the server’s ScaledClock for the same settings', () => {
    const settings = { scale: 7.5, realOriginMs: REAL - 12_345, simulatedOriginMs: Date.parse('2026-12-01T23:00:00.000Z') };
    configureClock(settings);
    const server = new ScaledClock(settings);
    for (const step of [0, 1, 999, 61_000]) {
      vi.advanceTimersByTime(step);
      expect(nowMs()).toBe(server.nowMs());
    }
  });
});
