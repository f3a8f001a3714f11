/**
 * Archives: the history files that hold the points recorded between uploads (a Node datalogger records every
 * 600 s but uploads every 7200 s). The listing is Firestore; the file itself is plain JSON in Firebase Storage.
 */
import * as z from '../validation/zod';
import type { Archive, ArchiveChannel, ArchiveFile, ArchiveReading, ArchiveRecentReading, ChannelUnit } from './domain';
import { MalformedResponseError } from './errors';
import type { FirestoreDocument } from './firestore-document';
import {
  epochToDate,
  extraFields,
  numberOf,
  parseLooseTime,
  readArray,
  readBoolean,
  readNumber,
  readString,
  readTimestamp,
  timestampOf,
  type FirestoreValue,
} from './firestore-values';
import { normaliseUnits, probeValue } from './measurement';

const KNOWN = new Set([
  'type', 'label', 'notes', 'filename', 'deviceLabel', 'public', 'publicLink', 'count', 'start', 'end', 'createdOn', 'channels',
]);

/** `devices/{serial}/archive/{id}`. */
export function parseArchive(doc: FirestoreDocument, serial: string): Archive {
  const f = doc.fields;
  const count = readNumber(f, 'count');
  return {
    id: doc.id,
    serial,
    type: readString(f, 'type'),
    label: readString(f, 'label'),
    notes: readString(f, 'notes'),
    filename: readString(f, 'filename') || undefined,
    deviceLabel: readString(f, 'deviceLabel'),
    public: readBoolean(f, 'public'),
    publicLink: readString(f, 'publicLink') || undefined,
    count: count === undefined ? undefined : Math.round(count),
    start: readTimestamp(f, 'start'),
    end: readTimestamp(f, 'end'),
    createdOn: readTimestamp(f, 'createdOn'),
    channels: (readArray(f, 'channels') ?? []).flatMap((entry, index) => parseArchiveChannel(entry, index)),
    extra: extraFields(f, KNOWN),
  };
}

const CHANNEL_KNOWN = new Set(['number', 'label', 'recentReadings']);

function parseArchiveChannel(entry: FirestoreValue, index: number): ArchiveChannel[] {
  if (entry.kind !== 'map') return [];
  const f = entry.fields;
  return [
    {
      number: readString(f, 'number') || String(index + 1),
      label: readString(f, 'label'),
      recentReadings: (readArray(f, 'recentReadings') ?? []).flatMap(parseRecentReading),
      extra: extraFields(f, CHANNEL_KNOWN),
    },
  ];
}

function parseRecentReading(entry: FirestoreValue): ArchiveRecentReading[] {
  if (entry.kind !== 'map') return [];
  const units = normaliseUnits(readString(entry.fields, 'u'));
  const reading: ArchiveRecentReading = { value: probeValue(numberOf(entry.fields.v), units ?? 'F') };
  const at = timestampOf(entry.fields.ts);
  if (at) reading.at = at;
  if (units) reading.units = units;
  return [reading];
}

const scalar = z.union([z.string(), z.number()]);
const archiveFileSchema = z.looseObject({
  serial: z.optional(scalar),
  type: z.optional(z.string()),
  label: z.optional(z.string()),
  notes: z.optional(z.string()),
  deviceLabel: z.optional(z.string()),
  start: z.optional(z.nullable(scalar)),
  end: z.optional(z.nullable(scalar)),
  readings: z.array(z.unknown()),
});

const readingRowSchema = z.tuple([scalar, scalar, z.optional(z.union([scalar, z.null()])), z.optional(z.nullable(z.string()))], z.unknown());

const FILE_KNOWN = new Set(['serial', 'type', 'label', 'notes', 'deviceLabel', 'start', 'end', 'readings']);

function timeOf(raw: string | number | null | undefined): Date | undefined {
  if (raw === undefined || raw === null) return undefined;
  return typeof raw === 'number' ? epochToDate(raw) : parseLooseTime(raw);
}

/**
 * An archive file: `{serial, …, readings: [[channel, timestamp, value, units], …]}`. Timestamps may be epoch
 * ms, epoch s or ISO. A row we cannot read is dropped, not fatal; a body without `readings` is malformed.
 */
export function parseArchiveFile(raw: unknown, fallbackSerial: string): ArchiveFile {
  const parsed = archiveFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new MalformedResponseError('ThermoWorks sent an archive file of an unexpected shape', { cause: parsed.error });
  }
  const file = parsed.data;
  const serial = file.serial === undefined ? fallbackSerial : String(file.serial);
  const readings: ArchiveReading[] = [];
  for (const row of file.readings) {
    const r = readingRowSchema.safeParse(row);
    if (!r.success) continue;
    const [channel, ts, value, unitsText] = r.data;
    const at = timeOf(ts);
    if (!at) continue;
    const units: ChannelUnit = normaliseUnits(unitsText ?? undefined) ?? 'F';
    const numeric = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : undefined;
    readings.push({ serial, channel: String(channel), at, value: probeValue(numeric, units), units });
  }
  readings.sort((a, b) => a.at.getTime() - b.at.getTime() || a.channel.localeCompare(b.channel));
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(file)) if (!FILE_KNOWN.has(key)) extra[key] = value;
  return {
    serial,
    type: file.type,
    label: file.label,
    notes: file.notes,
    deviceLabel: file.deviceLabel,
    start: timeOf(file.start),
    end: timeOf(file.end),
    readings,
    // Plain JSON already (the body was JSON-parsed).
    extra: extra as ArchiveFile['extra'],
  };
}
