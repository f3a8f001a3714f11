import type { Device } from './domain';
import type { FirestoreDocument } from './firestore-document';
import { extraFields, readNumber, readString, readTimestamp } from './firestore-values';
import { normaliseUnits } from './measurement';

const KNOWN = new Set([
  'deviceId', 'serial', 'label', 'device', 'type', 'accountId', 'status', 'battery', 'batteryState', 'battery_state',
  'wifi_stength', 'wifi_strength', 'wifiStrength', 'firmware', 'lastSeen', 'last_seen', 'lastTelemetrySaved',
  'lastArchive', 'sessionStart', 'recordingIntervalInSeconds', 'transmitIntervalInSeconds', 'deviceDisplayUnits',
]);

/** Silence longer than this many transmit intervals (and at least the floor) means the device is offline. */
const SILENT_INTERVALS = 3;
const SILENCE_FLOOR_SECONDS = 15 * 60;

export interface ParseDeviceOptions {
  /** When given, a device silent for several transmit intervals is reported offline even if its status says NORMAL. */
  now?: Date;
}

/** `devices/{serial}`: a device document, never failing on a missing or odd field. */
export function parseDevice(doc: FirestoreDocument, options: ParseDeviceOptions = {}): Device {
  const f = doc.fields;
  const deviceField = readString(f, 'device');
  const typeField = readString(f, 'type');
  const status = readString(f, 'status');
  const lastSeen = readTimestamp(f, 'lastSeen') ?? readTimestamp(f, 'last_seen');
  const lastTelemetrySaved = readTimestamp(f, 'lastTelemetrySaved');
  const transmitIntervalSeconds = positive(readNumber(f, 'transmitIntervalInSeconds'));
  const battery = readNumber(f, 'battery');
  return {
    serial: doc.id,
    deviceId: readString(f, 'deviceId') || readString(f, 'serial') || doc.id,
    label: readString(f, 'label') || readString(f, 'serial') || doc.id,
    kind: (deviceField || typeField || 'unknown').trim(),
    deviceField,
    typeField,
    accountId: readString(f, 'accountId') ?? '',
    status,
    online: isOnline(status, latest(lastSeen, lastTelemetrySaved), transmitIntervalSeconds, options.now),
    battery: battery === undefined ? undefined : Math.max(0, Math.min(100, Math.round(battery))),
    batteryState: readString(f, 'batteryState') ?? readString(f, 'battery_state'),
    wifiDbm: readNumber(f, 'wifi_stength') ?? readNumber(f, 'wifi_strength') ?? readNumber(f, 'wifiStrength'),
    firmware: readString(f, 'firmware'),
    lastSeen,
    lastTelemetrySaved,
    lastArchive: readTimestamp(f, 'lastArchive'),
    sessionStart: readTimestamp(f, 'sessionStart'),
    recordingIntervalSeconds: positive(readNumber(f, 'recordingIntervalInSeconds')),
    transmitIntervalSeconds,
    displayUnits: normaliseUnits(readString(f, 'deviceDisplayUnits')),
    extra: extraFields(f, KNOWN),
  };
}

function positive(n: number | undefined): number | undefined {
  return n !== undefined && n > 0 ? n : undefined;
}

function latest(a: Date | undefined, b: Date | undefined): Date | undefined {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

function isOnline(status: string | undefined, heardAt: Date | undefined, transmitSeconds: number | undefined, now: Date | undefined): boolean {
  if (status !== undefined && status.trim().toUpperCase() === 'OFFLINE') return false;
  if (now === undefined || heardAt === undefined) return true;
  const silenceSeconds = Math.max(SILENCE_FLOOR_SECONDS, SILENT_INTERVALS * (transmitSeconds ?? 0));
  return now.getTime() - heardAt.getTime() <= silenceSeconds * 1000;
}
