import * as z from '../../validation/zod';
import type { MeatKind } from '../meat-kind';
import { classOfKindKey, cookClass, cookKindKey, defaultCutPriors, type CookKind, type CutPriors } from '../prediction/cut-priors';
import { normalCdf } from '../prediction/normal-distribution';
import { stallDurationPrior } from '../prediction/stall-duration-prior';
import { formatDuration } from '../duration-text';

/**
 * Personal priors: what the account's own ended cooks of the same kind showed, so the next one is predicted with
 * them. The same person, smoker and cut stall for similar lengths; nothing in one curve tells how wet a surface is.
 *
 * The state is small and serialisable (JSON, a few KB at most): per kind of cook (the cut, or its target class),
 * the summaries of the last MAX_COOKS_PER_KIND ended cooks. A cook of a named cut learns its stall, heating and
 * post-stall priors and its pit band from past cooks of that cut only: another cut of its class (a pork butt after
 * a brisket) stalls and heats as that cut does, and on the real families of bench:predict, counting it even at
 * half weight made both cross-cut cooks worse; the pit is part of how a person cooks a cut too, and another cut's
 * band was the whole of the personal priors' loss there. A cook that named no cut is known by its class only, and
 * learns from every cook of its class. Store it with the account; update it with
 * `learnFromCook` when a cook ends; read it with `personalCutPriors` when a cook starts (and `personalPitHint` when
 * the cook has no pit probe). Each prior is a normal–normal Bayesian update in log space: today's prior
 * (cut-priors.ts) is split into a between-setups part (how much one person's smoker and cut differ from another's)
 * and a cook-to-cook part (how much one person's cooks differ); n past cooks move the mean by n/(n + σ²ᵥᵥ/τ²) of the
 * way to what they showed and narrow the spread toward the cook-to-cook part. With no past cook the priors are
 * exactly today's. A stall that was still going when the cook wrapped or ended is a censored length (at least
 * that long): it counts through its expected length given it lasted at least that long (EM).
 */
export const MAX_COOKS_PER_KIND = 12;

/** What one ended cook showed (ended-cook-summary.ts makes it from the cook's readings). */
export interface PastCook {
  /** The cook record's id: learning the same cook twice replaces it. */
  readonly cookId?: string;
  readonly endedAtMs: number;
  /** The pit the cook ran at (median of the pit probe, else the set-point); undefined when unknown. */
  readonly pitF?: number;
  /** The heating rate constant the cut showed before any stall (1/h). */
  readonly heatingK?: number;
  /** Whether it stalled: undefined when the curve never got through the band (cannot tell). */
  readonly stalled?: boolean;
  /**
   * The stall's length, to its break or to the wrap that ended it (a cook who wraps will likely wrap again);
   * `censored` when it was still going when the cook ended (it lasted at least that).
   */
  readonly stall?: { readonly hours: number; readonly censored: boolean; readonly physicsMedianHours: number };
  /** The rate constant after the stall, however it ended, as a share of the heating one. */
  readonly postStallKRatio?: number;
  /** Wrapped: the rate constant after the wrap as a share of the heating one. */
  readonly wrappedKRatio?: number;
}

export interface EndedCookSummary extends PastCook {
  readonly kind: CookKind;
}

export interface PersonalPriors {
  readonly version: 1;
  /** Kind key (cookKindKey) → past cooks of that kind, oldest first. */
  readonly kinds: Readonly<Record<string, readonly PastCook[]>>;
}

export const EMPTY_PERSONAL_PRIORS: PersonalPriors = { version: 1, kinds: {} };

const positive = z.number().check(z.positive());
const pastCookSchema = z.strictObject({
  cookId: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
  endedAtMs: z.number().check(z.int(), z.nonnegative()),
  pitF: z.optional(z.number().check(z.minimum(100), z.maximum(1000))),
  heatingK: z.optional(positive.check(z.maximum(20))),
  stalled: z.optional(z.boolean()),
  stall: z.optional(z.strictObject({ hours: z.number().check(z.nonnegative(), z.maximum(48)), censored: z.boolean(), physicsMedianHours: positive.check(z.maximum(48)) })),
  postStallKRatio: z.optional(positive.check(z.maximum(5))),
  wrappedKRatio: z.optional(positive.check(z.maximum(5))),
});

/** Validates a stored state (it is the account's data: parse it, do not trust it). */
export const personalPriorsSchema = z.strictObject({
  version: z.literal(1),
  kinds: z.record(z.string().check(z.minLength(1), z.maxLength(64)), z.array(pastCookSchema).check(z.maxLength(MAX_COOKS_PER_KIND))),
});

/** Adds an ended cook; the oldest beyond MAX_COOKS_PER_KIND are forgotten (smokers and habits change). Pure. */
export function learnFromCook(state: PersonalPriors, summary: EndedCookSummary): PersonalPriors {
  const { kind, ...cook } = summary;
  const key = cookKindKey(kind);
  const others = (state.kinds[key] ?? []).filter((c) => cook.cookId === undefined || c.cookId !== cook.cookId);
  const cooks = [...others, cook].sort((a, b) => a.endedAtMs - b.endedAtMs).slice(-MAX_COOKS_PER_KIND);
  return { version: 1, kinds: { ...state.kinds, [key]: cooks } };
}

