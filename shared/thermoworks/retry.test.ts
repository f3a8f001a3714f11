import { describe, expect, it } from 'vitest';
import { InvalidCredentialsError, ThermoWorksRateLimitedError, ThermoWorksUnavailableError } from './errors';
import { backoffDelayMs, withRetry } from './retry';

const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 300 };

function failing(errors: unknown[], result = 'ok') {
  let calls = 0;
  const op = async () => {
    const error = errors[calls++];
    if (error !== undefined) throw error;
    return result;
  };
  return { op, calls: () => calls };
}

describe('withRetry', () => {
  it('retries transient failures with capped exponential backoff and full jitter', async () => {
    const sleeps: number[] = [];
    const transient = new ThermoWorksUnavailableError('down', 'status');
    const { op, calls } = failing([transient, transient, transient]);
    await expect(withRetry(op, policy, { random: () => 0.5, sleep: async (ms) => void sleeps.push(ms) })).resolves.toBe('ok');
    expect(calls()).toBe(4);
    // ceilings 100, 200, 300 (capped), times the jitter 0.5
    expect(sleeps).toEqual([50, 100, 150]);
  });

  it('gives up after maxAttempts with the last transient error', async () => {
    const last = new ThermoWorksUnavailableError('timeout', 'timeout');
    const { op, calls } = failing([last, last, last, last, last]);
    await expect(withRetry(op, policy, { random: () => 0, sleep: async () => {} })).rejects.toBe(last);
    expect(calls()).toBe(4);
  });

  it.each([
    ['bad password', new InvalidCredentialsError('INVALID_PASSWORD')],
    ['429', new ThermoWorksRateLimitedError()],
    ['a bug', new TypeError('x')],
  ])('never retries %s', async (_, error) => {
    const { op, calls } = failing([error]);
    let slept = false;
    await expect(withRetry(op, policy, { random: () => 0.5, sleep: async () => void (slept = true) })).rejects.toBe(error);
    expect(calls()).toBe(1);
    expect(slept).toBe(false);
  });

  it('jitter spans [0, ceiling)', () => {
    expect(backoffDelayMs(policy, 1, () => 0)).toBe(0);
    expect(backoffDelayMs(policy, 1, () => 0.999)).toBe(99);
    expect(backoffDelayMs(policy, 10, () => 0.999)).toBe(299);
  });
});
