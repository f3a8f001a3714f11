/** Parsing of API Gateway HTTP API (payload 2.0) requests: bodies and credentials are validated, never trusted. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { UnauthorizedError, ValidationError } from '../errors';

export function parseJsonBody<S extends z.ZodType>(event: Pick<APIGatewayProxyEventV2, 'body' | 'isBase64Encoded'>, schema: S): z.infer<S> {
  if (event.body === undefined || event.body === null || event.body === '') {
    throw new ValidationError('Request body is required (JSON).');
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ValidationError('Request body is not valid JSON.');
  }
  return parseInput(json, schema);
}

export function parseInput<S extends z.ZodType>(input: unknown, schema: S): z.infer<S> {
  const result = schema.safeParse(input);
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
