import type { MeatKind } from '../meat-kind';
import type { ProbeReading } from '../probe-reading';
import { StallDetector, STALL_BAND_LOW_F, type StallStatus } from '../stall/stall-detector';
import { BinnedSeries, type BinnedPoint } from './binned-series';
import type { DoneTimePrediction, Eta } from './done-time-prediction';
import { GlitchFilter, MEAT_GLITCH_OPTIONS } from './glitch-filter';
import { fitLocalTrend, type LocalTrend } from './local-trend';
import type { EtaQuantiles } from './eta-quantiles';
import { mixQuantiles, type WeightedQuantiles } from './mix-quantiles';
import { laggedCurve, memoizedLaggedFit, type LaggedCurve } from './lagged-fit-memo';
import type { LaggedHeatingFit } from './lagged-heating';
import { newtonRateConstant } from './newton-heating';
import { projectHoursToTarget } from './stall-aware-projection';
import { defaultCutPriors, expectsStall, priorRange, type CutPriors } from './cut-priors';
import { capToWindow, physicalWindowHours } from './physical-window';
import { pitMixture, type PitHint, type PitMixture } from './pit-hint';
import { calibratedMixture, IntervalCalibration } from './interval-calibration';
import { lidOpenWindow, type CookTimelineEvent } from '../timeline/cook-timeline-event';

/**
 * Done-time prediction for one meat probe, updated on every reading.
 *
 * Readings are glitch-filtered (glitch-filter.ts) and averaged into one-minute bins, so cadence, duplicates and
 * spikes do not matter. The model is heating toward the pit: the pit level is the median of the last 45 min of the
 * pit probe (lid-open dips vanish in it). With no pit probe the pit is unknown and the ETA says so: it mixes the
 * projections under the pit such a cook is usually run at and under one 50 °F cooler and one 50 °F hotter
 * (mix-quantiles.ts), each with its own stall detector, so the interval carries the pit's uncertainty (on real
 * brisket logs with the pit probe removed, coverage went from 34 % to 70 %).
 *
 * While the cut heats, the whole curve since the probe's lowest reading is fitted with a two-stage lagged-heating
 * model (lagged-heating.ts: flat start, acceleration, then Newton), which projects through the cold centre's lag
 * where Newton on the recent rate says "far too long". Where that fit does not hold (a sag, a pit change) and after
 * a stall, Newton's rate constant is fitted online to the last half hour of the curve, in Newton's linearised space
 * and with Huber weights (local-trend.ts). The stall detector (stall-detector.ts) follows that rate constant against
 * the one the cut showed while heating, and the projection (stall-aware-projection.ts) is stall-aware: heading into
 * the evaporative band a collagen cook's ETA includes the stall it will probably meet; in the stall the probe creeps
 * until a break whose timing is uncertain, so the ETA widens instead of jumping; after it Newton takes over again.
 * "Not enough data" is said, not guessed, while the trend is too short or the probe is still accelerating out of
 * the fridge-cold lag. The point ETA is the median; the interval is 10th–90th percentile.
 */
export interface DoneTimePredictorOptions {
  readonly targetF: number;
  /** The cut, when the cook said (presets); refines whether a stall is expected. */
  readonly meat?: MeatKind;
  /** Overrides the stall expectation (default: targets ≥ 175 °F are collagen cooks that stall). */
  readonly expectStall?: boolean;
  /** What the cut is expected to do (cut-priors.ts): the account's personal priors, else today's defaults. */
  readonly priors?: CutPriors;
  /** With no pit probe: the set-point, or the pit band of past cooks, narrows the pits considered (pit-hint.ts). */
  readonly pitHint?: PitHint;
  /** Scale the heating model's error by this cook's own hindcasts (interval-calibration.ts); default true. */
  readonly calibrateIntervals?: boolean;
}

const BIN_MS = 60_000;
const DONE_ETA: Eta = { seconds: 0, lowSeconds: 0, highSeconds: 0 };
const TREND_WINDOW_MS = 30 * 60_000;
const SPARSE_TREND_WINDOW_MS = 90 * 60_000;
const MIN_TREND_POINTS = 6;
const MIN_TREND_SPAN_HOURS = 0.2;
/** Silence longer than this and the probe's state is unknown (unplugged, dead battery, out of range). */
const STALE_MS = 20 * 60_000;
const STALL_PRONE_TARGET_F = 175;
/**
 * A probe whose lowest reading is this warm went into meat already cooking (a cook record started mid-way): there is
 * no fridge-cold lag phase left to wait out.
 */
