/**
 * The one error hierarchy of Pitwatch. Every error a user can cause or see is a PitwatchError with a stable
 * machine-readable `code` and the HTTP status it maps to; the HTTP layer maps them in one place
 * (shared/http/responses.ts). Anything else that escapes a handler is a bug and becomes a 500.
 */
export abstract class PitwatchError extends Error {
  abstract readonly code: string;
  abstract readonly httpStatus: number;
  /** Extra, non-secret detail safe to return to the caller (e.g. zod issues, retry-after). */
  readonly details: Record<string, unknown> | undefined;

  constructor(message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.details = options?.details;
  }
}

export class ValidationError extends PitwatchError {
  readonly code = 'VALIDATION_FAILED';
  readonly httpStatus = 400;
}

/** A URL Pitwatch will not connect to on a user's say-so: a loopback, private, link-local or metadata address. */
export class UrlRefusedError extends PitwatchError {
  readonly code = 'URL_REFUSED';
  readonly httpStatus = 400;
}

export class UnauthorizedError extends PitwatchError {
  readonly code = 'UNAUTHORIZED';
  readonly httpStatus = 401;
}

export class ForbiddenError extends PitwatchError {
  readonly code = 'FORBIDDEN';
  readonly httpStatus = 403;
}

export class NotFoundError extends PitwatchError {
  readonly code = 'NOT_FOUND';
  readonly httpStatus = 404;
}

/** The route exists but not for this method (`details.allow` lists the ones it takes). */
export class MethodNotAllowedError extends PitwatchError {
  readonly code = 'METHOD_NOT_ALLOWED';
  readonly httpStatus = 405;
}

/** The request body is larger than the route accepts (`details.limitBytes`). */
export class PayloadTooLargeError extends PitwatchError {
  readonly code = 'PAYLOAD_TOO_LARGE';
  readonly httpStatus = 413;
}

/** A JSON route was sent something that is not JSON. */
export class UnsupportedMediaTypeError extends PitwatchError {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
  readonly httpStatus = 415;
}

export class ConflictError extends PitwatchError {
  readonly code = 'CONFLICT';
  readonly httpStatus = 409;
}

export class RateLimitedError extends PitwatchError {
  readonly code: string = 'RATE_LIMITED';
  readonly httpStatus = 429;
  readonly retryAfterSeconds: number | undefined;
  constructor(message: string, options?: { cause?: unknown; retryAfterSeconds?: number }) {
    super(message, {
      cause: options?.cause,
      details: options?.retryAfterSeconds === undefined ? undefined : { retryAfterSeconds: options.retryAfterSeconds },
    });
    this.retryAfterSeconds = options?.retryAfterSeconds;
  }
}

/** A dependency (ThermoWorks, AWS) failed in a way that may pass; callers may retry later. */
export class UpstreamUnavailableError extends PitwatchError {
  readonly code: string = 'UPSTREAM_UNAVAILABLE';
  readonly httpStatus = 503;
}
