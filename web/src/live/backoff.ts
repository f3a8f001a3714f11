/**
 * How long to wait before reconnect attempt `attempt` (0-based): exponential, capped, with jitter.
 * Jitter matters because a Pitwatch outage disconnects every open browser at once; without it they
 * would all come back in the same second, again and again.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Fraction of the delay that is randomised: 0 = fixed schedule, 0.5 = between 50 % and 100 %. */
  jitter: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, maxMs: 30_000, jitter: 0.5 };

export function backoffDelay(attempt: number, random: () => number = Math.random, policy = defaultBackoff): number {
  const exponent = Math.max(0, Math.floor(attempt));
  // Capping the exponent first keeps 2 ** n finite however long the outage lasts.
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(exponent, 30));
  return Math.round(ceiling * (1 - policy.jitter * random()));
}