const LAG_PHASE_MAX_START_F = 100;
/** A rate constant read off the recent curve is kept within the cut's prior range (90 %) until the cut's own is learned. */
const Z90 = 1.6448536269514722;
const PLAUSIBLE_PIT_MARGIN_F = 5;
/** The lag phase is over once the probe has risen this far above its lowest reading… */
const SETTLED_AFTER_RISE_F = 40;
/** Below this rise above the lowest reading, a still-accelerating probe gets no ETA at all: too early to tell. */
const EARLY_RISE_F = 15;
/** …or once the rise over the last quarter hour is no longer clearly faster than over the one before. */
const ACCELERATING_RATIO = 1.2;
/** With no pit probe: a central pit and a cooler and a hotter one (pit-hint.ts says which). */
const PIT_SIDES = [-1, 1] as const;
const PRIMARY_WEIGHT = 0.5;
/** The lagged-heating fit is trusted while its residuals stay this small (a sag, a pit change or a dip spoil it). */
const LAGGED_FIT_MAX_RMS_F = 2;
/** The lagged fit is refitted every 2 bins early on, then every 1/30 of the curve so far, at most every 10 bins. */
const LAGGED_REFIT_MIN_BINS = 2;
const LAGGED_REFIT_MAX_BINS = 10;
const LAGGED_REFIT_SHARE = 30;

/** The latest refit point at or before `bins` on the (deterministic) refit schedule. */
function laggedRefitPoint(bins: number): number {
  let point = 0;
  for (;;) {
    const next = point + Math.min(LAGGED_REFIT_MAX_BINS, Math.max(LAGGED_REFIT_MIN_BINS, Math.floor(point / LAGGED_REFIT_SHARE)));
    if (next > bins) return point;
    point = next;
  }
}
/** After a wrap the centre needs about an hour to answer; the curve's own rate takes over in the half hour after. */const WRAP_SETTLE_MS = 60 * 60_000;
const WRAP_HANDOVER_MS = 30 * 60_000;

export class DoneTimePredictor {
  private filter = new GlitchFilter(MEAT_GLITCH_OPTIONS);
  private readonly series = new BinnedSeries(BIN_MS);
  /** The measured pit, or the usual one when there is no pit probe; its stall status is the one reported. */
  private readonly primary: PitHypothesis;
  /** Cooler and hotter pits, weighed in only when there is no pit probe. */
  private readonly alternatives: PitHypothesis[];
  private readonly expectStall: boolean;
  private readonly priors: CutPriors;
  /** Physical bounds come from physics and lore (today's priors), never from a few personal cooks. */
  private readonly boundsPriors: CutPriors;
  private readonly mixture: PitMixture;
  private readonly calibration = new IntervalCalibration<ProjectionState>();
  private readonly calibrateIntervals: boolean;
  private lowest: ProbeReading | undefined;
  private readonly laggedFits = new Map<number, { bins: number; fit: LaggedHeatingFit | undefined }>();
  /**
   * The curve of the latest refit point, gathered and hashed once: every bin asks again under its own pit (a pit
   * probe wobbles), and gathering the whole curve for each would be the same work as the fits the memo saves.
   */
  private laggedCurveAt: { bins: number; curve: LaggedCurve } | undefined;
  /** Fits only see the curve from here on: the probe was moved (timeline event). */
  private segmentStartMs = Number.NEGATIVE_INFINITY;
  /** Stretches kept out of every fit: the lid was open. */
  private readonly excluded: Array<{ fromMs: number; toMs: number }> = [];
  private wrappedAtMs: number | undefined;

