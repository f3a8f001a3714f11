/**
 * What can go wrong talking to the Pitwatch API, as types the UI can tell apart:
 * the server answered with an error (ApiError), the session is no longer valid (SessionExpiredError),
 * the server could not be reached at all (NetworkError), or it answered something off-contract (ContractError).
 */

/** The API answered with a non-2xx status. `message` is meant for the user. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The session token was rejected: the app must go back to the sign-in form. */
export class SessionExpiredError extends ApiError {
  constructor(status: number, code: string, message: string) {
    super(status, code, message);
    this.name = 'SessionExpiredError';
  }
}

/** No HTTP answer at all: offline, DNS, CORS, timeout. */
export class NetworkError extends Error {
  constructor(options?: { cause?: unknown }) {
    super("Can't reach Pitwatch", options);
    this.name = 'NetworkError';
  }
}

/** A 2xx answer whose body does not match the shared schema (a deploy mismatch, a proxy page). */
export class ContractError extends Error {
  constructor(what: string, options?: { cause?: unknown }) {
    super(`Pitwatch sent an unexpected ${what}`, options);
    this.name = 'ContractError';
  }
}

/** The sentence to show for any error thrown while talking to Pitwatch. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError || error instanceof NetworkError || error instanceof ContractError) {
    return error.message;
  }
  return 'Something went wrong. Try again.';
}
