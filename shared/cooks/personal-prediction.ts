/**
 * What a probe's prediction takes from the account's personal priors (shared/cook/personal/personal-priors.ts): the
 * cut priors learned from its past cooks of the probe's kind, the pit band of those cooks as a pit hint when the cook
 * has no pit probe, and the sentence that says so ("based on your last 3 briskets: stall about 3 h 10 m"). Nothing
 * when the account has no past cook of the kind: the prediction keeps today's priors. Pure; the poll path and the
 * cook's stats both use it, with the priors loaded once for the whole account.
 */
import { describePersonalPriors, personalCutPriors, personalPitBand, type PersonalPriors } from '../cook/personal/personal-priors';
import type { CookKind, CutPriors } from '../cook/prediction/cut-priors';
import { median } from '../cook/prediction/median';
import type { PitHint } from '../cook/prediction/pit-hint';
import type { ProbeReading } from '../cook/probe-reading';
import type { CookProbe } from './cook-record';

export interface PersonalPrediction {
  /** For predictDoneTime (spread into its input). */
  readonly inputs: { readonly priors?: CutPriors; readonly pitHint?: PitHint };
  /** For the probe's prediction as the API shows it (spread into it). */
  readonly shown: { readonly basedOn?: string };
}

/** The pit the cook runs at now, for weighing past cooks of another pit band: the last hour of the pit probe. */
const PIT_WINDOW_MS = 3_600_000;

export function personalPrediction(
  personal: PersonalPriors | undefined,
  probe: Pick<CookProbe, 'targetF' | 'meat'>,
  pitReadings: readonly ProbeReading[] | undefined,
): PersonalPrediction {
  if (personal === undefined) return { inputs: {}, shown: {} };
  const kind: CookKind = { targetF: probe.targetF, ...(probe.meat ? { meat: probe.meat } : {}) };
  const hasPitProbe = pitReadings !== undefined && pitReadings.length > 0;
  const basedOn = describePersonalPriors(personal, kind, { mentionPit: !hasPitProbe });
  const lastMs = pitReadings?.at(-1)?.atMs;
  const pitNowF = lastMs === undefined ? undefined : median((pitReadings ?? []).filter((r) => r.atMs > lastMs - PIT_WINDOW_MS).map((r) => r.temperatureF));
  const priors = personalCutPriors(personal, kind, pitNowF);
  const band = hasPitProbe ? undefined : personalPitBand(personal, kind);
  return {
    inputs: { ...(priors.learnedFrom > 0 ? { priors } : {}), ...(band !== undefined ? { pitHint: { pastPitBand: band } } : {}) },
    shown: basedOn !== undefined ? { basedOn } : {},
  };
}
