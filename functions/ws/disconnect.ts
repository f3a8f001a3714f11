import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { httpErrors } from '../../shared/http/error-middleware';
import { ok } from '../../shared/http/responses';
import { createDependencies } from '../runtime/dependencies';
import { createLogger } from '../runtime/logger';

const logger = createLogger('ws-disconnect');
const deps = createDependencies();

/** $disconnect — forget the connection so the poller stops pushing to it. */
export const handler = middy(async (event: APIGatewayProxyWebsocketEventV2) => {
  await deps.connections().delete(event.requestContext.connectionId);
  return ok({ disconnected: true });
})
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger));
