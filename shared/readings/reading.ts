import type { ChannelUnit } from '../polling/thermoworks-port';

/** One temperature (or humidity) point measured by a device channel. Only real values are readings. */
export interface Reading {
  accountId: string;
  serial: string;
  channel: string;
  value: number;
  units: ChannelUnit;
  /** When ThermoWorks saved the point (the channel's lastTelemetrySaved): the reading's time and idempotency key. */
  at: Date;
}

export interface WriteResult {
  written: number;
  /** Records the store refused for good (logged and counted by the adapter). */
  rejected: number;
}

/** The history store port: Timestream in AWS by default, DynamoDB locally and on request. */
export interface ReadingStore {
  /** Idempotent: writing the same reading twice stores it once. */
  write(readings: readonly Reading[]): Promise<WriteResult>;
  /** Readings of one channel in [from, to), oldest first. */
  query(q: { accountId: string; serial: string; channel: string; from: Date; to: Date }): Promise<Reading[]>;
}
