import { newtonHoursToReach } from './newton-heating';

/** Hours to target as an 80 % interval and a median: what every projection returns. */
export interface EtaQuantiles {
  readonly low: number;
  readonly mid: number;
  readonly high: number;
}

export const Z80 = 1.2815515655446004;

/** Relative (log-space) model error of a Newton projection: grows with how much of the drive is left to cover. */
const NEWTON_SIGMA_BASE = 0.22;
const NEWTON_SIGMA_PER_U = 0.5;

export function newtonQuantiles(fromF: number, toF: number, pitF: number, k: number): EtaQuantiles {
  return heatingQuantiles(newtonHoursToReach(fromF, toF, pitF, k), fromF, toF, pitF);
}

/** A heating model's median hours from `fromF` to `toF` with the model error above. */
export function heatingQuantiles(mid: number, fromF: number, toF: number, pitF: number): EtaQuantiles {
  if (mid === 0) return { low: 0, mid: 0, high: 0 };
  const u = Math.min(1, (toF - fromF) / (pitF - fromF));
  const sigma = NEWTON_SIGMA_BASE + NEWTON_SIGMA_PER_U * u;
  return { low: mid * Math.exp(-Z80 * sigma), mid, high: mid * Math.exp(Z80 * sigma) };
}

/** Sums independent pieces: medians add; the interval half-widths add in quadrature. */
export function sumQuantiles(parts: readonly EtaQuantiles[]): EtaQuantiles {
  const mid = parts.reduce((s, p) => s + p.mid, 0);
  const down = Math.sqrt(parts.reduce((s, p) => s + (p.mid - p.low) ** 2, 0));
  const up = Math.sqrt(parts.reduce((s, p) => s + (p.high - p.mid) ** 2, 0));
  return { low: Math.max(0, mid - down), mid, high: mid + up };
}

/** Weighted mix of two estimates of the same quantity (used to hand over smoothly between models). */
export function blendQuantiles(a: EtaQuantiles, b: EtaQuantiles, weightOfB: number): EtaQuantiles {
  const w = Math.min(1, Math.max(0, weightOfB));
  return {
    low: (1 - w) * a.low + w * b.low,
    mid: (1 - w) * a.mid + w * b.mid,
    high: (1 - w) * a.high + w * b.high,
  };
}

