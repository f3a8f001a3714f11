import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { ApiGatewayPusher } from '../../shared/aws/apigw-pusher';
import { ConfigError } from '../../shared/config';
import type { LiveSockets } from '../../shared/live/live-connections';
import type { Pusher } from '../../shared/live/pusher';
import type { CoreDependencies } from './core-dependencies';

/** Pushes to browsers through the WebSocket API's management endpoint (the local gateway's, locally). */
export function createPusher(deps: CoreDependencies): Pusher {
  if (!deps.config.wsCallbackUrl) throw new ConfigError('WS_CALLBACK_URL is not set');
  return new ApiGatewayPusher(new ApiGatewayManagementApiClient({ region: deps.config.region, endpoint: deps.config.wsCallbackUrl }));
}

/** The account's sockets and the pusher that reaches them, for the functions that push or close outside the poll. */
export function createLiveSockets(deps: CoreDependencies): LiveSockets {
  return { connections: deps.connections(), pusher: createPusher(deps) };
}
