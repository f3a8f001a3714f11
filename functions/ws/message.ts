import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { clientMessageSchema } from '../../shared/api/schemas';
import { PitwatchError } from '../../shared/errors';
import { httpErrors } from '../../shared/http/error-middleware';
import { parseJsonBody } from '../../shared/http/request';
import { ok } from '../../shared/http/responses';
import { createCoreDependencies, lazy } from '../runtime/core-dependencies';
import { createPusher } from '../runtime/pusher';
import { createLogger } from '../runtime/logger';

const logger = createLogger('ws-message');
// Only the config (the callback URL): $default touches no table, so none of the authentication stores.
const deps = createCoreDependencies();
const pusher = lazy(() => createPusher(deps));

/**
 * $default: every browser frame the `ping` route does not take (shared/live/heartbeat-route.ts: API Gateway answers
 * the heartbeat itself). The browser sends nothing else, so whatever gets here gets an error message back, never a
 * dropped socket.
 */
export const handler = middy(async (event: APIGatewayProxyWebsocketEventV2) => {
  const connectionId = event.requestContext.connectionId;
  try {
    parseJsonBody({ body: event.body, isBase64Encoded: event.isBase64Encoded }, clientMessageSchema);
  } catch (error) {
    if (!(error instanceof PitwatchError)) throw error;
    await pusher().push(connectionId, { type: 'error', code: error.code, message: error.message });
  }
  return ok({ received: true });
})
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger));
