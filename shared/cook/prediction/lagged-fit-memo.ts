/**
 * fitLaggedHeating, remembered by its inputs' content. The poll worker predicts each cook afresh on every poll from
 * its whole stored series (nothing of the predictor outlives a poll), so each poll refitted every refit point of the
 * heating phase again: about a hundred golden-section fits per probe on a long cook, most of a poll's CPU. The fit is
 * a pure function of its points, start and pit, so the same curve up to the same bin answers from here, exactly as
 * fitting it again would; a warm container serving many cooks keeps the most recent MEMO_ENTRIES.
 */
import type { BinnedPoint } from './binned-series';
import { fitLaggedHeating, type LaggedHeatingFit } from './lagged-heating';

const MEMO_ENTRIES = 4_096;
const memo = new Map<string, LaggedHeatingFit | undefined>();

/** The curve a lagged fit is made of, named by its content: hashed once, then fitted under any number of pits. */
export interface LaggedCurve {
  readonly points: readonly BinnedPoint[];
  readonly start: { readonly atMs: number; readonly temperatureF: number };
  readonly key: string;
}

/** Two 32-bit FNV-1a hashes (different offsets) over every point's time and value: the key names the curve itself. */
export function laggedCurve(points: readonly BinnedPoint[], start: { atMs: number; temperatureF: number }): LaggedCurve {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const mix = (x: number) => {
    a = Math.imul(a ^ (x | 0), 0x01000193);
    a = Math.imul(a ^ Math.floor(x / 4_294_967_296), 0x01000193);
    b = Math.imul(b ^ (x | 0), 0x5bd1e995);
    b = Math.imul(b ^ Math.floor(x / 4_294_967_296), 0x5bd1e995);
  };
  for (const p of points) {
    mix(p.atMs);
    mix(Math.round(p.valueF * 1e6));
  }
  return { points, start, key: `${points.length}:${start.atMs}:${start.temperatureF}:${a >>> 0}:${b >>> 0}` };
}

export function memoizedLaggedFit(curve: LaggedCurve, asymptoteF: number): LaggedHeatingFit | undefined {
  const key = `${curve.key}:${asymptoteF}`;
  if (memo.has(key)) {
    const fit = memo.get(key);
    // Most recently used last, so the oldest entry is the first to go.
    memo.delete(key);
    memo.set(key, fit);
    return fit;
  }
  const fit = fitLaggedHeating(curve.points, curve.start, asymptoteF);
  memo.set(key, fit);
  if (memo.size > MEMO_ENTRIES) memo.delete(memo.keys().next().value as string);
  return fit;
}