  constructor(private readonly options: DoneTimePredictorOptions) {
    const kind = { targetF: options.targetF, ...(options.meat !== undefined ? { meat: options.meat } : {}) };
    this.boundsPriors = defaultCutPriors(kind);
    this.calibrateIntervals = options.calibrateIntervals ?? true;
    this.priors = options.priors ?? this.boundsPriors;
    this.expectStall = options.expectStall ?? expectsStall(kind);
    const heatingKPrior = this.priors.heatingK.median;
    this.primary = new PitHypothesis(0, PRIMARY_WEIGHT, heatingKPrior);
    this.mixture = pitMixture(options.pitHint, assumedPitF(options.targetF));
    this.alternatives = PIT_SIDES.map((side) => new PitHypothesis(side * this.mixture.offsetF, (1 - PRIMARY_WEIGHT) / 2, heatingKPrior));
  }

  get targetF(): number {
    return this.options.targetF;
  }

  /** The stall as it stands after the readings so far (cheap: no projection). */
  get stallStatus(): StallStatus {
    return this.primary.stall.status();
  }

  /** @param pitF the pit level at the reading, when known: the stall detectors step on each new bin. */
  observe(reading: ProbeReading, pitF?: number): void {
    const bins = this.series.length;
    for (const accepted of this.filter.push(reading)) {
      this.series.add(accepted);
      // The heating clock starts at the lowest point: a probe first settles from room temperature down to the meat's.
      if (this.lowest === undefined || accepted.temperatureF <= this.lowest.temperatureF) this.lowest = accepted;
    }
    // Here as well as in predict: a caller that replays a history and asks once (the poll worker) must see the same
    // stall as one that asks after every reading.
    if (this.series.length !== bins) this.advance(this.context(reading.atMs, pitF));
  }

  markWrapped(atMs: number): void {
    this.wrappedAtMs ??= atMs;
    for (const hypothesis of [this.primary, ...this.alternatives]) hypothesis.stall.markWrapped(atMs);
  }

  /**
   * A timeline event the cook reported (cook-timeline-event.ts): `wrapped` ends the stall and switches to the
   * wrapped heating rate, `probe-moved` starts the trend afresh, `lid-open` keeps its window out of the fits. Apply
   * it when the replay or the live feed reaches its instant; a lid-open told afterwards still drops out of later fits.
   */
  applyEvent(event: CookTimelineEvent): void {
    switch (event.kind) {
      case 'wrapped':
        this.markWrapped(event.atMs);
        return;
      case 'probe-moved':
        this.segmentStartMs = Math.max(this.segmentStartMs, event.atMs);
        // The jump to the new spot is real: no need for the glitch filter to confirm it.
        this.filter = new GlitchFilter(MEAT_GLITCH_OPTIONS);
        this.forgetLaggedFits();
        return;
      case 'lid-open':
        this.excludeWindow(lidOpenWindow(event));
        return;
      default:
        return;
    }
  }

  /** Keeps [fromMs, toMs) out of the fits (a lid-open dip, told or detected on the pit probe). */
  excludeWindow(window: { fromMs: number; toMs: number }): void {
    if (!(window.toMs > window.fromMs)) return;
    this.excluded.push(window);
    this.forgetLaggedFits();
  }

  /** The curve changed under the fits (a moved probe, a stretch left out): fit again. */
  private forgetLaggedFits(): void {
    this.laggedFits.clear();
    this.laggedCurveAt = undefined;
  }

