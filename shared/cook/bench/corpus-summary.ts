import type { BenchCook } from './bench-cook';
import type { CookScore } from './evaluate-cook';

/** A corpus's headline figures: mean absolute ETA error in % of remaining time, interval coverage, stall scores. */
export interface CorpusSummary {
  readonly cooks: number;
  readonly mape25: number;
  readonly mape50: number;
  readonly mape75: number;
  readonly baselineMape25: number;
  readonly baselineMape50: number;
  readonly baselineMape75: number;
  /** Mean over every reading from 10 % to 90 % of each cook. */
  readonly mapeAll: number;
  readonly baselineMapeAll: number;
  /** Share of readings (10–95 %) whose 80 % interval held the truth, among those with an interval. */
  readonly coverage80: number;
  /**
   * Coverage around 25 / 50 / 75 % of the cook: each cook's share of readings near the checkpoint whose interval
   * held the truth, averaged over the cooks that had an interval there (each cook counts once, whatever its cadence).
   */
  readonly coverage25: number;
  readonly coverage50: number;
  readonly coverage75: number;
  /** Share of readings (10–95 %) that got an ETA at all. */
  readonly answered: number;
  readonly stall?: {
    readonly precision: number;
    readonly recall: number;
    readonly meanDelayMinutes: number;
    readonly trueStalls: number;
    readonly detected: number;
  };
}

/** Slack around a true stall within which a detection counts (the truth's edges are themselves fuzzy). */
const STALL_MATCH_SLACK_MS = 30 * 60_000;

export function summariseCorpus(cooks: readonly BenchCook[], scores: readonly CookScore[]): CorpusSummary {
  const mean = (values: number[]): number => (values.length === 0 ? NaN : values.reduce((s, v) => s + v, 0) / values.length);
  const pct = (values: number[]): number => round(100 * mean(values));
  const readings = scores.reduce((s, c) => s + c.readings, 0);
  const intervals = scores.reduce((s, c) => s + c.intervals, 0);
  const covered = scores.reduce((s, c) => s + c.covered, 0);
  const summary: CorpusSummary = {
    cooks: scores.length,
    mape25: pct(scores.map((s) => s.modelErrorAt[0] as number)),
    mape50: pct(scores.map((s) => s.modelErrorAt[1] as number)),
    mape75: pct(scores.map((s) => s.modelErrorAt[2] as number)),
    baselineMape25: pct(scores.map((s) => s.baselineErrorAt[0] as number)),
    baselineMape50: pct(scores.map((s) => s.baselineErrorAt[1] as number)),
    baselineMape75: pct(scores.map((s) => s.baselineErrorAt[2] as number)),
    mapeAll: pct(scores.map((s) => s.modelMeanError)),
    baselineMapeAll: pct(scores.map((s) => s.baselineMeanError)),
    coverage80: round((100 * covered) / Math.max(1, intervals)),
    answered: round((100 * intervals) / Math.max(1, readings)),
    coverage25: checkpointCoverage(scores, 0),
    coverage50: checkpointCoverage(scores, 1),
    coverage75: checkpointCoverage(scores, 2),
  };
  const labelled = cooks.map((cook, i) => ({ cook, score: scores[i] as CookScore })).filter((x) => x.cook.stall !== undefined);
  if (labelled.length === 0) return summary;
  let truePositives = 0;
  let detected = 0;
  let trueStalls = 0;
  const delays: number[] = [];
  for (const { cook, score } of labelled) {
    const truth = cook.stall ?? undefined;
    if (truth) trueStalls += 1;
    const detection = score.stallDetection;
    if (!detection) continue;
    detected += 1;
    if (
      truth &&
      detection.detectedAtMs >= truth.startMs - STALL_MATCH_SLACK_MS &&
      detection.startedAtMs <= truth.endMs + STALL_MATCH_SLACK_MS
    ) {
      truePositives += 1;
      delays.push((detection.detectedAtMs - truth.startMs) / 60_000);
    }
  }
  return {
    ...summary,
    stall: {
      precision: round((100 * truePositives) / Math.max(1, detected)),
      recall: round((100 * truePositives) / Math.max(1, trueStalls)),
      meanDelayMinutes: round(mean(delays)),
      trueStalls,
      detected,
    },
  };
}

/**
 * Which side the 80 % interval misses on around 25 / 50 / 75 % of the cook, averaged over cooks as coverage is: the
 * share of readings whose truth came sooner than the interval (`earlier`) and later than it (`later`). Misses mostly
 * later say the interval is too short on its high side there, not only too narrow.
 */
export function checkpointMisses(scores: readonly CookScore[]): { earlier: number[]; later: number[] } {
  const share = (index: number, missed: (s: CookScore) => number): number => {
    const shares = scores
      .filter((s) => (s.intervalsAt[index] as number) > 0)
      .map((s) => missed(s) / (s.intervalsAt[index] as number));
    return shares.length === 0 ? NaN : round((100 * shares.reduce((a, b) => a + b, 0)) / shares.length);
  };
  const indices = scores[0]?.intervalsAt.map((_, i) => i) ?? [];
  return {
    earlier: indices.map((i) => share(i, (s) => s.earlierAt[i] as number)),
    later: indices.map((i) =>
      share(i, (s) => (s.intervalsAt[i] as number) - (s.coveredAt[i] as number) - (s.earlierAt[i] as number)),
    ),
  };
}

function checkpointCoverage(scores: readonly CookScore[], index: number): number {
  const shares = scores
    .filter((s) => (s.intervalsAt[index] as number) > 0)
    .map((s) => (s.coveredAt[index] as number) / (s.intervalsAt[index] as number));
  return shares.length === 0 ? NaN : round((100 * shares.reduce((a, b) => a + b, 0)) / shares.length);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
