/** Pusher on the API Gateway management API; locally the same client talks to the local WebSocket gateway. */
import {
  DeleteConnectionCommand,
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
      if (isGone(error)) return 'gone';
      throw error;
    }
  }

  async disconnect(connectionId: string): Promise<void> {
    try {
      await this.client.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
    } catch (error) {
      if (isGone(error)) return;
      throw error;
    }
  }
}

function isGone(error: unknown): boolean {
  return error instanceof GoneException || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 410;
}