  /** @param pitF the pit level the meat heats toward; undefined when there is no pit probe. */
  predict(atMs: number, pitF: number | undefined): DoneTimePrediction {
    const targetF = this.options.targetF;
    const last = this.series.last();
    if (last === undefined || atMs - last.atMs > STALE_MS) {
      return this.unknown(atMs, last === undefined ? 'no readings yet' : 'probe silent');
    }
    const context = this.context(atMs, pitF);
    const trend = context?.trend;
    if (context === undefined || trend === undefined) {
      if (last.valueF >= targetF) return { ...this.unknown(atMs, 'done'), phase: 'done', eta: DONE_ETA };
      return this.unknown(atMs, 'not enough data');
    }
    const { pit } = context;
    const temperatureF = trend.levelF;
    const stall = this.advance(context);
    const base = { atMs, targetF, temperatureF, ratePerHour: trend.ratePerHour, stall };
    // Done is what a reading shows, never the trend projected to now: between polls the trend reaches the target
    // first, and a "Target reached" alarm over a screen that reads 164 °F is wrong. Until a reading gets there it is
    // due now (eta 0), which is what the trend says.
    if (last.valueF >= targetF) return { ...base, phase: 'done', eta: DONE_ETA };
    if (temperatureF >= targetF) return { ...base, phase: stall.phase, eta: DONE_ETA };
    if (pit <= targetF + 2) {
      return { ...base, phase: stall.phase, reason: 'pit is below the target' };
    }
    const lagWeight = stall.phase === 'heating' ? this.lagWeight(atMs, temperatureF) : 0;
    if (lagWeight >= 1 && this.lowest !== undefined && temperatureF < this.lowest.temperatureF + EARLY_RISE_F) {
      return { ...base, phase: 'unknown', reason: 'not enough data: the probe is still coming up to speed' };
    }
    const primaryHours = this.projectHours(this.projectionState(trend, pit, stall, lagWeight));
    if (primaryHours === undefined) {
      return { ...base, phase: stall.phase === 'heating' ? 'unknown' : stall.phase, reason: 'not heating yet' };
    }
    const parts: WeightedQuantiles[] = [{ weight: this.primary.weight, quantiles: primaryHours }];
    for (const alternative of context.alternatives) {
      if (alternative.trend === undefined || alternative.pit <= targetF + 2) continue;
      const hours = this.projectHours(this.projectionState(alternative.trend, alternative.pit, alternative.hypothesis.stall.status(), lagWeight));
      if (hours !== undefined) parts.push({ weight: alternative.hypothesis.weight, quantiles: hours });
    }
    const pits = [pit, ...context.alternatives.filter((a) => a.trend !== undefined).map((a) => a.pit)];
    const window = physicalWindowHours({
      temperatureF,
      targetF,
      coolestPitF: Math.min(...pits),
      hottestPitF: Math.max(...pits),
      priors: this.boundsPriors,
      ...(stall.heatingK !== undefined && !stall.heatingKFromPrior ? { learnedHeatingK: stall.heatingK } : {}),
      stallExpected: this.expectStall,
      stallPossible: this.expectStall && stall.phase !== 'post_stall',
      ...(stall.phase === 'stall' && stall.startedAtMs !== undefined ? { stallElapsedHours: (atMs - stall.startedAtMs) / 3_600_000 } : {}),
    });
    const hours = this.calibrateIntervals ? calibratedMixture(parts, this.calibration.scale) : mixQuantiles(parts);
    const eta = toEta(capToWindow(hours, window));
    return eta === undefined
      ? { ...base, phase: stall.phase, reason: 'target out of reach at this pit temperature' }
      : { ...base, phase: stall.phase, eta };
  }

  /** The recent trend and what the meat heats toward, at `atMs`; trend undefined while too short to trust. */
  private context(atMs: number, pitF: number | undefined): TrendContext | undefined {
    const last = this.series.last();
    if (last === undefined) return undefined;
    let points = this.fitPoints(atMs - TREND_WINDOW_MS);
    // Loggers that write "on change" write little while the meat barely moves: widen the window rather than go blind.
    if (!coversEnough(points)) points = this.fitPoints(atMs - SPARSE_TREND_WINDOW_MS);
    const hottestF = Math.max(...points.map((p) => p.valueF), last.valueF);
    const pitKnown = pitF !== undefined && pitF > hottestF + PLAUSIBLE_PIT_MARGIN_F;
    const pit = pitKnown ? pitF : this.assumedPit(0, hottestF);
    const fitted = fitLocalTrend(points, atMs, pit);
    const trusted = fitted !== undefined && fitted.points >= MIN_TREND_POINTS && fitted.spanHours >= MIN_TREND_SPAN_HOURS;
    // No pit probe: the same recent curve, read under the cooler and the hotter pit.
    const alternatives = pitKnown
      ? []
      : this.alternatives.map((hypothesis) => {
          const alternativePit = this.assumedPit(hypothesis.offsetF, hottestF);
          const alternativeTrend = fitLocalTrend(points, atMs, alternativePit);
          return { hypothesis, pit: alternativePit, ...(alternativeTrend !== undefined ? { trend: alternativeTrend } : {}) };
        });
    return { pit, alternatives, ...(trusted ? { trend: fitted } : {}) };
  }

