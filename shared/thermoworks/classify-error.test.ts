import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { PitwatchError, RateLimitedError, UpstreamUnavailableError } from '../errors';
import { classifyErrorResponse, IdTokenRejectedError, type ThermoWorksService } from './classify-error';
import {
  AccountDisabledError,
  InvalidCredentialsError,
  ReauthRequiredError,
  ThermoWorksNotFoundError,
  ThermoWorksPermissionDeniedError,
  ThermoWorksRateLimitedError,
  ThermoWorksRequestRejectedError,
  ThermoWorksUnavailableError,
  TooManyAttemptsError,
} from './errors';
import { readFixture } from './testing/fixtures';

const clock = new ManualClock('2026-11-01T20:00:00Z');

function classify(service: ThermoWorksService, fixture: string, headers: Record<string, string> = {}) {
  const body = readFixture(fixture) as { error: { code: number } };
  return classifyErrorResponse(service, { status: body.error.code, body, headers: new Headers(headers), resource: 'device X' }, clock.now());
}

describe('classifyErrorResponse (fixture error bodies)', () => {
  it.each(['error-email-not-found', 'error-invalid-password', 'error-invalid-login-credentials'])('%s at sign-in → InvalidCredentials (401)', (fixture) => {
    const error = classify('signIn', fixture);
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expect(error.httpStatus).toBe(401);
    expect(error.code).toBe('THERMOWORKS_INVALID_CREDENTIALS');
  });

  it('INVALID_EMAIL at sign-in → InvalidCredentials', () => {
    const body = { error: { code: 400, message: 'INVALID_EMAIL', errors: [] } };
    expect(classifyErrorResponse('signIn', { status: 400, body, headers: new Headers() }, clock.now())).toBeInstanceOf(InvalidCredentialsError);
  });

  it('USER_DISABLED → AccountDisabled at sign-in, ReauthRequired at refresh', () => {
    expect(classify('signIn', 'error-user-disabled')).toBeInstanceOf(AccountDisabledError);
    const onRefresh = classify('refresh', 'error-user-disabled');
    expect(onRefresh).toBeInstanceOf(ReauthRequiredError);
    expect((onRefresh as ReauthRequiredError).reason).toBe('USER_DISABLED');
  });

  it('TOO_MANY_ATTEMPTS_TRY_LATER with its suffix → TooManyAttempts (a RateLimitedError)', () => {
    const error = classify('signIn', 'error-too-many-attempts', { 'retry-after': '120' });
    expect(error).toBeInstanceOf(TooManyAttemptsError);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as TooManyAttemptsError).retryAfterSeconds).toBe(120);
  });

  it('429 RESOURCE_EXHAUSTED → rate limited, Retry-After as an HTTP date', () => {
    const error = classify('firestore', 'error-resource-exhausted', { 'retry-after': new Date(clock.now().getTime() + 30_000).toUTCString() });
    expect(error).toBeInstanceOf(ThermoWorksRateLimitedError);
    expect((error as ThermoWorksRateLimitedError).retryAfterSeconds).toBe(30);
  });

  it.each(['TOKEN_EXPIRED', 'INVALID_REFRESH_TOKEN', 'USER_NOT_FOUND'])('%s at refresh → ReauthRequired', (reason) => {
    const body = { error: { code: 400, message: reason, errors: [{ message: reason, domain: 'global', reason: 'invalid' }] } };
    const error = classifyErrorResponse('refresh', { status: 400, body, headers: new Headers() }, clock.now());
    expect(error).toBeInstanceOf(ReauthRequiredError);
    expect(error).not.toBeInstanceOf(IdTokenRejectedError);
  });

  it('the token-expired fixture at refresh → ReauthRequired', () => {
    expect(classify('refresh', 'error-token-expired')).toBeInstanceOf(ReauthRequiredError);
  });

  it('401 UNAUTHENTICATED from Firestore → IdTokenRejected (refresh once, then re-link)', () => {
    const error = classify('firestore', 'error-unauthenticated');
    expect(error).toBeInstanceOf(IdTokenRejectedError);
    expect(error).toBeInstanceOf(ReauthRequiredError);
  });

  it('404 NOT_FOUND → NotFound naming the resource', () => {
    const error = classify('firestore', 'error-not-found');
    expect(error).toBeInstanceOf(ThermoWorksNotFoundError);
    expect(error.message).toContain('device X');
    expect(error.httpStatus).toBe(404);
  });

  it('403 → PermissionDenied for data, RequestRejected for the key-restricted endpoints', () => {
    const body = { error: { code: 403, message: 'Requests from referer <empty> are blocked.', status: 'PERMISSION_DENIED' } };
    expect(classifyErrorResponse('firestore', { status: 403, body, headers: new Headers() }, clock.now())).toBeInstanceOf(ThermoWorksPermissionDeniedError);
    expect(classifyErrorResponse('signIn', { status: 403, body, headers: new Headers() }, clock.now())).toBeInstanceOf(ThermoWorksRequestRejectedError);
  });

  it('5xx, with or without a JSON body → transient', () => {
    for (const status of [500, 502, 503, 504]) {
      const error = classifyErrorResponse('firestore', { status, body: undefined, headers: new Headers() }, clock.now());
      expect(error).toBeInstanceOf(ThermoWorksUnavailableError);
      expect(error).toBeInstanceOf(UpstreamUnavailableError);
    }
  });

  it('an unknown 400 → RequestRejected, never credentials', () => {
    const error = classifyErrorResponse('signIn', { status: 400, body: { error: { code: 400, message: 'SOMETHING_NEW' } }, headers: new Headers() }, clock.now());
    expect(error).toBeInstanceOf(ThermoWorksRequestRejectedError);
    expect(error).toBeInstanceOf(PitwatchError);
  });
});
