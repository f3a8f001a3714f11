/**
 * The narrow slice of the ThermoWorks client that login and polling depend on: domain code and its tests depend
 * on this port, not on the HTTP client (createThermoWorksClient implements it).
 */
import type { ChannelUnit } from './channel-unit';

export interface ThermoWorksTokens {
  uid: string;
  email?: string | undefined;
  idToken: string;
  refreshToken: string;
  expiresAt: Date;
}

export interface ThermoWorksUserInfo {
  uid: string;
  accountId: string;
  email?: string | undefined;
  displayName?: string | undefined;
}

export interface ThermoWorksDeviceInfo {
  serial: string;
  label: string;
  kind: string;
  online: boolean;
  battery?: number | undefined;
  wifiDbm?: number | undefined;
  firmware?: string | undefined;
  lastSeen?: Date | undefined;
  lastTelemetrySaved?: Date | undefined;
  recordingIntervalSeconds?: number | undefined;
  /** Dataloggers state it (a Node uploads every 2 hours); Wi-Fi thermometers do not, and upload every few seconds. */
  transmitIntervalSeconds?: number | undefined;
}

export interface ThermoWorksChannelInfo {
  serial: string;
  number: string;
  label: string;
  value: number | null;
  units: ChannelUnit;
  status: string;
  probeConnected: boolean;
  lastTelemetrySaved?: Date | undefined;
}

export interface ThermoWorksArchiveInfo {
  id: string;
  serial: string;
  filename?: string | undefined;
  start?: Date | undefined;
  end?: Date | undefined;
}

export interface ThermoWorksArchiveReading {
  channel: string;
  at: Date;
  value: number | null;
  units: ChannelUnit;
}

/** `signal`: the caller stops waiting when it aborts (a poll's time budget); the call then throws the abort's reason. */
export interface CallOptions {
  signal?: AbortSignal | undefined;
}

export interface ThermoWorksAccountSession {
  getUser(options?: CallOptions): Promise<ThermoWorksUserInfo>;
  listDevices(accountId: string, options?: CallOptions): Promise<ThermoWorksDeviceInfo[]>;
  /**
   * `listing-first` reads all channels in one request (the Firestore collection listing), falling back to one read
   * per channel where the service refuses the listing.
   */
  listChannels(serial: string, options?: CallOptions & { strategy?: 'per-channel' | 'listing-first' }): Promise<ThermoWorksChannelInfo[]>;
  /** Newest first; `since` stops paging once archives were created before it. */
  listArchives(serial: string, options?: CallOptions & { since?: Date }): Promise<ThermoWorksArchiveInfo[]>;
  downloadArchive(archive: Pick<ThermoWorksArchiveInfo, 'serial' | 'filename' | 'id'>, options?: CallOptions): Promise<ThermoWorksArchiveReading[]>;
  /** The points a device uploaded in [from, to], from the instrument history function: best-effort. */
  retrieveHistory(serial: string, options: CallOptions & { from: Date; to: Date }): Promise<ThermoWorksArchiveReading[]>;
  /** The thermometer's own alarms on one channel (a Firestore PATCH with updateMask), so the device itself beeps. */
  setChannelAlarms(serial: string, number: string, alarms: ThermoWorksChannelAlarms, options?: CallOptions): Promise<ThermoWorksChannelInfo>;
}

export interface ThermoWorksChannelAlarms {
  high?: { enabled: boolean; value: number; units: ChannelUnit };
  low?: { enabled: boolean; value: number; units: ChannelUnit };
}

export interface StoredTokens {
  refreshToken: string;
  idToken?: string | undefined;
  expiresAt?: Date | undefined;
  uid?: string | undefined;
}

export interface ThermoWorksPort {
  signIn(email: string, password: string): Promise<ThermoWorksTokens>;
  session(tokens: StoredTokens, onTokens?: (tokens: ThermoWorksTokens) => void | Promise<void>): ThermoWorksAccountSession;
}
