import { Z80, type EtaQuantiles } from './eta-quantiles';
import { normalCdf } from './normal-distribution';
import { bisect } from './numeric-search';

/**
 * The 10th / 50th / 90th percentiles of a weighted mixture of ETA estimates — one per hypothesis about something
 * the data cannot tell (e.g. how hot a pit with no probe runs). Each part is read as a two-piece log-normal through
 * its own three quantiles (keeping a stall's skew); a part that never arrives (infinite median) is probability
 * mass at infinity. The mixture's quantiles are found by bisection on its CDF.
 */
export interface WeightedQuantiles {
  readonly weight: number;
  readonly quantiles: EtaQuantiles;
}

const PROBABILITIES = [0.1, 0.5, 0.9] as const;
const BISECTION_STEPS = 60;

export function mixQuantiles(parts: readonly WeightedQuantiles[]): EtaQuantiles {
  const usable = parts.filter((p) => p.weight > 0);
  if (usable.length === 1) return (usable[0] as WeightedQuantiles).quantiles;
  const total = usable.reduce((s, p) => s + p.weight, 0);
  const finite = usable.filter((p) => Number.isFinite(p.quantiles.mid));
  if (finite.length === 0 || total <= 0) return { low: Infinity, mid: Infinity, high: Infinity };
  const cdf = (hours: number): number =>
    finite.reduce((s, p) => s + (p.weight / total) * twoPieceLogNormalCdf(p.quantiles, hours), 0);
  const lo = Math.max(1e-6, Math.min(...finite.map((p) => p.quantiles.low)) / 2);
  const hi = Math.max(...finite.map((p) => (Number.isFinite(p.quantiles.high) ? p.quantiles.high : p.quantiles.mid * 10))) * 2;
  // Bisection in log-hours: the quantiles span minutes to days.
  const quantile = (p: number): number =>
    Math.exp(bisect((logHours) => cdf(Math.exp(logHours)) >= p, Math.log(lo), Math.log(hi), BISECTION_STEPS));
  const [low, mid, high] = PROBABILITIES.map((p) => (cdf(hi) < p ? Infinity : quantile(p))) as [
    number,
    number,
    number,
  ];
  return { low, mid, high };
}

function twoPieceLogNormalCdf(q: EtaQuantiles, hours: number): number {
  if (q.mid <= 0) return 1;
  if (hours <= 0) return 0;
  const x = Math.log(hours / q.mid);
  const spread = x < 0 ? Math.log(q.mid / Math.max(q.low, 1e-9)) / Z80 : Math.log(q.high / q.mid) / Z80;
  if (!(spread > 1e-9)) return x < 0 ? 0 : 1;
  if (!Number.isFinite(spread)) return x < 0 ? 0 : 0.5;
  return normalCdf(x / spread);
}