  /** Steps the stall detector of every hypothesis in play, once per bin; returns the reported (primary) status. */
  private advance(context: TrendContext | undefined): StallStatus {
    if (context?.trend === undefined) return this.primary.stall.status();
    const stepped = this.primary.updatedBins !== this.series.length;
    const status = this.primary.update(this.series.length, context.trend, context.pit);
    for (const { hypothesis, pit, trend } of context.alternatives) {
      if (trend !== undefined) hypothesis.update(this.series.length, trend, pit);
    }
    if (stepped) this.hindcast(context.trend, context.pit, status);
    return status;
  }

  /**
   * How much the rise is still accelerating (0 = not, 1 = clearly): a cold cut's centre lags its surface for the
   * first part of the cook. Compares the rise over the last quarter hour with the one before.
   */
  private lagWeight(atMs: number, temperatureF: number): number {
    if (this.lowest === undefined || temperatureF > this.lowest.temperatureF + SETTLED_AFTER_RISE_F) return 0;
    if (this.lowest.temperatureF >= LAG_PHASE_MAX_START_F) return 0;
    const half = TREND_WINDOW_MS / 2;
    const recent = fitLocalTrend(this.fitPoints(atMs - half), atMs);
    const older = fitLocalTrend(
      this.fitPoints(atMs - 2 * half).filter((p) => p.atMs <= atMs - half),
      atMs - half,
    );
    if (recent === undefined || older === undefined || !(older.ratePerHour > 0)) return 1;
    const acceleration = recent.ratePerHour / older.ratePerHour;
    return Math.min(1, Math.max(0, (acceleration - 1) / (ACCELERATING_RATIO - 1)));
  }

  private unknown(atMs: number, reason: string): DoneTimePrediction {
    return { atMs, targetF: this.options.targetF, phase: 'unknown', reason, stall: this.primary.stall.status() };
  }

  /**
   * No pit probe (or a "pit" colder than the meat: a probe lying outside the cooker, or swapped): a pit such a cook
   * is run at — unless the probe rising past it proves it hotter. (Fitting the pit from the curve's bend was tried
   * twice: the centre's lag and the evaporative sag bias it far more than it helps, e.g. 134–279 °F for three probes
   * of one brisket in a 239 °F pit.)
   */
  private assumedPit(offsetF: number, hottestF: number): number {
    return Math.max(this.mixture.centreF + offsetF, hottestF + 40);
  }

  /** The lagged-heating fit of the curve since its lowest point, refitted once per closed bin (per pit hypothesis). */
  private laggedFit(pitF: number): LaggedHeatingFit | undefined {
    // A moved probe breaks the curve: the lag model of the whole heating phase no longer applies.
    if (this.lowest === undefined || this.lowest.atMs < this.segmentStartMs) return undefined;
    // Refitted every few bins, on the curve up to that bin: the whole heating phase moves slowly, the fit is the
    // predictor's dearest step, and a fit that depends only on the bin count is the same however often it is asked.
    const bins = laggedRefitPoint(this.series.length);
    const key = Math.round(pitF);
    const cached = this.laggedFits.get(key);
    if (cached !== undefined && cached.bins === bins) return cached.fit;
    const last = this.series.at(bins - 1);
    if (last !== undefined && (this.laggedCurveAt?.bins !== bins || this.laggedCurveAt.curve.start !== this.lowest)) {
      this.laggedCurveAt = { bins, curve: laggedCurve(this.fitPoints(this.lowest.atMs).filter((p) => p.atMs <= last.atMs), this.lowest) };
    }
    const fit = last === undefined || this.laggedCurveAt === undefined ? undefined : memoizedLaggedFit(this.laggedCurveAt.curve, pitF);
    if (this.laggedFits.size > 16) this.laggedFits.clear();
    this.laggedFits.set(key, { bins, fit });
    return fit;
  }

  /** A rate constant read off the curve, within what such a cut can do (until the cut's own is learned). */
  private plausibleK(k: number): number {
    const range = priorRange(this.boundsPriors.heatingK, Z90);
    return Math.min(range.high, Math.max(range.low, k));
  }

