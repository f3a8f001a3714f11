import { normalCdf, normalQuantile } from './normal-distribution';

/**
 * How long a stall lasts, before and while it happens: log-normal around a median that follows the physics of
 * evaporative cooling — a cooler pit (smaller drive above the ~160 °F wet-bulb plateau) evaporates the surface water
 * more slowly, and a thicker cut (slower heating rate constant k) has more of it (weakly: real logs show fast-heating
 * shoulders stalling for hours too). The drive counts twice: a hotter pit both dries the surface faster in the stall
 * and brings the meat to the band sooner with less of its water left, so the median goes with 1/drive² — 4.8 h at
 * 225 °F, 2.5 h at 250 °F, 1.5 h at 275 °F, 0.7 h at 325 °F for the reference cut, which is pitmaster lore (brisket
 * and pork butt stall 2–6 h at 225–250 °F, ribs about an hour, hot-and-fast cooks barely stall) and what the real
 * logs show (a 3–4 h creep at 235–245 °F, an hour or none in hotter pork cooks); 1/drive under-spread them. The
 * spread is wide on purpose: nothing before the stall tells how wet the surface is, and some cuts hardly stall at all.
 */
export interface StallDurationPrior {
  readonly medianHours: number;
  /** Log-space standard deviation. */
  readonly sigma: number;
}

/** Median stall hours for a cut with the reference k in a pit 90 °F above the plateau. */
const REFERENCE_STALL_HOURS = 2.5;
const REFERENCE_K_PER_HOUR = 0.25;
const K_EXPONENT = 0.5;
const PLATEAU_F = 160;
const REFERENCE_DRIVE_F = 90;
/** See above: drying rate and water left on arrival both scale with the drive. */
const DRIVE_EXPONENT = 2;
const MIN_MEDIAN_HOURS = 0.5;
const MAX_MEDIAN_HOURS = 7;
const SIGMA = 0.8;

export function stallDurationPrior(heatingKPerHour: number, pitF: number): StallDurationPrior {
  const drive = Math.max(30, pitF - PLATEAU_F);
  const size = Math.pow(REFERENCE_K_PER_HOUR / Math.max(heatingKPerHour, 0.02), K_EXPONENT);
  const raw = REFERENCE_STALL_HOURS * size * Math.pow(REFERENCE_DRIVE_F / drive, DRIVE_EXPONENT);
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
