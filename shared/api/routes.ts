/**
 * The route table: every HTTP route of Pitwatch, once. `infra/constructs/http-api.ts` creates one API Gateway route
 * per entry on the entry's function, the local gateway mounts the same entries, each handler in `functions/http/`
 * implements exactly the entries of its function (the types insist, and `routes.test.ts` checks), and the
 * authorization matrix and the fuzz suite are generated from it.
 */
import { emptyQuerySchema, revokedSchema, sessionListSchema, sessionParamsSchema, signedOutSchema } from './auth-schemas';
import { sessionOnly, signedIn, type RouteDefinition } from './route-definition';
import { settingsPatchSchema, userSettingsSchema } from './settings-schemas';
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
  getSettings: {
    method: 'GET',
    path: '/me/settings',
    fn: 'settings',
    summary: 'Your display settings: units (°F/°C), 12/24-hour clock, time zone, theme',
    auth: signedIn,
    query: emptyQuerySchema,
    response: userSettingsSchema,
  },
  updateSettings: {
    method: 'PATCH',
    path: '/me/settings',
    fn: 'settings',
    summary: 'Change some of your display settings; the others stay as they are',
    auth: signedIn,
    query: emptyQuerySchema,
    body: settingsPatchSchema,
    response: userSettingsSchema,
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
} as const satisfies Record<string, RouteDefinition>;

export type Routes = typeof routes;
export type RouteId = keyof Routes;

/** Every route, with its id. */
export const routeList = (Object.entries(routes) as Array<[RouteId, RouteDefinition]>).map(([id, route]) => ({ id, ...route }));
