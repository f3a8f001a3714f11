/** Durations and clock times as a cook reads them: "3 h 10 m", "40 min", "04:30". */

/** Hours as "3 h 10 m" (to the 5 minutes above an hour, the minute below), "40 min" under an hour. */
export function formatDuration(hours: number): string {
  const totalMinutes = Math.max(0, Math.round(hours * 60));
  if (totalMinutes < 60) return `${totalMinutes} min`;
  const rounded = Math.round(totalMinutes / 5) * 5;
  const h = Math.floor(rounded / 60);
  const m = rounded % 60;
  return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')} m`;
}

/** An instant as 24-hour clock time in an IANA time zone (UTC by default), e.g. "04:30". */
export function formatClockTime(atMs: number, timeZone = 'UTC'): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(atMs));
}

/** Whether `timeZone` is one the runtime knows (so a request can be refused with a clear message). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone });
    return true;
  } catch {
    return false;
  }
}