/**
 * Splits of today's log-space spreads: between setups (τ) and cook to cook for one setup (σ), with τ² + σ² the
 * prior's own variance. A cook's stall varies less for one person than across people, but still a lot (how full the
 * smoker is, the weather, the cut's fat cap).
 */
const HEATING_K_TAU = 0.4;
const HEATING_K_WITHIN = 0.3;
const STALL_TAU = 0.6;
const STALL_WITHIN = 0.53;
/** The post-stall rate is noisy to read off one cook (probes of one piece differ by a quarter): most of it is within. */
const POST_STALL_TAU = 0.2;
const POST_STALL_WITHIN = 0.3;
/** The stall chance is a Beta prior worth this many cooks. */
const STALL_CHANCE_PSEUDO_COOKS = 4;
/** A wrapped rate constant is pulled toward today's with this many cooks' weight. */
const WRAPPED_PSEUDO_COOKS = 2;
/** A past cook in another pit band counts half: physics carries the pit over, but not perfectly. */
const OTHER_BAND_F = 30;
const OTHER_BAND_WEIGHT = 0.5;
const EM_STEPS = 8;

/** The cut priors for a new cook of `kind`, from the account's past cooks like it (cooksLike; today's when none). */
export function personalCutPriors(state: PersonalPriors | undefined, kind: CookKind, pitF?: number): CutPriors {
  const base = defaultCutPriors(kind);
  const cooks = cooksLike(state, kind);
  if (cooks.length === 0) return base;
  const weight = (c: PastCook): number => (pitF !== undefined && c.pitF !== undefined && Math.abs(c.pitF - pitF) > OTHER_BAND_F ? OTHER_BAND_WEIGHT : 1);

  const k = normalUpdate(
    Math.log(base.heatingK.median),
    HEATING_K_TAU,
    HEATING_K_WITHIN,
    cooks.flatMap((c) => (c.heatingK !== undefined ? [{ x: Math.log(c.heatingK), w: weight(c) }] : [])),
  );

  const stalls = cooks.flatMap((c) =>
    c.stall !== undefined && c.stall.hours > 0
      ? [{ x: Math.log(Math.max(c.stall.hours, 0.05) / c.stall.physicsMedianHours), w: weight(c), censored: c.stall.censored }]
      : [],
  );
  const length = censoredNormalUpdate(Math.log(base.stall.lengthFactor), STALL_TAU, STALL_WITHIN, stalls);

  const decided = cooks.filter((c) => c.stalled !== undefined);
  const pseudo = STALL_CHANCE_PSEUDO_COOKS;
  const sum = (xs: readonly PastCook[]): number => xs.reduce((s, c) => s + weight(c), 0);
  const probability =
    base.stall.probability === 0 && decided.every((c) => !c.stalled)
      ? 0
      : (base.stall.probability * pseudo + sum(decided.filter((c) => c.stalled))) / (pseudo + sum(decided));

  const post = normalUpdate(
    Math.log(base.postStallKRatio.median),
    POST_STALL_TAU,
    POST_STALL_WITHIN,
    cooks.flatMap((c) => (c.postStallKRatio !== undefined ? [{ x: Math.log(c.postStallKRatio), w: weight(c) }] : [])),
  );

  const wrapped = cooks.filter((c) => c.wrappedKRatio !== undefined);
  const wrappedKRatio = Math.exp(
    (WRAPPED_PSEUDO_COOKS * Math.log(base.wrappedKRatio) + wrapped.reduce((s, c) => s + weight(c) * Math.log(c.wrappedKRatio as number), 0)) /
      (WRAPPED_PSEUDO_COOKS + sum(wrapped)),
  );

  return {
    heatingK: { median: Math.exp(k.mean), sigma: k.predictiveSigma },
    stall: { probability, lengthFactor: Math.exp(length.mean), sigma: length.predictiveSigma },
    postStallKRatio: { median: Math.exp(post.mean), sigma: post.predictiveSigma },
    wrappedKRatio,
    learnedFrom: cooks.length,
  };
}

/**
 * The past cooks a new cook learns from, its priors and its pit band alike. A named cut's own cooks: another cut
 * stalls and heats as that cut does, and a person picks the pit with the cut (a brisket run at 240 °F says little
 * about a pork shoulder run hot and fast). A cook that named no cut is known by its class only (its priors are the
 * class's), so every past cook of the class is as much like it as any other, named or not.
 */
function cooksLike(state: PersonalPriors | undefined, kind: CookKind): readonly PastCook[] {
  if (state === undefined) return [];
  if (kind.meat !== undefined) return state.kinds[cookKindKey(kind)] ?? [];
  const cls = cookClass(kind);
  return Object.entries(state.kinds).flatMap(([k, cooks]) => (classOfKindKey(k) === cls ? cooks : []));
}

