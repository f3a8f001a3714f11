/** The one-dimensional numeric searches the prediction models share. */

/** Argument of the minimum of a unimodal function on [a, b], by golden-section search. */
export function goldenMinimum(f: (x: number) => number, a: number, b: number, steps: number): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < steps; i += 1) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

/**
 * Where a monotone condition switches on, between `lo` (false there) and `hi` (true there), by bisection: the
 * first x at which `reached(x)` holds, within (hi − lo)/2^steps.
 */
export function bisect(reached: (x: number) => boolean, lo: number, hi: number, steps: number): number {
  for (let i = 0; i < steps; i += 1) {
    const mid = (lo + hi) / 2;
    if (reached(mid)) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}
