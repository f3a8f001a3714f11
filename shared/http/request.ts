/** Parsing of API Gateway HTTP API (payload 2.0) requests: bodies and credentials are validated, never trusted. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from '../validation/zod';
import { PayloadTooLargeError, UnauthorizedError, UnsupportedMediaTypeError, ValidationError } from '../errors';

/** `application/json`, with or without parameters such as `charset=utf-8`. */
const jsonMediaType = /^application\/json\s*(;.*)?$/i;

/**
 * The JSON body of a JSON route: 415 unless it says it is JSON, 413 above `limitBytes`, 400 if it is missing,
 * not UTF-8 JSON, or not parseable. Returns the parsed value, still to be checked with the route's schema.
 */
export function readJsonBody(event: Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded' | 'headers'>, limitBytes: number): unknown {
  if (event.body === undefined || event.body === null || event.body === '') {
    throw new ValidationError('Request body is required (JSON).');
  }
  const contentType = event.headers?.['content-type'] ?? event.headers?.['Content-Type'];
  if (contentType === undefined || !jsonMediaType.test(contentType.trim())) {
    throw new UnsupportedMediaTypeError('Send the body as JSON, with content-type: application/json.', { details: { accepted: ['application/json'] } });
  }
  const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (bytes.length > limitBytes) {
    throw new PayloadTooLargeError(`The request body is larger than ${limitBytes} bytes.`, { details: { limitBytes } });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError('Request body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ValidationError('Request body is not valid JSON.');
  }
}

/** A JSON body checked against a schema (the WebSocket `$default` route's message, which has no headers). */
export function parseJsonBody<S extends z.core.$ZodType>(event: Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded'>, schema: S, limitBytes = 128 * 1024): z.infer<S> {
  return parseInput(readJsonBody({ ...event, headers: { 'content-type': 'application/json' } }, limitBytes), schema);
}

export function parseInput<S extends z.core.$ZodType>(input: unknown, schema: S): z.infer<S> {
  const result = z.safeParse(schema, input);
  if (!result.success) {
    throw new ValidationError('Request is invalid.', {
      details: { issues: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    });
  }
  return result.data;
}

/** The session token from `Authorization: Bearer <token>` (header names arrive lower-cased from API Gateway). */
export function bearerToken(headers: Record<string, string | undefined> | undefined): string {
  const value = headers?.['authorization'] ?? headers?.['Authorization'];
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]) throw new UnauthorizedError('Sign in first: missing or malformed Authorization header.');
  return match[1];
}