/** The pit band of the account's past cooks like this one (cooksLike), for a cook with no pit probe (pit-hint.ts). */
export function personalPitBand(state: PersonalPriors | undefined, kind: CookKind): { medianF: number; spreadF: number; cooks: number } | undefined {
  const pits = cooksLike(state, kind).flatMap((c) => (c.pitF !== undefined ? [c.pitF] : [])).sort((a, b) => a - b);
  if (pits.length === 0) return undefined;
  const medianF = pits[Math.floor((pits.length - 1) / 2)] as number;
  const mean = pits.reduce((s, p) => s + p, 0) / pits.length;
  const spreadF = pits.length > 1 ? Math.sqrt(pits.reduce((s, p) => s + (p - mean) ** 2, 0) / (pits.length - 1)) : 0;
  return { medianF, spreadF, cooks: pits.length };
}

const CLASS_PLURALS = { collagen: 'low-and-slow cooks', poultry: 'poultry cooks', quick: 'quick cooks' } as const;
const CLASS_SINGULARS = { collagen: 'low-and-slow cook', poultry: 'poultry cook', quick: 'quick cook' } as const;

const KIND_PLURALS: Readonly<Record<MeatKind, string>> = {
  brisket: 'briskets',
  'pork-butt': 'pork butts',
  ribs: 'racks of ribs',
  chicken: 'chickens',
  turkey: 'turkeys',
  steak: 'steaks',
  salmon: 'salmon cooks',
};

/**
 * For people: "based on your last 3 briskets: stall about 3 h 10 m, pit about 245 °F", or for a cook that named no
 * cut "based on your last 2 low-and-slow cooks: …" (the cooks it learns from, cooksLike). The stall is the personal
 * prior's median at the pit those cooks ran. Undefined with no past cook like it.
 */
export function describePersonalPriors(state: PersonalPriors | undefined, kind: CookKind, options: { mentionPit?: boolean } = {}): string | undefined {
  const past = cooksLike(state, kind);
  if (past.length === 0) return undefined;
  const band = personalPitBand(state, kind);
  const priors = personalCutPriors(state, kind, band?.medianF);
  const what = past.length === 1 ? `your last ${singular(kind)}` : `your last ${past.length} ${plural(kind)}`;
  const parts: string[] = [];
  if (priors.stall.probability > 0) {
    const median = stallDurationPrior(priors.heatingK.median, band?.medianF ?? 250).medianHours * priors.stall.lengthFactor;
    const none = past.filter((c) => c.stalled === false).length;
    parts.push(
      `stall about ${formatDuration(median)}${none > 0 ? ` (${none === past.length ? 'none' : `${none} of them`} did not stall)` : ''}`,
    );
  }
  // Only where the past cooks' pit is what the prediction takes: not for a cook whose own pit probe says it.
  if (band !== undefined && options.mentionPit !== false) parts.push(`pit about ${Math.round(band.medianF / 5) * 5} °F`);
  return parts.length === 0 ? undefined : `based on ${what}: ${parts.join(', ')}`;
}

function plural(kind: CookKind): string {
  return kind.meat !== undefined ? KIND_PLURALS[kind.meat] : CLASS_PLURALS[cookClass(kind)];
}

function singular(kind: CookKind): string {
  if (kind.meat === undefined) return CLASS_SINGULARS[cookClass(kind)];
  return kind.meat === 'ribs' ? 'rack of ribs' : kind.meat === 'salmon' ? 'salmon cook' : kind.meat.replace('-', ' ');
}

interface Update {
  readonly mean: number;
  readonly predictiveSigma: number;
}

/** Normal–normal update of a mean (prior N(m0, τ²)) from weighted observations with cook-to-cook spread σ. */
function normalUpdate(m0: number, tau: number, within: number, observations: ReadonlyArray<{ x: number; w: number }>): Update {
  let precision = 1 / tau ** 2;
  let weighted = m0 / tau ** 2;
  for (const { x, w } of observations) {
    precision += w / within ** 2;
    weighted += (w * x) / within ** 2;
  }
  const mean = weighted / precision;
  return { mean, predictiveSigma: Math.sqrt(within ** 2 + 1 / precision) };
}

/** The same with right-censored observations (x ≥ the value seen): each replaced by its conditional mean, iterated. */
function censoredNormalUpdate(
  m0: number,
  tau: number,
  within: number,
  observations: ReadonlyArray<{ x: number; w: number; censored: boolean }>,
): Update {
  let update = normalUpdate(m0, tau, within, observations);
  if (!observations.some((o) => o.censored)) return update;
  for (let step = 0; step < EM_STEPS; step += 1) {
    const mu = update.mean;
    const imputed = observations.map((o) => (o.censored ? { x: Math.max(o.x, truncatedMean(mu, within, o.x)), w: o.w } : o));
    update = normalUpdate(m0, tau, within, imputed);
  }
  return update;
}

/** E[X | X > c] for X ~ N(μ, σ²). */
function truncatedMean(mu: number, sigma: number, c: number): number {
  const a = (c - mu) / sigma;
  const tail = Math.max(1e-12, 1 - normalCdf(a));
  const density = Math.exp(-(a * a) / 2) / Math.sqrt(2 * Math.PI);
  return mu + (sigma * density) / tail;
}
