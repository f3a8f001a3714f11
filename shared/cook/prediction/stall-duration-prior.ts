import { normalCdf, normalQuantile } from './normal-distribution';

/**
 * How long a stall lasts, before and while it happens: log-normal around a median that follows the physics of
 * evaporative cooling — a cooler pit (smaller drive above the ~160 °F wet-bulb plateau) evaporates the surface water
 * more slowly, and a thicker cut (slower heating rate constant k) has more of it (weakly: real logs show fast-heating
 * shoulders stalling for hours too). Pitmaster lore fixes the constants (brisket and pork butt stall 2–6 h at
 * 225–250 °F, ribs about an hour, hot-and-fast cooks barely stall); the spread is wide on purpose: nothing before
 * the stall tells how wet the surface is, and some cuts hardly stall at all.
 */
export interface StallDurationPrior {
  readonly medianHours: number;
  /** Log-space standard deviation. */
  readonly sigma: number;
}

/** Median stall hours for a cut with the reference k in a pit 90 °F above the plateau. */
const REFERENCE_STALL_HOURS = 3;
const REFERENCE_K_PER_HOUR = 0.25;
const K_EXPONENT = 0.5;
const PLATEAU_F = 160;
const REFERENCE_DRIVE_F = 90;
const MIN_MEDIAN_HOURS = 0.5;
const MAX_MEDIAN_HOURS = 7;
const SIGMA = 0.8;

export function stallDurationPrior(heatingKPerHour: number, pitF: number): StallDurationPrior {
  const drive = Math.max(30, pitF - PLATEAU_F);
  const size = Math.pow(REFERENCE_K_PER_HOUR / Math.max(heatingKPerHour, 0.02), K_EXPONENT);
  const raw = REFERENCE_STALL_HOURS * size * (REFERENCE_DRIVE_F / drive);
  return { medianHours: Math.min(MAX_MEDIAN_HOURS, Math.max(MIN_MEDIAN_HOURS, raw)), sigma: SIGMA };
}

/**
 * Quantile p of the stall's *remaining* hours given it has lasted `elapsedHours` (survival conditioning: a stall
 * that has run long is likely to run longer than the prior alone says, but the ETA never jumps).
 */
export function remainingStallHours(prior: StallDurationPrior, elapsedHours: number, p: number): number {
  const mu = Math.log(prior.medianHours);
  const survived = 1 - normalCdf((Math.log(Math.max(elapsedHours, 1e-6)) - mu) / prior.sigma);
  // Quantile p of D given D > elapsed: F(d) = 1 − survived·(1 − p).
  const q = 1 - survived * (1 - p);
  const total = Math.exp(mu + prior.sigma * normalQuantile(Math.min(q, 1 - 1e-9)));
  return Math.max(0, total - elapsedHours);
}
