import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Scope } from '../api/route-definition';
import type { ApiTokenRecord, ApiTokenStore } from '../auth/api-token-store';
import { queryGsi1 } from './query-all';
import { keys } from './table-design';

export class DynamoApiTokenStore implements ApiTokenStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(token: ApiTokenRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.apiToken(token.tokenHash),
          GSI1PK: keys.userApiTokens(token.userId),
          GSI1SK: `${token.createdAt}#${token.tokenId}`,
          type: 'api-token',
          ...token,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async get(tokenHash: string): Promise<ApiTokenRecord | undefined> {
    // Consistent: a token revoked a moment ago must not resolve.
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.apiToken(tokenHash), ConsistentRead: true }));
    return out.Item ? tokenOf(out.Item) : undefined;
  }

  async touch(tokenHash: string, lastUsedAt: string): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.apiToken(tokenHash),
          UpdateExpression: 'SET lastUsedAt = :used',
          // Never re-create a token that was revoked between the read and this write.
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':used': lastUsedAt },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async delete(tokenHash: string): Promise<boolean> {
    const out = await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.apiToken(tokenHash), ReturnValues: 'ALL_OLD' }));
    return out.Attributes !== undefined;
  }

  async listForUser(userId: string): Promise<ApiTokenRecord[]> {
    return (await queryGsi1(this.db, this.tableName, keys.userApiTokens(userId))).map(tokenOf);
  }
}

function tokenOf(item: Record<string, unknown>): ApiTokenRecord {
  return {
    tokenHash: String(item.tokenHash),
    tokenId: String(item.tokenId),
    name: String(item.name),
    scopes: (Array.isArray(item.scopes) ? item.scopes : []).filter((s): s is Scope => s === 'read' || s === 'write'),
    userId: String(item.userId),
    accountId: String(item.accountId),
    email: String(item.email),
    createdAt: String(item.createdAt),
    lastUsedAt: typeof item.lastUsedAt === 'string' ? item.lastUsedAt : null,
  };
}
