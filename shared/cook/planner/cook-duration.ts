import type { CutPriors } from '../prediction/cut-priors';
import type { EtaQuantiles } from '../prediction/eta-quantiles';
import { laggedHoursToReach } from '../prediction/lagged-heating';
import { newtonHoursToReach, newtonTemperatureAfter } from '../prediction/newton-heating';
import { normalQuantile } from '../prediction/normal-distribution';
import { EXPECTED_STALL_START_F, stallQuantileWithNoStall } from '../prediction/stall-aware-projection';
import { stallDurationPrior } from '../prediction/stall-duration-prior';

/**
 * How long a cook takes before it starts, from the cut's priors (today's or the account's personal ones), by the
 * same physics the live prediction uses: the centre's lag and Newton heating toward the pit (lagged-heating.ts),
 * the stall a collagen cut probably meets around 150 °F (its chance, its length for that pit and cut, creeping a
 * little meanwhile), then heating at the post-stall rate. The two unknowns are integrated over on a grid of their
 * quantiles — the cut's heating rate constant (log-normal: size, shape, fat) and the stall's length (none with
 * the chance of no stall) — and the 10th / 50th / 90th percentiles of the total are read off.
 */
export interface CookDurationInput {
  readonly fromF: number;
  readonly toF: number;
  readonly pitF: number;
  readonly priors: CutPriors;
  /** The heating rate constant when known (a cook under way); else the priors' (scaled for weight by the caller). */
  readonly heatingK?: number;
  /** Whether the cut will meet a stall on the way (not once it is past it or wrapped). */
  readonly stallAhead: boolean;
  /** Whether the cook will wrap at the stall: it then lasts as long as it takes to wrap, and heats wrapped after. */
  readonly wrapAtStall?: boolean;
  /** A cold start (from the fridge): the centre lags before it follows Newton. */
  readonly coldStart: boolean;
}

/** A cold cut's centre lags its surface about like two stages whose rate constants differ threefold. */
const LAG_RATIO = 3;
/** In the stall the probe creeps at about a quarter of the heating rate constant. */
const CREEP_K_RATIO = 0.25;
/** A wrap at the stall: the time to notice the stall and wrap. */
const WRAP_AFTER_HOURS = 0.5;
const GRID = 15;

export function cookDurationHours(input: CookDurationInput): EtaQuantiles {
  const { fromF, toF, pitF, priors } = input;
  if (toF <= fromF) return { low: 0, mid: 0, high: 0 };
  if (toF >= pitF) return { low: Infinity, mid: Infinity, high: Infinity };
  const kGrid = input.heatingK !== undefined ? [input.heatingK] : quantileGrid().map((z) => priors.heatingK.median * Math.exp(priors.heatingK.sigma * z));
  const totals: number[] = [];
  for (const k of kGrid) {
    const stallPrior = stallDurationPrior(k, pitF);
    const prior = { medianHours: stallPrior.medianHours * priors.stall.lengthFactor, sigma: priors.stall.sigma };
    const stalls = input.stallAhead && toF > EXPECTED_STALL_START_F && fromF < EXPECTED_STALL_START_F + 15
      ? gridProbabilities().map((q) => (input.wrapAtStall ? Math.min(WRAP_AFTER_HOURS, stallQuantileWithNoStall(prior, priors.stall.probability, q)) : stallQuantileWithNoStall(prior, priors.stall.probability, q)))
      : [0];
    for (const stallHours of stalls) totals.push(totalHours(input, k, stallHours));
  }
  totals.sort((a, b) => a - b);
  const at = (p: number): number => totals[Math.min(totals.length - 1, Math.floor(p * totals.length))] as number;
  return { low: at(0.1), mid: at(0.5), high: at(0.9) };
}

function totalHours(input: CookDurationInput, k: number, stallHours: number): number {
  const { fromF, toF, pitF, priors } = input;
  const stallF = Math.max(fromF, EXPECTED_STALL_START_F);
  const firstLegTo = stallHours > 0 ? Math.min(stallF, toF) : toF;
  const heat = (from: number, to: number): number =>
    input.coldStart
      ? laggedHoursToReach({ slowK: k, fastK: LAG_RATIO * k, startMs: 0, startF: from, asymptoteF: pitF, rmsF: 0 }, 0, to)
      : newtonHoursToReach(from, to, pitF, k);
  const first = heat(fromF, firstLegTo);
  if (stallHours <= 0 || firstLegTo >= toF) return first;
  const breakF = Math.min(toF, newtonTemperatureAfter(stallF, pitF, CREEP_K_RATIO * k, stallHours));
  const postRatio = input.wrapAtStall ? priors.wrappedKRatio : priors.postStallKRatio.median;
  return first + stallHours + newtonHoursToReach(breakF, toF, pitF, k * postRatio);
}

function gridProbabilities(): number[] {
  return Array.from({ length: GRID }, (_, i) => (i + 0.5) / GRID);
}

function quantileGrid(): number[] {
  return gridProbabilities().map(normalQuantile);
}
