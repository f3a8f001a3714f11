/**
 * The page's one "now". Real time, unless /config.json carries a simulated clock (the local stack's --time-scale):
 * then countdowns, "2 min ago", stale badges, history windows and cook times follow the same simulated time as the
 * server and the ThermoWorks simulator. What paces the page itself (reconnect backoff, request throttles, timeouts)
 * stays on real time.
 */
import type { ScaledClockSettings } from '../../../shared/clock';

let simulated: ScaledClockSettings | null = null;

/** Called once /config.json is loaded (and read, api/wireShapes.ts), before anything shows a time. */
export function configureClock(settings: ScaledClockSettings | undefined): void {
  simulated = settings ?? null;
}

/**
 * ScaledClock's `nowMs` (shared/clock.ts), computed here because that module carries its zod schema, which the
 * browser does not load; clock.test.ts holds the two together.
 */
export function nowMs(): number {
  if (simulated === null) return Date.now();
  const { scale, realOriginMs, simulatedOriginMs } = simulated;
  return Math.round(simulatedOriginMs + (Date.now() - realOriginMs) * scale);
}

/**
 * How often, in real milliseconds, to re-read the clock so that the page moves every `simulatedMs` of its own time:
 * under a 30× clock "seen 2 min ago" must age 30 times as fast. At most once a second.
 */
export function tickEveryMs(simulatedMs: number): number {
  return Math.max(1000, simulatedMs / (simulated?.scale ?? 1));
}
