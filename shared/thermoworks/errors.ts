/**
 * ThermoWorks failures as Pitwatch errors. Each class says what the caller should do: fix credentials,
 * re-link the account, wait, or retry later. They extend the one hierarchy in shared/errors.ts so the HTTP
 * layer maps them without knowing about ThermoWorks.
 */
import {
  ForbiddenError,
  NotFoundError,
  PitwatchError,
  RateLimitedError,
  UpstreamUnavailableError,
} from '../errors';

/** What went wrong on the wire, kept for logs; never holds tokens or passwords. */
export interface UpstreamDetail {
  /** The service's reason (e.g. `INVALID_PASSWORD`, `UNAVAILABLE`) when it sent one. */
  reason?: string;
  /** HTTP status, when a response arrived. */
  status?: number;
}

function detailsOf(detail: UpstreamDetail): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  if (detail.reason !== undefined) out.reason = detail.reason;
  if (detail.status !== undefined) out.upstreamStatus = detail.status;
  return Object.keys(out).length === 0 ? undefined : out;
}

/** Wrong email or password (EMAIL_NOT_FOUND, INVALID_PASSWORD, INVALID_LOGIN_CREDENTIALS, INVALID_EMAIL). Never retry. */
export class InvalidCredentialsError extends PitwatchError {
  readonly code = 'THERMOWORKS_INVALID_CREDENTIALS';
  readonly httpStatus = 401;
  readonly reason: string;
  constructor(reason: string, options?: { cause?: unknown }) {
    super('ThermoWorks rejected the email or password', { cause: options?.cause, details: { reason } });
    this.reason = reason;
  }
}

/** The ThermoWorks account is disabled (USER_DISABLED at sign-in). */
export class AccountDisabledError extends PitwatchError {
  readonly code = 'THERMOWORKS_ACCOUNT_DISABLED';
  readonly httpStatus = 403;
  constructor(options?: { cause?: unknown }) {
    super('The ThermoWorks account is disabled', { cause: options?.cause, details: { reason: 'USER_DISABLED' } });
  }
}

/** Firebase Auth locked sign-in after repeated failures (TOO_MANY_ATTEMPTS_TRY_LATER). */
export class TooManyAttemptsError extends RateLimitedError {
  override readonly code: string = 'THERMOWORKS_TOO_MANY_ATTEMPTS';
  constructor(options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super('ThermoWorks temporarily blocked sign-in after too many attempts', options);
  }
}

/** Firestore or another service throttled us (429 RESOURCE_EXHAUSTED). Not retried here: the caller backs off. */
export class ThermoWorksRateLimitedError extends RateLimitedError {
  override readonly code: string = 'THERMOWORKS_RATE_LIMITED';
  constructor(options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super('ThermoWorks is throttling requests', options);
  }
}

/**
 * The stored refresh token no longer works (TOKEN_EXPIRED, INVALID_REFRESH_TOKEN, USER_NOT_FOUND,
 * USER_DISABLED on refresh, or a fresh token still refused): the user must sign in again ("re-link needed").
 */
export class ReauthRequiredError extends PitwatchError {
  readonly code = 'THERMOWORKS_REAUTH_REQUIRED';
  readonly httpStatus = 401;
  readonly reason: string;
  constructor(reason: string, options?: { cause?: unknown }) {
    super('ThermoWorks needs the user to sign in again', { cause: options?.cause, details: { reason } });
    this.reason = reason;
  }
}

export type TransientKind = 'status' | 'timeout' | 'network';

/** 5xx, timeout or dropped connection: may pass, so it is retried with backoff. */
export class ThermoWorksUnavailableError extends UpstreamUnavailableError {
  override readonly code: string = 'THERMOWORKS_UNAVAILABLE';
  readonly kind: TransientKind;
  constructor(message: string, kind: TransientKind, detail: UpstreamDetail = {}, options?: { cause?: unknown }) {
    super(message, { cause: options?.cause, details: { kind, ...detailsOf(detail) } });
    this.kind = kind;
  }
}

/** The per-account circuit breaker is open: we stopped calling ThermoWorks for this account for a while. */
export class CircuitOpenError extends UpstreamUnavailableError {
  override readonly code: string = 'THERMOWORKS_CIRCUIT_OPEN';
  readonly retryAfterSeconds: number;
  constructor(key: string, retryAfterSeconds: number) {
    super(`ThermoWorks calls for ${key} are paused after repeated failures`, { details: { retryAfterSeconds } });
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/**
 * The caller stopped waiting (its time budget ran out, it was cancelled): says nothing about ThermoWorks, so it is
 * neither retried nor counted by the circuit breaker. Callers abort with a subclass of their own as the reason.
 */
export abstract class CallerGaveUpError extends UpstreamUnavailableError {}

/** A response we cannot understand (not JSON, not a Firestore document, missing essentials). Not retried. */
export class MalformedResponseError extends PitwatchError {
  readonly code = 'THERMOWORKS_MALFORMED_RESPONSE';
  readonly httpStatus = 502;
  constructor(message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options);
  }
}

/** The document (device, channel, archive, user) does not exist. */
export class ThermoWorksNotFoundError extends NotFoundError {
  readonly resource: string;
  constructor(resource: string, options?: { cause?: unknown }) {
    super(`ThermoWorks has no ${resource}`, { cause: options?.cause, details: { resource } });
    this.resource = resource;
  }
}

/** The signed-in user may not read this (403 PERMISSION_DENIED), e.g. another account's device. */
export class ThermoWorksPermissionDeniedError extends ForbiddenError {
  constructor(message = 'ThermoWorks refused access', options?: { cause?: unknown; detail?: UpstreamDetail }) {
    super(message, { cause: options?.cause, details: detailsOf(options?.detail ?? {}) });
  }
}

/** Any other 4xx (bad API key, referrer blocked, invalid argument): a configuration or client bug. Never retried. */
export class ThermoWorksRequestRejectedError extends PitwatchError {
  readonly code = 'THERMOWORKS_REQUEST_REJECTED';
  readonly httpStatus = 502;
  constructor(message: string, detail: UpstreamDetail = {}, options?: { cause?: unknown }) {
    super(message, { cause: options?.cause, details: detailsOf(detail) });
  }
}

/** Transient failures are the only ones worth retrying or counting against an account's circuit. */
export function isTransient(error: unknown): error is ThermoWorksUnavailableError {
  return error instanceof ThermoWorksUnavailableError;
}
