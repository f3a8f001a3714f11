import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { clientMessageSchema } from '../../shared/api/schemas';
import { PitwatchError } from '../../shared/errors';
import { httpErrors } from '../../shared/http/error-middleware';
import { parseJsonBody } from '../../shared/http/request';
import { ok } from '../../shared/http/responses';
import { createDependencies, lazy } from '../runtime/dependencies';
import { createPusher } from '../runtime/pusher';
import { createLogger } from '../runtime/logger';

const logger = createLogger('ws-message');
const deps = createDependencies();
const pusher = lazy(() => createPusher(deps));

/** $default — messages from the browser. A bad message gets an error message back, never a dropped socket. */
export const handler = middy(async (event: APIGatewayProxyWebsocketEventV2) => {
  const connectionId = event.requestContext.connectionId;
  try {
    const message = parseJsonBody({ body: event.body, isBase64Encoded: event.isBase64Encoded }, clientMessageSchema);
    if (message.type === 'ping') await pusher().push(connectionId, { type: 'pong', at: deps.clock.now().toISOString() });
  } catch (error) {
    if (!(error instanceof PitwatchError)) throw error;
    await pusher().push(connectionId, { type: 'error', code: error.code, message: error.message });
  }
  return ok({ received: true });
})
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger));
