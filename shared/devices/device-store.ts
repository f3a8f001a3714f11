import type { CookRecord } from '../cooks/cook-record';
import type { ReadingGap } from '../polling/reading-gaps';
import type { ChannelUnit } from '../thermoworks/channel-unit';

export interface DeviceRecord {
  accountId: string;
  serial: string;
  label: string;
  kind: string;
  online: boolean;
  battery: number | null;
  wifiDbm: number | null;
  lastSeen: string | null;
  updatedAt: string;
  /** Stretches of recorded points not yet back-filled from the device's archives. */
  pendingGaps: ReadingGap[];
  /** When the archives were last listed for those gaps (listing is rate-limited per device). */
  lastArchiveCheckAt: string | null;
}

/** What the last poll saw on one channel: shown on the devices page and used to skip readings already stored. */
export interface LatestReading {
  accountId: string;
  serial: string;
  channel: string;
  label: string;
  value: number | null;
  units: ChannelUnit;
  status: string;
  probeConnected: boolean;
  /** ISO time ThermoWorks saved the reading; null when the channel never reported. */
  at: string | null;
}

export interface DeviceStore {
  putDevice(device: DeviceRecord): Promise<void>;
  /**
   * Stores `latest` unless the stored one is as new or newer (by `at`). Returns false when skipped, which is how a
   * redelivered poll is recognised as a duplicate.
   */
  putLatestIfNewer(latest: LatestReading): Promise<boolean>;
  /** Everything the account's partition holds: devices, latest readings and cooks in progress (one Query). */
  listAccountDevices(accountId: string): Promise<{ devices: DeviceRecord[]; latest: LatestReading[]; cooks: CookRecord[] }>;
  putCook(cook: CookRecord): Promise<void>;
  deleteCook(accountId: string, serial: string): Promise<boolean>;
  getDevice(accountId: string, serial: string): Promise<DeviceRecord | undefined>;
}
