/**
 * The route table: every HTTP route of Pitwatch, once. `infra/constructs/http-api.ts` creates one API Gateway route
 * per entry on the entry's function, the local gateway mounts the same entries, each handler in `functions/http/`
 * implements exactly the entries of its function (the types insist, and `routes.test.ts` checks), and the
 * authorization matrix and the fuzz suite are generated from it.
 */
import { apiTokenListSchema, apiTokenParamsSchema, createApiTokenRequestSchema, createdApiTokenSchema } from './api-token-schemas';
import { mqttIntegrationResponseSchema, mqttIntegrationViewSchema, mqttRemovedSchema, mqttTestResultSchema, putMqttIntegrationRequestSchema } from './integration-schemas';
import { openApiDocumentSchema } from './openapi-schemas';
import { emptyQuerySchema, revokedSchema, sessionListSchema, sessionParamsSchema, signedOutSchema } from './auth-schemas';
import { sessionOnly, signedIn, type RouteDefinition } from './route-definition';
import {
  accountStatusSchema,
  cooksResponseSchema,
  cookViewSchema,
  deviceParamsSchema,
  devicesResponseSchema,
  historyQuerySchema,
  historyResponseSchema,
  loginRequestSchema,
  loginResponseSchema,
  startCookRequestSchema,
} from './schemas';
import * as z from 'zod';
import { PROMETHEUS_CONTENT_TYPE } from '../metrics/prometheus-exposition';

const endedSchema = z.object({ ended: z.literal(true) });

