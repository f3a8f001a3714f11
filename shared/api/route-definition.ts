/**
 * What one HTTP route is: method and path (API Gateway's route key), the Lambda function that serves it, who may
 * call it, and the zod schemas of its inputs and its answer. The route table (`routes.ts`) is a record of these;
 * the CDK HttpApi, the local gateway, the handlers, the OpenAPI document and the authorization and fuzz suites all
 * read it, so a route exists in one place only.
 */
import type * as z from '../validation/zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How a caller proved who they are (shared/auth/principal.ts). */
export type PrincipalKind = 'session' | 'apiToken' | 'share';

/** What a credential may do: `read` everything of the account, `write` (change it) too. */
export type Scope = 'read' | 'write';

/** The Lambda functions behind the HTTP API: `functions/http/{name}.ts`. */
export type HttpFunctionName =
  | 'login'
  | 'sessions'
  | 'settings'
  | 'tokens'
  | 'account'
  | 'privacy'
  | 'devices'
  | 'history'
  | 'cooks'
  | 'share'
  | 'integrations'
  | 'alarms'
  | 'notifications'
  | 'alarm-links'
  | 'metrics'
  | 'openapi';

export interface RouteDefinition {
  readonly method: HttpMethod;
  /** API Gateway path template: `{name}` matches one path segment. */
  readonly path: `/${string}`;
  readonly fn: HttpFunctionName;
  readonly summary: string;
  /** `public`: no credential. Otherwise the principal kinds this route accepts. */
  readonly auth: 'public' | readonly PrincipalKind[];
  /** The scope the principal needs; `read` for GET, `write` for everything else when left out. */
  readonly scope?: Scope;
  readonly params?: z.core.$ZodType;
  readonly query?: z.core.$ZodType;
  /** A JSON body: such routes take only `application/json`, at most `maxBodyBytes`. */
  readonly body?: z.core.$ZodType;
  readonly response: z.core.$ZodType;
  /** The success status; 200 when left out. */
  readonly status?: number;
  /** The answer's media type when it is not JSON (then `response` is a string schema and the body is that string). */
  readonly responseContentType?: string;
  /** Refusals particular to this route, by status: `CODE: when` (the OpenAPI document lists them beside the common ones). */
  readonly refusals?: Readonly<Record<number, string>>;
}

/** JSON bodies are small: anything near this is a mistake or an attack. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export const routeKeyOf = (route: Pick<RouteDefinition, 'method' | 'path'>): string => `${route.method} ${route.path}`;

export const requiredScopeOf = (route: Pick<RouteDefinition, 'method' | 'scope'>): Scope =>
  route.scope ?? (route.method === 'GET' ? 'read' : 'write');

/** Sessions and API tokens: what every signed-in route accepts unless it says otherwise. */
export const signedIn = ['session', 'apiToken'] as const satisfies readonly PrincipalKind[];
/** Only an interactive sign-in: managing credentials and deleting the account are never done with an API token. */
export const sessionOnly = ['session'] as const satisfies readonly PrincipalKind[];
