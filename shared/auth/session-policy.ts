/** How long sessions last and how many a user may have. Loaded once from config; tests pass their own. */
export interface SessionPolicy {
  /** Unused this long, a session ends (sliding). */
  idleSeconds: number;
  /** However much it is used, a session ends this long after sign-in. */
  absoluteSeconds: number;
  /** At most this many sessions per user; signing in once more ends the oldest. */
  maxPerUser: number;
  /**
   * A use is written back at most this often: every request would otherwise be a write. The sliding expiry is
   * therefore accurate to this interval.
   */
  touchEverySeconds: number;
}

export const defaultSessionPolicy: SessionPolicy = {
  idleSeconds: 7 * 86_400,
  absoluteSeconds: 30 * 86_400,
  maxPerUser: 20,
  touchEverySeconds: 300,
};

/** Whether a stored session still counts at `now`. */
export function sessionIsLive(session: { expiresAt: string; absoluteExpiresAt: string }, now: Date): boolean {
  const t = now.getTime();
  return t < Date.parse(session.expiresAt) && t < Date.parse(session.absoluteExpiresAt);
}

/** The expiry a use at `now` slides to. */
export function slidExpiry(session: { absoluteExpiresAt: string }, now: Date, policy: SessionPolicy): string {
  return new Date(Math.min(now.getTime() + policy.idleSeconds * 1000, Date.parse(session.absoluteExpiresAt))).toISOString();
}
