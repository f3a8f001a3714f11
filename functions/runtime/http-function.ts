/**
 * An HTTP Lambda function from its routes' implementations: the middy handler every `functions/http/*.ts` exports.
 * It finds the route table entry for the event's route key and runs the one request pipeline
 * (shared/http/route-pipeline.ts); errors become the documented error body in one middleware.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { routeKeyOf, type HttpFunctionName, type RouteDefinition } from '../../shared/api/route-definition';
import { routeList } from '../../shared/api/routes';
import { NotFoundError } from '../../shared/errors';
import { httpErrors } from '../../shared/http/error-middleware';
import { runRoute, type RouteImplementations, type RouteRequest } from '../../shared/http/route-pipeline';
import type { Dependencies } from './dependencies';

/**
 * `table`: the part of the route table this function's routes are in (routes.ts unless given, e.g. alarm-routes.ts),
 * so that a bundle carries the schemas of its own part only.
 */
export function httpFunction<F extends HttpFunctionName>(
  fn: F,
  implementations: RouteImplementations<F>,
  deps: Dependencies,
  logger: Logger,
  table: ReadonlyArray<RouteDefinition & { id: string }> = routeList,
) {
  const served = new Map(table.filter((r) => r.fn === fn).map((r) => [routeKeyOf(r), r]));
  const implementationOf = implementations as unknown as Record<string, (request: RouteRequest<RouteDefinition>) => Promise<unknown>>;
  const handler = middy(async (event: APIGatewayProxyEventV2) => {
    const route = served.get(event.routeKey);
    const implementation = route ? implementationOf[route.id] : undefined;
    if (!route || !implementation) throw new NotFoundError(`No route ${event.routeKey}.`);
    return runRoute(route, event, implementation, { credentials: deps.credentials(), validateResponses: deps.config.validateResponses });
  })
    .use(injectLambdaContext(logger))
    .use(httpErrors(logger));
  // Read by the route-table test: which routes this function really implements.
  return Object.assign(handler, { routeIds: Object.keys(implementations).sort() });
}
