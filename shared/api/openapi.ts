/**
 * The OpenAPI 3.1 document of the HTTP API, generated from the route table (routes.ts) with zod 4's own JSON Schema
 * output: the same schemas that parse every request and, on the local stack, check every answer. Requests are
 * documented as their schemas' input (what a client sends), answers as their output (strict: no undocumented
 * fields). Served by `GET /openapi.json`; `functions/openapi.int.test.ts` checks real answers against it.
 */
import * as z from '../validation/zod';
import type { OpenApiDocument } from './openapi-schemas';
import { MAX_JSON_BODY_BYTES, requiredScopeOf, type RouteDefinition } from './route-definition';
import { routeList } from './route-table';
import { errorBodySchema } from './schemas';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  // Refinements (from < to, …) have no JSON Schema form: the document says what the shape is, the API says the rest.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** Path or query parameters from a strict object schema, one OpenAPI parameter per property. */
function parameters(schema: z.core.$ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required ?? []).includes(name),
    schema: property,
  }));
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
});

function operation(route: RouteDefinition & { id: string }): JsonSchema {
  const guarded = route.auth !== 'public';
  const responses: Record<string, unknown> = {
    [String(route.status ?? 200)]: {
      description: 'Success',
      content: { [route.responseContentType ?? 'application/json']: { schema: jsonSchema(route.response, 'output') } },
    },
    '400': errorResponse('VALIDATION_FAILED: the request does not match its schema (`details.issues` lists the fields); URL_REFUSED: a URL Pitwatch will not connect to (loopback, private, link-local or metadata address)'),
  };
  if (guarded) {
    responses['401'] = errorResponse('UNAUTHORIZED: no credential, or an unknown, expired or revoked one');
    responses['403'] = errorResponse(`FORBIDDEN: this credential may not use this route (it needs the ${requiredScopeOf(route)} scope${route.auth.includes('apiToken') ? '' : ' and a signed-in session'})`);
  }
  responses['404'] = errorResponse('NOT_FOUND: nothing of yours by that name');
  if (route.body) {
    responses['413'] = errorResponse(`PAYLOAD_TOO_LARGE: the body is larger than ${MAX_JSON_BODY_BYTES} bytes`);
    responses['415'] = errorResponse('UNSUPPORTED_MEDIA_TYPE: send the body as application/json');
  }
  responses['429'] = errorResponse('RATE_LIMITED: try again after `retry-after` seconds');
  for (const [status, description] of Object.entries(route.refusals ?? {})) responses[status] = errorResponse(description);
  return {
    operationId: route.id,
    summary: route.summary,
    tags: [route.fn],
    ...(guarded ? { security: [{ bearer: [] }], 'x-pitwatch-principals': route.auth, 'x-pitwatch-scope': requiredScopeOf(route) } : { security: [] }),
    parameters: [...parameters(route.params, 'path'), ...parameters(route.query, 'query')],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
    responses,
  };
}

export function openApiDocument(version: string): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeList) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Pitwatch HTTP API',
      version,
      description:
        'Every route of Pitwatch, generated from its route table. Authenticate with `Authorization: Bearer <token>`: a ' +
        'session token from POST /auth/login, or an API token (`pw_…`) from POST /api-tokens. Unknown query ' +
        'parameters and body fields are refused (400), never ignored. Errors always have the body ErrorBody.',
    },
    // Relative: the API's base is wherever this document is served from (`/api` on the local stack).
    servers: [{ url: '.' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A session token, or an API token (pw_…)' } },
      schemas: { ErrorBody: jsonSchema(errorBodySchema, 'output') },
    },
  };
}
