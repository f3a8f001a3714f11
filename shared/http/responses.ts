/**
 * The one HTTP response helper: success bodies and the documented error body
 * `{ "error": { "code", "message", "details"? } }`. Domain errors map to status codes here and nowhere else.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ErrorBody } from '../api/schemas';
import { PitwatchError, RateLimitedError } from '../errors';

const jsonHeaders = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export type HttpResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string };

export function ok(body: unknown, statusCode = 200): HttpResult {
  return { statusCode, headers: { ...jsonHeaders }, body: JSON.stringify(body) };
}

/** A success answer that is not JSON (the Prometheus exposition format). */
export function text(body: string, contentType: string, statusCode = 200): HttpResult {
  return { statusCode, headers: { 'content-type': contentType, 'cache-control': 'no-store' }, body };
}

export function errorResponse(error: unknown): HttpResult {
  if (error instanceof PitwatchError) {
    const body: ErrorBody = {
      error: {
        code: error.code,
        message: error.message,
        ...(error.details === undefined ? {} : { details: error.details }),
      },
    };
    const headers: Record<string, string> = { ...jsonHeaders };
    if (error instanceof RateLimitedError && error.retryAfterSeconds !== undefined) {
      headers['retry-after'] = String(Math.ceil(error.retryAfterSeconds));
    }
    return { statusCode: error.httpStatus, headers, body: JSON.stringify(body) };
  }
  const body: ErrorBody = { error: { code: 'INTERNAL', message: 'Something went wrong on our side. Try again shortly.' } };
  return { statusCode: 500, headers: { ...jsonHeaders }, body: JSON.stringify(body) };
}
