import type { Reading } from './reading';

/** Means per time bin, stamped at the bin start: what Timestream's bin() + avg() return, for stores without it. */
export function binReadings(readings: readonly Reading[], binSeconds: number): Reading[] {
  const binMs = binSeconds * 1000;
  const bins = new Map<number, { first: Reading; sum: number; count: number }>();
  for (const r of readings) {
    const start = Math.floor(r.at.getTime() / binMs) * binMs;
    const bin = bins.get(start);
    if (bin) {
      bin.sum += r.value;
      bin.count++;
    } else bins.set(start, { first: r, sum: r.value, count: 1 });
  }
  return [...bins.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, bin]) => ({ ...bin.first, value: Math.round((bin.sum / bin.count) * 10) / 10, at: new Date(start) }));
}
