/**
 * The documents the simulator serves, in the shapes of PROTOCOL.md and the fixtures: field names, field
 * order, typed values (float32 doubles, integer strings), missing fields as the real models leave them.
 */
import type { ArchiveWindow, ChannelSnapshot, DeviceTimeline } from './device-timeline';
import { arr, bool, dbl, f32, int, map, microTime, nul, str, ts, type Typed } from './firestore-encoding';
import type { ScenarioAccount, ScenarioChannel } from './scenario';

export interface FirestoreDocumentJson {
  name: string;
  fields: Record<string, Typed>;
  createTime: string;
  updateTime: string;
}

/** Every simulated document was "created" at the same fixed moment. */
export const CREATE_TIME = '2025-05-01T00:00:00.000Z';

export function documentsRoot(projectId: string): string {
  return `projects/${projectId}/databases/(default)/documents`;
}

function doc(name: string, fields: Record<string, Typed>, updatedMs: number): FirestoreDocumentJson {
  return { name, fields, createTime: CREATE_TIME, updateTime: microTime(updatedMs) };
}

export function userDocument(projectId: string, account: ScenarioAccount, lastLoginMs: number, nowMs: number): FirestoreDocumentJson {
  return doc(
    `${documentsRoot(projectId)}/users/${account.uid}`,
    {
      uid: str(account.uid),
      email: str(account.email),
      accountId: str(account.accountId),
      displayName: str(account.displayName),
      preferredUnits: str(account.preferredUnits),
      timeZone: str(account.timeZone),
      locale: str('en-US'),
      use24Time: bool(false),
      lastSeenInApp: nul(),
      lastLogin: ts(lastLoginMs),
      deviceOrder: map({
        [account.accountId]: arr(account.devices.map((d, i) => map({ deviceId: str(d.deviceId ?? d.serial), order: int(i) }))),
      }),
    },
    nowMs,
  );
}

export interface DeviceState {
  lastTransmitMs: number | undefined;
  online: boolean;
  battery: number;
  wifiDbm: number;
  lastArchiveMs: number | undefined;
}

export function deviceDocument(projectId: string, timeline: DeviceTimeline, state: DeviceState, nowMs: number): FirestoreDocumentJson {
  const d = timeline.device;
  const heard = state.lastTransmitMs;
  const fields: Record<string, Typed> = {
    deviceId: str(d.deviceId ?? d.serial),
    serial: str(d.serial),
    label: str(d.label),
    device: str(d.device),
    type: str(d.type),
    accountId: str(timeline.accountId),
    status: str(state.online ? 'NORMAL' : 'OFFLINE'),
    battery: int(state.battery),
    batteryState: str(d.batteryState),
    wifi_stength: int(state.wifiDbm),
    firmware: str(d.firmware),
  };
  if (heard !== undefined) {
    fields.lastSeen = ts(heard + 1000);
    fields.lastTelemetrySaved = ts(heard);
  }
  if (d.documentIntervals) {
    // Dataloggers carry the long form (as the Node fixture); Wi-Fi thermometers only a handful of fields.
    if (state.lastArchiveMs !== undefined) fields.lastArchive = ts(state.lastArchiveMs);
    fields.sessionStart = ts(timeline.sessionStartMs);
    fields.recordingIntervalInSeconds = int(d.recordingIntervalSeconds);
    fields.transmitIntervalInSeconds = int(d.transmitIntervalSeconds);
  }
  fields.deviceDisplayUnits = str(d.displayUnits);
  if (d.documentIntervals) {
    fields.iotDeviceId = str(`T${d.serial.replace(/[^0-9A-F]/gi, '').slice(-6).toUpperCase()}`);
    fields.thumbnail = str(`${d.device}_bl.png`);
    fields.color = str('3f90ca');
    fields.bigQuery = map({ tableId: str(d.serial), datasetId: str('simulator-dataset') });
    fields.exportVersion = dbl(0.5);
    fields.pendingLoad = bool(false);
    fields.batteryAlertSent = bool(false);
    fields.lastPurged = ts(timeline.sessionStartMs);
  }
  Object.assign(fields, d.extraFields as Record<string, Typed>);
  return doc(`${documentsRoot(projectId)}/devices/${d.serial}`, fields, heard ?? nowMs);
}

function alarm(def: { enabled: boolean; value: number } | undefined, value: number | null, high: boolean, units: string): Typed {
  const enabled = def?.enabled ?? false;
  const limit = def?.value ?? (high ? 260 : 215);
  const alarming = enabled && value !== null && (high ? value > limit : value < limit);
  // The app writes alarm values as integers.
  return map({ enabled: bool(enabled), alarming: bool(alarming), value: int(limit), units: str(units) });
}

function probeValue(timeline: DeviceTimeline, value: number): Typed {
  return timeline.device.valueEncoding === 'integer' ? int(value) : f32(value);
}

