/**
 * Back-fill: the points a device recorded that polling could not see (a datalogger uploading every 2 hours, an
 * outage), fetched from its archives. Gaps are kept on the device until an archive covers them, or given up after
 * 48 h. Archives are listed at most every few minutes per device while gaps remain, and at once for a new gap.
 */
import type { DeviceRecord } from '../devices/device-store';
import type { Reading } from '../readings/reading';
import type { ThermoWorksAccountSession } from '../thermoworks/port';
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
}): Promise<Backfill> {
  const { session, accountId, serial, now } = input;
  let abandoned = 0;
  let gaps = mergeGaps([...(input.stored?.pendingGaps ?? []), ...input.newGaps]).filter((g) => {
    const tooOld = now.getTime() - new Date(g.to).getTime() > GAP_GIVE_UP_MS;
    if (tooOld) abandoned++;
    return !tooOld;
  });

  const readings: Reading[] = [];
  let lastArchiveCheckAt = input.stored?.lastArchiveCheckAt ?? null;
  const due = !lastArchiveCheckAt || now.getTime() - new Date(lastArchiveCheckAt).getTime() >= ARCHIVE_CHECK_EVERY_MS;
  if (gaps.length > 0 && (input.newGaps.length > 0 || due)) {
    lastArchiveCheckAt = now.toISOString();
    const since = new Date(gaps[0]!.from);
    const archives = (await session.listArchives(serial, { since })).filter(
      (a): a is typeof a & { start: Date; end: Date } => a.start !== undefined && a.end !== undefined,
    );
    const overlapping = archives.filter((a) => gaps.some((g) => a.start.toISOString() < g.to && a.end.toISOString() > g.from));
    for (const archive of overlapping) {
      for (const point of await session.downloadArchive(archive)) {
        const at = point.at.toISOString();
        if (point.value === null || !gaps.some((g) => at > g.from && at < g.to)) continue;
        readings.push({ accountId, serial, channel: point.channel, value: point.value, units: point.units, at: point.at });
      }
    }
    gaps = gaps.flatMap((g) => remainingGap(g, overlapping, input.gapThresholdMs) ?? []);
  }
  return { readings, pendingGaps: gaps, lastArchiveCheckAt, abandoned };
}
