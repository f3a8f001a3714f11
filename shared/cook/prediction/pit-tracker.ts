import type { ProbeReading } from '../probe-reading';
import { BinnedSeries } from './binned-series';
import { GlitchFilter, PIT_GLITCH_OPTIONS } from './glitch-filter';
import { estimatePitLevel, PIT_LEVEL_LOOKBACK_MS, type PitLevel } from './pit-level';

/** Follows the pit probe: glitch-filtered, binned, and summarised as the level the meat heats toward. */
export class PitTracker {
  private readonly filter = new GlitchFilter(PIT_GLITCH_OPTIONS);
  readonly series = new BinnedSeries(60_000);
  /** The level is asked for on every meat reading and moves only when the pit's bins do: computed once per state. */
  private cached: { key: string; level: PitLevel | undefined } | undefined;

  observe(reading: ProbeReading): ProbeReading[] {
    const accepted = this.filter.push(reading);
    for (const r of accepted) this.series.add(r);
    return accepted;
  }

  /** The pit level at `atMs`, or undefined when the pit probe has been silent for the whole lookback. */
  level(atMs: number): PitLevel | undefined {
    const last = this.series.last();
    const key = `${this.series.length}:${last?.count}:${Math.floor((atMs - PIT_LEVEL_LOOKBACK_MS) / this.series.binMs)}:${last !== undefined && last.atMs <= atMs}`;
    if (this.cached?.key === key) return this.cached.level;
    const level = estimatePitLevel(this.series.since(atMs - PIT_LEVEL_LOOKBACK_MS).filter((p) => p.atMs <= atMs));
    this.cached = { key, level };
    return level;
  }
}
