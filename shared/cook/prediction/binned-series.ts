import type { ProbeReading } from '../probe-reading';

/**
 * A probe's accepted readings averaged into fixed time bins. Loggers differ wildly in cadence (every 5 s, every
 * 10 min, "on change"); fitting bins instead of raw readings makes every estimate cadence-independent and keeps
 * per-reading work bounded.
 */
export interface BinnedPoint {
  /** Mean time of the readings in the bin. */
  readonly atMs: number;
  readonly valueF: number;
  readonly count: number;
}

export class BinnedSeries {
  private readonly bins: Array<{ index: number; sumAt: number; sumValue: number; count: number }> = [];

  constructor(readonly binMs: number) {}

  add(reading: ProbeReading): void {
    const index = Math.floor(reading.atMs / this.binMs);
    const last = this.bins.at(-1);
    if (last !== undefined && last.index === index) {
      last.sumAt += reading.atMs;
      last.sumValue += reading.temperatureF;
      last.count += 1;
    } else if (last === undefined || index > last.index) {
      this.bins.push({ index, sumAt: reading.atMs, sumValue: reading.temperatureF, count: 1 });
    }
    // Readings older than the newest bin are late arrivals; callers feed in time order, so they are dropped.
  }

  get length(): number {
    return this.bins.length;
  }

  /** Points whose bin ends after `fromMs`, oldest first. */
  since(fromMs: number): BinnedPoint[] {
    const firstIndex = Math.floor(fromMs / this.binMs);
    let lo = 0;
    let hi = this.bins.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.bins[mid] as { index: number }).index < firstIndex) lo = mid + 1;
      else hi = mid;
    }
    return this.bins.slice(lo).map(toPoint);
  }

  last(): BinnedPoint | undefined {
    const bin = this.bins.at(-1);
    return bin === undefined ? undefined : toPoint(bin);
  }

  /** The bin at `index` (0 = oldest), if any. */
  at(index: number): BinnedPoint | undefined {
    const bin = index >= 0 ? this.bins[index] : undefined;
    return bin === undefined ? undefined : toPoint(bin);
  }

  all(): BinnedPoint[] {
    return this.bins.map(toPoint);
  }
}

function toPoint(bin: { sumAt: number; sumValue: number; count: number }): BinnedPoint {
  return { atMs: bin.sumAt / bin.count, valueF: bin.sumValue / bin.count, count: bin.count };
}
