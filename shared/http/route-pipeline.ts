/**
 * The one path every HTTP request takes, whatever its route: authenticate (the one authentication step: any
 * credential becomes a principal, or 401), authorize (the route's principal kinds and scope, or 403), check the body's
 * media type and size (415, 413), parse path, query and body with the route's strict schemas (400), then call the
 * route's implementation and answer with the route's success status. Handlers only write the last step.
 */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from '../validation/zod';
import { MAX_JSON_BODY_BYTES, requiredScopeOf, type HttpFunctionName, type RouteDefinition } from '../api/route-definition';
import type { RouteId, Routes } from '../api/route-table';
import type { CredentialResolver, Principal, RequestOrigin } from '../auth/principal';
import { ForbiddenError, UnauthorizedError, ValidationError } from '../errors';
import { bearerToken, parseInput, readJsonBody } from './request';
import { ok, text, type HttpResult } from './responses';

type Output<R, K extends string> = R extends { [P in K]: infer S extends z.core.$ZodType } ? z.output<S> : undefined;

/** What a route's implementation receives: everything already checked. */
export interface RouteRequest<R extends RouteDefinition> {
  /** Undefined only on public routes. */
  principal: R['auth'] extends 'public' ? undefined : Principal;
  params: Output<R, 'params'>;
  query: Output<R, 'query'>;
  body: Output<R, 'body'>;
  origin: RequestOrigin;
}

export type RouteImplementation<R extends RouteDefinition> = (request: RouteRequest<R>) => Promise<z.input<R['response']>>;

/** Exactly the routes of one function, each with its implementation: a missing or extra route does not compile. */
export type RouteImplementations<F extends HttpFunctionName> = {
  [K in RouteId as Routes[K]['fn'] extends F ? K : never]: RouteImplementation<Routes[K]>;
};

export interface PipelineDependencies {
  credentials: CredentialResolver;
  /** Check every answer against the route's response schema (the local stack and tests; off in Lambda). */
  validateResponses: boolean;
}

export function requestOrigin(event: Pick<APIGatewayProxyEventV2, 'headers' | 'requestContext'>): RequestOrigin {
  return {
    sourceIp: event.requestContext?.http?.sourceIp ?? '',
    userAgent: event.headers?.['user-agent'] ?? null,
  };
}

/** Authenticates a presented credential and authorizes it for a route that needs one (401, then 403). */
export async function authorize(
  route: Pick<RouteDefinition, 'auth' | 'method' | 'scope'>,
  credential: string,
  origin: RequestOrigin,
  credentials: CredentialResolver,
): Promise<Principal> {
  if (route.auth === 'public') throw new Error('authorize() is for routes that take a credential');
  const principal = await credentials.resolve(credential, origin);
  if (!principal) throw new UnauthorizedError('Your session has ended. Sign in again.');
  if (!route.auth.includes(principal.kind)) throw new ForbiddenError(`This route cannot be used with ${describeKind(principal.kind)}.`);
  const scope = requiredScopeOf(route);
  if (!principal.scopes.includes(scope)) throw new ForbiddenError(`This credential may not ${scope === 'write' ? 'change anything' : 'read this'}.`);
  return principal;
}

function describeKind(kind: Principal['kind']): string {
  return kind === 'apiToken' ? 'an API token: sign in instead' : kind === 'share' ? 'a share link' : 'a session';
}

export async function runRoute(
  route: RouteDefinition & { id: string },
  event: APIGatewayProxyEventV2,
  implementation: (request: RouteRequest<RouteDefinition>) => Promise<unknown>,
  deps: PipelineDependencies,
): Promise<HttpResult> {
  const origin = requestOrigin(event);
  const principal = route.auth === 'public' ? undefined : await authorize(route, bearerToken(event.headers), origin, deps.credentials);

  let body: unknown;
  if (route.body) body = parseInput(readJsonBody(event, MAX_JSON_BODY_BYTES), route.body);
  else if (event.body !== undefined && event.body !== null && event.body !== '') {
    throw new ValidationError('This route takes no request body.');
  }
  const params = route.params ? parseInput(event.pathParameters ?? {}, route.params) : undefined;
  const query = route.query ? parseInput(event.queryStringParameters ?? {}, route.query) : undefined;

  const result = await implementation({ principal, params, query, body, origin } as RouteRequest<RouteDefinition>);
  if (deps.validateResponses) {
    const checked = z.safeParse(route.response, result);
    if (!checked.success) {
      // A bug, not the caller's fault: a 500, with the mismatch in the log.
      throw new Error(`The answer of ${route.id} does not match its response schema: ${JSON.stringify(checked.error.issues)}`);
    }
  }
  if (route.responseContentType) {
    if (typeof result !== 'string') throw new Error(`The answer of ${route.id} must be text (${route.responseContentType})`);
    return text(result, route.responseContentType, route.status ?? 200);
  }
  return ok(result, route.status ?? 200);
}

export type { HttpResult };
