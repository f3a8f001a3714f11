/**
 * Folds new readings into a cook's per-minute series and predicts each probe's done time from it. Pure: the poll
 * worker stores the result and pushes the predictions.
 */
import { isDeepStrictEqual } from 'node:util';
import type { PersonalPriors } from '../cook/personal/personal-priors';
import { personalPrediction } from './personal-prediction';
import type { CookAlert, DefaultAlerts, ProbePrediction } from '../api/schemas';
import { COOK_ALERT_KINDS, type CookAlertKind } from './cook-alert-kinds';
import { deriveProbeAlarmTriggers, derivePitAlarmTriggers, INITIAL_COOK_ALARM_STATE, type CookAlarmState } from '../cook/alarms/derive-alarm-triggers';
import { PitHealthMonitor } from '../cook/pit-health/pit-health-monitor';
import type { PitEvent } from '../cook/pit-health/pit-event';
import { historySinceLowest } from '../cook/cook-history';
import type { DoneTimePrediction } from '../cook/prediction/done-time-prediction';
import { predictDoneTime } from '../cook/prediction/predict-done-time';
import type { ProbeReading } from '../cook/probe-reading';
import { toFahrenheit } from '../cook/units';
import type { Reading } from '../readings/reading';
import { alertFor } from './cook-alerts';
import { DEFAULT_ETA_ALERT_MINUTES, MAX_ALERTS_KEPT, MAX_SERIES_MINUTES, type ActiveCook } from './cook-record';
import { predictorEventsFor } from './cook-events';
import { cookServeCheck } from './serve-check';

const MINUTE_MS = 60_000;

/** Folds readings into a per-minute series of means (°F): the cook's compact series, and stats' stall input. */
export function appendToSeries(series: Array<[number, number]>, readings: readonly Reading[]): Array<[number, number]> {
  // Per minute: keep a running mean by storing the count alongside while merging.
  const minutes = new Map<number, { sum: number; n: number }>(series.map(([m, v]) => [m, { sum: v, n: 1 }]));
  for (const r of readings) {
    if (r.units === 'H') continue;
    const minute = Math.floor(r.at.getTime() / MINUTE_MS) * MINUTE_MS;
    const valueF = toFahrenheit(r.value, r.units);
    const bin = minutes.get(minute);
    if (bin) {
      bin.sum += valueF;
      bin.n++;
    } else minutes.set(minute, { sum: valueF, n: 1 });
  }
  return [...minutes.entries()]
    .sort(([a], [b]) => a - b)
    .slice(-MAX_SERIES_MINUTES)
    .map(([m, b]) => [m, Math.round((b.sum / b.n) * 10) / 10]);
}

function toProbeReadings(series: Array<[number, number]> | undefined): ProbeReading[] {
  return (series ?? []).map(([m, v]) => ({ atMs: m + MINUTE_MS / 2, temperatureF: v }));
}

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

/** Pit events in the series that completed after `sinceMs` (the monitor is replayed: it is cheap, the series small). */
function newPitEvents(pit: readonly ProbeReading[], sinceMs: number): PitEvent[] {
  const monitor = new PitHealthMonitor();
  return pit.flatMap((r) => monitor.observe(r)).filter((e) => e.atMs > sinceMs);
}

/**
 * Seeds a new cook's series from the history store, for a cook started mid-way (the meat went on hours before):
 * each channel gets its stored readings since its lowest one (cook-history.ts), so the first poll already predicts
 * from the whole curve. `history` holds, per channel of the cook, what the history store has for the last day or
 * so (e.g. `ReadingStore.query` over [startedAt − 24 h, startedAt], binSeconds 60). Channels not in the cook are
 * ignored; a channel's readings must be its own.
 */
export function seedSeriesFromHistory(cook: ActiveCook, history: Readonly<Record<string, readonly Reading[]>>): ActiveCook {
  const atMs = new Date(cook.startedAt).getTime();
  const series = { ...cook.series };
  for (const channel of [...cook.probes.map((p) => p.channel), ...(cook.pitChannel ? [cook.pitChannel] : [])]) {
    const stored = (history[channel] ?? []).filter((r) => r.serial === cook.serial && r.channel === channel && r.units !== 'H');
    const byMs = new Map(stored.map((r) => [r.at.getTime(), r]));
    const kept = historySinceLowest(
      stored.map((r) => ({ atMs: r.at.getTime(), temperatureF: toFahrenheit(r.value, r.units === 'C' ? 'C' : 'F') })),
      { atMs },
    ).flatMap((p) => byMs.get(p.atMs) ?? []);
    if (kept.length > 0) series[channel] = appendToSeries(series[channel] ?? [], kept);
  }
  return { ...cook, series };
}

export interface CookUpdate {
  cook: ActiveCook;
  /** Alerts raised by this update (also appended to `cook.alerts`). */
  alerts: CookAlert[];
  /**
   * Whether the cook must be stored (and its predictions pushed): a new minute entered a series, or the alarms moved.
   * A cook item grows to tens of KB and an ETA moves slowly: doing it on every 15 s poll would cost four times the
   * writes and pushes for nothing a person sees (a minute's first reading stands for that minute).
   */
  persist: boolean;
}

