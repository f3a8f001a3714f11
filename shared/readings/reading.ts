import type { ChannelUnit } from '../thermoworks/channel-unit';
import type { BucketPoint } from './bucket-readings';

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

export interface HistoryQuery {
  accountId: string;
  serial: string;
  channel: string;
  from: Date;
  to: Date;
  binSeconds?: number;
}

/** One channel's series. */
export interface SeriesKey {
  accountId: string;
  serial: string;
  channel: string;
}

/** The history store port: Timestream in AWS by default, DynamoDB locally and on request. */
export interface ReadingStore {
  /** Idempotent: writing the same reading twice stores it once. One batch per poll where the store allows it. */
  write(readings: readonly Reading[]): Promise<WriteResult>;
  /**
   * For stores that keep roll-ups for long ranges (DynamoDB history): the hour starting at `hourStart` is over for
   * these series, so its polled readings can be rolled up once, instead of on every poll. Idempotent; stores
   * without roll-ups leave it out.
   */
  compactHour?(series: readonly SeriesKey[], hourStart: Date): Promise<void>;
  /**
   * Readings of one channel in [from, to), oldest first. With `binSeconds`, one point per bin (the mean, stamped
   * at the bin's start), so a 12-hour chart is a few hundred points rather than thousands.
   */
  query(q: HistoryQuery): Promise<Reading[]>;
  /** Mean, min and max per bin of `binSeconds` over [from, to) (charts that must keep peaks); units of the channel. */
  queryBuckets(q: HistoryQuery & { binSeconds: number }): Promise<{ units: Reading['units'] | undefined; points: BucketPoint[] }>;
}

/** Deletes a channel's history in [from, to) (account deletion); returns the points deleted. */
export interface HistoryEraser {
  erase(q: Omit<HistoryQuery, 'binSeconds'>): Promise<number>;
}
