import { describe, expect, it } from 'vitest';
import { DEFAULT_RANGE, HISTORY_RANGES, gapSecondsFor, historyRange, maxPointsForWidth, rangeWindow } from './historyRange';

describe('rangeWindow', () => {
  const now = Date.parse('2026-03-01T12:34:56.789Z');

  it.each([
    ['1h', 1],
    ['3h', 3],
    ['12h', 12],
    ['24h', 24],
  ] as const)('%s ends now (whole seconds) and starts %i h before', (id, hours) => {
    const w = rangeWindow(id, now);
    expect(w.to).toBe('2026-03-01T12:34:56.000Z');
    expect(Date.parse(w.to) - Date.parse(w.from)).toBe(hours * 3_600_000);
    expect(w.fromSec).toBe(Date.parse(w.from) / 1000);
    expect(w.toSec).toBe(Date.parse(w.to) / 1000);
  });

  it('defaults to the last 12 hours and offers exactly the four ranges', () => {
    expect(historyRange(DEFAULT_RANGE).hours).toBe(12);
    expect(HISTORY_RANGES.map((r) => r.label)).toEqual(['1 h', '3 h', '12 h', '24 h']);
  });
});

describe('maxPointsForWidth', () => {
  it('asks for one point per pixel of width', () => {
    expect(maxPointsForWidth(640)).toBe(640);
    expect(maxPointsForWidth(333.4)).toBe(333);
  });

  it('stays within what the API accepts (10–5000)', () => {
    expect(maxPointsForWidth(3)).toBe(10);
    expect(maxPointsForWidth(12_000)).toBe(5000);
  });

  it('falls back to the API default for a width not measured yet', () => {
    expect(maxPointsForWidth(0)).toBe(720);
    expect(maxPointsForWidth(Number.NaN)).toBe(720);
    expect(maxPointsForWidth(-5)).toBe(720);
  });
});

describe('gapSecondsFor', () => {
  it('breaks lines after 10 minutes of silence, or three bins when bins are coarser', () => {
    expect(gapSecondsFor(null)).toBe(600);
    expect(gapSecondsFor(60)).toBe(600);
    expect(gapSecondsFor(300)).toBe(900);
  });
});
