import type { BinnedPoint } from './binned-series';
import { bisect, goldenMinimum } from './numeric-search';

/**
 * Heating with the centre's lag: a cut's centre does not start rising the moment it goes in — heat must first
 * cross the outer layers — so its curve starts flat, accelerates, and only later settles into Newton's decelerating
 * approach. The simplest physics with that shape is two coupled first-order stages (surface and centre, or the
 * first two conduction modes) from a uniform start: with u the share of the drive still to go,
 *   u(t) = (λ₂·e^(−λ₁t) − λ₁·e^(−λ₂t)) / (λ₂ − λ₁),   T(t) = A − (A − T₀)·u(t),   λ₂ = r·λ₁ > λ₁,
 * which starts with zero slope and tends to Newton with rate constant λ₁. Fitted (λ₁ by golden-section for each of a
 * few ratios r) to the whole curve since the probe's lowest reading, it projects through the lag phase, where a
 * Newton fit to the recent rise says "far too long" and a straight line "too short".
 */
export interface LaggedHeatingFit {
  readonly slowK: number;
  readonly fastK: number;
  readonly startMs: number;
  readonly startF: number;
  readonly asymptoteF: number;
  /** Root-mean-square residual of the fit (°F). */
  readonly rmsF: number;
}

const HOUR_MS = 3_600_000;
const RATIOS = [1.5, 2, 3, 5, 8, 13, 21] as const;
const MIN_K = 0.02;
const MAX_K = 20;
const GOLDEN_STEPS = 14;
const MAX_SAMPLES = 40;
const RATIO_STEPS = 8;

export function shareOfDriveLeft(slowK: number, fastK: number, hours: number): number {
  if (hours <= 0) return 1;
  return (fastK * Math.exp(-slowK * hours) - slowK * Math.exp(-fastK * hours)) / (fastK - slowK);
}

export function laggedTemperatureAt(fit: LaggedHeatingFit, atMs: number): number {
  return fit.asymptoteF - (fit.asymptoteF - fit.startF) * shareOfDriveLeft(fit.slowK, fit.fastK, (atMs - fit.startMs) / HOUR_MS);
}

export function fitLaggedHeating(
  points: readonly BinnedPoint[],
  start: { atMs: number; temperatureF: number },
  asymptoteF: number,
): LaggedHeatingFit | undefined {
  const drive = asymptoteF - start.temperatureF;
  const since = points.filter((p) => p.atMs >= start.atMs);
  if (!(drive > 0) || since.length < 6) return undefined;
  // A long heating phase is thinned evenly: the curve is smooth, and the work per prediction stays bounded.
  const stride = Math.ceil(since.length / MAX_SAMPLES);
  const samples = stride > 1 ? since.filter((_, i) => i % stride === 0 || i === since.length - 1) : since;
  const sse = (slowK: number, ratio: number): number => {
    let sum = 0;
    for (const p of samples) {
      const predicted = asymptoteF - drive * shareOfDriveLeft(slowK, slowK * ratio, (p.atMs - start.atMs) / HOUR_MS);
      sum += (p.valueF - predicted) ** 2;
    }
    return sum;
  };
  const bestForRatio = (ratio: number): { slowK: number; ratio: number; sse: number } => {
    const slowK = Math.exp(goldenMinimum((logK) => sse(Math.exp(logK), ratio), Math.log(MIN_K), Math.log(MAX_K), GOLDEN_STEPS));
    return { slowK, ratio, sse: sse(slowK, ratio) };
  };
  // A coarse grid of ratios, then the ratio refined between the best one's neighbours.
  const coarse = RATIOS.map(bestForRatio);
  const index = coarse.reduce((bi, c, i) => (c.sse < (coarse[bi] as { sse: number }).sse ? i : bi), 0);
  const lower = Math.log(RATIOS[Math.max(0, index - 1)] as number);
  const upper = Math.log(RATIOS[Math.min(RATIOS.length - 1, index + 1)] as number);
  const refined = bestForRatio(Math.exp(goldenMinimum((logR) => bestForRatio(Math.exp(logR)).sse, lower, upper, RATIO_STEPS)));
  const gridBest = coarse[index] as { slowK: number; ratio: number; sse: number };
  const best = refined.sse < gridBest.sse ? refined : gridBest;
  return {
    slowK: best.slowK,
    fastK: best.slowK * best.ratio,
    startMs: start.atMs,
    startF: start.temperatureF,
    asymptoteF,
    rmsF: Math.sqrt(best.sse / samples.length),
  };
}

/** Hours from `atMs` until the fitted curve reaches `targetF`; Infinity if it never does. */
export function laggedHoursToReach(fit: LaggedHeatingFit, atMs: number, targetF: number): number {
  if (targetF >= fit.asymptoteF) return Number.POSITIVE_INFINITY;
  const goal = (fit.asymptoteF - targetF) / (fit.asymptoteF - fit.startF);
  const now = (atMs - fit.startMs) / HOUR_MS;
  if (shareOfDriveLeft(fit.slowK, fit.fastK, now) <= goal) return 0;
  const reached = (hours: number): boolean => shareOfDriveLeft(fit.slowK, fit.fastK, hours) <= goal;
  let hi = now + 1;
  while (!reached(hi)) {
    hi = now + 2 * (hi - now);
    if (hi - now > 1000) return Number.POSITIVE_INFINITY;
  }
  return bisect(reached, now, hi, 60) - now;
}
