import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { accountStatus } from '../../shared/auth/account-status';
import { authenticate } from '../../shared/auth/authenticate';
import { httpErrors } from '../../shared/http/error-middleware';
import { bearerToken } from '../../shared/http/request';
import { ok } from '../../shared/http/responses';
import { createDependencies } from '../runtime/dependencies';
import { createLogger } from '../runtime/logger';

const logger = createLogger('account');
const deps = createDependencies();

/** GET /account — the linked ThermoWorks account's health: ok, failing (and why), or re-link needed. */
export const handler = middy(async (event: APIGatewayProxyEventV2) => {
  const session = await authenticate(bearerToken(event.headers), deps.sessions(), deps.clock);
  return ok(await accountStatus(session.userId, deps.accounts()));
})
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger));
