import type { ProbePrediction } from '../api/schemas';
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
  updatedAt: string;
}

/** Two days of minutes: longer than any cook, small enough for one DynamoDB item (≈ 25 KB per probe). */
export const MAX_SERIES_MINUTES = 48 * 60;
