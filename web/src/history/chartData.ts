/**
 * Temperature history in the shape uPlot draws: one shared x array (seconds since the epoch, sorted, unique)
 * and one y array per series, all the same length. Pure data code with no uPlot import, so it runs in tests and
 * in the chart benchmark as it runs in the app.
 *
 * Two kinds of "no value" follow uPlot's own convention (see uPlot.join):
 * - `undefined`: this series has no sample at an x that another series has. uPlot draws straight across it, so
 *   probes sampled at different moments still show as continuous lines.
 * - `null`: a real gap (the probe was silent for longer than `gapSeconds`, or reported no value). uPlot breaks
 *   the line there.
 */

export type ChartValue = number | null | undefined;
/** Assignable to uPlot.AlignedData. */
export type ChartData = [xs: number[], ...ys: ChartValue[][]];

export interface SeriesPoint {
  /** Seconds since the epoch. */
  at: number;
  /** null: the probe reported no value (a gap). */
  value: number | null;
}

export interface MergeOptions {
  /** A series silent for longer than this gets a null between its points, breaking its line. */
  gapSeconds?: number;
}

export function emptyChartData(seriesCount: number): ChartData {
  return [[], ...Array.from({ length: seriesCount }, () => [] as ChartValue[])];
}

/** How many series (y arrays) the data holds. */
export function seriesCount(data: ChartData): number {
  return data.length - 1;
}

/**
 * Lines up per-channel series on one time axis. Each series may come unsorted and with repeated timestamps
 * (the last one wins); the x axis is the sorted union of every series' timestamps.
 */
export function mergeSeries(series: ReadonlyArray<ReadonlyArray<SeriesPoint>>, options: MergeOptions = {}): ChartData {
  const gapSeconds = options.gapSeconds ?? Infinity;
  const cleaned = series.map((points) => withGaps(sortedUnique(points), gapSeconds));

  const xs = unionOfSorted(cleaned);
  const data: ChartData = [xs];
  for (const points of cleaned) {
    const ys: ChartValue[] = new Array<ChartValue>(xs.length).fill(undefined);
    // Both sorted: one walk instead of a lookup per point.
    let j = 0;
    for (const point of points) {
      while (xs[j]! < point.at) j++;
      ys[j] = point.value;
    }
    data.push(ys);
  }
  return data;
}

/**
 * The sorted, duplicate-free union of already sorted series: a k-way merge, linear in the points (sorting the
 * concatenation would cost n log n on a day of one-second readings).
 */
function unionOfSorted(series: ReadonlyArray<ReadonlyArray<SeriesPoint>>): number[] {
  const heads = series.map(() => 0);
  const xs: number[] = [];
  for (;;) {
    let next = Infinity;
    for (let s = 0; s < series.length; s++) {
      const point = series[s]![heads[s]!];
      if (point !== undefined && point.at < next) next = point.at;
    }
    if (next === Infinity) return xs;
    xs.push(next);
    for (let s = 0; s < series.length; s++) {
      if (series[s]![heads[s]!]?.at === next) heads[s]!++;
    }
  }
}

/** Sorted by time, one point per timestamp (the later one in the input wins), non-finite times dropped. */
function sortedUnique(points: ReadonlyArray<SeriesPoint>): SeriesPoint[] {
  let sorted = true;
  for (let i = 1; i < points.length; i++) {
    if (!(points[i]!.at > points[i - 1]!.at)) {
      sorted = false;
      break;
    }
  }
  if (sorted && points.every((p) => Number.isFinite(p.at))) return points as SeriesPoint[];

  // A stable sort keeps input order among equal times, so "last wins" is simply "keep the last of a run".
  const finite = points.filter((p) => Number.isFinite(p.at)).sort((a, b) => a.at - b.at);
  const out: SeriesPoint[] = [];
  for (const point of finite) {
    if (out.length > 0 && out[out.length - 1]!.at === point.at) out[out.length - 1] = point;
    else out.push(point);
  }
  return out;
}

function withGaps(points: SeriesPoint[], gapSeconds: number): SeriesPoint[] {
  if (!Number.isFinite(gapSeconds) || points.length < 2) return points;
  let out: SeriesPoint[] | null = null;
  for (let i = 1; i < points.length; i++) {
    const prev = points[i - 1]!;
    const point = points[i]!;
    if (point.at - prev.at > gapSeconds && prev.value !== null && point.value !== null) {
      out ??= points.slice(0, i);
      out.push({ at: gapMarkerAt(prev.at, point.at), value: null });
    }
    out?.push(point);
  }
  return out ?? points;
}

