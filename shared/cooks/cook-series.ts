/**
 * A cook's readings for charts: every channel of the cook over its span, from the device history, downsampled per
 * bucket to a mean with the bucket's min and max (so a lid-open dip or a peak survives), and the same aligned at the
 * cook's start for comparing two cooks.
 */
import type { CookReadings } from '../api/cook-schemas';
import { toFahrenheit } from '../cook/units';
import { binSecondsFor } from '../readings/device-history';
import type { Reading, ReadingStore } from '../readings/reading';
import { cookReadings } from './manage-cook';
import type { CookRecord } from './cook-record';

const round1 = (x: number) => Math.round(x * 10) / 10;

export interface BucketPoint {
  at: string;
  value: number;
  min: number;
  max: number;
}

/** Mean, min and max per bucket of `binSeconds` (stamped at the bucket's start); the readings as they are without one. */
export function bucketReadings(readings: readonly Reading[], binSeconds: number | null): BucketPoint[] {
  if (binSeconds === null) return readings.map((r) => ({ at: r.at.toISOString(), value: r.value, min: r.value, max: r.value }));
  const binMs = binSeconds * 1000;
  const buckets = new Map<number, { sum: number; n: number; min: number; max: number }>();
  for (const r of readings) {
    const start = Math.floor(r.at.getTime() / binMs) * binMs;
    const b = buckets.get(start);
    if (b) {
      b.sum += r.value;
      b.n++;
      b.min = Math.min(b.min, r.value);
      b.max = Math.max(b.max, r.value);
    } else buckets.set(start, { sum: r.value, n: 1, min: r.value, max: r.value });
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, b]) => ({ at: new Date(start).toISOString(), value: round1(b.sum / b.n), min: b.min, max: b.max }));
}

/** The span a cook's readings cover: its start to its end (or now, while it runs). */
export function cookSpan(record: Pick<CookRecord, 'startedAt' | 'endedAt'>, now: Date): { from: Date; to: Date } {
  const from = new Date(record.startedAt);
  const to = record.endedAt ? new Date(record.endedAt) : now;
  return { from, to: to.getTime() > from.getTime() ? to : new Date(from.getTime() + 1000) };
}

export async function cookChartReadings(
  record: Pick<CookRecord, 'accountId' | 'serial' | 'probes' | 'pitChannel' | 'startedAt' | 'endedAt'>,
  maxPoints: number,
  deps: { readings: ReadingStore; now: Date },
): Promise<Omit<CookReadings, 'cookId'>> {
  const { from, to } = cookSpan(record, deps.now);
  const binSeconds = binSecondsFor(to.getTime() - from.getTime(), maxPoints);
  const byChannel = await cookReadings(record, from, to, deps.readings);
  const labelOf = (channel: string) => record.probes.find((p) => p.channel === channel)?.label ?? null;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    binSeconds,
    channels: [...byChannel.entries()].map(([channel, readings]) => ({
      channel,
      role: channel === record.pitChannel ? ('pit' as const) : ('meat' as const),
      label: channel === record.pitChannel ? 'Pit' : labelOf(channel),
      units: readings[0]?.units ?? 'F',
      points: bucketReadings(readings, binSeconds),
    })),
  };
}

/** `[seconds since the cook's start, °F]` per bucket: two cooks on one time axis. */
export function alignedSeries(readings: readonly Reading[], startMs: number, binSeconds: number): Array<[number, number]> {
  const inF = readings.flatMap((r) => (r.units === 'H' ? [] : [{ ...r, value: toFahrenheit(r.value, r.units) }]));
  return bucketReadings(inF, binSeconds).map((p) => [Math.max(0, Math.round((Date.parse(p.at) - startMs) / 1000)), p.value]);
}
