/**
 * Retry transient failures with capped exponential backoff and full jitter (AWS Architecture Blog,
 * "Exponential Backoff And Jitter"): the delay is uniform in [0, min(cap, base·2^n)), so many accounts
 * failing together do not retry in lockstep. Anything but a transient failure is returned at once.
 */
import { isTransient } from './errors';

export interface RetryPolicy {
  /** Total tries including the first (1 = no retry). */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 3, baseDelayMs: 250, maxDelayMs: 4_000 };

export interface RetryDeps {
  /** Uniform in [0, 1); injectable so tests pin the jitter. */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
  onRetry?: (info: { attempt: number; delayMs: number; error: unknown }) => void;
}

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function backoffDelayMs(policy: RetryPolicy, failedAttempt: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.floor(random() * ceiling);
}

/** `signal`: the caller's cancellation; no retry is started, and no backoff waited out, once it aborts. */
export async function withRetry<T>(operation: () => Promise<T>, policy: RetryPolicy, deps: RetryDeps, signal?: AbortSignal): Promise<T> {
  const attempts = Math.max(1, Math.floor(policy.maxAttempts));
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isTransient(error) || attempt >= attempts || signal?.aborted) throw error;
      const delayMs = backoffDelayMs(policy, attempt, deps.random);
      deps.onRetry?.({ attempt, delayMs, error });
      await (signal ? abortable(deps.sleep(delayMs), signal) : deps.sleep(delayMs));
    }
  }
}

function abortable(wait: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    wait.then(
      () => (signal.removeEventListener('abort', onAbort), resolve()),
      (error: unknown) => (signal.removeEventListener('abort', onAbort), reject(error)),
    );
  });
}