/** Where a gap's null goes: anywhere strictly between the two points; the middle reads naturally on hover. */
function gapMarkerAt(before: number, after: number): number {
  return before + (after - before) / 2;
}

export type AppendResult = 'appended' | 'inserted' | 'replaced' | 'unchanged' | 'too-old';

export interface AppendOptions {
  /** Points before this x are outside the chart's window and are dropped. */
  minX?: number;
  /** As in mergeSeries: a live point this long after the series' previous one starts a new line. */
  gapSeconds?: number;
}

/**
 * Adds one live point to series `seriesIndex` (0-based, not counting x) **in place**, so the chart can simply
 * `setData` the same arrays: a reading every few seconds must not copy the whole history.
 *
 * - newer than everything: pushed (the usual case, O(1) plus a short look back for the gap check);
 * - a timestamp the axis already has: that series' value is set there (a redelivered reading changes nothing);
 * - older (a late or reordered message): inserted at its place in time;
 * - older than `minX`: dropped.
 *
 * Returns what happened; anything but 'unchanged' and 'too-old' means the chart should redraw.
 */
export function appendPoint(data: ChartData, seriesIndex: number, point: SeriesPoint, options: AppendOptions = {}): AppendResult {
  const count = seriesCount(data);
  if (!Number.isInteger(seriesIndex) || seriesIndex < 0 || seriesIndex >= count) {
    throw new RangeError(`series ${seriesIndex} is not one of the chart's ${count}`);
  }
  if (!Number.isFinite(point.at) || (options.minX !== undefined && point.at < options.minX)) return 'too-old';

  const xs = data[0];
  const ys = data[seriesIndex + 1]!;
  const last = xs.length - 1;

  if (last < 0 || point.at > xs[last]!) {
    const gapSeconds = options.gapSeconds ?? Infinity;
    if (point.value !== null && Number.isFinite(gapSeconds)) {
      const previous = lastDefinedIndex(ys);
      const prevValue = previous < 0 ? null : ys[previous];
      if (previous >= 0 && prevValue !== null && point.at - xs[previous]! > gapSeconds) {
        pushColumn(data, gapMarkerAt(xs[previous]!, point.at), seriesIndex, null);
      }
    }
    pushColumn(data, point.at, seriesIndex, point.value);
    return 'appended';
  }

  const index = lowerBound(xs, point.at);
  if (xs[index] === point.at) {
    if (ys[index] === point.value) return 'unchanged';
    ys[index] = point.value;
    return 'replaced';
  }
  for (let s = 1; s < data.length; s++) data[s]!.splice(index, 0, s === seriesIndex + 1 ? point.value : undefined);
  xs.splice(index, 0, point.at);
  return 'inserted';
}

/** Drops every column before `minX` (in place), so a chart left open all night does not grow without end. */
export function trimBefore(data: ChartData, minX: number): number {
  const drop = lowerBound(data[0], minX);
  if (drop > 0) for (const column of data) column.splice(0, drop);
  return drop;
}

/** The newest value each series has (null when it has none in the data). */
export function latestValues(data: ChartData): Array<number | null> {
  const out: Array<number | null> = [];
  for (let s = 1; s < data.length; s++) {
    const ys = data[s]!;
    let value: number | null = null;
    for (let i = ys.length - 1; i >= 0; i--) {
      const y = ys[i];
      if (typeof y === 'number') {
        value = y;
        break;
      }
    }
    out.push(value);
  }
  return out;
}

/** True when no series has a single value to draw. */
export function hasNoValues(data: ChartData): boolean {
  return latestValues(data).every((value) => value === null);
}

function pushColumn(data: ChartData, x: number, seriesIndex: number, value: number | null): void {
  data[0].push(x);
  for (let s = 1; s < data.length; s++) (data[s] as ChartValue[]).push(s === seriesIndex + 1 ? value : undefined);
}

function lastDefinedIndex(ys: ChartValue[]): number {
  for (let i = ys.length - 1; i >= 0; i--) if (ys[i] !== undefined) return i;
  return -1;
}

/** First index whose x is >= `x`. */
function lowerBound(xs: number[], x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
