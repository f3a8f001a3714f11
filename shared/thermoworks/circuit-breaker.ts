/**
 * A per-account circuit breaker: after repeated transient failures or throttling, stop calling ThermoWorks
 * for that account for a while (open), then let one trial call through (half-open) and close on success.
 * Keeps one broken account from eating the poll worker's time and from hammering the service.
 */
import type { Clock } from '../clock';
import { CircuitOpenError, isTransient } from './errors';
import { RateLimitedError } from '../errors';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive counted failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before a trial call. */
  openMs: number;
}

export const defaultCircuitBreakerOptions: CircuitBreakerOptions = { failureThreshold: 5, openMs: 60_000 };

/** Only failures that say "the service is struggling" count; a wrong password or a 404 is a healthy answer. */
function counts(error: unknown): boolean {
  return isTransient(error) || error instanceof RateLimitedError;
}

export class CircuitBreaker {
  private failures = 0;
  private openUntil: number | undefined;
  private trialInFlight = false;

  constructor(
    readonly key: string,
    private readonly clock: Clock,
    private readonly options: CircuitBreakerOptions = defaultCircuitBreakerOptions,
  ) {}

  state(): CircuitState {
    if (this.openUntil === undefined) return 'closed';
    return this.clock.now().getTime() < this.openUntil ? 'open' : 'half-open';
  }

  /** Consecutive counted failures so far. */
  failureCount(): number {
    return this.failures;
  }

  async run<T>(operation: () => Promise<T>): Promise<T> {
    const state = this.state();
    if (state === 'open' || (state === 'half-open' && this.trialInFlight)) {
      const waitMs = Math.max(0, (this.openUntil ?? 0) - this.clock.now().getTime());
      throw new CircuitOpenError(this.key, Math.ceil(waitMs / 1000));
    }
    const isTrial = state === 'half-open';
    if (isTrial) this.trialInFlight = true;
    try {
      const result = await operation();
      this.reset();
      return result;
    } catch (error) {
      if (counts(error)) this.recordFailure(isTrial, error);
      else this.reset();
      throw error;
    } finally {
      if (isTrial) this.trialInFlight = false;
    }
  }

  private reset(): void {
    this.failures = 0;
    this.openUntil = undefined;
  }

  private recordFailure(isTrial: boolean, error: unknown): void {
    this.failures++;
    if (isTrial || this.failures >= this.options.failureThreshold) {
      // Honour a throttling hint when it asks for a longer pause than ours.
      const hintMs = error instanceof RateLimitedError && error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : 0;
      this.openUntil = this.clock.now().getTime() + Math.max(this.options.openMs, hintMs);
    }
  }
}

/** Breakers by account key, created on first use. */
export class CircuitBreakers {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(
    private readonly clock: Clock,
    private readonly options: CircuitBreakerOptions = defaultCircuitBreakerOptions,
  ) {}

  for(key: string): CircuitBreaker {
    let breaker = this.breakers.get(key);
    if (!breaker) {
      breaker = new CircuitBreaker(key, this.clock, this.options);
      this.breakers.set(key, breaker);
    }
    return breaker;
  }

  state(key: string): CircuitState {
    return this.breakers.get(key)?.state() ?? 'closed';
  }

  /** Drop an account's breaker (e.g. when the account is unlinked) so the map does not grow forever. */
  forget(key: string): void {
    this.breakers.delete(key);
  }
}
