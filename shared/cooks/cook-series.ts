/**
 * A cook's readings for charts: every channel of the cook over its span, from the device history, downsampled per
 * bucket to a mean with the bucket's min and max (so a lid-open dip or a peak survives), and the same aligned at the
 * cook's start for comparing two cooks.
 */
import type { CookReadings } from '../api/cook-schemas';
import { toFahrenheit } from '../cook/units';
import { binSecondsFor } from '../readings/device-history';
import { bucketReadings } from '../readings/bucket-readings';
import type { Reading, ReadingStore } from '../readings/reading';
import { cookChannels, type CookRecord } from './cook-record';

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
  const labelOf = (channel: string) => record.probes.find((p) => p.channel === channel)?.label ?? null;
  const channels = cookChannels(record);
  const series = await Promise.all(
    channels.map(async (channel) => {
      const q = { accountId: record.accountId, serial: record.serial, channel, from, to };
      if (binSeconds !== null) return deps.readings.queryBuckets({ ...q, binSeconds });
      const raw = await deps.readings.query(q);
      return { units: raw[0]?.units, points: bucketReadings(raw, null) };
    }),
  );
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    binSeconds,
    channels: channels.map((channel, i) => ({
      channel,
      role: channel === record.pitChannel ? ('pit' as const) : ('meat' as const),
      label: channel === record.pitChannel ? 'Pit' : labelOf(channel),
      units: series[i]!.units ?? 'F',
      points: series[i]!.points,
    })),
  };
}

/** `[seconds since the cook's start, °F]` per bucket: two cooks on one time axis. */
export function alignedSeries(readings: readonly Reading[], startMs: number, binSeconds: number): Array<[number, number]> {
  const inF = readings.flatMap((r) => (r.units === 'H' ? [] : [{ ...r, value: toFahrenheit(r.value, r.units) }]));
  return bucketReadings(inF, binSeconds).map((p) => [Math.max(0, Math.round((Date.parse(p.at) - startMs) / 1000)), p.value]);
}
