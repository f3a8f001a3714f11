import type { StallPhase } from '../stall/stall-detector';
import { blendQuantiles, heatingQuantiles, newtonQuantiles, sumQuantiles, Z80, type EtaQuantiles } from './eta-quantiles';
import { laggedHoursToReach, type LaggedHeatingFit } from './lagged-heating';
import { newtonRateConstant, newtonTemperatureAfter } from './newton-heating';
import { normalQuantile } from './normal-distribution';
import { DEFAULT_POST_STALL_K_RATIO, DEFAULT_STALL_PROBABILITY, DEFAULT_STALL_SIGMA } from './cut-priors';
import { remainingStallHours, stallDurationPrior, type StallDurationPrior } from './stall-duration-prior';

/**
 * Hours from now to the target, by phase, for a cut heating toward `pitF`.
 *
 * - Heating, no stall expected (small cuts, low targets): the lagged-heating fit of the whole curve when it holds,
 *   else Newton with the rate constant of the recent curve.
 * - Heating toward a stall (collagen cuts): the same up to the evaporative band, then the stall, then Newton again.
 * - Stall: the probe creeps at its current rate until the stall breaks, then heats at the post-stall rate. When the
 *   break comes is uncertain (stall-duration-prior.ts, conditioned on how long it has lasted); each quantile of the
 *   break time gives a quantile of the ETA. A long stall that never breaks still reaches the target by creeping, so
 *   the ETA grows with the stall but never explodes.
 * - After the stall: Newton with the recent rate constant.
 * Without a good lagged fit early on, while a cold cut's centre still lags its surface, the rise accelerates and a
 * Newton projection of it says "far too long"; near the inflection of that S-curve the tangent line is the better
 * local model, so the first leg hands over from the straight line to Newton as the acceleration fades
 * (`lagWeight`). (Letting the rate constant keep rising at its current pace was tried: it overshoots.)
 */
export interface ProjectionInput {
  readonly temperatureF: number;
  readonly ratePerHour: number;
  readonly pitF: number;
  readonly targetF: number;
  /** The cut's rate constant while heating before any stall (1/h). */
  readonly heatingK: number;
  readonly phase: StallPhase;
  readonly expectStall: boolean;
  /** Hours since the stall started (stall phase), counted from the sag it began with. */
  readonly stallElapsedHours?: number;
  /** Current rate constant / heatingK. */
  readonly kRatio?: number;
  /** Lowest kRatio seen in the evaporative band, heating or stalled. */
  readonly lowestBandKRatio?: number;
  /** Heating: hours the rate constant has sagged in the band (the stall may already be under way, mildly). */
  readonly saggingHours?: number;
  /** 0 = settled Newton heating … 1 = still clearly accelerating (lag phase). */
  readonly lagWeight?: number;
  /**
   * The whole heating curve's lagged-heating fit (lagged-heating.ts), when it fits well: while heating it projects the
   * approach instead of Newton-on-the-recent-rate and the straight line.
   */
  readonly lagged?: { readonly fit: LaggedHeatingFit; readonly atMs: number };
  /** The cut's stall and post-stall priors (cut-priors.ts); today's defaults when absent. */
  readonly priors?: ProjectionPriors;
}

export interface ProjectionPriors {
  readonly stallProbability: number;
  /** Multiplies the physics median stall length. */
  readonly stallLengthFactor: number;
  readonly stallSigma: number;
  readonly postStallKRatio: number;
}

const DEFAULT_PROJECTION_PRIORS: ProjectionPriors = {
  stallProbability: DEFAULT_STALL_PROBABILITY,
  stallLengthFactor: 1,
  stallSigma: DEFAULT_STALL_SIGMA,
  postStallKRatio: DEFAULT_POST_STALL_K_RATIO,
};

