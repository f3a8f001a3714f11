/**
 * A per-account circuit breaker: after repeated transient failures, or at once when ThermoWorks throttles with a
 * `retry-after`, stop calling ThermoWorks for that account (open), then let one trial call through (half-open) and
 * close on success. Keeps one broken account from eating the poll worker's time and from hammering the service.
 *
 * The pause is what ThermoWorks asked for (`retry-after`), or else a short probe: shorter than the poll interval, so
 * the first poll after ThermoWorks answers again gets through (a fixed minute kept accounts dark for up to 60 s).
 */
import type { Clock } from '../clock';
import { CallerGaveUpError, CircuitOpenError, isTransient } from './errors';
import { RateLimitedError } from '../errors';

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive counted failures that open the circuit (a throttle with `retry-after` opens it at once). */
  failureThreshold: number;
  /** Without a `retry-after`: how long the circuit stays open before a trial call. */
  probeAfterMs: number;
  /** The longest pause a `retry-after` may ask for. */
  maxPauseMs: number;
}

export const defaultCircuitBreakerOptions: CircuitBreakerOptions = { failureThreshold: 5, probeAfterMs: 5_000, maxPauseMs: 5 * 60_000 };

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
      if (error instanceof CallerGaveUpError) throw error; // we stopped waiting: no news about ThermoWorks
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
    const now = this.clock.now().getTime();
    if (error instanceof RateLimitedError && error.retryAfterSeconds !== undefined) {
      // ThermoWorks said how long to wait: wait that long, not a guess of ours.
      this.openUntil = now + Math.min(this.options.maxPauseMs, Math.max(1000, error.retryAfterSeconds * 1000));
    } else if (isTrial || this.failures >= this.options.failureThreshold) {
      this.openUntil = now + this.options.probeAfterMs;
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
