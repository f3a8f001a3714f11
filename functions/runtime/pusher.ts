import { ApiGatewayPusher } from '../../shared/aws/apigw-pusher';
import { ConfigError } from '../../shared/config';
import type { LiveSockets } from '../../shared/live/live-connections';
import type { Pusher } from '../../shared/live/pusher';
import { lazy, type CoreDependencies } from './core-dependencies';

/** Pushes to browsers through the WebSocket API's management endpoint (the local gateway's, locally). */
export function createPusher(deps: CoreDependencies): Pusher {
  const endpoint = deps.config.wsCallbackUrl;
  if (!endpoint) throw new ConfigError('WS_CALLBACK_URL is not set');
  // Imported on the first push (apigw-pusher.ts says why).
  return new ApiGatewayPusher(
    lazy(async () => {
      const { ApiGatewayManagementApiClient } = await import('@aws-sdk/client-apigatewaymanagementapi');
      return new ApiGatewayManagementApiClient({ region: deps.config.region, endpoint });
    }),
  );
}

/** The account's sockets and the pusher that reaches them, for the functions that push or close outside the poll. */
export function createLiveSockets(deps: CoreDependencies): LiveSockets {
  return { connections: deps.connections(), pusher: createPusher(deps) };
}
