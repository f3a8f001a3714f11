import { priorRange, type CutPriors } from './cut-priors';
import type { EtaQuantiles } from './eta-quantiles';
import { newtonHoursToReach } from './newton-heating';
import { remainingStallHours, stallDurationPrior } from './stall-duration-prior';

/**
 * The hours to target that physics allows at all, whatever the recent curve says: no sooner than the cut heating
 * with no stall at the fastest rate constant such a cut has (in the hottest pit in play), no later than the longest
 * stall such a cook has (95th percentile of its length, given how long it has lasted) followed by heating at the
 * slowest post-stall rate (in the coolest pit). A prediction's point estimate and interval are capped to it: a
 * brisket at the stall in a 250 °F pit has hours, not a day, to go. A rate constant the curve itself showed before
 * the stall narrows the window; the priors' ranges (±1.645 σ, 90 %) bound it otherwise.
 */
export interface PhysicalWindowInput {
  readonly temperatureF: number;
  readonly targetF: number;
  /** The coolest and the hottest pit in play (equal when the pit probe says). */
  readonly coolestPitF: number;
  readonly hottestPitF: number;
  readonly priors: CutPriors;
  /** The heating rate constant learned from this cook's own curve before any stall, if any. */
  readonly learnedHeatingK?: number;
  /** Whether the cut is one that stalls (its post-stall heating is then slower than before). */
  readonly stallExpected: boolean;
  /** Whether a stall may still lie ahead or is under way, and for how long it has lasted. */
  readonly stallPossible: boolean;
  readonly stallElapsedHours?: number;
}

export interface PhysicalWindow {
  readonly minHours: number;
  readonly maxHours: number;
}

const Z90 = 1.6448536269514722;
const STALL_QUANTILE = 0.95;
/** A cut that does not stall still slows as it nears the pit's wet bulb and its own lag: half its learned rate constant. */
const SLOWING_MARGIN = 0.5;

export function physicalWindowHours(input: PhysicalWindowInput): PhysicalWindow {
  const { temperatureF: T, targetF, priors } = input;
  if (T >= targetF) return { minHours: 0, maxHours: 0 };
  const range = priorRange(priors.heatingK, Z90);
  const fastK = Math.max(range.high, input.learnedHeatingK ?? 0);
  const slowHeatingK = input.learnedHeatingK !== undefined ? Math.min(input.learnedHeatingK, range.high) : range.low;
  // After a stall a bare bark keeps evaporating: the slowest heating is the post-stall one, stall or not yet.
  const slowK = slowHeatingK * (input.stallExpected ? priorRange(priors.postStallKRatio, Z90).low : SLOWING_MARGIN);
  const minHours = newtonHoursToReach(T, targetF, input.hottestPitF, fastK);
  let stallHours = 0;
  if (input.stallPossible) {
    const physics = stallDurationPrior(slowHeatingK, input.coolestPitF);
    const prior = { medianHours: physics.medianHours * priors.stall.lengthFactor, sigma: priors.stall.sigma };
    stallHours = remainingStallHours(prior, input.stallElapsedHours ?? 0, STALL_QUANTILE);
  }
  const maxHours = stallHours + newtonHoursToReach(T, targetF, input.coolestPitF, slowK);
  return { minHours, maxHours: Math.max(minHours, maxHours) };
}

/** Quantiles capped to the window (an unreachable target, an infinite median, stays as it is). */
export function capToWindow(hours: EtaQuantiles, window: PhysicalWindow): EtaQuantiles {
  if (!Number.isFinite(hours.mid) || !Number.isFinite(window.maxHours)) return hours;
  const cap = (h: number): number => Math.min(window.maxHours, Math.max(window.minHours, h));
  return { low: cap(hours.low), mid: cap(hours.mid), high: cap(hours.high) };
}
