import { describe, expect, it } from 'vitest';
import { gapThresholdMs, mergeGaps, remainingGap } from './reading-gaps';

const t = (m: number) => new Date(Date.UTC(2026, 0, 1, 0, m)).toISOString();

describe('reading gaps', () => {
  it('needs 1.5 recording intervals, and never less than 1.5 polls', () => {
    expect(gapThresholdMs(600, 15)).toBe(900_000);
    expect(gapThresholdMs(3, 15)).toBe(22_500);
    expect(gapThresholdMs(undefined, 15)).toBe(22_500);
  });

  it('merges overlapping gaps', () => {
    expect(mergeGaps([{ from: t(10), to: t(20) }, { from: t(0), to: t(12) }, { from: t(30), to: t(40) }])).toEqual([
      { from: t(0), to: t(20) },
      { from: t(30), to: t(40) },
    ]);
  });

  it('shrinks a gap by contiguous archive coverage from its start', () => {
    const gap = { from: t(0), to: t(120) };
    const minute = 60_000;
    expect(remainingGap(gap, [{ start: new Date(t(0)), end: new Date(t(60)) }], minute)).toEqual({ from: t(60), to: t(120) });
    // windows end at their last point; the next starts one recording interval later
    expect(remainingGap(gap, [{ start: new Date(t(61)), end: new Date(t(119)) }, { start: new Date(t(-60)), end: new Date(t(60)) }], minute)).toBeUndefined();
    // an archive that starts well after the gap's start leaves the gap as it is: points between may still be missing
    expect(remainingGap(gap, [{ start: new Date(t(30)), end: new Date(t(90)) }], minute)).toEqual(gap);
  });
});
