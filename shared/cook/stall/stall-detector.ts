/**
 * Online stall detection for one meat probe.
 *
 * A stall is not "the rate is low" — a probe in a 225 °F pit near 190 °F rises slowly without stalling — but "the
 * rate is far below what Newton heating from this pit would give": we normalise the rise rate by the drive
 * (pit − meat) to a rate constant k, learn the cut's heating k while it heats, and call a stall when k collapses
 * inside the evaporative band (135–185 °F) for a sustained stretch. It ends when k recovers (surface dried, bark
 * set) or abruptly when the cook wraps — announced, or inferred from a rate jump.
 */
export type StallPhase = 'heating' | 'stall' | 'post_stall';

export interface StallObservation {
  readonly atMs: number;
  /** Smoothed probe temperature. */
  readonly temperatureF: number;
  /** Smoothed rise rate over the recent window. */
  readonly ratePerHour: number;
  /** What the meat heats toward: the pit level, or an assumed one when there is no pit probe. */
  readonly pitF: number;
}

export type StallEndCause = 'rate-recovered' | 'wrap' | 'wrap-inferred';

export interface StallStatus {
  readonly phase: StallPhase;
  /** When the slowdown that became the stall began (back-dated: the detector needs time to be sure). */
  readonly startedAtMs?: number;
  /** When the detector became sure. */
  readonly detectedAtMs?: number;
  /** Heating in the band with the rate constant sagging (below SAG_RATIO) since then, without a stall yet. */
  readonly saggingSinceMs?: number;
  /**
   * When the sag that became this stall began: a stall starts as a sag, and a mild one sags a long while before it
   * is deep enough to call. Its length counts from here.
   */
  readonly sagStartedAtMs?: number;
  readonly startTemperatureF?: number;
  readonly endedAtMs?: number;
  readonly endCause?: StallEndCause;
  /** Learned heating rate constant of the cut (1/h), before any stall; undefined until learned. */
  readonly heatingK?: number;
  /** The probe came in past the learning range (a cook started mid-way): heatingK is the cut's prior, not learned. */
  readonly heatingKFromPrior?: boolean;
  /** Current rate constant as a fraction of heatingK. */
  readonly kRatio?: number;
  /**
   * Lowest kRatio seen inside the evaporative band so far (heating and stall): how deep the stall goes, and a
   * slowdown that recovers without ever becoming a stall shows here too.
   */
  readonly lowestBandKRatio?: number;
}

export const STALL_BAND_LOW_F = 135;
export const STALL_BAND_HIGH_F = 185;
/** k below this fraction of the heating k starts the slow run that may become a stall. */
const SLOW_RATIO = 0.5;
/** k below this fraction in the band is a sag (the projection's SAGGING_K_RATIO). */
const SAG_RATIO = 0.85;
/** …and the run is a stall once k has stayed below SLOW_RATIO for CONFIRM_MS and now sits below STALL_RATIO. */
const STALL_RATIO = 0.35;
const CONFIRM_MS = 20 * 60_000;
/** The stall is over once k is back above this fraction for RECOVER_MS. */
const RECOVERED_RATIO = 0.5;
const RECOVER_MS = 20 * 60_000;
/** A wrap shows as k leaping from stalled to heating within this time. */
const WRAP_JUMP_MS = 40 * 60_000;
const WRAP_FROM_RATIO = 0.3;
const WRAP_TO_RATIO = 0.75;
/** A stall never spans more than this rise: past it the meat is simply cooking slowly. */
const MAX_STALL_RISE_F = 30;
/** Heating k is learned from samples at least this far above the starting temperature (the probe's lag is over). */
const LEARN_AFTER_RISE_F = 20;
const HEATING_K_PERCENTILE = 0.8;

export interface StallDetectorOptions {
  /**
   * The cut's usual heating rate constant (cut-priors.ts), taken when the probe is first seen past the range the
   * detector learns it in (a cook record started mid-way, at the stall): a stall is still recognised as one.
   */
  readonly heatingKPrior?: number;
}

export class StallDetector {
  private phase: StallPhase = 'heating';
  private heatingKFromPrior = false;
  private readonly heatingKs: number[] = [];
  private heatingK: number | undefined;
  private firstTemperatureF: number | undefined;
  private lowestTemperatureF = Number.POSITIVE_INFINITY;
  private slowSinceMs: number | undefined;
  private slowSinceF: number | undefined;
  private sagSinceMs: number | undefined;
  private sagStartedAtMs: number | undefined;
  private fastSinceMs: number | undefined;
  private startedAtMs: number | undefined;
  private detectedAtMs: number | undefined;
  private startTemperatureF: number | undefined;
  private endedAtMs: number | undefined;
  private endCause: StallEndCause | undefined;
  private lastStalledMs: number | undefined;
  private kRatio: number | undefined;
  private lowestBandKRatio: number | undefined;

  constructor(private readonly options: StallDetectorOptions = {}) {}

  /** A wrap the cook told us about (button in the app). */
  markWrapped(atMs: number): void {
    if (this.phase === 'stall') this.end(atMs, 'wrap');
    else if (this.phase === 'heating') {
      // Wrapped before any stall showed: there will not be one.
      this.phase = 'post_stall';
      this.endedAtMs = atMs;
      this.endCause = 'wrap';
    }
  }

