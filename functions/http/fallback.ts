import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { matchRoute } from '../../shared/api/match-route';
import { routeKeyOf } from '../../shared/api/route-definition';
import { routeList } from '../../shared/api/route-table';
import { NotFoundError } from '../../shared/errors';
import { httpErrors } from '../../shared/http/error-middleware';
import { createLogger } from '../runtime/logger';

const logger = createLogger('http-fallback');
const routeKeys = routeList.map(routeKeyOf);

/**
 * HTTP API `$default`: what no route of the table takes. API Gateway would answer `{"message":"Not Found"}`; this
 * answers in the documented error body, 405 (with the methods the path takes) or 404.
 */
export const handler = middy(async (event: APIGatewayProxyEventV2) => {
  const method = event.requestContext.http.method.toUpperCase();
  matchRoute(routeKeys, method, event.rawPath);
  throw new NotFoundError(`No route ${method} ${event.rawPath}.`);
})
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger));
