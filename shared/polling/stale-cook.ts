import type { LatestReading } from '../devices/device-store';

/**
 * How long a cook may go without any reading from the account's thermometers before the Operations dashboard counts
 * it as stale: well past the slowest upload interval (a few minutes), short enough to show a thermometer that
 * went out of Wi-Fi range, lost power or stopped uploading while the meat is on.
 */
export const STALE_AFTER_MINUTES = 10;

/** Whether an account with a cook going on has had no reading at all for STALE_AFTER_MINUTES (or never had one). */
export function cookReadingsStale(activeCooks: number, latest: readonly Pick<LatestReading, 'at'>[], now: Date): boolean {
  if (activeCooks === 0) return false;
  const newest = latest.reduce((max, l) => (l.at === null ? max : Math.max(max, Date.parse(l.at))), Number.NEGATIVE_INFINITY);
  return now.getTime() - newest > STALE_AFTER_MINUTES * 60_000;
}
