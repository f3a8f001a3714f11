import { describe, expect, it } from 'vitest';
import type { LinkedAccount } from '../auth/account-store';
import { ThermoWorksRateLimitedError, ThermoWorksUnavailableError, ReauthRequiredError, AccountDisabledError } from '../thermoworks/errors';
import { failureStatus, successUpdate } from './link-health';

const now = new Date('2026-11-01T12:00:00.000Z');
const link = (over: Partial<LinkedAccount> = {}): LinkedAccount => ({
  userId: 'u1',
  accountId: 'a1',
  email: 'e@x.co',
  sealedRefreshToken: { v: 1, keyId: 'k', encryptedDataKey: 'e', iv: 'i', ciphertext: 'c', tag: 't' },
  status: 'ok',
  statusMessage: null,
  linkedAt: '2026-10-01T00:00:00.000Z',
  lastPolledAt: '2026-11-01T11:59:00.000Z',
  lastReadingAt: '2026-11-01T11:58:00.000Z',
  ...over,
});

describe('successUpdate', () => {
  it('leaves a healthy link alone while its last reading and poll are recent enough', () => {
    expect(successUpdate(link(), true, now)).toBeUndefined();
    expect(successUpdate(link(), false, now)).toBeUndefined();
  });

  it('moves lastReadingAt every 5 minutes of news, refreshes lastPolledAt every 15, and clears a failure at once', () => {
    expect(successUpdate(link({ lastReadingAt: '2026-11-01T11:55:00.000Z' }), true, now)).toEqual({ status: 'ok', statusMessage: null, polledAt: now.toISOString(), lastReadingAt: now.toISOString() });
    expect(successUpdate(link({ lastReadingAt: '2026-11-01T11:55:00.000Z' }), false, now)).toBeUndefined();
    expect(successUpdate(link({ lastPolledAt: '2026-11-01T11:45:00.000Z' }), false, now)).toEqual({ status: 'ok', statusMessage: null, polledAt: now.toISOString() });
    expect(successUpdate(link({ status: 'failing', statusMessage: 'down' }), false, now)).toEqual({ status: 'ok', statusMessage: null, polledAt: now.toISOString() });
    expect(successUpdate(link({ lastReadingAt: null }), true, now)).toMatchObject({ lastReadingAt: now.toISOString() });
  });
});

describe('failureStatus', () => {
  it('asks for a re-link only when ThermoWorks refused the credential or the account', () => {
    expect(failureStatus(new ReauthRequiredError('TOKEN_EXPIRED'))).toBe('relink-needed');
    expect(failureStatus(new AccountDisabledError())).toBe('relink-needed');
    expect(failureStatus(new ThermoWorksRateLimitedError({ retryAfterSeconds: 5 }))).toBe('failing');
    expect(failureStatus(new ThermoWorksUnavailableError('down', 'status'))).toBe('failing');
  });
});
