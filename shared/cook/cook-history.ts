import type { ProbeReading } from './probe-reading';

/**
 * The part of a probe's stored history that belongs to the cook under way, for a cook record started mid-way (the
 * meat went on hours before anyone pressed "start"): everything since the probe's lowest reading of its current
 * run, so the prediction fits the whole heating curve at once instead of waiting for new readings. Feed the result
 * to a CookSession (or `predictDoneTime`) before the live readings.
 *
 * The current run is the stretch since the last silence longer than `maxGapMs` (the probe was unplugged or the
 * device off: what came before is another cook), within `lookbackMs`. Sentinel values outside 0–400 °F are dropped,
 * and a lone reading far below both neighbours (a glitch) cannot be the start. Readings at or before `atMs` only,
 * oldest first.
 */
export interface HistoryOptions {
  readonly atMs: number;
  /** How far back a cook can have begun (default 24 h: longer than any low-and-slow cook). */
  readonly lookbackMs?: number;
  /** A silence this long ends a run (default 3 h: longer than any Wi-Fi or battery dropout in a cook). */
  readonly maxGapMs?: number;
}

export const DEFAULT_HISTORY_LOOKBACK_MS = 24 * 3_600_000;
const DEFAULT_MAX_GAP_MS = 3 * 3_600_000;
const PLAUSIBLE_MIN_F = 0;
const PLAUSIBLE_MAX_F = 400;
/** As the meat glitch filter (prediction/glitch-filter.ts): a jump beyond this plus this per minute is not heat. */
const GLITCH_STEP_F = 8;
const GLITCH_RATE_F_PER_MINUTE = 3;

export function historySinceLowest(readings: readonly ProbeReading[], options: HistoryOptions): ProbeReading[] {
  const from = options.atMs - (options.lookbackMs ?? DEFAULT_HISTORY_LOOKBACK_MS);
  const maxGap = options.maxGapMs ?? DEFAULT_MAX_GAP_MS;
  const usable = readings
    .filter(
      (r) =>
        r.atMs >= from &&
        r.atMs <= options.atMs &&
        Number.isFinite(r.temperatureF) &&
        r.temperatureF > PLAUSIBLE_MIN_F &&
        r.temperatureF < PLAUSIBLE_MAX_F,
    )
    .sort((a, b) => a.atMs - b.atMs);
  let runStart = 0;
  for (let i = usable.length - 1; i > 0; i -= 1) {
    if ((usable[i] as ProbeReading).atMs - (usable[i - 1] as ProbeReading).atMs > maxGap) {
      runStart = i;
      break;
    }
  }
  const run = usable.slice(runStart);
  let lowestIndex = -1;
  for (let i = 0; i < run.length; i += 1) {
    const r = run[i] as ProbeReading;
    // The last of equal lows: the probe sat in cold meat, then the heating began.
    if (!isGlitchLow(run, i) && (lowestIndex < 0 || r.temperatureF <= (run[lowestIndex] as ProbeReading).temperatureF)) lowestIndex = i;
  }
  return lowestIndex < 0 ? [] : run.slice(lowestIndex);
}

/** A reading far below both neighbours — further than a step plus what the meat can do per minute — is a glitch. */
function isGlitchLow(run: readonly ProbeReading[], i: number): boolean {
  const r = run[i] as ProbeReading;
  const neighbours = [run[i - 1], run[i + 1]].filter((n): n is ProbeReading => n !== undefined);
  if (neighbours.length === 0) return false;
  return neighbours.every((n) => r.temperatureF < n.temperatureF - (GLITCH_STEP_F + GLITCH_RATE_F_PER_MINUTE * (Math.abs(n.atMs - r.atMs) / 60_000)));
}
