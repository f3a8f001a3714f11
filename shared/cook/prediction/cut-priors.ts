import type { MeatKind } from '../meat-kind';
import { STALL_BAND_LOW_F } from '../stall/stall-detector';

/**
 * What the prediction assumes about a cut before its own curve says: how fast it heats, whether and how long it
 * stalls, how fast it heats after the stall and once wrapped. Today's priors come from the cook physics and
 * pitmaster lore (below); personal-priors.ts replaces them with what the account's own ended cooks of the same kind
 * showed, shrunk toward these when there are few. Everything the projection reads is here, so a personal prior and
 * the default are used the same way.
 */
export interface LogNormalPrior {
  readonly median: number;
  /** Log-space standard deviation. */
  readonly sigma: number;
}

export interface CutPriors {
  /** The cut's Newton rate constant (1/h) while it heats before any stall. */
  readonly heatingK: LogNormalPrior;
  readonly stall: {
    /** Chance that a cook of this kind stalls noticeably at all. */
    readonly probability: number;
    /** Multiplies the physics median stall length (stall-duration-prior.ts): 1 = as physics and lore say. */
    readonly lengthFactor: number;
    /** Log-space spread of the stall length around that median. */
    readonly sigma: number;
  };
  /** Rate constant after the stall, as a share of the heating one (unwrapped). */
  readonly postStallKRatio: LogNormalPrior;
  /** Rate constant once wrapped, as a share of the heating one. */
  readonly wrappedKRatio: number;
  /** Past cooks these priors learned from (0 = today's defaults). */
  readonly learnedFrom: number;
}

/** What kind of cook it is, as far as priors go: the cut when the cook said, else what its target implies. */
export interface CookKind {
  readonly meat?: MeatKind;
  readonly targetF: number;
}

/** Targets from here up are collagen cooks that stall (brisket, pork shoulder, ribs), whatever the cut. */
export const STALL_PRONE_TARGET_F = 175;
const STALL_PRONE_MEATS: ReadonlySet<MeatKind> = new Set(['brisket', 'pork-butt', 'ribs']);

/**
 * Heating rate constants (1/h) of each cut while it heats, as the cook physics gives them for a typical piece
 * (brisket 0.20, pork butt 0.19, ribs 0.33, chicken 0.42, turkey 0.21, steak 0.67, salmon 0.86, measured the way
 * the stall detector learns them). Real logs sit within the spread: 0.22–0.39 for pork shoulders and a brisket.
 */
const HEATING_K: Readonly<Record<MeatKind, number>> = {
  brisket: 0.22,
  'pork-butt': 0.21,
  ribs: 0.33,
  chicken: 0.42,
  turkey: 0.21,
  steak: 0.67,
  salmon: 0.86,
};
/** Unknown cut: by target class (collagen, poultry-like, quick cuts). */
const COLLAGEN_K = 0.25;
const MIDDLE_K = 0.35;
const QUICK_K = 0.6;
/** A cut's rate constant varies with its size and shape by about this much (log space): half to twice. */
const HEATING_K_SIGMA = 0.5;

/** Most collagen cooks stall; wet or dry rubs, injections, early wraps, hot pits and lean cuts make some barely pause. */
export const DEFAULT_STALL_PROBABILITY = 0.8;
export const DEFAULT_STALL_SIGMA = 0.8;
/**
 * An unwrapped bark keeps evaporating a little after the stall (real logs show 0.3–0.8 for bare cuts); a wrapped or
 * hot-pit cook heats at about its old rate (~1).
 */
export const DEFAULT_POST_STALL_K_RATIO = 0.8;
const POST_STALL_K_SIGMA = 0.35;
export const DEFAULT_WRAPPED_K_RATIO = 1;

export function expectsStall(kind: CookKind): boolean {
  return kind.meat !== undefined ? STALL_PRONE_MEATS.has(kind.meat) : kind.targetF >= STALL_PRONE_TARGET_F;
}