/** Where a stall usually begins. */
export const EXPECTED_STALL_START_F = 150;
/** Creep rate during a stall, as a fraction of the heating rate constant (pitmasters see a few °F per hour). */
const STALL_CREEP_K_RATIO = 0.25;
/** Rate constant after the stall, as a fraction of the heating one (cut-priors.ts). */
export const POST_STALL_K_RATIO = DEFAULT_POST_STALL_K_RATIO;
/** Above the usual start with the rate still healthy, the chance of a stall fades out over this many °F… */
const STALL_FADE_F = 20;
/** …unless the rate constant is already sagging: below this ratio a stall is in the making. */
const SAGGING_K_RATIO = 0.85;
const SAGGING_SPAN = 0.35;
const SAG_RECOVERED_BY = 0.15;
/** In a stall, a rate constant recovering past RECOVERY_FROM hands over to plain Newton by RECOVERY_TO. */
const RECOVERY_FROM = 0.45;
const RECOVERY_TO = 0.8;
const MIN_CREEP_PER_HOUR = 0.5;
/** Log-space uncertainty of a straight-line projection through the lag phase. */
const LINEAR_SIGMA = 0.45;

export function projectHoursToTarget(input: ProjectionInput): EtaQuantiles {
  const { temperatureF: T, ratePerHour, pitF, targetF, heatingK, phase } = input;
  const kNow = newtonRateConstant(ratePerHour, T, pitF);
  const approach = (fromF: number, toF: number): EtaQuantiles =>
    input.lagged !== undefined
      ? heatingQuantiles(laggedHoursToReach(input.lagged.fit, input.lagged.atMs, toF), fromF, toF, pitF)
      : blendQuantiles(newtonQuantiles(fromF, toF, pitF, kNow), linearQuantiles(fromF, toF, ratePerHour), input.lagWeight ?? 0);
  const recent = approach(T, targetF);
  const priors = input.priors ?? DEFAULT_PROJECTION_PRIORS;
  const postK = heatingK * priors.postStallKRatio;
  // The chance of a stall is a point mass at "no stall" beside the length distribution, so the median ETA ahead of
  // the band is not a full stall's.
  const stallPrior = (): StallDurationPrior => {
    const physics = stallDurationPrior(heatingK, pitF);
    return { medianHours: physics.medianHours * priors.stallLengthFactor, sigma: priors.stallSigma };
  };

  if (phase === 'post_stall' || !input.expectStall || targetF <= EXPECTED_STALL_START_F) return recent;

  if (phase === 'stall') {
    const prior = stallPrior();
    const elapsed = input.stallElapsedHours ?? 0;
    const breakQuantiles = [0.1, 0.5, 0.9].map((p) => remainingStallHours(prior, elapsed, p)) as Triple;
    const creepK = Math.max(kNow, newtonRateConstant(MIN_CREEP_PER_HOUR, T, pitF));
    const throughStall = creepThenHeat(T, creepK, breakQuantiles, targetF, pitF, postK);
    const kRatio = input.kRatio ?? 0;
    return blendQuantiles(throughStall, recent, (kRatio - RECOVERY_FROM) / (RECOVERY_TO - RECOVERY_FROM));
  }

  // Heating toward a stall that has not shown yet.
  const fade = 1 - (T - EXPECTED_STALL_START_F) / STALL_FADE_F;
  const kRatio = input.kRatio ?? 1;
  // A sag that has turned around without becoming a stall was the stall, a mild one: nothing more to expect.
  const recovering = input.lowestBandKRatio !== undefined && kRatio > input.lowestBandKRatio + SAG_RECOVERED_BY;
  const sagging = recovering ? 0 : (SAGGING_K_RATIO - kRatio) / SAGGING_SPAN;
  const likelihood = clamp01(Math.max(fade, sagging));
  if (likelihood === 0) return recent;
  const stallStartF = Math.max(EXPECTED_STALL_START_F, T);
  const before = T < stallStartF ? approach(T, Math.min(stallStartF, targetF)) : zero;
  if (stallStartF >= targetF) return before;
  // Until the stall shows, its creep is the typical one; inside the band a probe already slower than that creeps on.
  const typicalCreepK = STALL_CREEP_K_RATIO * heatingK;
  const creepK = T < EXPECTED_STALL_START_F ? typicalCreepK : Math.max(Math.min(typicalCreepK, kNow), typicalCreepK / 4);
  const prior = stallPrior();
  // Chance that a stall still lies ahead: the base rate fading above the usual start, or the sag's own evidence.
  const pStall = Math.max(priors.stallProbability * clamp01(fade), clamp01(sagging));
  // A sag is how a stall begins: the hours it has lasted count toward the stall's length, as in the stall itself.
  const sagged = input.saggingHours ?? 0;
  const breakQuantiles = ([0.1, 0.5, 0.9] as const).map((q) =>
    sagged > 0 && q > 1 - pStall ? remainingStallHours(prior, sagged, (q - (1 - pStall)) / pStall) : stallQuantileWithNoStall(prior, pStall, q),
  ) as Triple;
  const through = creepThenHeat(stallStartF, creepK, breakQuantiles, targetF, pitF, heatingK * blendRatio(pStall, priors.postStallKRatio));
  return sumQuantiles([before, through]);
}

