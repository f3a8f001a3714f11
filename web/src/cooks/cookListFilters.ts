/**
 * The ended-cooks filters as typed (words, a tag, a date range in the user's time zone, a lowest rating) turned into the GET /cooks
 * query, and how a cook's times read in the list. Pure, so time zones and wording are pinned by tests.
 */
import type { CookRecordFilters } from '../api/queries';
import type { ClockOptions } from './predictionFormat';

export interface CookFilterForm {
  q: string;
  tag: string;
  /** `YYYY-MM-DD` from a date input, or empty. */
  from: string;
  to: string;
  /** '' for any, or '1'…'5': rated at least that. */
  minRating: string;
}

export const EMPTY_FILTERS: CookFilterForm = { q: '', tag: '', from: '', to: '', minRating: '' };
const DAY_MS = 86_400_000;
const TAG_PATTERN = /^[\p{L}\p{N} _-]{1,32}$/u;

export type FilterResult = { ok: true; filters: CookRecordFilters } | { ok: false; field: keyof CookFilterForm; message: string };

/** `from` is the start of that day, `to` the end of its day (so one date in both finds that day's cooks). */
export function filtersFromForm(form: CookFilterForm, timeZone: string | undefined): FilterResult {
  const filters: CookRecordFilters = {};
  const q = form.q.trim();
  const tag = form.tag.trim();
  if (q !== '') filters.q = q.slice(0, 100);
  if (tag !== '') {
    if (!TAG_PATTERN.test(tag)) return { ok: false, field: 'tag', message: 'A tag is letters, digits, spaces, _ or -, at most 32.' };
    filters.tag = tag;
  }
  const fromMs = form.from === '' ? null : dayStartMs(form.from, timeZone);
  const toMs = form.to === '' ? null : dayStartMs(form.to, timeZone, 1);
  if (fromMs !== null && toMs !== null && fromMs >= toMs) return { ok: false, field: 'to', message: 'The end date must not be before the start date.' };
  if (/^[1-5]$/.test(form.minRating)) filters.minRating = Number(form.minRating);
  if (fromMs !== null) filters.from = new Date(fromMs).toISOString();
  if (toMs !== null) filters.to = new Date(toMs).toISOString();
  return { ok: true, filters };
}

/** Midnight starting `date` (plus `addDays`) in `timeZone` (the browser's when undefined), as epoch ms. */
export function dayStartMs(date: string, timeZone: string | undefined, addDays = 0): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wallUtc = Date.UTC(y, m - 1, d) + addDays * DAY_MS;
  // The zone's offset at that instant, corrected once more in case the guess fell across a DST change.
  let at = wallUtc - offsetMs(wallUtc, timeZone);
  at = wallUtc - offsetMs(at, timeZone);
  return at;
}

function offsetMs(atMs: number, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(atMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(atMs / 1000) * 1000;
}

/** "7 Mar 2026, 09:00" in the user's zone and clock style. */
export function formatDateTime(atMs: number, options: ClockOptions = {}): string {
  return new Intl.DateTimeFormat(options.locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: options.timeZone, hour12: options.hour12 }).format(atMs);
}

/** "★★★★☆", with words for screen readers beside it. */
export function ratingText(rating: number | null): { stars: string; words: string } {
  if (rating === null) return { stars: '', words: 'Not rated' };
  return { stars: '★'.repeat(rating) + '☆'.repeat(5 - rating), words: `Rated ${rating} of 5` };
}
