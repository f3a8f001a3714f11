import type { MeatKind } from './meat-kind';
import { PitHealthMonitor } from './pit-health/pit-health-monitor';
import type { PitEvent } from './pit-health/pit-event';
import type { DoneTimePrediction } from './prediction/done-time-prediction';
import { DoneTimePredictor } from './prediction/done-time-predictor';
import { PitTracker } from './prediction/pit-tracker';
import type { CutPriors } from './prediction/cut-priors';
import type { PitHint } from './prediction/pit-hint';
import { groupIntoPieces, pieceDoneTime, type PieceDoneTime } from './prediction/piece-done-time';
import type { ProbeReading } from './probe-reading';
import type { StallStatus } from './stall/stall-detector';
import type { CookTimelineEvent } from './timeline/cook-timeline-event';

/**
 * One cook: a pit probe (optional) and the meat probes being watched, each with its target. Readings of any probe
 * go in, in time order, as they arrive; predictions for a meat probe come out at any instant, using only what has
 * arrived so far. Pit events (lid open, pit dropping) come out of `ingest` as they complete.
 */
export interface MeatProbeSetup {
  readonly probe: string;
  readonly targetF: number;
  readonly meat?: MeatKind;
  /** The account's personal priors for this kind of cook (personal-priors.ts `personalCutPriors`); today's if absent. */
  readonly priors?: CutPriors;
  /** Probes with the same preset, or marked as one piece, get one answer (piece-done-time.ts). */
  readonly presetId?: string;
  readonly pieceId?: string;
}

export interface CookSessionSetup {
  /** The pit/ambient probe's name (or the probe the cook marked as the pit); omit when the cook has none. */
  readonly pitProbe?: string;
  readonly meatProbes: readonly MeatProbeSetup[];
  /** With no pit probe: the cook's set-point and/or the pit band of past cooks (pit-hint.ts). */
  readonly pitHint?: PitHint;
  /** Calibrate intervals from hindcasts (default true); a replay that only wants stall statuses can skip it. */
  readonly calibrateIntervals?: boolean;
}

export class CookSession {
  private readonly pit = new PitTracker();
  private readonly pitHealth = new PitHealthMonitor();
  private readonly predictors = new Map<string, DoneTimePredictor>();

  constructor(private readonly setup: CookSessionSetup) {
    for (const meat of setup.meatProbes) {
      this.predictors.set(
        meat.probe,
        new DoneTimePredictor({
          targetF: meat.targetF,
          ...(meat.meat ? { meat: meat.meat } : {}),
          ...(meat.priors ? { priors: meat.priors } : {}),
          ...(setup.pitHint && setup.pitProbe === undefined ? { pitHint: setup.pitHint } : {}),
          ...(setup.calibrateIntervals !== undefined ? { calibrateIntervals: setup.calibrateIntervals } : {}),
        }),
      );
    }
  }

  /** Routes one reading; returns the pit events it completed. Probes the cook is not watching are ignored. */
  ingest(probe: string, reading: ProbeReading): PitEvent[] {
    if (probe === this.setup.pitProbe) {
      this.pit.observe(reading);
      const events = this.pitHealth.observe(reading);
      // A lid-open dip seen on the pit probe is kept out of the meat fits as if the cook had said so.
      for (const event of events) {
        if (event.kind === 'lid-open') for (const p of this.predictors.values()) p.excludeWindow({ fromMs: event.atMs, toMs: event.endedAtMs });
      }
      return events;
    }
    this.predictors.get(probe)?.observe(reading, this.pit.level(reading.atMs)?.levelF);
    return [];
  }

  /** The cook said it wrapped this probe's cut (or all cuts, when probe is omitted). */
  markWrapped(atMs: number, probe?: string): void {
    for (const [name, predictor] of this.predictors) if (probe === undefined || probe === name) predictor.markWrapped(atMs);
  }

  /** A timeline event the cook reported, for its probe or (no probe) for every meat probe. Apply in time order. */
  applyEvent(event: CookTimelineEvent): void {
    for (const [name, predictor] of this.predictors) if (event.probe === undefined || event.probe === name) predictor.applyEvent(event);
  }

  predict(probe: string, atMs: number): DoneTimePrediction {
    const predictor = this.predictors.get(probe);
    if (predictor === undefined) throw new RangeError(`probe "${probe}" is not a watched meat probe`);
    return predictor.predict(atMs, this.pit.level(atMs)?.levelF);
  }

  /**
   * One answer per piece of meat (probes with the same preset or marked as one piece): the last probe to reach its
   * target governs, and the spread between the probes is reported.
   */
  predictPieces(atMs: number): PieceDoneTime[] {
    const predictions = new Map(this.setup.meatProbes.map((m) => [m.probe, this.predict(m.probe, atMs)]));
    return groupIntoPieces(this.setup.meatProbes).map((piece) => pieceDoneTime(piece, predictions, atMs));
  }

  /** The probe's stall status after the readings so far, without a projection (for summaries of a whole cook). */
  stallStatus(probe: string): StallStatus {
    const predictor = this.predictors.get(probe);
    if (predictor === undefined) throw new RangeError(`probe "${probe}" is not a watched meat probe`);
    return predictor.stallStatus;
  }

  /** The pit level at `atMs` (median of the last 45 min of the pit probe), if there is one. */
  pitLevel(atMs: number): number | undefined {
    return this.pit.level(atMs)?.levelF;
  }

  get lidLikelyOpen(): boolean {
    return this.pitHealth.lidLikelyOpen;
  }
}
