/** Pusher on the API Gateway management API; locally the same client talks to the local WebSocket gateway. */
import type { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import type { ServerMessage } from '../api/schemas';
import type { PushOutcome, Pusher } from '../live/pusher';

const managementApi = () => import('@aws-sdk/client-apigatewaymanagementapi');

export class ApiGatewayPusher implements Pusher {
  /**
   * `client` resolves the client on the first push or close. The SDK module is imported then, not at cold start: most
   * requests to the HTTP functions that may push (sessions, tokens, alarms, login) never do.
   */
  constructor(private readonly client: () => Promise<ApiGatewayManagementApiClient>) {}

  async push(connectionId: string, message: ServerMessage): Promise<PushOutcome> {
    const [client, sdk] = await Promise.all([this.client(), managementApi()]);
    try {
      await client.send(new sdk.PostToConnectionCommand({ ConnectionId: connectionId, Data: new TextEncoder().encode(JSON.stringify(message)) }));
      return 'sent';
    } catch (error) {
      if (error instanceof sdk.GoneException || isHttpGone(error)) return 'gone';
      throw error;
    }
  }

  async disconnect(connectionId: string): Promise<void> {
    const [client, sdk] = await Promise.all([this.client(), managementApi()]);
    try {
      await client.send(new sdk.DeleteConnectionCommand({ ConnectionId: connectionId }));
    } catch (error) {
      if (error instanceof sdk.GoneException || isHttpGone(error)) return;
      throw error;
    }
  }
}

function isHttpGone(error: unknown): boolean {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 410;
}
