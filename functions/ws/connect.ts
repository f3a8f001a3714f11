import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { httpErrors } from '../../shared/http/error-middleware';
import { parseInput } from '../../shared/http/request';
import { ok } from '../../shared/http/responses';
import { openLiveConnection } from '../../shared/live/live-connections';
import { createDependencies } from '../runtime/dependencies';
import { createLogger } from '../runtime/logger';

const logger = createLogger('ws-connect');
const deps = createDependencies();
const querySchema = z.object({ token: z.string().min(1).max(512) });

type ConnectEvent = APIGatewayProxyWebsocketEventV2 & { queryStringParameters?: Record<string, string | undefined> };

/** $connect — browsers cannot set headers on a WebSocket, so the session token comes as `?token=`. */
export const handler = middy(async (event: ConnectEvent) => {
  const { token } = parseInput(event.queryStringParameters ?? {}, querySchema);
  await openLiveConnection(
    { connectionId: event.requestContext.connectionId, token },
    { sessions: deps.sessions(), connections: deps.connections(), clock: deps.clock },
  );
  return ok({ connected: true });
})
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger));
