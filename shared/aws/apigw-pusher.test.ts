import { ApiGatewayManagementApiClient, DeleteConnectionCommand, GoneException, PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiGatewayPusher } from './apigw-pusher';

const api = mockClient(ApiGatewayManagementApiClient);

describe('ApiGatewayPusher', () => {
  beforeEach(() => api.reset());

  it('posts the JSON message to the connection', async () => {
    api.on(PostToConnectionCommand).resolves({});
    const pusher = new ApiGatewayPusher(async () => new ApiGatewayManagementApiClient({ region: 'us-east-1', endpoint: 'https://x.execute-api.us-east-1.amazonaws.com/live' }));
    await expect(pusher.push('abc=', { type: 'pong' })).resolves.toBe('sent');
    const input = api.commandCalls(PostToConnectionCommand)[0]?.args[0].input;
    expect(input?.ConnectionId).toBe('abc=');
    expect(JSON.parse(new TextDecoder().decode(input?.Data as Uint8Array))).toEqual({ type: 'pong' });
  });

  it('reports a closed connection (410 Gone) as gone, and rethrows other failures', async () => {
    const pusher = new ApiGatewayPusher(async () => new ApiGatewayManagementApiClient({ region: 'us-east-1' }));
    api.on(PostToConnectionCommand).rejectsOnce(new GoneException({ message: 'gone', $metadata: { httpStatusCode: 410 } }));
    await expect(pusher.push('c1', { type: 'pong' })).resolves.toBe('gone');
    api.reset();
    api.on(PostToConnectionCommand).rejects(new Error('boom'));
    await expect(pusher.push('c1', { type: 'pong' })).rejects.toThrow('boom');
  });

  it('closes a connection with DeleteConnection, and treats one already gone as closed', async () => {
    const pusher = new ApiGatewayPusher(async () => new ApiGatewayManagementApiClient({ region: 'us-east-1' }));
    api.on(DeleteConnectionCommand).resolvesOnce({}).rejectsOnce(new GoneException({ message: 'gone', $metadata: { httpStatusCode: 410 } }));
    await pusher.disconnect('c1');
    await pusher.disconnect('c2');
    expect(api.commandCalls(DeleteConnectionCommand).map((c) => c.args[0].input)).toEqual([{ ConnectionId: 'c1' }, { ConnectionId: 'c2' }]);
    api.reset();
    api.on(DeleteConnectionCommand).rejects(new Error('boom'));
    await expect(pusher.disconnect('c3')).rejects.toThrow('boom');
  });
});