  /** The binned curve from `fromMs` on, as the fits may use it: from the probe's current spot, lid-open dips left out. */
  private fitPoints(fromMs: number): BinnedPoint[] {
    const points = this.series.since(Math.max(fromMs, this.segmentStartMs));
    const excluded = this.excluded;
    return points.filter(
      (p) => p.atMs >= this.segmentStartMs && !excluded.some((w) => p.atMs >= w.fromMs && p.atMs < w.toMs),
    );
  }

  /**
   * After a wrap the recent curve still holds the stall's creep, and the centre answers the wrap only after its lag:
   * for the first hour the rate constant is the wrapped one (or what the curve since the wrap shows, if faster), then
   * it hands over to the curve's own over the next half hour.
   */
  private wrappedTrend(trend: LocalTrend, pitF: number, stall: StallStatus): LocalTrend {
    const wrappedAt = this.wrappedAtMs;
    if (wrappedAt === undefined || stall.endCause !== 'wrap' || stall.heatingK === undefined) return trend;
    const since = trend.atMs - wrappedAt;
    if (since >= WRAP_SETTLE_MS + WRAP_HANDOVER_MS) return trend;
    const drive = Math.max(1e-6, pitF - trend.levelF);
    const after = fitLocalTrend(this.fitPoints(wrappedAt), trend.atMs, pitF);
    const observedK = after !== undefined && after.points >= MIN_TREND_POINTS ? after.ratePerHour / drive : 0;
    const wrappedK = Math.max(stall.heatingK * this.priors.wrappedKRatio, observedK);
    const w = Math.min(1, Math.max(0, since - WRAP_SETTLE_MS) / WRAP_HANDOVER_MS);
    const k = (1 - w) * wrappedK + (w * trend.ratePerHour) / drive;
    return { ...trend, ratePerHour: k * drive, rateStdErr: Math.min(trend.rateStdErr, (k * drive) / 4) };
  }

  /** The state a projection starts from: the trend (wrap-adjusted), the pit, the stall, the lag, the lagged fit. */
  private projectionState(fitted: LocalTrend, pitF: number, stall: StallStatus, lagWeight: number): ProjectionState {
    const trend = stall.phase === 'post_stall' ? this.wrappedTrend(fitted, pitF, stall) : fitted;
    const lagged = stall.phase === 'heating' ? this.laggedFit(pitF) : undefined;
    return { trend, pitF, stall, lagWeight, ...(lagged !== undefined ? { lagged } : {}) };
  }

  /**
   * Every bin: project again from the state of half an hour ago to the temperature the probe shows now (it took
   * half an hour), scoring the heating model's error for this cook; then remember the state of now.
   */
  private hindcast(trend: LocalTrend, pitF: number, stall: StallStatus): void {
    if (!this.calibrateIntervals) return;
    const due = this.calibration.due(trend.atMs, trend.levelF);
    if (due !== undefined && trend.levelF < this.options.targetF && this.hindcastInformative(due.state, stall)) {
      const hours = this.projectHours(due.state, { targetF: trend.levelF });
      if (hours !== undefined) this.calibration.score(hours, (trend.atMs - due.atMs) / 3_600_000);
    }
    const lagWeight = stall.phase === 'heating' ? this.lagWeight(trend.atMs, trend.levelF) : 0;
    this.calibration.remember({ atMs: trend.atMs, temperatureF: trend.levelF, state: this.projectionState(trend, pitF, stall, lagWeight) });
  }

  /**
   * Whether a half hour tells how well the model tracks this cook: not across a change of phase (the stall
   * detector's news, not the projection's error). The approach to the stall counts: a sag the model did not see
   * coming says its long-range answer is as unsure. (Leaving the evaporative band out was tried: the simulated
   * corpus then needed a wider base, and the real logs were over-covered, 95 % at 50 %.)
   */
  private hindcastInformative(then: ProjectionState, stall: StallStatus): boolean {
    return then.stall.phase === stall.phase;
  }