type Triple = [number, number, number];

function linearQuantiles(fromF: number, toF: number, ratePerHour: number): EtaQuantiles {
  const mid = Math.max(0, toF - fromF) / ratePerHour;
  const spread = Math.exp(Z80 * LINEAR_SIGMA);
  return { low: mid / spread, mid, high: mid * spread };
}

const zero: EtaQuantiles = { low: 0, mid: 0, high: 0 };

/** With no stall expected the post-"stall" heating is just heating. */
function blendRatio(likelihood: number, postStallKRatio: number): number {
  return 1 - likelihood * (1 - postStallKRatio);
}

/**
 * Quantile q of the coming stall's length when it happens only with probability pStall (else 0 h): a mixture of a
 * point mass at zero and the log-normal prior.
 */
export function stallQuantileWithNoStall(prior: StallDurationPrior, pStall: number, q: number): number {
  if (pStall <= 0 || q <= 1 - pStall) return 0;
  const within = (q - (1 - pStall)) / pStall;
  return prior.medianHours * Math.exp(prior.sigma * normalQuantile(within));
}

/**
 * Creep — Newton heating at the collapsed rate constant `creepK` — for `breakHours`, then Newton at `postK`. A longer
 * stall means a later arrival (creeping is slower than post-stall heating), so quantiles of the break map onto
 * quantiles of the arrival; each leg adds its own model error.
 */
function creepThenHeat(
  fromF: number,
  creepK: number,
  breakHours: Triple,
  targetF: number,
  pitF: number,
  postK: number,
): EtaQuantiles {
  const creepOnly = newtonQuantiles(fromF, targetF, pitF, creepK);
  const arrivals = breakHours.map((tau) => {
    // Still creeping when it gets there: the creep rate itself is the uncertainty.
    if (tau >= creepOnly.mid) return { total: creepOnly.mid, leg: creepOnly };
    const breakF = newtonTemperatureAfter(fromF, pitF, creepK, tau);
    const leg = newtonQuantiles(breakF, targetF, pitF, postK);
    return { total: Math.min(creepOnly.mid, tau + leg.mid), leg };
  });
  const sorted = arrivals.map((a) => a.total).sort((a, b) => a - b) as Triple;
  const { leg } = arrivals[1] as { leg: EtaQuantiles };
  return {
    low: Math.max(0, sorted[1] - Math.hypot(sorted[1] - sorted[0], leg.mid - leg.low)),
    mid: sorted[1],
    high: sorted[1] + Math.hypot(sorted[2] - sorted[1], leg.high - leg.mid),
  };
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}


