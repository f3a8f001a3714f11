/**
 * The one route table: every HTTP route of Pitwatch, once (routes.ts: accounts, devices, cooks, integrations…;
 * alarm-routes.ts: alarms and notification channels). The CDK HttpApi, the local gateway, the fallback, the OpenAPI
 * document, the handlers' types and the authorization and fuzz suites all read this; a Lambda function's runtime
 * loads only the part it serves (functions/runtime/http-function.ts).
 */
import { alarmRoutes } from './alarm-routes';
import type { RouteDefinition } from './route-definition';
import { routes as accountRoutes } from './routes';

export const routes = { ...accountRoutes, ...alarmRoutes } as const satisfies Record<string, RouteDefinition>;

export type Routes = typeof routes;
export type RouteId = keyof Routes;

/** Every route, with its id. */
export const routeList = (Object.entries(routes) as Array<[RouteId, RouteDefinition]>).map(([id, route]) => ({ id, ...route }));
