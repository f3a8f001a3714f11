import { DeleteCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ConnectionStore, LiveConnection } from '../live/connection-store';
import { epochSeconds } from './dynamo-document-client';
import { keys } from './table-design';

export class DynamoConnectionStore implements ConnectionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(connection: LiveConnection): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.connection(connection.connectionId),
          GSI1PK: keys.accountConnections(connection.accountId),
          GSI1SK: connection.connectionId,
          type: 'connection',
          connectionId: connection.connectionId,
          userId: connection.userId,
          accountId: connection.accountId,
          credentialKind: connection.credentialKind,
          credentialId: connection.credentialId,
          connectedAt: connection.connectedAt,
          ...(connection.cookId ? { cookId: connection.cookId } : {}),
          ...(connection.serial ? { serial: connection.serial } : {}),
          expiresAtIso: connection.expiresAt,
          expiresAt: epochSeconds(connection.expiresAt),
        },
      }),
    );
  }

  async delete(connectionId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.connection(connectionId) }));
  }

  async listForAccount(accountId: string): Promise<LiveConnection[]> {
    const result: LiveConnection[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': keys.accountConnections(accountId) },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) {
        result.push({
          connectionId: String(item.connectionId),
          userId: String(item.userId),
          accountId: String(item.accountId),
          credentialKind: String(item.credentialKind ?? 'session') as LiveConnection['credentialKind'],
          credentialId: String(item.credentialId ?? ''),
          connectedAt: String(item.connectedAt),
          ...(item.cookId ? { cookId: String(item.cookId) } : {}),
          ...(item.serial ? { serial: String(item.serial) } : {}),
          expiresAt: String(item.expiresAtIso),
        });
      }
      start = out.LastEvaluatedKey;
    } while (start);
    return result;
  }
}
