import { keyedNormal } from './seeded-random';

/**
 * When the lid is open: roughly every `everyMinutes` (±15 %, so dips do not line up with sample grids) for
 * 45–120 s (a spritz, a peek, a probe check). A pure function of time so random access needs no state.
 */
export interface LidSchedule {
  isOpen(elapsedSeconds: number): boolean;
  /** Openings [start, end) that start in [fromSeconds, toSeconds). */
  openingsBetween(fromSeconds: number, toSeconds: number): Array<{ startSeconds: number; endSeconds: number }>;
}

const LID_CHANNEL = 7001;

export function createLidSchedule(seed: number, everyMinutes: number | undefined): LidSchedule {
  if (everyMinutes === undefined || !(everyMinutes > 0)) {
    return { isOpen: () => false, openingsBetween: () => [] };
  }
  const period = everyMinutes * 60;
  const opening = (k: number): { startSeconds: number; endSeconds: number } => {
    const jitter = Math.tanh(keyedNormal(seed, LID_CHANNEL, k)) * 0.15 * period;
    const duration = 45 + 75 * (0.5 + 0.5 * Math.tanh(keyedNormal(seed, LID_CHANNEL + 1, k)));
    const startSeconds = k * period + jitter;
    return { startSeconds, endSeconds: startSeconds + duration };
  };
  return {
    isOpen(t) {
      const k = Math.round(t / period);
      for (const candidate of [k - 1, k, k + 1]) {
        if (candidate < 1) continue;
        const o = opening(candidate);
        if (t >= o.startSeconds && t < o.endSeconds) return true;
      }
      return false;
    },
    openingsBetween(from, to) {
      const result: Array<{ startSeconds: number; endSeconds: number }> = [];
      for (let k = Math.max(1, Math.floor(from / period) - 1); k * period <= to + 0.2 * period; k += 1) {
        const o = opening(k);
        if (o.startSeconds >= from && o.startSeconds < to) result.push(o);
      }
      return result;
    },
  };
}
