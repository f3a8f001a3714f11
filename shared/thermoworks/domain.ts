/**
 * What Pitwatch knows about ThermoWorks once the wire format is peeled off. Times are UTC `Date`s,
 * temperatures are rounded to the device's 0.1° resolution, and every field we do not model is kept in
 * `extra` so nothing the service sends is lost.
 */
import type { ChannelUnit } from './channel-unit';
import type { PlainValue } from './firestore-values';

export type { ChannelUnit };
export type TemperatureUnits = 'F' | 'C';
export type Extra = Record<string, PlainValue>;

export interface ThermoWorksTokens {
  uid: string;
  email?: string;
  idToken: string;
  refreshToken: string;
  expiresAt: Date;
}

export interface ThermoWorksUser {
  uid: string;
  /** Devices belong to the account, not the uid. */
  accountId: string;
  email?: string;
  displayName?: string;
  preferredUnits?: TemperatureUnits;
  timeZone?: string;
  locale?: string;
  use24Time?: boolean;
  lastLogin?: Date;
  /** The user's device order for each account (accountId → device ids in order). */
  deviceOrder: Record<string, string[]>;
  extra: Extra;
}

export interface Device {
  /** The document id: what channels and archives hang off. Opaque (MAC-like or M-series). */
  serial: string;
  /** As written in the document; sometimes a lower-case variant of the serial. */
  deviceId: string;
  label: string;
  /** Model family from `device` or else `type` (`signals`, `node`, `rfx gateway`…): opaque text. */
  kind: string;
  /** Raw `device` and `type` fields, since the public clients disagree on which holds the family. */
  deviceField?: string;
  typeField?: string;
  /** Owning account; '' when the document does not say (never seen in practice). */
  accountId: string;
  status?: string;
  /** False when the service says OFFLINE or the device has been silent for several transmit intervals. */
  online: boolean;
  /** Percent. */
  battery?: number;
  batteryState?: string;
  /** Wi-Fi signal in dBm (negative), from the misspelt `wifi_stength`. */
  wifiDbm?: number;
  firmware?: string;
  lastSeen?: Date;
  lastTelemetrySaved?: Date;
  lastArchive?: Date;
  sessionStart?: Date;
  recordingIntervalSeconds?: number;
  transmitIntervalSeconds?: number;
  displayUnits?: ChannelUnit;
  extra: Extra;
}

export interface ChannelAlarm {
  enabled: boolean;
  alarming: boolean;
  value: number | null;
  units?: ChannelUnit;
  muted?: boolean;
  lastNotified?: Date;
}

export interface ChannelExtreme {
  value: number | null;
  units?: ChannelUnit;
  at?: Date;
}

export interface Channel {
  serial: string;
  /** "1" … "9". */
  number: string;
  label: string;
  /** Rounded to 0.1; null when no probe reading is available (unplugged, out of range, RFX null). */
  value: number | null;
  units: ChannelUnit;
  status: string;
  probeConnected: boolean;
  enabled?: boolean;
  lastSeen?: Date;
  /** When this reading arrived: the reading's time and its idempotency key. */
  lastTelemetrySaved?: Date;
  alarmHigh?: ChannelAlarm;
  alarmLow?: ChannelAlarm;
  minimum?: ChannelExtreme;
  maximum?: ChannelExtreme;
  extra: Extra;
}

/** One stored point: a channel's value at the time ThermoWorks saved it. */
export interface Reading {
  serial: string;
  channel: string;
  at: Date;
  value: number;
  units: ChannelUnit;
}

export interface ArchiveRecentReading {
  value: number | null;
  at?: Date;
  units?: ChannelUnit;
}

export interface ArchiveChannel {
  number: string;
  label?: string;
  recentReadings: ArchiveRecentReading[];
  extra: Extra;
}

export interface Archive {
  /** Document id under `devices/{serial}/archive`. */
  id: string;
  serial: string;
  type?: string;
  label?: string;
  notes?: string;
  /** Storage object name to download. */
  filename?: string;
  deviceLabel?: string;
  public?: boolean;
  publicLink?: string;
  count?: number;
  start?: Date;
  end?: Date;
  createdOn?: Date;
  channels: ArchiveChannel[];
  extra: Extra;
}

/** One recorded point from an archive file (`[channel, timestamp, value, units]`). */
export interface ArchiveReading {
  serial: string;
  channel: string;
  at: Date;
  value: number | null;
  units: ChannelUnit;
}

export interface ArchiveFile {
  serial: string;
  type?: string;
  label?: string;
  notes?: string;
  deviceLabel?: string;
  start?: Date;
  end?: Date;
  readings: ArchiveReading[];
  extra: Extra;
}

/** The Firebase project behind ThermoWorks Cloud, discovered from webConfig. */
export interface FirebaseProject {
  projectId: string;
  storageBucket: string;
  appId?: string;
  authDomain?: string;
  locationId?: string;
}
