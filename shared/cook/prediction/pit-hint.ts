/**
 * With no pit probe the pit cannot be read off the meat curve, so the prediction mixes three pits: a central one and
 * one cooler and one hotter (done-time-predictor.ts). What the cook has told or shown narrows it:
 * - the set-point from the cook form: a controlled pit holds within 10–20 °F of it;
 * - the pit band of the account's past cooks of this cut (personal-priors.ts `personalPitBand`): people run their
 *   smoker where they usually do for the cut. A normal–normal update: a person's usual pit is a priori the usual
 *   pit for the cook ± 35 °F, their cooks spread ±20 °F (or as much as theirs did) around it; few past cooks pull
 *   the centre only part of the way, and the next cook's pit keeps both spreads;
 * - nothing: the pit such a cook is usually run at (assumedPitF), ±50 °F.
 * (A probe marked as the pit is no hint but a measurement: it is the session's pit probe, and there is no mixture.)
 * The three-point mixture weighs ½ on the centre and ¼ on each side: its spread is the pit's standard deviation
 * σ with the side points at ±σ·√2.
 */
export interface PitHint {
  readonly setPointF?: number;
  readonly pastPitBand?: { readonly medianF: number; readonly spreadF: number; readonly cooks: number };
}

export interface PitMixture {
  readonly centreF: number;
  /** The cooler and hotter pits sit this far from the centre. */
  readonly offsetF: number;
}

/** How far a controlled pit wanders from its set-point (σ, °F): Billows and pellet controllers, lids opened. */
const SET_POINT_SIGMA_F = 12;
/** How far one person's usual pit sits from the usual pit for such a cook (σ, °F). */
const PERSON_PIT_SIGMA_F = 35;
/** How far one person's pit wanders from cook to cook, at least (σ, °F): a hotter day, a hurried cook. */
const MIN_PAST_SIGMA_F = 20;
/** With nothing to go on: ±50 °F around the usual pit (225–325 °F low-and-slow). */
const DEFAULT_OFFSET_F = 50;

export function pitMixture(hint: PitHint | undefined, usualPitF: number): PitMixture {
  if (hint?.setPointF !== undefined) return { centreF: hint.setPointF, offsetF: SET_POINT_SIGMA_F * Math.SQRT2 };
  const band = hint?.pastPitBand;
  if (band !== undefined && band.cooks > 0) {
    const within = Math.max(MIN_PAST_SIGMA_F, band.spreadF);
    const precision = 1 / PERSON_PIT_SIGMA_F ** 2 + band.cooks / within ** 2;
    const centreF = (usualPitF / PERSON_PIT_SIGMA_F ** 2 + (band.cooks * band.medianF) / within ** 2) / precision;
    const sigma = Math.sqrt(within ** 2 + 1 / precision);
    return { centreF, offsetF: Math.min(DEFAULT_OFFSET_F, sigma * Math.SQRT2) };
  }
  return { centreF: usualPitF, offsetF: DEFAULT_OFFSET_F };
}
