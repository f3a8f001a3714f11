/**
 * One place that turns a ThermoWorks error response into the right error type. Firebase Auth speaks in
 * `error.message` reasons (`INVALID_PASSWORD`, `TOO_MANY_ATTEMPTS_TRY_LATER : …`); Firestore in
 * `error.status` (`NOT_FOUND`, `UNAUTHENTICATED`…). The HTTP status decides first for 5xx and 429.
 */
import * as z from '../validation/zod';
import type { PitwatchError } from '../errors';
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

/** Which service answered: the same reason means different things at sign-in and at refresh. */
export type ThermoWorksService = 'signIn' | 'refresh' | 'webConfig' | 'firestore' | 'storage' | 'functions';

/** Firestore/Storage refused the id token (401): the session refreshes once and tries again. */
export class IdTokenRejectedError extends ReauthRequiredError {
  constructor(options?: { cause?: unknown }) {
    super('UNAUTHENTICATED', options);
  }
}

const errorBodySchema = z.object({
  error: z.looseObject({
    code: z.optional(z.number()),
    message: z.optional(z.string()),
    status: z.optional(z.string()),
  }),
});

const INVALID_CREDENTIALS = new Set(['EMAIL_NOT_FOUND', 'INVALID_PASSWORD', 'INVALID_LOGIN_CREDENTIALS', 'INVALID_EMAIL']);
const REAUTH_ON_REFRESH = new Set([
  'TOKEN_EXPIRED', 'INVALID_REFRESH_TOKEN', 'USER_NOT_FOUND', 'USER_DISABLED', 'MISSING_REFRESH_TOKEN', 'INVALID_ID_TOKEN',
]);
const TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS_TRY_LATER';

export interface ErrorResponse {
  status: number;
  /** Parsed JSON body, or undefined when the body was not JSON. */
  body: unknown;
  headers: Headers;
  /** What was asked for, for NotFound messages (e.g. `device 12:34:…`). */
  resource?: string;
}

/** `TOO_MANY_ATTEMPTS_TRY_LATER : Access to this account…` → `TOO_MANY_ATTEMPTS_TRY_LATER`. */
export function reasonOf(body: unknown): { reason?: string; status?: string } {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return {};
  const message = parsed.data.error.message;
  const reason = message === undefined ? undefined : (message.split(' : ')[0] ?? message).trim();
  return { reason, status: parsed.data.error.status };
}

/** `Retry-After` in seconds or as an HTTP date. */
export function retryAfterSeconds(headers: Headers, now: Date): number | undefined {
  const raw = headers.get('retry-after');
  if (raw === null) return undefined;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim());
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}

export function classifyErrorResponse(service: ThermoWorksService, response: ErrorResponse, now: Date): PitwatchError {
  const { status } = response;
  const { reason, status: rpcStatus } = reasonOf(response.body);
  const detail = { reason: rpcStatus ?? reason, status };

  if (status >= 500) return new ThermoWorksUnavailableError(`ThermoWorks ${service} answered ${status}`, 'status', detail);
  if (status === 429 || rpcStatus === 'RESOURCE_EXHAUSTED') {
    return new ThermoWorksRateLimitedError({ retryAfterSeconds: retryAfterSeconds(response.headers, now) });
  }

  if (service === 'signIn' || service === 'refresh') {
    if (reason === TOO_MANY_ATTEMPTS) {
      return new TooManyAttemptsError({ retryAfterSeconds: retryAfterSeconds(response.headers, now) });
    }
    if (service === 'signIn') {
      if (reason !== undefined && INVALID_CREDENTIALS.has(reason)) return new InvalidCredentialsError(reason);
      if (reason === 'USER_DISABLED') return new AccountDisabledError();
    } else if (reason !== undefined && REAUTH_ON_REFRESH.has(reason)) {
      return new ReauthRequiredError(reason);
    }
  }

  if (status === 401) return new IdTokenRejectedError();
  if (status === 404 && (service === 'firestore' || service === 'storage')) {
    return new ThermoWorksNotFoundError(response.resource ?? 'such document');
  }
  if (status === 403 && (service === 'firestore' || service === 'storage')) {
    return new ThermoWorksPermissionDeniedError(`ThermoWorks refused access to ${response.resource ?? 'the resource'}`, { detail });
  }
  return new ThermoWorksRequestRejectedError(`ThermoWorks ${service} rejected the request (${status}${reason ? ` ${reason}` : ''})`, detail);
}
