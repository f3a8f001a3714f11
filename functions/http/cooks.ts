import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { startCookRequestSchema } from '../../shared/api/schemas';
import { authenticate } from '../../shared/auth/authenticate';
import { cookView, startCook } from '../../shared/cooks/start-cook';
import { NotFoundError } from '../../shared/errors';
import { httpErrors } from '../../shared/http/error-middleware';
import { bearerToken, parseInput, parseJsonBody } from '../../shared/http/request';
import { ok } from '../../shared/http/responses';
import { createDependencies } from '../runtime/dependencies';
import { createLogger } from '../runtime/logger';

const logger = createLogger('cooks');
const deps = createDependencies();
const pathSchema = z.object({ serial: z.string().min(1).max(64) });

/** POST /cooks (start a cook: probes + targets), GET /cooks (cooks in progress with predictions), DELETE /cooks/{serial}. */
export const handler = middy(async (event: APIGatewayProxyEventV2) => {
  const session = await authenticate(bearerToken(event.headers), deps.sessions(), deps.clock);
  switch (event.routeKey) {
    case 'POST /cooks':
      return ok(await startCook(session.accountId, parseJsonBody(event, startCookRequestSchema), { devices: deps.devices(), clock: deps.clock }), 201);
    case 'DELETE /cooks/{serial}': {
      const { serial } = parseInput(event.pathParameters ?? {}, pathSchema);
      if (!(await deps.devices().deleteCook(session.accountId, serial))) throw new NotFoundError(`No cook in progress on ${serial}.`);
      return ok({ ended: true });
    }
    default: {
      const { cooks } = await deps.devices().listAccountDevices(session.accountId);
      return ok({ cooks: cooks.map(cookView) });
    }
  }
})
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger));
