import type { Channel, ChannelAlarm, ChannelExtreme, ChannelUnit, Reading } from './domain';
import type { FirestoreDocument } from './firestore-document';
import {
  extraFields,
  readBoolean,
  readMap,
  readNumber,
  readString,
  readTimestamp,
  type FirestoreFields,
} from './firestore-values';
import { normaliseUnits, probeValue } from './measurement';

const KNOWN = new Set([
  'number', 'label', 'value', 'units', 'status', 'enabled', 'lastSeen', 'lastTelemetrySaved',
  'alarmHigh', 'alarmLow', 'minimum', 'maximum',
]);

export const NO_PROBE = 'NO PROBE';

export interface ParseChannelOptions {
  /** Units to assume when the channel does not say (the device's display units). */
  defaultUnits?: ChannelUnit;
}

/** `devices/{serial}/channels/{n}`. An unplugged probe reads `value: null, probeConnected: false`. */
export function parseChannel(doc: FirestoreDocument, serial: string, options: ParseChannelOptions = {}): Channel {
  const f = doc.fields;
  const units = normaliseUnits(readString(f, 'units')) ?? options.defaultUnits ?? 'F';
  const status = (readString(f, 'status') ?? 'NORMAL').trim();
  const number = readString(f, 'number') || doc.id;
  const measured = status.toUpperCase() === NO_PROBE ? null : probeValue(readNumber(f, 'value'), units);
  return {
    serial,
    number,
    label: readString(f, 'label') || `Probe ${number}`,
    value: measured,
    units,
    status,
    probeConnected: measured !== null,
    enabled: readBoolean(f, 'enabled'),
    lastSeen: readTimestamp(f, 'lastSeen'),
    lastTelemetrySaved: readTimestamp(f, 'lastTelemetrySaved'),
    alarmHigh: parseAlarm(readMap(f, 'alarmHigh'), units),
    alarmLow: parseAlarm(readMap(f, 'alarmLow'), units),
    minimum: parseExtreme(readMap(f, 'minimum'), units),
    maximum: parseExtreme(readMap(f, 'maximum'), units),
    extra: extraFields(f, KNOWN),
  };
}

function parseAlarm(fields: FirestoreFields | undefined, channelUnits: ChannelUnit): ChannelAlarm | undefined {
  if (!fields) return undefined;
  const units = normaliseUnits(readString(fields, 'units')) ?? channelUnits;
  const alarm: ChannelAlarm = {
    enabled: readBoolean(fields, 'enabled') ?? false,
    alarming: readBoolean(fields, 'alarming') ?? false,
    value: probeValue(readNumber(fields, 'value'), units),
    units,
  };
  const muted = readBoolean(fields, 'muted');
  if (muted !== undefined) alarm.muted = muted;
  const lastNotified = readTimestamp(fields, 'lastNotified');
  if (lastNotified) alarm.lastNotified = lastNotified;
  return alarm;
}

function parseExtreme(fields: FirestoreFields | undefined, channelUnits: ChannelUnit): ChannelExtreme | undefined {
  if (!fields) return undefined;
  const reading = readMap(fields, 'reading') ?? {};
  const units = normaliseUnits(readString(reading, 'units')) ?? channelUnits;
  const extreme: ChannelExtreme = { value: probeValue(readNumber(reading, 'value'), units), units };
  const at = readTimestamp(fields, 'dateReading');
  if (at) extreme.at = at;
  return extreme;
}

/** The channel's current point, if it has one worth storing (a value and the time ThermoWorks saved it). */
export function channelReading(channel: Channel): Reading | null {
  if (channel.value === null || channel.lastTelemetrySaved === undefined) return null;
  return {
    serial: channel.serial,
    channel: channel.number,
    at: channel.lastTelemetrySaved,
    value: channel.value,
    units: channel.units,
  };
}
