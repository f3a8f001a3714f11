import type { MeatKind } from './meat-kind';
import { PitHealthMonitor } from './pit-health/pit-health-monitor';
import type { PitEvent } from './pit-health/pit-event';
import type { DoneTimePrediction } from './prediction/done-time-prediction';
import { DoneTimePredictor } from './prediction/done-time-predictor';
import { PitTracker } from './prediction/pit-tracker';
import type { ProbeReading } from './probe-reading';
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
}

export interface CookSessionSetup {
  /** The pit/ambient probe's name; omit when the cook has none. */
  readonly pitProbe?: string;
  readonly meatProbes: readonly MeatProbeSetup[];
}

export class CookSession {
  private readonly pit = new PitTracker();
  private readonly pitHealth = new PitHealthMonitor();
  private readonly predictors = new Map<string, DoneTimePredictor>();

  constructor(private readonly setup: CookSessionSetup) {
    for (const meat of setup.meatProbes) {
      this.predictors.set(meat.probe, new DoneTimePredictor({ targetF: meat.targetF, ...(meat.meat ? { meat: meat.meat } : {}) }));
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

  get lidLikelyOpen(): boolean {
    return this.pitHealth.lidLikelyOpen;
  }
}
