/**
 * How a probe's cook reads on screen: target, phase, and the done time as a clock time, a countdown and the 80 %
 * range. Pure (the clock, locale and time zone are parameters) so the wording is pinned by tests.
 */
import type { ProbePrediction } from '../../../shared/api/schemas';
import { formatTemperature, type TemperatureUnits } from '../settings/temperature';

/** Which locale, time zone and 12/24-hour style clock times are written in; the browser's own when left out. */
export interface ClockOptions {
  locale?: string;
  timeZone?: string;
  /** true: "2:05 PM", false: "14:05"; the locale's habit when left out. */
  hour12?: boolean;
}

const MINUTE_MS = 60_000;

/** "14:05" (or "2:05 PM", per locale) today; "tomorrow 02:30", "yesterday 23:10", "Sat 7 Mar 09:00" otherwise. */
export function formatClock(atMs: number, nowMs: number, options: ClockOptions = {}): string {
  const time = new Intl.DateTimeFormat(options.locale, { timeStyle: 'short', timeZone: options.timeZone, hour12: options.hour12 }).format(atMs);
  const days = calendarDaysBetween(nowMs, atMs, options.timeZone);
  if (days === 0) return time;
  if (days === 1) return `tomorrow ${time}`;
  if (days === -1) return `yesterday ${time}`;
  const date = new Intl.DateTimeFormat(options.locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: options.timeZone }).format(atMs);
  return `${date} ${time}`;
}

/** A time of day alone, for chart axes: "2:05 PM" or "14:05" in the user's zone. */
export function formatTimeOfDay(atMs: number, options: ClockOptions = {}): string {
  return new Intl.DateTimeFormat(options.locale, { hour: 'numeric', minute: '2-digit', hour12: options.hour12, timeZone: options.timeZone }).format(atMs);
}

/** "45 min", "2 h", "2 h 10 min", rounded to the minute; "less than a minute" below that. */
export function formatDuration(ms: number): string {
  const totalMinutes = Math.round(ms / MINUTE_MS);
  if (totalMinutes < 1) return 'less than a minute';
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/** "in 2 h 10 min"; "any minute now" when the ETA is under a minute away or already passed. */
export function formatCountdown(etaMs: number, nowMs: number): string {
  const left = etaMs - nowMs;
  return left < MINUTE_MS ? 'any minute now' : `in ${formatDuration(left)}`;
}

/** "between 16:40 and 18:05"; null when either end is missing or both read the same. */
export function formatRange(lowIso: string | null, highIso: string | null, nowMs: number, options: ClockOptions = {}): string | null {
  const low = parseIso(lowIso);
  const high = parseIso(highIso);
  if (low === null || high === null) return null;
  const [from, to] = low <= high ? [low, high] : [high, low];
  const fromText = formatClock(from, nowMs, options);
  const toText = formatClock(to, nowMs, options);
  return fromText === toText ? null : `between ${fromText} and ${toText}`;
}

/** "203 °F", or "95 °C" in °C display units (targets are stored in °F). */
export function formatTargetTemperature(targetF: number, units: TemperatureUnits): string {
  return formatTemperature(targetF, 'F', units, 0);
}

/** "→ 203 °F": where the probe is heading. */
export function formatTarget(targetF: number, units: TemperatureUnits): string {
  return `→ ${formatTargetTemperature(targetF, units)}`;
}

/** "Heating", "Stall since 14:05", "Past the stall", "Done"; null when the predictor cannot tell yet. */
export function formatPhase(prediction: Pick<ProbePrediction, 'phase' | 'stallStartedAt'>, nowMs: number, options: ClockOptions = {}): string | null {
  switch (prediction.phase) {
    case 'heating':
      return 'Heating';
    case 'stall': {
      const since = parseIso(prediction.stallStartedAt);
      return since === null ? 'In the stall' : `Stall since ${formatClock(since, nowMs, options)}`;
    }
    case 'post_stall':
      return 'Past the stall';
    case 'done':
      return 'Done';
    case 'unknown':
      return null;
  }
}

export type EtaView =
  | { kind: 'eta'; clock: string; countdown: string; range: string | null }
  | { kind: 'done' }
  | { kind: 'none'; message: string; reason: string | null };

export interface ProbeCookView {
  /** "→ 203 °F" */
  target: string;
  /** "203 °F", for screen readers (which would read the arrow aloud). */
  targetTemperature: string;
  phase: string | null;
  eta: EtaView;
  /** "Based on your last 3 briskets: stall about 3 h 10 m.": what the account's past cooks taught this prediction; null when nothing. */
  basedOn: string | null;
}

/** Everything shown for one meat probe in a cook. `prediction` is null until the first one is computed. */
export function describeProbeCook(
  input: { targetF: number; units: TemperatureUnits; prediction: ProbePrediction | null },
  nowMs: number,
  options: ClockOptions = {},
): ProbeCookView {
  const { prediction } = input;
  const target = formatTarget(input.targetF, input.units);
  const targetTemperature = formatTargetTemperature(input.targetF, input.units);
  if (prediction === null) {
    return { target, targetTemperature, phase: null, eta: { kind: 'none', message: 'Not enough data yet', reason: null }, basedOn: null };
  }

  const phase = formatPhase(prediction, nowMs, options);
  // Once done, what past cooks say of the stall no longer matters.
  if (prediction.phase === 'done') return { target, targetTemperature, phase, eta: { kind: 'done' }, basedOn: null };
  const basedOn = prediction.basedOn !== undefined && prediction.basedOn !== '' ? sentence(prediction.basedOn) : null;

  const eta = parseIso(prediction.etaAt);
  if (eta !== null) {
    return {
      target,
      targetTemperature,
      phase,
      eta: {
        kind: 'eta',
        clock: formatClock(eta, nowMs, options),
        countdown: formatCountdown(eta, nowMs),
        range: formatRange(prediction.etaLowAt, prediction.etaHighAt, nowMs, options),
      },
      basedOn,
    };
  }
  const message = prediction.phase === 'unknown' ? 'Not enough data yet' : 'No estimate yet';
  return { target, targetTemperature, phase, eta: { kind: 'none', message, reason: readableReason(prediction.reason) }, basedOn };
}

/** "based on your last 3 briskets: stall about 3 h 10 m" → "Based on your last 3 briskets: stall about 3 h 10 m." */
function sentence(text: string): string {
  const trimmed = text.trim();
  return `${trimmed.charAt(0).toUpperCase()}${trimmed.slice(1)}${/[.!?]$/.test(trimmed) ? '' : '.'}`;
}

/** The predictor's reason without repeating "not enough data", which the message already says. */
function readableReason(reason: string | null): string | null {
  if (reason === null) return null;
  const trimmed = reason.replace(/^not enough data(:\s*)?/i, '').trim();
  return trimmed === '' ? null : trimmed;
}

function parseIso(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** Whole calendar days from `fromMs` to `toMs` in the given time zone (the browser's when left out). */
function calendarDaysBetween(fromMs: number, toMs: number, timeZone: string | undefined): number {
  const day = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone });
  const utcMidnight = (ms: number) => {
    const part = (type: Intl.DateTimeFormatPartTypes) => Number(day.formatToParts(ms).find((p) => p.type === type)?.value);
    return Date.UTC(part('year'), part('month') - 1, part('day'));
  };
  return Math.round((utcMidnight(toMs) - utcMidnight(fromMs)) / 86_400_000);
}
