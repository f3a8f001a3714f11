import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { historyQuerySchema } from '../../shared/api/schemas';
import { authenticate } from '../../shared/auth/authenticate';
import { httpErrors } from '../../shared/http/error-middleware';
import { bearerToken, parseInput } from '../../shared/http/request';
import { ok } from '../../shared/http/responses';
import { deviceHistory } from '../../shared/readings/device-history';
import { createDependencies, lazy } from '../runtime/dependencies';
import { createReadingStore } from '../runtime/history';
import { createLogger } from '../runtime/logger';

const logger = createLogger('history');
const deps = createDependencies();
const readings = lazy(() => createReadingStore(deps));
const pathSchema = z.object({ serial: z.string().min(1).max(64) });

/** GET /devices/{serial}/history — one channel's readings over a time range, downsampled to maxPoints. */
export const handler = middy(async (event: APIGatewayProxyEventV2) => {
  const session = await authenticate(bearerToken(event.headers), deps.sessions(), deps.clock);
  const { serial } = parseInput(event.pathParameters ?? {}, pathSchema);
  const query = parseInput(event.queryStringParameters ?? {}, historyQuerySchema);
  return ok(await deviceHistory(session.accountId, serial, query, { devices: deps.devices(), readings: readings() }));
})
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger));
