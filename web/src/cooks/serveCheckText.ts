/**
 * What the live view says about a cook's serve time (serveCheckSchema, checked by the server on every poll):
 * "On track to eat at 18:00", "Running 40 min late: raise the pit to 275 °F or wrap at the stall", in the user's
 * clock, zone and units. Pure, so the wording is pinned by tests.
 */
import type { ServeCheck } from '../../../shared/api/schemas';
import { formatTemperature, type TemperatureUnits } from '../settings/temperature';
import { formatClock, formatDuration, type ClockOptions } from './predictionFormat';

export interface ServeCheckWords {
  /** The one line: on track, late or early, and what to do. */
  headline: string;
  /** When it is done and ready, beside the serve time; null while there is nothing to compare. */
  detail: string | null;
}

export function serveCheckText(serveAt: string, check: ServeCheck | undefined, nowMs: number, display: { units: TemperatureUnits; clock: ClockOptions }): ServeCheckWords {
  const clock = (iso: string) => formatClock(Date.parse(iso), nowMs, display.clock);
  const eatAt = clock(serveAt);
  if (check === undefined || check.status === 'waiting' || check.minutesLate === null || check.readyAt === null || check.doneAt === null) {
    return { headline: `Serving at ${eatAt}`, detail: 'No done time yet to check it against.' };
  }
  const pit = (f: number) => formatTemperature(f, 'F', display.units, 0);
  const rest = check.restMinutes > 0 ? `, then a ${formatDuration(check.restMinutes * 60_000)} rest` : '';
  const detail = `Done about ${clock(check.doneAt)}${rest}: ready about ${clock(check.readyAt)}.`;
  const off = formatDuration(Math.abs(check.minutesLate) * 60_000);
  if (check.status === 'late') {
    const options = [
      ...(check.pitF !== null ? [`raise the pit to ${pit(check.pitF)}${check.pitEnough ? '' : ' (it will still be late)'}`] : []),
      ...(check.wrap ? ['wrap at the stall'] : []),
    ];
    const advice = options.length > 0 ? options.join(' or ') : `serve later, about ${clock(check.readyAt)}`;
    return { headline: `Running ${off} late: ${advice}`, detail };
  }
  if (check.status === 'early') {
    const longer = check.restMaxMinutes > check.restMinutes ? `rest it longer (up to ${formatDuration(check.restMaxMinutes * 60_000)})` : null;
    const options = [...(check.pitF !== null ? [`lower the pit to ${pit(check.pitF)}`] : []), ...(longer !== null ? [longer] : [])];
    return { headline: `Running ${off} early${options.length > 0 ? `: ${options.join(' or ')}` : ''}`, detail };
  }
  return { headline: `On track to eat at ${eatAt}`, detail };
}
