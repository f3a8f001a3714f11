import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { ApiGatewayPusher } from '../../shared/aws/apigw-pusher';
import { ConfigError } from '../../shared/config';
import type { Pusher } from '../../shared/live/pusher';
import type { CoreDependencies } from './core-dependencies';

/** Pushes to browsers through the WebSocket API's management endpoint (the local gateway's, locally). */
export function createPusher(deps: CoreDependencies): Pusher {
  if (!deps.config.wsCallbackUrl) throw new ConfigError('WS_CALLBACK_URL is not set');
  return new ApiGatewayPusher(new ApiGatewayManagementApiClient({ region: deps.config.region, endpoint: deps.config.wsCallbackUrl }));
}
