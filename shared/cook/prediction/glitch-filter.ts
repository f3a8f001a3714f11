import type { ProbeReading } from '../probe-reading';

/**
 * Causal glitch rejection for one probe (it only sees the past, so predictions never peek).
 * A reading far from the recent median — further than a step plus what the physics allows per minute — is held
 * back; if the next readings agree with it the jump was real (probe moved, lid opened) and they are all accepted,
 * otherwise it was a spike and is dropped. Readings outside the sensor's plausible range are dropped outright
 * (ThermoWorks and other loggers report unplugged probes as extreme sentinel values).
 */
export interface GlitchFilterOptions {
  readonly minF: number;
  readonly maxF: number;
  /** Jump allowed regardless of elapsed time (noise, quantisation). */
  readonly maxStepF: number;
  /** Further change allowed per minute since the last accepted reading. */
  readonly maxRateFPerMinute: number;
  /** Agreeing readings needed to accept a jump. */
  readonly confirmations: number;
}

export const MEAT_GLITCH_OPTIONS: GlitchFilterOptions = {
  minF: 0,
  maxF: 400,
  maxStepF: 8,
  maxRateFPerMinute: 3,
  confirmations: 2,
};

/** The pit really does drop 50 °F in a minute when the lid opens: only absurd spikes are glitches. */
export const PIT_GLITCH_OPTIONS: GlitchFilterOptions = {
  minF: 0,
  maxF: 1000,
  maxStepF: 60,
  maxRateFPerMinute: 60,
  confirmations: 2,
};

const HISTORY = 5;
const AGREEMENT_F = 5;

export class GlitchFilter {
  private readonly recent: ProbeReading[] = [];
  private pending: ProbeReading[] = [];

  constructor(private readonly options: GlitchFilterOptions) {}

  /** Feeds one reading; returns the readings accepted by it (none, it, or a confirmed run of held-back ones). */
  push(reading: ProbeReading): ProbeReading[] {
    const { temperatureF } = reading;
    if (!Number.isFinite(temperatureF) || temperatureF < this.options.minF || temperatureF > this.options.maxF) {
      return [];
    }
    if (this.recent.length < 3 || this.isPlausible(reading)) {
      this.pending = [];
      return this.accept([reading]);
    }
    const last = this.pending.at(-1);
    if (last !== undefined && Math.abs(last.temperatureF - temperatureF) > AGREEMENT_F) this.pending = [];
    this.pending.push(reading);
    if (this.pending.length < this.options.confirmations) return [];
    const confirmed = this.pending;
    this.pending = [];
    this.recent.length = 0;
    return this.accept(confirmed);
  }

  private isPlausible(reading: ProbeReading): boolean {
    const values = this.recent.map((r) => r.temperatureF).sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)] as number;
    const lastAt = (this.recent.at(-1) as ProbeReading).atMs;
    const minutes = Math.max(0, reading.atMs - lastAt) / 60_000;
    return Math.abs(reading.temperatureF - median) <= this.options.maxStepF + this.options.maxRateFPerMinute * minutes;
  }

  private accept(readings: ProbeReading[]): ProbeReading[] {
    for (const r of readings) {
      this.recent.push(r);
      if (this.recent.length > HISTORY) this.recent.shift();
    }
    return readings;
  }
}
