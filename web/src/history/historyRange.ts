/** The time ranges a history chart offers, and what they mean as API parameters. Pure, so tests pin them. */

export const HISTORY_RANGES = [
  { id: '1h', label: '1 h', hours: 1 },
  { id: '3h', label: '3 h', hours: 3 },
  { id: '12h', label: '12 h', hours: 12 },
  { id: '24h', label: '24 h', hours: 24 },
] as const;

export type HistoryRangeId = (typeof HISTORY_RANGES)[number]['id'];
export type HistoryRange = (typeof HISTORY_RANGES)[number];

export const DEFAULT_RANGE: HistoryRangeId = '12h';

export function historyRange(id: HistoryRangeId): HistoryRange {
  return HISTORY_RANGES.find((range) => range.id === id) ?? HISTORY_RANGES[2];
}

/** A window of time in both forms the chart needs: ISO strings for the API, seconds for uPlot's x axis. */
export interface TimeWindow {
  from: string;
  to: string;
  fromSec: number;
  toSec: number;
}

/** The last `range` up to `nowMs`. Whole seconds, so the same moment gives the same request. */
export function rangeWindow(id: HistoryRangeId, nowMs: number): TimeWindow {
  const toMs = Math.floor(nowMs / 1000) * 1000;
  const fromMs = toMs - historyRange(id).hours * 3_600_000;
  return { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), fromSec: fromMs / 1000, toSec: toMs / 1000 };
}

/** What the API accepts for `maxPoints`. */
export const MIN_POINTS = 10;
export const MAX_POINTS = 5000;
export const DEFAULT_POINTS = 720;

/**
 * One point per CSS pixel of plot width: more cannot be seen, fewer looks jagged. A width not measured yet
 * (0, NaN: the element is hidden) asks for the API's default.
 */
export function maxPointsForWidth(widthPx: number): number {
  if (!Number.isFinite(widthPx) || widthPx <= 0) return DEFAULT_POINTS;
  return Math.min(MAX_POINTS, Math.max(MIN_POINTS, Math.round(widthPx)));
}

/**
 * How long a series may go without a point before the chart breaks its line instead of drawing a straight
 * segment across: a probe unplugged for an hour must not look like a steady temperature. Downsampled history
 * has one point per bin at best, so the threshold grows with the bin.
 */
export function gapSecondsFor(binSeconds: number | null): number {
  return Math.max(600, 3 * (binSeconds ?? 0));
}
