/**
 * Every stored point of a cook, as CSV (`timestamp,probe,temperature,unit`: what `npm run predict` reads) or JSON,
 * produced a history hour at a time so a 48-hour cook at one reading per 2 s (345,600 rows) streams through in
 * flat memory.
 */
import type { CookDetail } from '../api/cook-schemas';
import type { Reading, ReadingStore } from '../readings/reading';
import { cookChannels, type CookRecord } from './cook-record';

const HOUR_MS = 3_600_000;

/** The probe column: `pit` for the pit channel (the predictor finds it by that name), `meat{channel}` otherwise. */
export function probeName(record: Pick<CookRecord, 'pitChannel'>, channel: string): string {
  return channel === record.pitChannel ? 'pit' : `meat${channel}`;
}

/** The cook's readings in time order, an hour of history at a time. */
export async function* cookReadingRows(
  record: Pick<CookRecord, 'accountId' | 'serial' | 'probes' | 'pitChannel'>,
  from: Date,
  to: Date,
  readings: ReadingStore,
): AsyncGenerator<Reading[]> {
  const channels = cookChannels(record);
  for (let start = from.getTime(); start < to.getTime(); start += HOUR_MS) {
    const end = Math.min(start + HOUR_MS, to.getTime());
    const hour = await Promise.all(
      channels.map((channel) => readings.query({ accountId: record.accountId, serial: record.serial, channel, from: new Date(start), to: new Date(end) })),
    );
    const rows = hour.flat().sort((a, b) => a.at.getTime() - b.at.getTime() || a.channel.localeCompare(b.channel));
    if (rows.length > 0) yield rows;
  }
}

export async function* cookCsv(record: CookRecord, from: Date, to: Date, readings: ReadingStore): AsyncGenerator<string> {
  yield 'timestamp,probe,temperature,unit\n';
  for await (const rows of cookReadingRows(record, from, to, readings)) {
    yield rows.map((r) => `${r.at.toISOString()},${probeName(record, r.channel)},${r.value},${r.units}\n`).join('');
  }
}

/** `{cook: <detail>, readings: [{at, channel, probe, value, units}, …]}`, written as it is read. */
export async function* cookJson(detail: CookDetail, record: CookRecord, from: Date, to: Date, readings: ReadingStore): AsyncGenerator<string> {
  yield `{"cook":${JSON.stringify(detail)},"readings":[`;
  let first = true;
  for await (const rows of cookReadingRows(record, from, to, readings)) {
    const text = rows.map((r) => JSON.stringify({ at: r.at.toISOString(), channel: r.channel, probe: probeName(record, r.channel), value: r.value, units: r.units })).join(',');
    yield first ? text : `,${text}`;
    first = false;
  }
  yield ']}\n';
}
