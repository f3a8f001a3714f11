import { Z80, type EtaQuantiles } from './eta-quantiles';
import { mixQuantiles, type WeightedQuantiles } from './mix-quantiles';

/**
 * Interval calibration from the cook's own hindcasts, so that "80 %" means 80 % for this cook: every bin, the
 * prediction made half an hour ago is asked how long the probe would take to reach the temperature it shows now
 * (the truth: half an hour). Its error, in units of the spread that prediction claimed, is a z-score; the root mean
 * square of the cook's z-scores (its `scale`) says whether the model tracks this cook as well as it claims (1),
 * worse (a gusty pit, a probe in and out of the fat, a curve the model does not fit) or better (a steady cook).
 *
 * The ETA interval's log-widths are multiplied by CALIBRATION_BASE · scale². Squared: an error in the rate half an
 * hour shows persists over the hours left, so a cook the model tracks twice as badly over 30 minutes is missed by
 * far more than twice over the rest. The base narrows the priors' deliberately wide intervals to 80 % where the
 * truth is known. Both were chosen on the simulated corpus alone (overall coverage 80 %; exponent 1 and 2 tried),
 * then checked on the real logs — see README.
 *
 * The scale is the heating model's error under the pit the projection heats toward; with no pit probe it says
 * nothing about which of the pits in play is the right one (every pit's recent curve tracks the last half hour
 * alike). So each pit's projection is calibrated before they are mixed (`calibratedMixture`): a steady cook no longer
 * narrows the spread between the pits, nor a gusty one widens it. (Calibrating the mixture narrowed a steady
 * pitless cook's interval onto one pit: the real logs with the pit probe hidden were covered 70 % at 50 %.)
 *
 * Hindcasts a minute apart share most of their half hour, so each counts as a tenth of an independent one; the
 * scale starts at 1 with the weight of a few independent hindcasts, so a cook's first hours move it only part way.
 * Half an hour with less than a few degrees of rise (a stall's creep) tells nothing and is skipped.
 */
export const HINDCAST_HORIZON_MS = 30 * 60_000;
const HORIZON_TOLERANCE_MS = 3 * 60_000;
/** A half hour that rose less than this says nothing about the heating model (creep, noise). */
export const MIN_HINDCAST_RISE_F = 3;
const HINDCASTS_PER_INDEPENDENT = 10;
const PRIOR_INDEPENDENT = 3;
const MAX_ABS_Z = 4;
const MIN_SCALE = 0.5;
const MAX_SCALE = 3;
const KEEP_MS = HINDCAST_HORIZON_MS + 2 * HORIZON_TOLERANCE_MS;
export const CALIBRATION_BASE = 0.8;
const CALIBRATION_EXPONENT = 2;

export interface HindcastSnapshot<T> {
  readonly atMs: number;
  readonly temperatureF: number;
  /** What the predictor needs to project again from this instant. */
  readonly state: T;
}

export class IntervalCalibration<T> {
  private readonly snapshots: Array<HindcastSnapshot<T>> = [];
  private sumSquares = 0;
  private count = 0;

  /** The snapshot to hindcast from now (about half an hour old), if one is worth it. */
  due(atMs: number, temperatureF: number): HindcastSnapshot<T> | undefined {
    let best: HindcastSnapshot<T> | undefined;
    for (const s of this.snapshots) {
      const offset = Math.abs(atMs - s.atMs - HINDCAST_HORIZON_MS);
      if (offset <= HORIZON_TOLERANCE_MS && (best === undefined || offset < Math.abs(atMs - best.atMs - HINDCAST_HORIZON_MS))) best = s;
    }
    return best !== undefined && temperatureF - best.temperatureF >= MIN_HINDCAST_RISE_F ? best : undefined;
  }

  /** The half-hour-old projection `hours` to reach what the probe shows now, which took `actualHours`. */
  score(hours: EtaQuantiles, actualHours: number): void {
    const z = hindcastZ(hours, actualHours);
    if (z === undefined) return;
    this.sumSquares += z * z;
    this.count += 1;
  }

  remember(snapshot: HindcastSnapshot<T>): void {
    this.snapshots.push(snapshot);
    while (this.snapshots.length > 0 && snapshot.atMs - (this.snapshots[0] as HindcastSnapshot<T>).atMs > KEEP_MS) this.snapshots.shift();
  }

  /** The factor on the heating model's error (1 = as claimed). */
  get scale(): number {
    const independent = this.count / HINDCASTS_PER_INDEPENDENT;
    const meanSquare = (PRIOR_INDEPENDENT + this.sumSquares / HINDCASTS_PER_INDEPENDENT) / (PRIOR_INDEPENDENT + independent);
    return Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.sqrt(meanSquare)));
  }

  get hindcasts(): number {
    return this.count;
  }
}

/** An ETA interval widened or narrowed in log space around its median by the cook's calibration `scale`. */
export function calibrated(hours: EtaQuantiles, scale: number): EtaQuantiles {
  if (!(hours.mid > 0) || !Number.isFinite(hours.mid)) return hours;
  const factor = CALIBRATION_BASE * Math.pow(scale, CALIBRATION_EXPONENT);
  const high = Number.isFinite(hours.high) ? hours.mid * Math.pow(hours.high / hours.mid, factor) : hours.high;
  return { low: hours.mid * Math.pow(Math.max(hours.low, 1e-9) / hours.mid, factor), mid: hours.mid, high };
}

/**
 * The mixture of projections under the pits in play, each calibrated by the cook's `scale` first (see above). The
 * point ETA stays the median of the mixture as projected: calibration only widens or narrows, never moves it.
 */
export function calibratedMixture(parts: readonly WeightedQuantiles[], scale: number): EtaQuantiles {
  const { mid } = mixQuantiles(parts);
  const { low, high } = mixQuantiles(parts.map((part) => ({ weight: part.weight, quantiles: calibrated(part.quantiles, scale) })));
  return { low: Math.min(low, mid), mid, high: Math.max(high, mid) };
}

/** The error of a projection that took `actualHours`, in units of its own (two-piece log-normal) spread. */
export function hindcastZ(hours: EtaQuantiles, actualHours: number): number | undefined {
  if (!(hours.mid > 0) || !Number.isFinite(hours.mid) || !(actualHours > 0)) return undefined;
  const x = Math.log(actualHours / hours.mid);
  const spread = x < 0 ? Math.log(hours.mid / Math.max(hours.low, 1e-9)) / Z80 : Math.log(hours.high / hours.mid) / Z80;
  if (!(spread > 1e-6) || !Number.isFinite(spread)) return undefined;
  return Math.max(-MAX_ABS_Z, Math.min(MAX_ABS_Z, x / spread));
}