export const routes = {
  login: {
    method: 'POST',
    path: '/auth/login',
    fn: 'login',
    summary: 'Sign in with your ThermoWorks email and password; links the account and returns a session token',
    auth: 'public',
    query: emptyQuerySchema,
    body: loginRequestSchema,
    response: loginResponseSchema,
  },
  logout: {
    method: 'POST',
    path: '/auth/logout',
    fn: 'sessions',
    summary: 'End the session making this request (its live sockets close too)',
    auth: sessionOnly,
    query: emptyQuerySchema,
    response: signedOutSchema,
  },
  listSessions: {
    method: 'GET',
    path: '/auth/sessions',
    fn: 'sessions',
    summary: 'Your signed-in sessions: when, from which browser, coarse IP',
    auth: sessionOnly,
    query: emptyQuerySchema,
    response: sessionListSchema,
  },
  revokeOtherSessions: {
    method: 'DELETE',
    path: '/auth/sessions',
    fn: 'sessions',
    summary: 'Sign out everywhere else: revoke every session but this one',
    auth: sessionOnly,
    query: emptyQuerySchema,
    response: revokedSchema,
  },
  revokeSession: {
    method: 'DELETE',
    path: '/auth/sessions/{sessionId}',
    fn: 'sessions',
    summary: 'Revoke one of your sessions',
    auth: sessionOnly,
    params: sessionParamsSchema,
    query: emptyQuerySchema,
    response: revokedSchema,
  },
  createApiToken: {
    method: 'POST',
    path: '/api-tokens',
    fn: 'tokens',
    summary: 'Create an API token for a tool (read, or read and write); the token is shown in this answer only',
    auth: sessionOnly,
    query: emptyQuerySchema,
    body: createApiTokenRequestSchema,
    response: createdApiTokenSchema,
    status: 201,
  },
  listApiTokens: {
    method: 'GET',
    path: '/api-tokens',
    fn: 'tokens',
    summary: 'Your API tokens: name, scopes, created and last used (never the tokens themselves)',
    auth: sessionOnly,
    query: emptyQuerySchema,
    response: apiTokenListSchema,
  },
  revokeApiToken: {
    method: 'DELETE',
    path: '/api-tokens/{tokenId}',
    fn: 'tokens',
    summary: 'Revoke an API token: its next request is refused, its live sockets close',
    auth: sessionOnly,
    params: apiTokenParamsSchema,
    query: emptyQuerySchema,
    response: revokedSchema,
  },
  getAccount: {
    method: 'GET',
    path: '/account',
    fn: 'account',
    summary: "The linked ThermoWorks account's health: ok, failing (and why) or re-link needed",
    auth: signedIn,
    query: emptyQuerySchema,
    response: accountStatusSchema,
  },
  listDevices: {
    method: 'GET',
    path: '/devices',
    fn: 'devices',
    summary: 'Your devices with battery, Wi-Fi, online state and each channel’s latest reading',
    auth: signedIn,
    query: emptyQuerySchema,
    response: devicesResponseSchema,
  },
  deviceHistory: {
    method: 'GET',
    path: '/devices/{serial}/history',
    fn: 'history',
    summary: 'One channel’s readings over a time range (31 days at most), downsampled to maxPoints',
    auth: signedIn,
    params: deviceParamsSchema,
    query: historyQuerySchema,
    response: historyResponseSchema,
  },
  startCook: {
    method: 'POST',
    path: '/cooks',
    fn: 'cooks',
    summary: 'Start a cook on a device: its probes get done-time predictions and alerts',
    auth: signedIn,
    query: emptyQuerySchema,
    body: startCookRequestSchema,
    response: cookViewSchema,
    status: 201,
  },
  listCooks: {
    method: 'GET',
    path: '/cooks',
    fn: 'cooks',
    summary: 'Cooks in progress with their predictions and alerts',
    auth: signedIn,
    query: emptyQuerySchema,
    response: cooksResponseSchema,
  },
  endCook: {
    method: 'DELETE',
    path: '/cooks/{serial}',
    fn: 'cooks',
    summary: 'End the cook in progress on a device',
    auth: signedIn,
    params: deviceParamsSchema,
    query: emptyQuerySchema,
    response: endedSchema,
  },
  putMqttIntegration: {
    method: 'PUT',
    path: '/integrations/mqtt',
    fn: 'integrations',
    summary: 'Set up Home Assistant over MQTT discovery: the broker (mqtt:// or mqtts://), its username and password, the discovery prefix',
    auth: signedIn,
    query: emptyQuerySchema,
    body: putMqttIntegrationRequestSchema,
    response: mqttIntegrationViewSchema,
  },
  getMqttIntegration: {
    method: 'GET',
    path: '/integrations/mqtt',
    fn: 'integrations',
    summary: 'The MQTT integration (never its password) with its status: ok, failing (and why), pending; null when none',
    auth: signedIn,
    query: emptyQuerySchema,
    response: mqttIntegrationResponseSchema,
  },
  removeMqttIntegration: {
    method: 'DELETE',
    path: '/integrations/mqtt',
    fn: 'integrations',
    summary: 'Remove the MQTT integration, clearing its retained discovery configs so Home Assistant drops the entities',
    auth: signedIn,
    query: emptyQuerySchema,
    response: mqttRemovedSchema,
  },
  testMqttIntegration: {
    method: 'POST',
    path: '/integrations/mqtt/test',
    fn: 'integrations',
    summary: 'Connect to the broker with the stored settings and publish one test message; says whether that worked and why not',
    auth: signedIn,
    query: emptyQuerySchema,
    response: mqttTestResultSchema,
  },
  metrics: {
    method: 'GET',
    path: '/metrics',
    fn: 'metrics',
    summary: 'Your devices, readings and cooks in the Prometheus text exposition format (scrape it with an API token)',
    auth: signedIn,
    query: emptyQuerySchema,
    response: z.string(),
    responseContentType: PROMETHEUS_CONTENT_TYPE,
  },
  openApi: {
    method: 'GET',
    path: '/openapi.json',
    fn: 'openapi',
    summary: 'This API as an OpenAPI 3.1 document, generated from the route table',
    auth: 'public',
    query: emptyQuerySchema,
    response: openApiDocumentSchema,
  },
} as const satisfies Record<string, RouteDefinition>;

export type Routes = typeof routes;
export type RouteId = keyof Routes;

/** Every route, with its id. */
export const routeList = (Object.entries(routes) as Array<[RouteId, RouteDefinition]>).map(([id, route]) => ({ id, ...route }));
