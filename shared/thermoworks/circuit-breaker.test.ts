import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { CircuitBreaker, CircuitBreakers } from './circuit-breaker';
import { CallerGaveUpError, CircuitOpenError, InvalidCredentialsError, ThermoWorksRateLimitedError, ThermoWorksUnavailableError } from './errors';

const transient = () => Promise.reject(new ThermoWorksUnavailableError('down', 'status'));
const fine = () => Promise.resolve('ok');

describe('CircuitBreaker', () => {
  it('opens after the threshold, fails fast, half-opens after the pause, closes on success', async () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker('acct', clock, { failureThreshold: 3, probeAfterMs: 10_000, maxPauseMs: 60_000 });
    for (let i = 0; i < 3; i++) await expect(breaker.run(transient)).rejects.toBeInstanceOf(ThermoWorksUnavailableError);
    expect(breaker.state()).toBe('open');
    let called = false;
    const error = await breaker.run(async () => void (called = true)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CircuitOpenError);
    expect((error as CircuitOpenError).retryAfterSeconds).toBe(10);
    expect(called).toBe(false);

    clock.advance(10_000);
    expect(breaker.state()).toBe('half-open');
    await expect(breaker.run(fine)).resolves.toBe('ok');
    expect(breaker.state()).toBe('closed');
  });

  it('re-opens when the half-open trial fails, and lets only one trial through', async () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker('acct', clock, { failureThreshold: 1, probeAfterMs: 1000, maxPauseMs: 60_000 });
    await breaker.run(transient).catch(() => undefined);
    clock.advance(1000);
    let release: () => void = () => undefined;
    const trial = breaker.run(() => new Promise<never>((_, reject) => (release = () => reject(new ThermoWorksUnavailableError('x', 'network')))));
    await expect(breaker.run(fine)).rejects.toBeInstanceOf(CircuitOpenError);
    release();
    await expect(trial).rejects.toBeInstanceOf(ThermoWorksUnavailableError);
    expect(breaker.state()).toBe('open');
  });

  it('does not count healthy answers such as a bad password; a success resets the count', async () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker('acct', clock, { failureThreshold: 2, probeAfterMs: 1000, maxPauseMs: 60_000 });
    await breaker.run(transient).catch(() => undefined);
    await breaker.run(() => Promise.reject(new InvalidCredentialsError('INVALID_PASSWORD'))).catch(() => undefined);
    await breaker.run(transient).catch(() => undefined);
    expect(breaker.state()).toBe('closed');
    expect(breaker.failureCount()).toBe(1);
  });

  it('pauses for exactly the Retry-After of a throttle, at the first one, capped', async () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker('acct', clock, { failureThreshold: 5, probeAfterMs: 5000, maxPauseMs: 60_000 });
    await breaker.run(() => Promise.reject(new ThermoWorksRateLimitedError({ retryAfterSeconds: 8 }))).catch(() => undefined);
    expect(breaker.state()).toBe('open');
    clock.advance(7_999);
    expect(breaker.state()).toBe('open');
    clock.advance(1);
    expect(breaker.state()).toBe('half-open');
    await breaker.run(fine);
    await breaker.run(() => Promise.reject(new ThermoWorksRateLimitedError({ retryAfterSeconds: 3600 }))).catch(() => undefined);
    clock.advance(60_000);
    expect(breaker.state()).toBe('half-open');
  });

  it('probes soon after an outage without a hint, and ignores calls the caller gave up on', async () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker('acct', clock, { failureThreshold: 2, probeAfterMs: 5000, maxPauseMs: 60_000 });
    await breaker.run(transient).catch(() => undefined);
    class GaveUp extends CallerGaveUpError {
      override readonly code = 'GAVE_UP';
    }
    await expect(breaker.run(() => Promise.reject(new GaveUp('budget')))).rejects.toBeInstanceOf(GaveUp);
    expect(breaker.failureCount()).toBe(1); // neither counted nor a reset
    await breaker.run(transient).catch(() => undefined);
    expect(breaker.state()).toBe('open');
    clock.advance(5000);
    expect(breaker.state()).toBe('half-open');
  });
});

describe('CircuitBreakers', () => {
  it('keeps one breaker per key', async () => {
    const breakers = new CircuitBreakers(new ManualClock(), { failureThreshold: 1, probeAfterMs: 1000, maxPauseMs: 60_000 });
    await breakers.for('a').run(transient).catch(() => undefined);
    expect(breakers.state('a')).toBe('open');
    expect(breakers.state('b')).toBe('closed');
    breakers.forget('a');
    expect(breakers.state('a')).toBe('closed');
  });
});
