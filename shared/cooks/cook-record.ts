import type { CookAlert, ProbePrediction } from '../api/schemas';
import type { CookAlarmState } from '../cook/alarms/derive-alarm-triggers';
import type { MeatKind } from '../cook/meat-kind';

export interface CookProbe {
  channel: string;
  targetF: number;
  presetId: string | null;
  meat: MeatKind | null;
}

/**
 * A device's cook in progress: which probes to predict for, and a compact per-minute series of each probe (°F) so a
 * poll can predict without reading the history store (a Timestream query per poll would cost more than the cook).
 */
export interface CookRecord {
  accountId: string;
  serial: string;
  startedAt: string;
  pitChannel: string | null;
  probes: CookProbe[];
  /** channel → [minute epoch ms, mean °F of that minute][], oldest first, at most MAX_SERIES_MINUTES long. */
  series: Record<string, Array<[number, number]>>;
  predictions: ProbePrediction[];
  /** Edge-trigger state of the cook's alarms (so each fires once), and the latest alerts raised. */
  alarmState?: CookAlarmState;
  alerts?: CookAlert[];
  updatedAt: string;
}

/** The alarms every cook gets: ETA within 30 minutes, target reached, stall started/ended, pit dropping, lid open. */
export const DEFAULT_ETA_ALERT_MINUTES = [30];
export const MAX_ALERTS_KEPT = 20;

/** Two days of minutes: longer than any cook, small enough for one DynamoDB item (≈ 20 bytes a minute: ≈ 57 KB per probe at most). */
export const MAX_SERIES_MINUTES = 48 * 60;
