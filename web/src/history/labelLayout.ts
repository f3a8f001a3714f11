/**
 * Where chart labels go so they never print over each other. Pure, so it runs in tests and the chart alike.
 */

/**
 * Spreads 1-D label positions (pixels) at least `gap` apart, as close to where each wants to be as that allows, all
 * inside [min, max] when they fit. Returns the positions in the input order.
 */
export function spreadLabels(wanted: readonly number[], gap: number, min: number, max: number): number[] {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a]! - wanted[b]!);
  const placed: number[] = new Array<number>(wanted.length);
  // Push down (towards larger values) from the first, then pull back up from the end if the last fell off.
  let previous = -Infinity;
  for (const i of order) {
    const at = Math.max(wanted[i]!, previous + gap, min);
    placed[i] = at;
    previous = at;
  }
  let next = Infinity;
  for (let k = order.length - 1; k >= 0; k--) {
    const i = order[k]!;
    const at = Math.min(placed[i]!, next - gap, max);
    placed[i] = at;
    next = at;
  }
  return placed.map((at) => Math.max(at, min));
}

/**
 * Rows for marker labels along the x axis: each label goes in the first row where it does not touch the one before
 * it (a label spans [x, x + width]). Labels that would need more than `rows` rows share the last one.
 */
export function stackLabels(xs: readonly number[], widths: readonly number[], rows: number, gap = 4): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]!);
  const rowEnds = new Array<number>(rows).fill(-Infinity);
  const out = new Array<number>(xs.length).fill(0);
  for (const i of order) {
    const row = rowEnds.findIndex((end) => xs[i]! >= end + gap);
    const chosen = row < 0 ? rows - 1 : row;
    out[i] = chosen;
    rowEnds[chosen] = xs[i]! + widths[i]!;
  }
  return out;
}
