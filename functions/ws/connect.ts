import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { connectQuerySchema, socketRoutes } from '../../shared/api/socket-routes';
import { UnauthorizedError } from '../../shared/errors';
import { httpErrors } from '../../shared/http/error-middleware';
import { parseInput } from '../../shared/http/request';
import { ok } from '../../shared/http/responses';
import { authorize } from '../../shared/http/route-pipeline';
import { openLiveConnection } from '../../shared/live/live-connections';
import { createDependencies } from '../runtime/dependencies';
import { createLogger } from '../runtime/logger';

const logger = createLogger('ws-connect');
const deps = createDependencies();

type ConnectEvent = APIGatewayProxyWebsocketEventV2 & {
  queryStringParameters?: Record<string, string | undefined>;
  headers?: Record<string, string | undefined>;
  requestContext: { identity?: { sourceIp?: string } };
};

/** $connect — the credential comes as `?token=` or `?share=` (browsers cannot set headers on a WebSocket). */
export const handler = middy(async (event: ConnectEvent) => {
  // No credential at all is "sign in first" (401), like a missing Authorization header on HTTP.
  const query = event.queryStringParameters ?? {};
  if (!query.token && !query.share) throw new UnauthorizedError('Sign in first: the live connection needs ?token= (or ?share=).');
  const { credential, share } = parseInput(query, connectQuerySchema);
  const origin = { sourceIp: event.requestContext.identity?.sourceIp ?? '', userAgent: event.headers?.['user-agent'] ?? null };
  const principal = await authorize({ auth: socketRoutes.connect.auth, method: 'GET' }, credential, origin, deps.credentials());
  // Each parameter takes its own kind: a share token is no account credential, and the other way round.
  if ((principal.kind === 'share') !== share) throw new UnauthorizedError(share ? 'Not a share link.' : 'Your session has ended. Sign in again.');
  await openLiveConnection({ connectionId: event.requestContext.connectionId, principal }, { connections: deps.connections(), clock: deps.clock, clockScale: deps.clockScale });
  return ok({ connected: true });
})
  .use(injectLambdaContext(logger))
  .use(httpErrors(logger));
