/**
 * When a device's polled history is rolled up (ReadingStore.compactHour): once the hour of its newest stored reading
 * is over, and only once. A device uploading all the time crosses into a new hour at every hour's end; one that was
 * switched off mid-hour is compacted at its first poll after that hour (idle accounts are still polled every few
 * minutes). Hours in between hold no polled readings: whatever the back-fill brings for them is rolled up as it is
 * written (the store rolls up points for hours already over at once).
 */
const HOUR_MS = 3_600_000;

const hourOf = (ms: number) => ms - (ms % HOUR_MS);

export function hourToCompact(newestStoredAt: string | null, compactedThrough: string | null | undefined, now: Date): Date | undefined {
  if (newestStoredAt === null) return undefined;
  const hour = hourOf(Date.parse(newestStoredAt));
  if (hour >= hourOf(now.getTime())) return undefined; // still going
  if (compactedThrough && Date.parse(compactedThrough) >= hour) return undefined;
  return new Date(hour);
}
