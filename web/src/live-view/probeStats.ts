/** Per-probe figures from the chart's data: lowest and highest so far, the latest value, the rate of change. Pure. */
import type { ChartData } from '../history/chartData';

export interface ProbeStats {
  min: number | null;
  max: number | null;
  latest: number | null;
  /** Degrees per hour over the last `RATE_WINDOW_S` (least squares); null with too few points to tell. */
  ratePerHour: number | null;
}

/** Long enough to see through a lid-open dip, short enough to show a stall setting in. */
export const RATE_WINDOW_S = 15 * 60;
/** Fewer points, or a shorter span, than this and a rate would be noise. */
const MIN_RATE_POINTS = 3;
const MIN_RATE_SPAN_S = 120;

export function probeStats(data: ChartData, seriesIndex: number, windowSec = RATE_WINDOW_S): ProbeStats {
  const xs = data[0];
  const ys = data[seriesIndex + 1];
  if (ys === undefined) return { min: null, max: null, latest: null, ratePerHour: null };
  let min = Infinity;
  let max = -Infinity;
  let latest: number | null = null;
  let latestAt = -Infinity;
  for (let i = 0; i < ys.length; i++) {
    const y = ys[i];
    if (typeof y !== 'number') continue;
    if (y < min) min = y;
    if (y > max) max = y;
    latest = y;
    latestAt = xs[i]!;
  }
  if (latest === null) return { min: null, max: null, latest: null, ratePerHour: null };

  // Least squares over the window ending at the newest point, walking back from the end.
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  let earliest = latestAt;
  for (let i = ys.length - 1; i >= 0 && xs[i]! >= latestAt - windowSec; i--) {
    const y = ys[i];
    if (typeof y !== 'number') continue;
    const x = xs[i]! - latestAt;
    n++;
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
    earliest = xs[i]!;
  }
  const denominator = n * sxx - sx * sx;
  const ratePerHour = n >= MIN_RATE_POINTS && latestAt - earliest >= MIN_RATE_SPAN_S && denominator !== 0 ? ((n * sxy - sx * sy) / denominator) * 3600 : null;
  return { min, max, latest, ratePerHour };
}
