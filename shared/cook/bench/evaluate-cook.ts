import { replayCookLog } from '../cook-log/replay-cook-log';
import type { DoneTimePrediction } from '../prediction/done-time-prediction';
import type { BenchCook } from './bench-cook';
import { BASELINE_WINDOW_MS, linearEtaSeconds } from './linear-baseline';

/** How one cook scored: ETA errors (fraction of the remaining time) for the model and the linear baseline. */
export interface CookScore {
  readonly name: string;
  /** Error at 25 / 50 / 75 % of the cook; 1 (100 %) when no ETA was given. */
  readonly modelErrorAt: readonly number[];
  readonly baselineErrorAt: readonly number[];
  /** Mean error over every reading between 10 % and 90 % of the cook. */
  readonly modelMeanError: number;
  readonly baselineMeanError: number;
  /** Readings in 10–95 % of the cook that had an interval, and how many of those held the truth. */
  readonly intervals: number;
  readonly covered: number;
  /** Readings in 10–95 % of the cook, with or without an ETA. */
  readonly readings: number;
  /**
   * Around 25 / 50 / 75 % of the cook (± COVERAGE_WINDOW), the readings that had an interval and how many of those
   * held the truth: coverage per checkpoint, over a window because one reading per cook says little.
   */
  readonly intervalsAt: readonly number[];
  readonly coveredAt: readonly number[];
  /** Of those, the misses that came sooner than the interval's low end (the others came after its high end). */
  readonly earlierAt: readonly number[];
  readonly stallDetection?: { readonly startedAtMs: number; readonly detectedAtMs: number };
}

/** The bench scores a prediction a minute: what the poll worker stores and pushes. */
export const PREDICTION_INTERVAL_MS = 0;
const MAX_MEAN_ERROR = 10;
export const SCORE_FRACTIONS = [0.25, 0.5, 0.75] as const;
/** Half-width of the window around each checkpoint over which its coverage is counted (share of the cook). */
export const COVERAGE_WINDOW = 0.05;

export function evaluateCook(cook: BenchCook): CookScore {
  const setup = {
    ...(cook.pitProbe !== undefined ? { pitProbe: cook.pitProbe } : {}),
    meatProbes: [
      { probe: cook.probe, targetF: cook.targetF, ...(cook.meat ? { meat: cook.meat } : {}), ...(cook.priors ? { priors: cook.priors } : {}) },
    ],
    ...(cook.pitHint ? { pitHint: cook.pitHint } : {}),
  };
  const raw = cook.log.rows
    .filter((r) => r.probe === cook.probe && r.temperatureF !== undefined)
    .map((r) => ({ atMs: r.atMs, temperatureF: r.temperatureF as number }));
  const duration = cook.reachMs - cook.startMs;
  const predictions: Array<{ atMs: number; eta?: { seconds: number; lowSeconds: number; highSeconds: number } }> = [];
  let stallDetection: CookScore['stallDetection'];
  let previous: DoneTimePrediction | undefined;
  // One prediction a minute, as the poll worker stores them.
  const replay = replayCookLog(cook.log, setup, cook.probe, { ...(cook.events ? { events: cook.events } : {}), predictEveryMs: PREDICTION_INTERVAL_MS });
  for (const { prediction } of replay) {
    if (prediction.atMs >= cook.reachMs) break;
    if (prediction === previous) continue;
    previous = prediction;
    predictions.push({ atMs: prediction.atMs, ...(prediction.eta ? { eta: prediction.eta } : {}) });
    const { startedAtMs, detectedAtMs } = prediction.stall;
    if (stallDetection === undefined && startedAtMs !== undefined && detectedAtMs !== undefined) {
      stallDetection = { startedAtMs, detectedAtMs };
    }
  }

  let lo = 0;
  const baselineAt = (atMs: number): number | undefined => {
    while (lo < raw.length && (raw[lo] as { atMs: number }).atMs <= atMs - BASELINE_WINDOW_MS) lo += 1;
    let hi = lo;
    while (hi < raw.length && (raw[hi] as { atMs: number }).atMs <= atMs) hi += 1;
    return linearEtaSeconds(raw.slice(lo, hi), atMs, cook.targetF);
  };
  const error = (etaSeconds: number | undefined, atMs: number): number => {
    const remaining = (cook.reachMs - atMs) / 1000;
    return etaSeconds === undefined ? 1 : Math.abs(etaSeconds - remaining) / remaining;
  };

  let modelSum = 0;
  let baselineSum = 0;
  let scored = 0;
  let intervals = 0;
  let covered = 0;
  let readings = 0;
  const intervalsAt = SCORE_FRACTIONS.map(() => 0);
  const coveredAt = SCORE_FRACTIONS.map(() => 0);
  const earlierAt = SCORE_FRACTIONS.map(() => 0);
  const baselineByAt = new Map<number, number | undefined>();
  for (const p of predictions) {
    const fraction = (p.atMs - cook.startMs) / duration;
    if (fraction < 0.1 || fraction > 0.95) continue;
    const baseline = baselineAt(p.atMs);
    baselineByAt.set(p.atMs, baseline);
    readings += 1;
    if (p.eta) {
      intervals += 1;
      const remaining = (cook.reachMs - p.atMs) / 1000;
      const earlier = remaining < p.eta.lowSeconds;
      const holds = !earlier && remaining <= p.eta.highSeconds;
      if (holds) covered += 1;
      SCORE_FRACTIONS.forEach((checkpoint, i) => {
        if (Math.abs(fraction - checkpoint) > COVERAGE_WINDOW) return;
        intervalsAt[i] = (intervalsAt[i] as number) + 1;
        if (holds) coveredAt[i] = (coveredAt[i] as number) + 1;
        if (earlier) earlierAt[i] = (earlierAt[i] as number) + 1;
      });
    }
    if (fraction <= 0.9) {
      // Capped at 1000 % in the mean: one flat stretch that makes the straight line say "next week" must not hide
      // every other reading (neither model's figure at the checkpoints is capped).
      modelSum += Math.min(MAX_MEAN_ERROR, error(p.eta?.seconds, p.atMs));
      baselineSum += Math.min(MAX_MEAN_ERROR, error(baseline, p.atMs));
      scored += 1;
    }
  }

  const at = (fraction: number): { atMs: number; eta: number | undefined } | undefined => {
    const limit = cook.startMs + fraction * duration;
    let chosen: (typeof predictions)[number] | undefined;
    for (const p of predictions) if (p.atMs <= limit) chosen = p;
    return chosen === undefined ? undefined : { atMs: chosen.atMs, eta: chosen.eta?.seconds };
  };
  const modelErrorAt: number[] = [];
  const baselineErrorAt: number[] = [];
  for (const fraction of SCORE_FRACTIONS) {
    const point = at(fraction);
    if (point === undefined) {
      modelErrorAt.push(1);
      baselineErrorAt.push(1);
      continue;
    }
    lo = 0;
    modelErrorAt.push(error(point.eta, point.atMs));
    baselineErrorAt.push(error(baselineAt(point.atMs), point.atMs));
  }
  return {
    name: cook.name,
    modelErrorAt,
    baselineErrorAt,
    modelMeanError: scored > 0 ? modelSum / scored : 1,
    baselineMeanError: scored > 0 ? baselineSum / scored : 1,
    intervals,
    covered,
    readings,
    intervalsAt,
    coveredAt,
    earlierAt,
    ...(stallDetection ? { stallDetection } : {}),
  };
}
