/** Pusher on the API Gateway management API; locally the same client talks to the local WebSocket gateway. */
import {
  GoneException,
  PostToConnectionCommand,
  type ApiGatewayManagementApiClient,
} from '@aws-sdk/client-apigatewaymanagementapi';
import type { ServerMessage } from '../api/schemas';
import type { PushOutcome, Pusher } from '../live/pusher';

export class ApiGatewayPusher implements Pusher {
  constructor(private readonly client: ApiGatewayManagementApiClient) {}

  async push(connectionId: string, message: ServerMessage): Promise<PushOutcome> {
    try {
      await this.client.send(
        new PostToConnectionCommand({ ConnectionId: connectionId, Data: new TextEncoder().encode(JSON.stringify(message)) }),
      );
      return 'sent';
    } catch (error) {
      if (error instanceof GoneException || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 410) {
        return 'gone';
      }
      throw error;
    }
  }
}
