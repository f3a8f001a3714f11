/** The one clock. Domain code takes a Clock so tests control time. */
import * as z from './validation/zod';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | number | string = '2026-01-01T00:00:00.000Z') {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | number | string): void {
    this.current = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/**
 * A simulated clock as data: at real time `realOriginMs` it read `simulatedOriginMs`, and it runs `scale` times
 * faster than real time. Plain numbers, so the very same clock can be handed to the handlers (SIMULATED_CLOCK in
 * shared/config.ts) and to the browser (/config.json): every part computes the same "now" from its own real clock.
 */
export const scaledClockSettingsSchema = z.strictObject({
  scale: z.number().check(z.positive(), z.maximum(1_000_000)),
  realOriginMs: z.number().check(z.int(), z.nonnegative()),
  simulatedOriginMs: z.number().check(z.int()),
});
export type ScaledClockSettings = z.infer<typeof scaledClockSettingsSchema>;

/** now = simulatedOrigin + (real now − realOrigin) × scale. The local stack's `--time-scale`; never used in AWS. */
export class ScaledClock implements Clock {
  readonly settings: ScaledClockSettings;

  constructor(
    settings: ScaledClockSettings,
    private readonly real: Clock = systemClock,
  ) {
    const parsed = z.safeParse(scaledClockSettingsSchema, settings);
    if (!parsed.success) throw new RangeError(`Invalid scaled clock settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    this.settings = parsed.data;
  }

  /** A clock that reads `simulatedStartMs` (default: the real now) at this instant and runs `scale`× from here. */
  static startingNow(scale: number, simulatedStartMs?: number, real: Clock = systemClock): ScaledClock {
    const realNowMs = real.now().getTime();
    return new ScaledClock({ scale, realOriginMs: realNowMs, simulatedOriginMs: Math.round(simulatedStartMs ?? realNowMs) }, real);
  }

  get scale(): number {
    return this.settings.scale;
  }

  nowMs(): number {
    const { scale, realOriginMs, simulatedOriginMs } = this.settings;
    return Math.round(simulatedOriginMs + (this.real.now().getTime() - realOriginMs) * scale);
  }

  now(): Date {
    return new Date(this.nowMs());
  }
}