/** Classes of cooks that behave alike: collagen cuts stall, poultry runs hot, quick cuts are small and short. */
export type CookClass = 'collagen' | 'poultry' | 'quick';

const MEAT_CLASSES: Readonly<Record<MeatKind, CookClass>> = {
  brisket: 'collagen',
  'pork-butt': 'collagen',
  ribs: 'collagen',
  chicken: 'poultry',
  turkey: 'poultry',
  steak: 'quick',
  salmon: 'quick',
};

export function cookClass(kind: CookKind): CookClass {
  if (kind.meat !== undefined) return MEAT_CLASSES[kind.meat];
  if (kind.targetF >= STALL_PRONE_TARGET_F) return 'collagen';
  return kind.targetF >= STALL_BAND_LOW_F + 20 ? 'poultry' : 'quick';
}

/** The key cooks of the same kind share: the cut, or its target class when the cook did not say. */
export function cookKindKey(kind: CookKind): string {
  return kind.meat ?? `${cookClass(kind)}-target`;
}

/** The class a kind key belongs to (keys as cookKindKey makes them). */
export function classOfKindKey(key: string): CookClass | undefined {
  if (key in MEAT_CLASSES) return MEAT_CLASSES[key as MeatKind];
  const prefix = key.replace(/-target$/, '');
  return prefix === 'collagen' || prefix === 'poultry' || prefix === 'quick' ? prefix : undefined;
}

export function defaultCutPriors(kind: CookKind): CutPriors {
  const k =
    kind.meat !== undefined
      ? HEATING_K[kind.meat]
      : kind.targetF >= STALL_PRONE_TARGET_F
        ? COLLAGEN_K
        : kind.targetF >= STALL_BAND_LOW_F + 20
          ? MIDDLE_K
          : QUICK_K;
  return {
    heatingK: { median: k, sigma: HEATING_K_SIGMA },
    stall: { probability: expectsStall(kind) ? DEFAULT_STALL_PROBABILITY : 0, lengthFactor: 1, sigma: DEFAULT_STALL_SIGMA },
    postStallKRatio: { median: DEFAULT_POST_STALL_K_RATIO, sigma: POST_STALL_K_SIGMA },
    wrappedKRatio: DEFAULT_WRAPPED_K_RATIO,
    learnedFrom: 0,
  };
}

/**
 * The weight of the typical piece the heating rate constants above are for. Heating is conduction-limited: the time
 * goes with the thickness squared, so with mass^(2/3) for a given shape, and the rate constant with mass^(−2/3).
 */
const REFERENCE_WEIGHT_KG: Readonly<Record<MeatKind, number>> = {
  brisket: 6,
  'pork-butt': 4,
  ribs: 1.5,
  chicken: 2,
  turkey: 6,
  steak: 0.5,
  salmon: 1,
};
const WEIGHT_EXPONENT = -2 / 3;
/** Knowing the weight leaves the shape and the fat: the spread of the rate constant narrows, not to nothing. */
const HEATING_K_SIGMA_GIVEN_WEIGHT = 0.35;

/** The priors for a piece of `weightKg` (cut known): the heating rate constant scaled for its size. */
export function priorsForWeight(priors: CutPriors, meat: MeatKind | undefined, weightKg: number | undefined): CutPriors {
  if (meat === undefined || weightKg === undefined || !(weightKg > 0)) return priors;
  const scale = Math.pow(weightKg / REFERENCE_WEIGHT_KG[meat], WEIGHT_EXPONENT);
  return {
    ...priors,
    heatingK: { median: priors.heatingK.median * scale, sigma: Math.min(priors.heatingK.sigma, HEATING_K_SIGMA_GIVEN_WEIGHT) },
  };
}

/** The range a log-normal prior puts nearly all of its mass in (± `z` sigmas). */
export function priorRange(prior: LogNormalPrior, z: number): { low: number; high: number } {
  return { low: prior.median * Math.exp(-z * prior.sigma), high: prior.median * Math.exp(z * prior.sigma) };
}
