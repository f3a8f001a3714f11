/**
 * The baseline every smart ETA must beat: a least-squares line through the probe's raw readings of the last
 * 15 minutes, extrapolated to the target. Sentinel values (outside 0–400 °F) are dropped so the baseline is not
 * beaten on a technicality; nothing else is cleaned.
 */
export const BASELINE_WINDOW_MS = 15 * 60_000;

export function linearEtaSeconds(
  readings: ReadonlyArray<{ atMs: number; temperatureF: number }>,
  atMs: number,
  targetF: number,
): number | undefined {
  const window = readings.filter(
    (r) => r.atMs > atMs - BASELINE_WINDOW_MS && r.atMs <= atMs && r.temperatureF > 0 && r.temperatureF < 400,
  );
  if (window.length < 2) return undefined;
  const n = window.length;
  const mt = window.reduce((s, r) => s + r.atMs, 0) / n;
  const mv = window.reduce((s, r) => s + r.temperatureF, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (const r of window) {
    sxx += (r.atMs - mt) ** 2;
    sxy += (r.atMs - mt) * (r.temperatureF - mv);
  }
  if (!(sxx > 0)) return undefined;
  const slopePerMs = sxy / sxx;
  const nowF = mv + slopePerMs * (atMs - mt);
  if (nowF >= targetF) return 0;
  if (!(slopePerMs > 0)) return undefined;
  return (targetF - nowF) / slopePerMs / 1000;
}
