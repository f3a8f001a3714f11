import type { Reading } from './reading';

const round1 = (x: number) => Math.round(x * 10) / 10;

/** One bucket of a channel: its mean, and the lowest and highest reading in it (a peak survives downsampling). */
export interface BucketPoint {
  at: string;
  value: number;
  min: number;
  max: number;
}

/** Mean, min and max per bucket of `binSeconds` (stamped at the bucket's start); the readings as they are without one. */
export function bucketReadings(readings: readonly Reading[], binSeconds: number | null): BucketPoint[] {
  if (binSeconds === null) return readings.map((r) => ({ at: r.at.toISOString(), value: r.value, min: r.value, max: r.value }));
  const binMs = binSeconds * 1000;
  const buckets = new Map<number, { sum: number; n: number; min: number; max: number }>();
  for (const r of readings) {
    const start = Math.floor(r.at.getTime() / binMs) * binMs;
    const b = buckets.get(start);
    if (b) {
      b.sum += r.value;
      b.n++;
      b.min = Math.min(b.min, r.value);
      b.max = Math.max(b.max, r.value);
    } else buckets.set(start, { sum: r.value, n: 1, min: r.value, max: r.value });
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, b]) => ({ at: new Date(start).toISOString(), value: round1(b.sum / b.n), min: b.min, max: b.max }));
}