/** Whether one of the cook's own alerts is on: every kind is, unless the cook turned it off. */
export const isAlertOn = (defaults: DefaultAlerts | undefined, kind: CookAlertKind): boolean => defaults?.[kind] !== false;

/** Every kind of the cook's own alerts, on or off, as the cook view shows them. */
export const defaultAlertsOf = (defaults: DefaultAlerts | undefined): Record<CookAlertKind, boolean> =>
  Object.fromEntries(COOK_ALERT_KINDS.map((k) => [k, isAlertOn(defaults, k)])) as Record<CookAlertKind, boolean>;

/** `personal`: the account's personal priors (loaded once per poll for all its cooks); today's priors without them. */
export function updateCook(cook: ActiveCook, readings: readonly Reading[], now: Date, units: 'F' | 'C' = 'F', personal?: PersonalPriors): CookUpdate {
  const startedMs = new Date(cook.startedAt).getTime();
  const relevant = readings.filter((r) => r.serial === cook.serial && r.at.getTime() >= startedMs);
  const channels = new Set([...cook.probes.map((p) => p.channel), ...(cook.pitChannel ? [cook.pitChannel] : [])]);
  const series = { ...cook.series };
  for (const channel of channels) {
    const mine = relevant.filter((r) => r.channel === channel);
    if (mine.length > 0) series[channel] = appendToSeries(series[channel] ?? [], mine);
  }
  const atMs = now.getTime();
  const pitReadings = cook.pitChannel ? toProbeReadings(series[cook.pitChannel]) : undefined;
  // What the account's past cooks taught each probe's prediction (personal-prediction.ts); nothing without them.
  const learned = new Map(cook.probes.map((probe) => [probe.channel, personalPrediction(personal, probe, pitReadings)]));
  let alarmState: CookAlarmState = cook.alarmState ?? INITIAL_COOK_ALARM_STATE;
  const rules = { etaWithinMinutes: DEFAULT_ETA_ALERT_MINUTES };
  const label = (channel: string) => cook.probes.find((p) => p.channel === channel)?.label ?? `Probe ${channel}`;
  const alerts: CookAlert[] = [];
  const predicted = new Map<string, DoneTimePrediction>();
  const predictions: ProbePrediction[] = cook.probes.map((probe) => {
    const p = predictDoneTime({
      ...learned.get(probe.channel)?.inputs,
      meatReadings: toProbeReadings(series[probe.channel]),
      ...(pitReadings && pitReadings.length > 0 ? { pitReadings } : {}),
      targetF: probe.targetF,
      ...(probe.meat ? { meat: probe.meat } : {}),
      atMs,
      // wrapped, probe-moved and lid-open change the prediction (the other kinds are the cook's record).
      events: predictorEventsFor(cook.events, probe.channel),
    });
    predicted.set(probe.channel, p);
    const derived = deriveProbeAlarmTriggers(alarmState, probe.channel, p, rules);
    alarmState = derived.state;
    alerts.push(...derived.triggers.map((t) => alertFor(t, label, units)));
    return {
      channel: probe.channel,
      phase: p.phase,
      etaAt: p.eta ? iso(atMs + p.eta.seconds * 1000) : null,
      etaLowAt: p.eta ? iso(atMs + p.eta.lowSeconds * 1000) : null,
      etaHighAt: p.eta ? iso(atMs + p.eta.highSeconds * 1000) : null,
      reason: p.reason ?? null,
      stallStartedAt: p.stall.phase !== 'heating' ? iso(p.stall.startedAtMs) : null,
      at: now.toISOString(),
      ...learned.get(probe.channel)?.shown,
    };
  });
  if (pitReadings && pitReadings.length > 0) {
    const events = newPitEvents(pitReadings, new Date(cook.updatedAt).getTime());
    alerts.push(...derivePitAlarmTriggers(events, rules).map((t) => alertFor(t, label, units)));
  }
  // The cook's own alerts turned off for this cook are not raised (their edge state still moves, so turning one back
  // on does not fire what happened while it was off).
  const raised = alerts.filter((a) => isAlertOn(cook.defaultAlerts, a.kind));
  const newMinute = [...channels].some((c) => series[c]?.at(-1)?.[0] !== cook.series[c]?.at(-1)?.[0]);
  // Compared as plain data: a stored map comes back with its keys in any order and without undefined fields.
  const plain = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
  const alarmsMoved = !isDeepStrictEqual(plain(alarmState), plain(cook.alarmState ?? INITIAL_COOK_ALARM_STATE));
  // A cook with a serve time: is it on track for it (serve-check.ts)?
  const checked = cook.serveAt ? cookServeCheck({ ...cook, serveAt: cook.serveAt }, predicted, pitReadings ?? [], atMs) : undefined;
  return {
    cook: { ...cook, series, predictions, serveCheck: checked, alarmState, alerts: [...(cook.alerts ?? []), ...raised].slice(-MAX_ALERTS_KEPT), updatedAt: now.toISOString() },
    alerts: raised,
    persist: newMinute || alarmsMoved || raised.length > 0,
  };
}
