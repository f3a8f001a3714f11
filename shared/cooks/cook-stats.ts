/**
 * A cook's stats, computed once when it ends from the device history over its span: per meat probe the time to
 * target, the stall (start and length, by the same detector the predictions use), the highest reading; the pit's
 * mean and standard deviation. Pure.
 */
import type { CookStats, ProbeStats } from '../api/cook-schemas';
import { predictDoneTime } from '../cook/prediction/predict-done-time';
import type { ProbeReading } from '../cook/probe-reading';
import { toFahrenheit } from '../cook/units';
import type { Reading } from '../readings/reading';
import { predictorEventsFor } from './cook-events';
import type { CookRecord } from './cook-record';
import { appendToSeries } from './update-cook';
import { personalPrediction } from './personal-prediction';
import type { PersonalPriors } from '../cook/personal/personal-priors';

const MINUTE_MS = 60_000;
const round1 = (x: number) => Math.round(x * 10) / 10;

function fahrenheit(readings: readonly Reading[]): Array<{ atMs: number; f: number }> {
  return readings
    .flatMap((r) => (r.units === 'H' ? [] : [{ atMs: r.at.getTime(), f: toFahrenheit(r.value, r.units) }]))
    .sort((a, b) => a.atMs - b.atMs);
}

const minuteReadings = (readings: readonly Reading[]): ProbeReading[] =>
  appendToSeries([], readings).map(([m, v]) => ({ atMs: m + MINUTE_MS / 2, temperatureF: v }));

export function computeCookStats(
  cook: Pick<CookRecord, 'startedAt' | 'probes' | 'pitChannel' | 'events'>,
  endedAt: string,
  readingsByChannel: ReadonlyMap<string, readonly Reading[]>,
  /** The account's personal priors as they were before this cook (stats must not learn from themselves). */
  personal?: PersonalPriors,
): CookStats {
  const startMs = Date.parse(cook.startedAt);
  const endMs = Date.parse(endedAt);
  const pitReadings = cook.pitChannel ? (readingsByChannel.get(cook.pitChannel) ?? []) : [];
  const pitMinutes = minuteReadings(pitReadings);
  const probes: ProbeStats[] = cook.probes.map((probe) => {
    const readings = readingsByChannel.get(probe.channel) ?? [];
    const points = fahrenheit(readings);
    const reached = points.find((p) => p.f >= probe.targetF);
    const learned = personalPrediction(personal, probe, pitMinutes.length > 0 ? pitMinutes : undefined);
    const prediction = predictDoneTime({
      ...learned.inputs,
      meatReadings: minuteReadings(readings),
      ...(pitMinutes.length > 0 ? { pitReadings: pitMinutes } : {}),
      targetF: probe.targetF,
      ...(probe.meat ? { meat: probe.meat } : {}),
      atMs: endMs,
      events: predictorEventsFor(cook.events, probe.channel),
    });
    const stall = prediction.stall;
    const stallStart = stall.phase !== 'heating' ? stall.startedAtMs : undefined;
    return {
      channel: probe.channel,
      targetF: probe.targetF,
      timeToTargetSeconds: reached ? Math.round((reached.atMs - startMs) / 1000) : null,
      stallStartedAt: stallStart !== undefined ? new Date(stallStart).toISOString() : null,
      stallSeconds: stallStart !== undefined ? Math.round(((stall.endedAtMs ?? endMs) - stallStart) / 1000) : null,
      maxF: points.length > 0 ? round1(points.reduce((m, p) => Math.max(m, p.f), Number.NEGATIVE_INFINITY)) : null,
    };
  });
  const pit = fahrenheit(pitReadings).map((p) => p.f);
  const mean = pit.reduce((s, f) => s + f, 0) / (pit.length || 1);
  const sd = Math.sqrt(pit.reduce((s, f) => s + (f - mean) ** 2, 0) / (pit.length || 1));
  return {
    durationSeconds: Math.round((endMs - startMs) / 1000),
    probes,
    pit: pit.length > 0 ? { meanF: round1(mean), sdF: round1(sd) } : null,
    readings: [...readingsByChannel.values()].reduce((n, r) => n + r.length, 0),
  };
}
