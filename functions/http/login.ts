import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { loginRequestSchema } from '../../shared/api/schemas';
import { login } from '../../shared/auth/login';
import { httpErrors } from '../../shared/http/error-middleware';
import { parseJsonBody } from '../../shared/http/request';
import { ok } from '../../shared/http/responses';
import { createDependencies, lazy } from '../runtime/dependencies';
import { createThermoWorks } from '../runtime/thermoworks';
import { createVault } from '../runtime/vault';
import { createLogger } from '../runtime/logger';

const logger = createLogger('login');
const deps = createDependencies();
const thermoworks = lazy(() => createThermoWorks(deps));
const vault = lazy(() => createVault(deps));

/** POST /auth/login — ThermoWorks email + password in, opaque Pitwatch session token out. */
export const handler = middy(async (event: APIGatewayProxyEventV2) => {
  const input = parseJsonBody(event, loginRequestSchema);
  const result = await login(input, {
    thermoworks: thermoworks(),
    accounts: deps.accounts(),
    sessions: deps.sessions(),
    vault: vault(),
    clock: deps.clock,
    ids: deps.ids,
    sessionTtlSeconds: deps.config.sessionTtlSeconds,
  });
  logger.info('Signed in', { userId: result.user.userId });
  return ok(result);
})
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger));
