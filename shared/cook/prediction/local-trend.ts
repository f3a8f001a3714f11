import type { BinnedPoint } from './binned-series';
import { median } from './median';

/**
 * The current level and rise rate of a probe, fitted to the recent window by least squares with one Huber
 * re-weighting pass so a stray bin (a glitch that got through, a lid draft on the probe) cannot drag it.
 * Given the temperature the meat heats toward, the fit is done in Newton's linearised space, −ln(A − T) = k·t + c,
 * where a heating curve *is* a straight line: level and rate come out unbiased at the window's end however curved
 * the approach (a plain line would report the rate of the window's middle). Without it, or when the probe is near
 * or above A, a plain line. Rates are °F per hour, the unit pitmasters think in.
 */
export interface LocalTrend {
  /** Fitted temperature at `atMs`. */
  readonly levelF: number;
  readonly ratePerHour: number;
  /** Standard error of the rate (°F/h), from the residual scatter. */
  readonly rateStdErr: number;
  readonly residualSdF: number;
  readonly points: number;
  readonly spanHours: number;
  readonly atMs: number;
}

const HOUR_MS = 3_600_000;
const HUBER_K = 1.5;

/** Newton space is used only while every point is at least this far below the asymptote. */
const MIN_DRIVE_F = 8;

export function fitLocalTrend(points: readonly BinnedPoint[], atMs: number, asymptoteF?: number): LocalTrend | undefined {
  if (points.length < 3) return undefined;
  const newton = asymptoteF !== undefined && points.every((p) => p.valueF < asymptoteF - MIN_DRIVE_F);
  const ys = newton ? points.map((p) => -Math.log((asymptoteF as number) - p.valueF)) : points.map((p) => p.valueF);
  let weights = points.map(() => 1);
  let fit = weightedLine(points, ys, weights, atMs);
  if (fit === undefined) return undefined;
  const floor = newton ? 1e-4 : 0.1;
  const scale = Math.max(floor, 1.4826 * (median(fit.residuals.map(Math.abs)) ?? 0));
  weights = fit.residuals.map((r) => (Math.abs(r) <= HUBER_K * scale ? 1 : (HUBER_K * scale) / Math.abs(r)));
  fit = weightedLine(points, ys, weights, atMs) ?? fit;
  const first = points[0] as BinnedPoint;
  const last = points[points.length - 1] as BinnedPoint;
  const common = { points: points.length, spanHours: (last.atMs - first.atMs) / HOUR_MS, atMs };
  if (!newton) {
    return { levelF: fit.intercept, ratePerHour: fit.slope, rateStdErr: fit.slopeStdErr, residualSdF: fit.residualSd, ...common };
  }
  // Back from Newton space: T = A − e^(−y), dT/dt = k·(A − T).
  const drive = Math.exp(-fit.intercept);
  return {
    levelF: (asymptoteF as number) - drive,
    ratePerHour: fit.slope * drive,
    rateStdErr: fit.slopeStdErr * drive,
    residualSdF: fit.residualSd * drive,
    ...common,
  };
}

interface LineFit {
  intercept: number;
  slope: number;
  slopeStdErr: number;
  residualSd: number;
  residuals: number[];
}

/** y = intercept + slope·(t − atMs) in hours. */
function weightedLine(
  points: readonly BinnedPoint[],
  ys: readonly number[],
  weights: readonly number[],
  atMs: number,
): LineFit | undefined {
  let sw = 0;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < points.length; i += 1) {
    const p = points[i] as BinnedPoint;
    const w = weights[i] as number;
    sw += w;
    sx += w * ((p.atMs - atMs) / HOUR_MS);
    sy += w * (ys[i] as number);
  }
  const mx = sx / sw;
  const my = sy / sw;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < points.length; i += 1) {
    const p = points[i] as BinnedPoint;
    const w = weights[i] as number;
    const dx = (p.atMs - atMs) / HOUR_MS - mx;
    sxx += w * dx * dx;
    sxy += w * dx * ((ys[i] as number) - my);
  }
  if (!(sxx > 0)) return undefined;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const residuals = points.map((p, i) => (ys[i] as number) - (intercept + slope * ((p.atMs - atMs) / HOUR_MS)));
  let sse = 0;
  for (let i = 0; i < points.length; i += 1) sse += (weights[i] as number) * (residuals[i] as number) ** 2;
  const dof = Math.max(1, points.length - 2);
  const residualSd = Math.sqrt(sse / sw / (dof / points.length));
  return { intercept, slope, slopeStdErr: residualSd / Math.sqrt(sxx), residualSd, residuals };
}
