/**
 * Sign-in throttling inside Pitwatch, before ThermoWorks sees anything. ThermoWorks locks an account after about
 * ten bad passwords, so without this anyone who knows a user's email could lock them out through Pitwatch.
 *
 * Each attempt first reserves a slot on two counters, its email and its source network, atomically and under the
 * limit, so that even a burst of parallel attempts lets at most the limit through. The outcome then settles the
 * slots: a wrong password keeps them (that is what is counted); a success clears the email's counter; anything that
 * is not the caller's doing (ThermoWorks down) gives them back. Once a counter is full it stays shut for a whole
 * window after its last attempt.
 *
 * ThermoWorks counts consecutive failures with no success in between, whatever their pace; 5 per 15 minutes would
 * still reach its 10 within half an hour. So each email also has a day counter, below ThermoWorks' lockout.
 */
import type { Clock } from '../clock';
import { RateLimitedError } from '../errors';
import { hashToken } from '../ids';

export interface SignInThrottlePolicy {
  maxFailuresPerEmail: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
  /** Failures per email per day: below ThermoWorks' own lockout (about 10 in a row). */
  maxFailuresPerEmailPerDay: number;
}

const DAY_SECONDS = 86_400;

export const defaultSignInThrottlePolicy: SignInThrottlePolicy = { maxFailuresPerEmail: 5, maxFailuresPerIp: 20, windowSeconds: 900, maxFailuresPerEmailPerDay: 9 };

export type Reservation = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Attempt counters with a window, one per key, updated atomically (DynamoDB conditional updates with TTL). */
export interface AttemptCounterStore {
  /** Takes one slot under `limit` in the key's window, or says how long until the key opens again. */
  reserve(key: string, limit: number, windowSeconds: number, now: Date): Promise<Reservation>;
  /** Gives a slot back: the attempt did not count. */
  release(key: string): Promise<void>;
  /** Clears the key: the attempt proved who the caller is. */
  reset(key: string): Promise<void>;
}

/** How an attempt ended, as far as counting goes. */
export type AttemptOutcome = 'succeeded' | 'bad-credentials' | 'not-counted';

export function signInKeys(email: string, sourceIp: string): { email: string; emailDay: string; network: string } {
  const emailHash = hashToken(email.trim().toLowerCase());
  return { email: `email#${emailHash}`, emailDay: `email-day#${emailHash}`, network: `ip#${networkOf(sourceIp)}` };
}

/** IPv6 clients get a whole /64 each (one host can use any address in it); IPv4 is counted per address. */
export function networkOf(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1] as string;
  if (!ip.includes(':')) return ip || 'unknown';
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/**
 * Runs one sign-in attempt under the throttle. `attempt` reports how it ended with `classify`; the caller's
 * answer is whatever `attempt` returns or throws. Past the limit it throws RateLimitedError (429 with
 * retry-after) and `attempt` never runs.
 */
export async function throttledSignIn<T>(
  who: { email: string; sourceIp: string },
  attempt: () => Promise<T>,
  classify: (error: unknown) => AttemptOutcome,
  deps: { counters: AttemptCounterStore; policy: SignInThrottlePolicy; clock: Clock },
): Promise<T> {
  const keys = signInKeys(who.email, who.sourceIp);
  const now = deps.clock.now();
  const { policy } = deps;
  const counters: Array<[key: string, limit: number, windowSeconds: number]> = [
    [keys.email, policy.maxFailuresPerEmail, policy.windowSeconds],
    [keys.emailDay, policy.maxFailuresPerEmailPerDay, DAY_SECONDS],
    [keys.network, policy.maxFailuresPerIp, policy.windowSeconds],
  ];
  const reserved: string[] = [];
  for (const [key, limit, windowSeconds] of counters) {
    const reservation = await deps.counters.reserve(key, limit, windowSeconds, now);
    if (!reservation.allowed) {
      await Promise.all(reserved.map((k) => deps.counters.release(k)));
      throw tooMany(reservation.retryAfterSeconds);
    }
    reserved.push(key);
  }
  let result: T;
  try {
    result = await attempt();
  } catch (error) {
    if (classify(error) !== 'bad-credentials') await Promise.all(reserved.map((k) => deps.counters.release(k)));
    throw error;
  }
  await Promise.all([deps.counters.reset(keys.email), deps.counters.reset(keys.emailDay), deps.counters.release(keys.network)]);
  return result;
}

function tooMany(retryAfterSeconds: number): RateLimitedError {
  return new RateLimitedError('Too many sign-in attempts. Wait a little and try again.', { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
}
