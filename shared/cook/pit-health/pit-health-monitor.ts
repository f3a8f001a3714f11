import type { ProbeReading } from '../probe-reading';
import { fitLocalTrend } from '../prediction/local-trend';
import { median } from '../prediction/median';
import { PitTracker } from '../prediction/pit-tracker';
import type { PitEvent } from './pit-event';

/**
 * Watches the pit probe for two patterns that need the cook:
 * - lid open: the pit falls well below where it was holding within minutes, then comes back (reported on recovery,
 *   when it is known to have been a dip; a drop that does not come back within LID_MAX_MS is a decline instead);
 * - pit dropping: over the last hour the pit has been falling steadily and sits well below the level it held
 *   before (fuel running low, a choked fire). Reported once, then 'pit-recovered' when it is back or has
 *   stopped falling.
 * "Where it was holding" is a median of the earlier minutes, so the dips themselves never drag it down.
 */
const LID_BASELINE_FROM_MS = 30 * 60_000;
const LID_BASELINE_TO_MS = 3 * 60_000;
const LID_MIN_DROP_F = 20;
/** A dip counts from this share of the pit's rise above room temperature (a 225 °F pit dips less than a 350 °F one). */
const LID_DROP_SHARE = 0.12;
const ROOM_F = 70;
const LID_RECOVERED_WITHIN_F = 10;
const LID_MAX_MS = 20 * 60_000;
const DROP_TREND_WINDOW_MS = 60 * 60_000;
const HOLDING_FROM_MS = 3 * 3_600_000;
const HOLDING_TO_MS = 60 * 60_000;
const DROP_LEVEL_WINDOW_MS = 30 * 60_000;
const DROP_RATE_PER_HOUR = -10;
const DROP_BELOW_HOLDING_F = 15;
const RECOVERED_WITHIN_F = 8;

export class PitHealthMonitor {
  private readonly tracker = new PitTracker();
  private dip: { startMs: number; baselineF: number; lowestF: number } | undefined;
  private dropping: { holdingF: number } | undefined;
  private lastDriftCheckBins = 0;
  /** The lid baseline moves only as bins close: computed once per bin. */
  private baselineCache: { bins: number; minute: number; value: number | undefined } | undefined;

  /** Feeds one pit reading; returns the events it completes. */
  observe(reading: ProbeReading): PitEvent[] {
    const events: PitEvent[] = [];
    for (const r of this.tracker.observe(reading)) {
      const lid = this.checkLid(r);
      if (lid) events.push(lid);
      events.push(...this.checkDrift(r.atMs));
    }
    return events;
  }

  /** Whether a dip is in progress (the lid is probably open right now). */
  get lidLikelyOpen(): boolean {
    return this.dip !== undefined;
  }

  get isDropping(): boolean {
    return this.dropping !== undefined;
  }

  private checkLid(r: ProbeReading): PitEvent | undefined {
    if (this.dip !== undefined) {
      this.dip.lowestF = Math.min(this.dip.lowestF, r.temperatureF);
      if (r.temperatureF >= this.dip.baselineF - LID_RECOVERED_WITHIN_F) {
        const event: PitEvent = {
          kind: 'lid-open',
          atMs: this.dip.startMs,
          endedAtMs: r.atMs,
          dropF: this.dip.baselineF - this.dip.lowestF,
        };
        this.dip = undefined;
        return event;
      }
      if (r.atMs - this.dip.startMs > LID_MAX_MS) this.dip = undefined;
      return undefined;
    }
    const baseline = this.baseline(r.atMs);
    if (baseline === undefined) return undefined;
    const threshold = Math.max(LID_MIN_DROP_F, LID_DROP_SHARE * (baseline - ROOM_F));
    if (r.temperatureF < baseline - threshold && !this.dropping) {
      this.dip = { startMs: r.atMs, baselineF: baseline, lowestF: r.temperatureF };
    }
    return undefined;
  }

  private baseline(atMs: number): number | undefined {
    // Bins at least LID_BASELINE_TO_MS old are closed, so the baseline depends only on the bin count and the minute.
    const minute = Math.floor(atMs / this.tracker.series.binMs);
    const cached = this.baselineCache;
    if (cached !== undefined && cached.bins === this.tracker.series.length && cached.minute === minute) return cached.value;
    const value = median(
      this.tracker.series
        .since(atMs - LID_BASELINE_FROM_MS)
        .filter((p) => p.atMs <= atMs - LID_BASELINE_TO_MS)
        .map((p) => p.valueF),
    );
    this.baselineCache = { bins: this.tracker.series.length, minute, value };
    return value;
  }

  private checkDrift(atMs: number): PitEvent[] {
    // Once per closed minute bin: a drift is a matter of hours.
    if (this.tracker.series.length === this.lastDriftCheckBins) return [];
    this.lastDriftCheckBins = this.tracker.series.length;
    const recent = this.tracker.series.since(atMs - DROP_TREND_WINDOW_MS);
    const trend = fitLocalTrend(recent, atMs);
    // Half an hour of median: a long lid-open or a probe pulled out for a few minutes is not a declining fire.
    const level = median(this.tracker.series.since(atMs - DROP_LEVEL_WINDOW_MS).map((p) => p.valueF));
    if (trend === undefined || level === undefined || trend.spanHours < 0.75) return [];
    if (this.dropping !== undefined) {
      if (level >= this.dropping.holdingF - RECOVERED_WITHIN_F || trend.ratePerHour > 0) {
        this.dropping = undefined;
        return [{ kind: 'pit-recovered', atMs, levelF: level }];
      }
      return [];
    }
    const holding = median(
      this.tracker.series
        .since(atMs - HOLDING_FROM_MS)
        .filter((p) => p.atMs <= atMs - HOLDING_TO_MS)
        .map((p) => p.valueF),
    );
    if (holding === undefined) return [];
    if (trend.ratePerHour < DROP_RATE_PER_HOUR && level < holding - DROP_BELOW_HOLDING_F) {
      this.dropping = { holdingF: holding };
      this.dip = undefined;
      return [{ kind: 'pit-dropping', atMs, levelF: level, holdingF: holding, ratePerHour: trend.ratePerHour }];
    }
    return [];
  }
}
