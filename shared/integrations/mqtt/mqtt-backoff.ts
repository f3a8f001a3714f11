/** After n failures in a row, no attempt for 15 s · 2^(n−1), at most 15 minutes: a broker that is down costs little. */
export const BACKOFF_BASE_SECONDS = 15;
export const BACKOFF_MAX_SECONDS = 15 * 60;

export function backoffSeconds(consecutiveFailures: number): number {
  if (consecutiveFailures <= 0) return 0;
  return Math.min(BACKOFF_MAX_SECONDS, BACKOFF_BASE_SECONDS * 2 ** (consecutiveFailures - 1));
}
