/**
 * The instrument history function's answer (PROTOCOL.md: readings `{v, ts, u}` for a device and a time range). How
 * the readings are grouped is not documented, so each of these is read: `{channels: [{number, readings: [...]}]}`,
 * `{readings: [{channel, v, ts, u}]}`, a bare array of either, or an object keyed by channel number. `v` may be a
 * number or a numeric string, `ts` epoch ms or s or ISO, as in archive files. A reading we cannot read is dropped;
 * an answer with none of these shapes is malformed.
 */
import type { ArchiveReading, ChannelUnit } from './domain';
import { MalformedResponseError } from './errors';
import { epochToDate, parseLooseTime } from './firestore-values';
import { normaliseUnits, probeValue } from './measurement';

type Loose = Record<string, unknown>;
const isRecord = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);

function reading(raw: unknown, serial: string, channel: string | undefined): ArchiveReading | undefined {
  if (!isRecord(raw)) return undefined;
  const own = raw.channel ?? raw.number ?? raw.c;
  const number = channel ?? (typeof own === 'string' || typeof own === 'number' ? String(own) : undefined);
  if (number === undefined) return undefined;
  const ts = raw.ts ?? raw.t ?? raw.time;
  const at = typeof ts === 'number' ? epochToDate(ts) : typeof ts === 'string' ? parseLooseTime(ts) : undefined;
  if (!at) return undefined;
  const units: ChannelUnit = normaliseUnits(typeof raw.u === 'string' ? raw.u : undefined) ?? 'F';
  const v = raw.v ?? raw.value;
  const numeric = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined;
  return { serial, channel: number, at, value: probeValue(numeric, units), units };
}

function readingsOf(group: unknown, serial: string, channel?: string): ArchiveReading[] | undefined {
  if (Array.isArray(group)) return group.flatMap((r) => reading(r, serial, channel) ?? []);
  if (!isRecord(group)) return undefined;
  if (Array.isArray(group.readings)) {
    const own = group.number ?? group.channel;
    return readingsOf(group.readings, serial, own === undefined ? channel : String(own));
  }
  return undefined;
}

export function parseInstrumentHistory(result: unknown, serial: string): ArchiveReading[] {
  let readings: ArchiveReading[] | undefined;
  if (isRecord(result) && Array.isArray(result.channels)) readings = result.channels.flatMap((c) => readingsOf(c, serial) ?? []);
  else if (Array.isArray(result) && result.every((g) => isRecord(g) && Array.isArray(g.readings))) readings = result.flatMap((g) => readingsOf(g, serial) ?? []);
  else readings = readingsOf(result, serial);
  if (readings === undefined && isRecord(result) && Object.values(result).every(Array.isArray)) {
    readings = Object.entries(result).flatMap(([channel, rows]) => readingsOf(rows, serial, channel) ?? []);
  }
  if (readings === undefined) throw new MalformedResponseError('ThermoWorks sent an instrument history of an unexpected shape');
  return readings.sort((a, b) => a.at.getTime() - b.at.getTime() || a.channel.localeCompare(b.channel));
}
