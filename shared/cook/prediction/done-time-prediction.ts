import type { StallStatus } from '../stall/stall-detector';

export type PredictionPhase = 'heating' | 'stall' | 'post_stall' | 'done' | 'unknown';

/** An ETA with its 80 % interval (10th–90th percentile), in seconds from the prediction's instant. */
export interface Eta {
  readonly seconds: number;
  readonly lowSeconds: number;
  readonly highSeconds: number;
}

export interface DoneTimePrediction {
  readonly atMs: number;
  readonly phase: PredictionPhase;
  readonly targetF: number;
  /** Smoothed current temperature. */
  readonly temperatureF?: number;
  readonly ratePerHour?: number;
  /** Absent when there is not enough data to say (phase 'unknown'), or when the target cannot be reached. */
  readonly eta?: Eta;
  /** Why there is no ETA, for people. */
  readonly reason?: string;
  readonly stall: StallStatus;
}
