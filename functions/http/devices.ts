import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { authenticate } from '../../shared/auth/authenticate';
import { listDevices } from '../../shared/devices/list-devices';
import { httpErrors } from '../../shared/http/error-middleware';
import { bearerToken } from '../../shared/http/request';
import { ok } from '../../shared/http/responses';
import { createDependencies } from '../runtime/dependencies';
import { createLogger } from '../runtime/logger';

const logger = createLogger('devices');
const deps = createDependencies();

/** GET /devices — the signed-in user's devices with each channel's latest reading. */
export const handler = middy(async (event: APIGatewayProxyEventV2) => {
  const session = await authenticate(bearerToken(event.headers), deps.sessions(), deps.clock);
  return ok({ devices: await listDevices(session.accountId, deps.devices()) });
})
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger));
