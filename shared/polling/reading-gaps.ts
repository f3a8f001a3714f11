/**
 * Gaps in a device's polled history: stretches where the device recorded points that polling could not see (a
 * datalogger that records every 10 min but uploads every 2 h, a ThermoWorks outage, a device offline). They are kept
 * on the device until its archives cover them, or until they are too old for any archive to appear.
 */
export interface ReadingGap {
  /** Exclusive: the last reading Pitwatch already has. */
  from: string;
  /** Exclusive: the first reading after the gap. */
  to: string;
}

export const GAP_GIVE_UP_MS = 48 * 3_600_000;

/** Spacing between two readings beyond which points are missing. */
export function gapThresholdMs(recordingIntervalSeconds: number | undefined, pollIntervalSeconds: number): number {
  // A Signals overwrites its channel every few seconds and documents no recording interval: only a stretch clearly
  // longer than our own cadence (a missed poll, an outage) is worth asking the archives about.
  return Math.max((recordingIntervalSeconds ?? 0) * 1500, pollIntervalSeconds * 1500);
}

export function mergeGaps(gaps: readonly ReadingGap[]): ReadingGap[] {
  const sorted = [...gaps].sort((a, b) => a.from.localeCompare(b.from));
  const merged: ReadingGap[] = [];
  for (const gap of sorted) {
    const last = merged.at(-1);
    if (last && gap.from <= last.to) {
      if (gap.to > last.to) last.to = gap.to;
    } else merged.push({ ...gap });
  }
  return merged;
}

/**
 * What remains of `gap` once archives covering [start, end] are known. An archive's `end` is its last recorded point
 * and the next one starts a recording interval later, so windows closer than `toleranceMs` count as contiguous.
 */
export function remainingGap(
  gap: ReadingGap,
  covered: ReadonlyArray<{ start: Date; end: Date }>,
  toleranceMs: number,
): ReadingGap | undefined {
  let from = new Date(gap.from).getTime();
  const to = new Date(gap.to).getTime();
  for (const c of [...covered].sort((a, b) => a.start.getTime() - b.start.getTime())) {
    if (c.start.getTime() <= from + toleranceMs && c.end.getTime() > from) from = c.end.getTime();
  }
  return to - from <= toleranceMs ? undefined : { from: new Date(from).toISOString(), to: gap.to };
}