  /** 10th / 50th / 90th percentile hours to target, or undefined when the data cannot tell yet. */
  private projectHours(state: ProjectionState, options: { targetF?: number } = {}): EtaQuantiles | undefined {
    const { trend, pitF, stall, lagWeight, lagged } = state;
    const rateIsReal = trend.ratePerHour > 0 && trend.ratePerHour > 2 * trend.rateStdErr;
    if (stall.phase !== 'stall' && !rateIsReal) return undefined;
    const heatingK = stall.heatingK ?? (rateIsReal ? this.plausibleK(newtonRateConstant(trend.ratePerHour, trend.levelF, pitF)) : undefined);
    if (heatingK === undefined) return undefined;
    return projectHoursToTarget({
      temperatureF: trend.levelF,
      ratePerHour: trend.ratePerHour,
      pitF,
      targetF: options.targetF ?? this.options.targetF,
      heatingK,
      phase: stall.phase,
      expectStall: this.expectStall,
      ...(stall.startedAtMs !== undefined ? { stallElapsedHours: (trend.atMs - (stall.sagStartedAtMs ?? stall.startedAtMs)) / 3_600_000 } : {}),
      ...(stall.kRatio !== undefined ? { kRatio: stall.kRatio } : {}),
      ...(stall.lowestBandKRatio !== undefined ? { lowestBandKRatio: stall.lowestBandKRatio } : {}),
      ...(stall.saggingSinceMs !== undefined ? { saggingHours: (trend.atMs - stall.saggingSinceMs) / 3_600_000 } : {}),
      lagWeight,
      priors: {
        stallProbability: this.priors.stall.probability,
        stallLengthFactor: this.priors.stall.lengthFactor,
        stallSigma: this.priors.stall.sigma,
        postStallKRatio: this.priors.postStallKRatio.median,
      },
      ...(lagged !== undefined && lagged.rmsF < LAGGED_FIT_MAX_RMS_F ? { lagged: { fit: lagged, atMs: trend.atMs } } : {}),
    });
  }
}

interface ProjectionState {
  readonly trend: LocalTrend;
  readonly pitF: number;
  readonly stall: StallStatus;
  readonly lagWeight: number;
  readonly lagged?: LaggedHeatingFit;
}

interface TrendContext {
  /** What the meat heats toward: the pit probe's level, or the usual pit for the cook. */
  readonly pit: number;
  readonly trend?: LocalTrend;
  /** With no pit probe, the cooler and hotter pits and the recent curve read under each. */
  readonly alternatives: ReadonlyArray<{ readonly hypothesis: PitHypothesis; readonly pit: number; readonly trend?: LocalTrend }>;
}

/** One answer to "what does the meat heat toward?", with its own stall detector (k ratios depend on the pit). */
class PitHypothesis {
  readonly stall: StallDetector;
  /** Bins the detector has stepped on: one step per closed bin. */
  updatedBins = 0;

  constructor(
    readonly offsetF: number,
    readonly weight: number,
    heatingKPrior: number,
  ) {
    this.stall = new StallDetector({ heatingKPrior });
  }

  update(bins: number, trend: LocalTrend, pitF: number): StallStatus {
    // One detector step per closed bin: the detector's timings are in wall time, not in readings.
    if (bins === this.updatedBins) return this.stall.status();
    this.updatedBins = bins;
    return this.stall.update({ atMs: trend.atMs, temperatureF: trend.levelF, ratePerHour: trend.ratePerHour, pitF });
  }
}


function coversEnough(points: readonly BinnedPoint[]): boolean {
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined || points.length < MIN_TREND_POINTS) return false;
  return (last.atMs - first.atMs) / 3_600_000 >= MIN_TREND_SPAN_HOURS;
}

function toEta(hours: EtaQuantiles): Eta | undefined {
  if (!Number.isFinite(hours.mid)) return undefined;
  return {
    seconds: Math.round(hours.mid * 3600),
    lowSeconds: Math.round(hours.low * 3600),
    highSeconds: Math.round(Math.min(hours.high, 72) * 3600),
  };
}

/**
 * With no pit probe, the pit the cook most likely runs for that target: low-and-slow for collagen cuts, hotter for
 * poultry, gentle for fish and reverse-seared steaks.
 */
export function assumedPitF(targetF: number): number {
  // 275 °F sits between classic low-and-slow (225–250) and hot-and-fast (300–325): wrong either way by the least.
  if (targetF >= STALL_PRONE_TARGET_F) return 275;
  if (targetF >= STALL_BAND_LOW_F + 20) return 325;
  return 225;
}
