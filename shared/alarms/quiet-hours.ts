/**
 * Quiet hours of a notification channel: a daily window in the user's time zone when it only gets urgent alarms
 * ("22:00"–"07:00" spans midnight). Pure, on an injected "now"; time zones through Intl (IANA names).
 */
export interface QuietHours {
  /** "HH:MM", 24 h. */
  start: string;
  end: string;
  /** IANA time zone, e.g. "America/Chicago". */
  timeZone: string;
}

const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** Minutes since local midnight at `now` in `timeZone`. */
function localMinutes(now: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

export function inQuietHours(quiet: QuietHours | null, now: Date): boolean {
  if (!quiet) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  const t = localMinutes(now, quiet.timeZone);
  return start < end ? t >= start && t < end : t >= start || t < end;
}

export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
