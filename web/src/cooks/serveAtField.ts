/**
 * The serve time as a person types it: a date and a time on the wall clock of their zone (the start-cook form and
 * the live view's "Serve time"), checked as the API checks it (ahead, within two days: serve-check.ts) and turned
 * into the ISO instant the API takes.
 */
import { SERVE_AT_MAX_AHEAD_MS } from '../../../shared/cooks/serve-at-limit';
import { wallTimeMs } from '../plan/planForm';


export type ServeAtResult = { ok: true; serveAt: string | null } | { ok: false; error: string };

/** Both empty: no serve time (null). */
export function serveAtFrom(date: string, time: string, timeZone: string | undefined, nowMs: number): ServeAtResult {
  if (date.trim() === '' && time.trim() === '') return { ok: true, serveAt: null };
  const ms = wallTimeMs(date, time, timeZone);
  if (!Number.isFinite(ms)) return { ok: false, error: 'Choose the day and time you want to eat.' };
  if (ms <= nowMs) return { ok: false, error: 'Choose a time to eat that is still ahead.' };
  if (ms > nowMs + SERVE_AT_MAX_AHEAD_MS) return { ok: false, error: 'Choose a time to eat within the next two days.' };
  return { ok: true, serveAt: new Date(ms).toISOString() };
}

/** An instant as the date and time fields show it in `timeZone` (the browser's when undefined). */
export function wallDateTime(ms: number, timeZone: string | undefined): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}
