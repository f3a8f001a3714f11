/**
 * Back-fill: the points a device recorded that polling could not see (a datalogger uploading every 2 hours, an
 * outage), fetched from its archives. Gaps are kept on the device until an archive covers them, or given up after
 * 48 h. Archives are listed at most every few minutes per device while gaps remain, and at once for a new gap.
 * Where no archive covers a gap (a Wi-Fi device that keeps none), the instrument history function is asked for it:
 * best-effort, as it answers 500 at times; a gap it did not fill is asked for again at the next archive check.
 */
import type { DeviceRecord } from '../devices/device-store';
import type { Reading } from '../readings/reading';
import { PitwatchError } from '../errors';
import { CallerGaveUpError } from '../thermoworks/errors';
import type { ThermoWorksAccountSession, ThermoWorksArchiveReading } from '../thermoworks/port';
import { GAP_GIVE_UP_MS, mergeGaps, remainingGap, type ReadingGap } from './reading-gaps';

/** Archives are listed at most this often per device while it has gaps (an archive appears every hour or two). */
const ARCHIVE_CHECK_EVERY_MS = 5 * 60_000;

export interface Backfill {
  readings: Reading[];
  /** What is still missing after this poll. */
  pendingGaps: ReadingGap[];
  lastArchiveCheckAt: string | null;
  /** Gaps given up on (too old for any archive to appear): points ThermoWorks never gave us. */
  abandoned: number;
}

export async function backfillGaps(input: {
  session: ThermoWorksAccountSession;
  accountId: string;
  serial: string;
  stored: Pick<DeviceRecord, 'pendingGaps' | 'lastArchiveCheckAt'> | undefined;
  newGaps: readonly ReadingGap[];
  gapThresholdMs: number;
  now: Date;
  signal?: AbortSignal | undefined;
}): Promise<Backfill> {
  const { session, accountId, serial, now } = input;
  let abandoned = 0;
  let gaps = mergeGaps([...(input.stored?.pendingGaps ?? []), ...input.newGaps]).filter((g) => {
    const tooOld = now.getTime() - new Date(g.to).getTime() > GAP_GIVE_UP_MS;
    if (tooOld) abandoned++;
    return !tooOld;
  });

  const readings: Reading[] = [];
  const lastCheck = input.stored?.lastArchiveCheckAt ?? null;
  const due = !lastCheck || now.getTime() - new Date(lastCheck).getTime() >= ARCHIVE_CHECK_EVERY_MS;
  if (gaps.length === 0 || !(input.newGaps.length > 0 || due)) return { readings, pendingGaps: gaps, lastArchiveCheckAt: lastCheck, abandoned };
  const { signal } = input;
  try {
    const since = new Date(gaps[0]!.from);
    const archives = (await session.listArchives(serial, { since, signal })).filter(
      (a): a is typeof a & { start: Date; end: Date } => a.start !== undefined && a.end !== undefined,
    );
    const overlapping = archives.filter((a) => gaps.some((g) => a.start.toISOString() < g.to && a.end.toISOString() > g.from));
    const keep = (points: readonly ThermoWorksArchiveReading[], within: readonly ReadingGap[]) => {
      for (const point of points) {
        const at = point.at.toISOString();
        if (point.value === null || !within.some((g) => at > g.from && at < g.to)) continue;
        readings.push({ accountId, serial, channel: point.channel, value: point.value, units: point.units, at: point.at });
      }
    };
    for (const archive of overlapping) keep(await session.downloadArchive(archive, { signal }), gaps);
    gaps = gaps.flatMap((g) => remainingGap(g, overlapping, input.gapThresholdMs) ?? []);
    if (overlapping.length === 0) gaps = await fromHistoryFunction(session, serial, gaps, input.gapThresholdMs, signal, keep);
    return { readings, pendingGaps: gaps, lastArchiveCheckAt: now.toISOString(), abandoned };
  } catch (error) {
    // Out of time: what polling read is still stored; the gaps wait for the next poll, which checks again at once.
    if (error instanceof CallerGaveUpError) return { readings: [], pendingGaps: gaps, lastArchiveCheckAt: lastCheck, abandoned };
    throw error;
  }
}

/** Gaps at most asked of the history function per device and poll. */
const HISTORY_GAPS_PER_POLL = 3;

/**
 * Asks the instrument history function for each gap; what it answered covers the gap from its first to its last
 * point. A failure (a 500, a malformed answer) leaves the gap for the next check; running out of time stops here.
 */
async function fromHistoryFunction(
  session: ThermoWorksAccountSession,
  serial: string,
  gaps: readonly ReadingGap[],
  toleranceMs: number,
  signal: AbortSignal | undefined,
  keep: (points: readonly ThermoWorksArchiveReading[], within: readonly ReadingGap[]) => void,
): Promise<ReadingGap[]> {
  const remaining: ReadingGap[] = [];
  for (const [i, gap] of gaps.entries()) {
    if (i >= HISTORY_GAPS_PER_POLL) {
      remaining.push(gap);
      continue;
    }
    try {
      const points = await session.retrieveHistory(serial, { from: new Date(gap.from), to: new Date(gap.to), signal });
      keep(points, [gap]);
      const times = points.filter((p) => p.value !== null).map((p) => p.at.getTime());
      const covered = times.length === 0 ? [] : [{ start: new Date(Math.min(...times)), end: new Date(Math.max(...times)) }];
      const rest = remainingGap({ from: gap.from, to: gap.to }, covered, toleranceMs);
      if (rest) remaining.push(rest);
    } catch (error) {
      if (error instanceof CallerGaveUpError) throw error;
      if (!(error instanceof PitwatchError)) throw error;
      remaining.push(gap); // best-effort: asked again at the next check
    }
  }
  return remaining;
}
