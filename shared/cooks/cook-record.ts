import type { CookEvent, CookStats } from '../api/cook-schemas';
import type { CookAlert, DefaultAlerts, ProbePrediction, ServeCheck } from '../api/schemas';
import type { CookAlarmState } from '../cook/alarms/derive-alarm-triggers';
import type { MeatKind } from '../cook/meat-kind';
import type { TemperatureUnit } from '../cook/units';

export interface CookProbe {
  channel: string;
  /** What the probe is in ("Brisket flat"); null: the channel's own label. */
  label: string | null;
  targetF: number;
  presetId: string | null;
  meat: MeatKind | null;
  /** The units the cook shows this probe in. */
  units: TemperatureUnit;
}

/**
 * What the poll worker reads and writes while a cook runs: one item in the account's partition (keyed by the device,
 * so a device has at most one), read by the worker's one Query per poll. It carries which probes to predict for,
 * their targets, the timeline events (a `wrapped` changes the prediction) and a compact per-minute series of each
 * probe (°F) so a poll can predict without reading the history store (a Timestream query per poll would cost more
 * than the cook). It goes when the cook ends; the record (`CookRecord`) stays.
 */
export interface ActiveCook {
  accountId: string;
  cookId: string;
  serial: string;
  startedAt: string;
  pitChannel: string | null;
  probes: CookProbe[];
  events: CookEvent[];
  /** channel → [minute epoch ms, mean °F of that minute][], oldest first, at most MAX_SERIES_MINUTES long. */
  series: Record<string, Array<[number, number]>>;
  predictions: ProbePrediction[];
  /** Edge-trigger state of the cook's alarms (so each fires once), and the latest alerts raised. */
  alarmState?: CookAlarmState;
  alerts?: CookAlert[];
  /** The cook's own alerts turned off (false) or on; a kind left out is on. The worker raises only those on. */
  defaultAlerts?: DefaultAlerts;
  /** When people eat (ISO); the worker then checks the done time against it on every poll (serve-check.ts). */
  serveAt?: string;
  /** The latest of those checks. */
  serveCheck?: ServeCheck;
  updatedAt: string;
}

/**
 * The cook record: kept for good (until deleted), one item per cook. While the cook runs it holds what the cook
 * says about it (name, notes, tags, rating); the live state is on the `ActiveCook`. When the cook ends the final
 * probes, predictions, alerts, events and the stats are folded in. Its readings are the device's history over
 * [startedAt, endedAt): nothing is stored twice.
 */
export interface CookRecord {
  accountId: string;
  cookId: string;
  serial: string;
  status: 'active' | 'ended';
  name: string;
  notes: string;
  tags: string[];
  rating: number | null;
  startedAt: string;
  endedAt: string | null;
  pitChannel: string | null;
  probes: CookProbe[];
  /** Final values once ended (while active, the ActiveCook's are the current ones). */
  events: CookEvent[];
  predictions: ProbePrediction[];
  alerts: CookAlert[];
  /** As on the live item (kept on both, so it survives the cook's end). */
  defaultAlerts?: DefaultAlerts;
  /** As on the live item (kept on both, so the record says what the cook was aiming for). */
  serveAt?: string;
  stats: CookStats | null;
  updatedAt: string;
}

/** The alarms every cook gets: ETA within 30 minutes, target reached, stall started/ended, pit dropping, lid open. */
export const DEFAULT_ETA_ALERT_MINUTES = [30];
export const MAX_ALERTS_KEPT = 20;

/** Two days of minutes: longer than any cook, small enough for one DynamoDB item (≈ 20 bytes a minute: ≈ 57 KB per probe at most). */
export const MAX_SERIES_MINUTES = 48 * 60;

/** The channels whose readings belong to the cook: its meat probes, then the pit. */
/** The record a new cook starts with beside its live item: named, nothing said about it yet. */
export function newCookRecord(active: ActiveCook, name: string): CookRecord {
  return {
    accountId: active.accountId,
    cookId: active.cookId,
    serial: active.serial,
    status: 'active',
    name,
    notes: '',
    tags: [],
    rating: null,
    startedAt: active.startedAt,
    endedAt: null,
    pitChannel: active.pitChannel,
    probes: active.probes,
    ...(active.serveAt !== undefined ? { serveAt: active.serveAt } : {}),
    events: [],
    predictions: [],
    alerts: [],
    stats: null,
    updatedAt: active.updatedAt,
  };
}

export function cookChannels(cook: Pick<CookRecord, 'probes' | 'pitChannel'>): string[] {
  return [...cook.probes.map((p) => p.channel), ...(cook.pitChannel ? [cook.pitChannel] : [])];
}