function extreme(timeline: DeviceTimeline, e: { value: number; atMs: number } | undefined, units: string): Typed | undefined {
  if (!e) return undefined;
  return map({ dateReading: ts(e.atMs), reading: map({ value: probeValue(timeline, e.value), units: str(units) }) });
}

function channelStatus(channel: ScenarioChannel, value: number | null): string {
  if (value === null) return 'NO PROBE';
  if (channel.alarmHigh?.enabled && value > channel.alarmHigh.value) return 'HIGH';
  if (channel.alarmLow?.enabled && value < channel.alarmLow.value) return 'LOW';
  return 'NORMAL';
}

export function channelDocument(projectId: string, timeline: DeviceTimeline, snap: ChannelSnapshot): FirestoreDocumentJson {
  const c = snap.channel;
  const fields: Record<string, Typed> = { number: str(c.number), label: str(c.label) };
  if (snap.value !== null) fields.value = probeValue(timeline, snap.value);
  fields.units = str(c.units);
  fields.status = str(channelStatus(c, snap.value));
  fields.type = str(c.type);
  fields.color = str('none');
  fields.lastSeen = ts(snap.atMs);
  fields.lastTelemetrySaved = ts(snap.atMs);
  fields.alarmHigh = alarm(c.alarmHigh, snap.value, true, c.units);
  fields.alarmLow = alarm(c.alarmLow, snap.value, false, c.units);
  const min = extreme(timeline, snap.minimum, c.units);
  const max = extreme(timeline, snap.maximum, c.units);
  if (min) fields.minimum = min;
  if (max) fields.maximum = max;
  fields.showAvgTemp = bool(true);
  // RFX writes an explicit null when it has no value; the others leave the field out.
  if (snap.value === null && timeline.device.missingValue === 'null') fields.value = nul();
  return doc(`${documentsRoot(projectId)}/devices/${timeline.device.serial}/channels/${c.number}`, fields, snap.atMs);
}

export function archiveFilename(serial: string, window: ArchiveWindow): string {
  return `archives/${serial}/${window.id}.json`;
}

/** Recorded rows of an archive window, `[channel, epochMs, value, units]`, channel by channel in time order. */
export function archiveRows(timeline: DeviceTimeline, window: ArchiveWindow): Array<[string, number, number, string]> {
  const rows: Array<[string, number, number, string]> = [];
  for (let ms = Math.ceil(window.startMs / timeline.recordMs) * timeline.recordMs; ms < window.endMs; ms += timeline.recordMs) {
    for (const channel of timeline.device.channels) {
      const v = timeline.measuredAt(channel, ms);
      if (v !== null) rows.push([channel.number, ms, v, channel.units]);
    }
  }
  return rows;
}

export function archiveDocument(projectId: string, timeline: DeviceTimeline, window: ArchiveWindow): FirestoreDocumentJson {
  const d = timeline.device;
  const rows = archiveRows(timeline, window);
  const first = rows[0]?.[1] ?? window.startMs;
  const last = rows[rows.length - 1]?.[1] ?? window.startMs;
  const channels = d.channels.map((c) => {
    const recent = rows.filter((r) => r[0] === c.number).slice(-10);
    return map({
      number: str(c.number),
      label: str(c.label),
      recentReadings: arr(recent.map(([, at, v, u]) => map({ v: str(String(v)), ts: ts(at), u: str(u) }))),
    });
  });
  return doc(
    `${documentsRoot(projectId)}/devices/${d.serial}/archive/${window.id}`,
    {
      type: str('auto'),
      label: str(`${d.label} ${new Date(window.startMs).toISOString().slice(0, 13)}h`),
      notes: str(''),
      filename: str(archiveFilename(d.serial, window)),
      deviceLabel: str(d.label),
      public: bool(false),
      count: int(rows.length),
      start: ts(first),
      end: ts(last),
      createdOn: ts(window.endMs),
      channels: arr(channels),
      events: arr([]),
      deviceData: map({ serial: str(d.serial) }),
    },
    window.endMs,
  );
}

/** The archive file in Storage: plain JSON, epoch-millisecond times. */
export function archiveFile(timeline: DeviceTimeline, window: ArchiveWindow): unknown {
  const d = timeline.device;
  const rows = archiveRows(timeline, window);
  return {
    serial: d.serial,
    type: 'auto',
    label: `${d.label} ${new Date(window.startMs).toISOString().slice(0, 13)}h`,
    notes: '',
    deviceLabel: d.label,
    start: rows[0]?.[1] ?? window.startMs,
    end: rows[rows.length - 1]?.[1] ?? window.startMs,
    channels: d.channels.map((c) => ({ number: c.number, label: c.label })),
    events: [],
    deviceData: { firmware: d.firmware },
    readings: rows,
  };
}