  update(observation: StallObservation): StallStatus {
    const { atMs, temperatureF, ratePerHour, pitF } = observation;
    this.firstTemperatureF ??= temperatureF;
    this.lowestTemperatureF = Math.min(this.lowestTemperatureF, temperatureF);
    const drive = pitF - temperatureF;
    if (!(drive > 5)) return this.status();
    const k = ratePerHour / drive;

    if (this.phase === 'heating') {
      if (temperatureF >= this.lowestTemperatureF + LEARN_AFTER_RISE_F && temperatureF < STALL_BAND_LOW_F + 10) {
        this.learnHeatingK(k);
      } else if (this.heatingK === undefined && temperatureF >= STALL_BAND_LOW_F + 10 && this.options.heatingKPrior !== undefined) {
        this.heatingK = this.options.heatingKPrior;
        this.heatingKFromPrior = true;
      }
      if (this.heatingK === undefined) return this.status();
      this.kRatio = k / this.heatingK;
      const inBand = temperatureF >= STALL_BAND_LOW_F && temperatureF <= STALL_BAND_HIGH_F;
      if (inBand) this.lowestBandKRatio = Math.min(this.lowestBandKRatio ?? Number.POSITIVE_INFINITY, this.kRatio);
      if (inBand && this.kRatio < SAG_RATIO) this.sagSinceMs ??= atMs;
      else this.sagSinceMs = undefined;
      if (inBand && this.kRatio < SLOW_RATIO) {
        if (this.slowSinceMs === undefined) {
          this.slowSinceMs = atMs;
          this.slowSinceF = temperatureF;
        }
        if (atMs - this.slowSinceMs >= CONFIRM_MS && this.kRatio < STALL_RATIO) {
          this.phase = 'stall';
          this.startedAtMs = this.slowSinceMs;
          this.sagStartedAtMs = Math.min(this.sagSinceMs ?? this.slowSinceMs, this.slowSinceMs);
          this.startTemperatureF = this.slowSinceF;
          this.detectedAtMs = atMs;
          this.lastStalledMs = atMs;
        }
      } else {
        this.slowSinceMs = undefined;
        this.slowSinceF = undefined;
      }
      return this.status();
    }

    if (this.phase === 'stall' && this.heatingK !== undefined) {
      this.kRatio = k / this.heatingK;
      this.lowestBandKRatio = Math.min(this.lowestBandKRatio ?? Number.POSITIVE_INFINITY, this.kRatio);
      if (this.kRatio < WRAP_FROM_RATIO) this.lastStalledMs = atMs;
      if (this.kRatio > RECOVERED_RATIO) this.fastSinceMs ??= atMs;
      else this.fastSinceMs = undefined;
      const risen = temperatureF - (this.startTemperatureF ?? temperatureF);
      if (
        this.kRatio > WRAP_TO_RATIO &&
        this.lastStalledMs !== undefined &&
        atMs - this.lastStalledMs <= WRAP_JUMP_MS &&
        this.fastSinceMs !== undefined &&
        atMs - this.fastSinceMs >= RECOVER_MS / 2
      ) {
        this.end(this.fastSinceMs, 'wrap-inferred');
      } else if (this.fastSinceMs !== undefined && atMs - this.fastSinceMs >= RECOVER_MS) {
        this.end(this.fastSinceMs, 'rate-recovered');
      } else if (risen > MAX_STALL_RISE_F) {
        this.end(atMs, 'rate-recovered');
      }
      return this.status();
    }
    if (this.heatingK !== undefined) this.kRatio = k / this.heatingK;
    return this.status();
  }

  status(): StallStatus {
    return {
      phase: this.phase,
      ...(this.startedAtMs !== undefined ? { startedAtMs: this.startedAtMs } : {}),
      ...(this.detectedAtMs !== undefined ? { detectedAtMs: this.detectedAtMs } : {}),
      ...(this.phase === 'heating' && this.sagSinceMs !== undefined ? { saggingSinceMs: this.sagSinceMs } : {}),
      ...(this.sagStartedAtMs !== undefined ? { sagStartedAtMs: this.sagStartedAtMs } : {}),
      ...(this.startTemperatureF !== undefined ? { startTemperatureF: this.startTemperatureF } : {}),
      ...(this.endedAtMs !== undefined ? { endedAtMs: this.endedAtMs } : {}),
      ...(this.endCause !== undefined ? { endCause: this.endCause } : {}),
      ...(this.heatingK !== undefined ? { heatingK: this.heatingK } : {}),
      ...(this.heatingKFromPrior ? { heatingKFromPrior: true } : {}),
      ...(this.kRatio !== undefined ? { kRatio: this.kRatio } : {}),
      ...(this.lowestBandKRatio !== undefined ? { lowestBandKRatio: this.lowestBandKRatio } : {}),
    };
  }

  private learnHeatingK(k: number): void {
    if (!(k > 0)) return;
    this.heatingKs.push(k);
    const sorted = [...this.heatingKs].sort((a, b) => a - b);
    this.heatingK = sorted[Math.min(sorted.length - 1, Math.floor(HEATING_K_PERCENTILE * sorted.length))];
  }

  private end(atMs: number, cause: StallEndCause): void {
    this.phase = 'post_stall';
    this.endedAtMs = atMs;
    this.endCause = cause;
  }
}

/** The stall status after a whole series of observations, oldest first (batch form of StallDetector). */
export function detectStall(observations: Iterable<StallObservation>): StallStatus {
  const detector = new StallDetector();
  let status = detector.status();
  for (const observation of observations) status = detector.update(observation);
  return status;
}
