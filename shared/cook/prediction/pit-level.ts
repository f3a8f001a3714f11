import type { BinnedPoint } from './binned-series';
import { median } from './median';

/**
 * What the meat "sees" of the pit: the median of the last LOOKBACK of pit bins. A median shrugs off lid-open
 * dips (minutes) and flare-ups while following a real setpoint change or fuel decline within half the lookback.
 */
export interface PitLevel {
  readonly levelF: number;
  /** Bins the level rests on: few bins, little trust. */
  readonly points: number;
}

export const PIT_LEVEL_LOOKBACK_MS = 45 * 60_000;

export function estimatePitLevel(recentPitBins: readonly BinnedPoint[]): PitLevel | undefined {
  const levelF = median(recentPitBins.map((b) => b.valueF));
  return levelF === undefined ? undefined : { levelF, points: recentPitBins.length };
}
