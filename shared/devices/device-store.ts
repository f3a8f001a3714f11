import type { PersonalPriors } from '../cook/personal/personal-priors';
import type { DeviceAlarmClear, StoredAlarmRule } from '../alarms/alarm-store';
import type { ActiveCook } from '../cooks/cook-record';
import type { MqttIntegrationRecord } from '../integrations/mqtt/mqtt-integration';
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
  /** As ThermoWorks reports it; absent on items stored before it was kept. */
  firmware?: string | null;
  updatedAt: string;
  /** Stretches of recorded points not yet back-filled from the device's archives. */
  pendingGaps: ReadingGap[];
  /** When the archives were last listed for those gaps (listing is rate-limited per device). */
  lastArchiveCheckAt: string | null;
  /**
   * The last UTC hour (ISO start) whose polled history was compacted into roll-ups (history stores that keep them;
   * see ReadingStore.compactHour). Absent until the first compaction.
   */
  historyCompactedThrough?: string | null;
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

export interface AccountPartition {
  devices: DeviceRecord[];
  latest: LatestReading[];
  cooks: ActiveCook[];
  mqtt?: MqttIntegrationRecord | undefined;
  /** The account's alarm rules with their state (shared/alarms), read with the rest of the partition. */
  alarms?: StoredAlarmRule[];
  /** Deleted rules' thermometer alarms for this poll to turn off (shared/alarms/device-alarm.ts). */
  deviceAlarmClears?: DeviceAlarmClear[];
  /** What the account's ended cooks taught the predictions; only given when the account has an active cook. */
  personalPriors?: PersonalPriors;
}

export interface DeviceStore {
  /**
   * One write per device per poll: the device record, and each channel's latest reading in `latest` stored only
   * where it is newer than the stored one (by `at`, or a probe state change at the same `at`; see isNewer). Returns
   * the readings stored: the others were already there, which is how a redelivered poll is recognised as a duplicate.
   */
  putDevice(device: DeviceRecord, latest: readonly LatestReading[]): Promise<LatestReading[]>;
  /**
   * Everything the account's partition holds: devices, latest readings, cooks in progress and the MQTT integration
   * if there is one (one Query: the poll learns from it whether to hand its state to the MQTT publisher, for free).
   */
  listAccountDevices(accountId: string): Promise<AccountPartition>;
  getDevice(accountId: string, serial: string): Promise<DeviceRecord | undefined>;
}
