import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuthSession, SessionStore } from '../auth/session-store';
import { epochSeconds } from './dynamo-document-client';
import { queryGsi1 } from './query-all';
import { keys } from './table-design';

export class DynamoSessionStore implements SessionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(session: AuthSession): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.session(session.tokenHash),
          GSI1PK: keys.userSessions(session.userId),
          GSI1SK: `${session.createdAt}#${session.sessionId}`,
          type: 'session',
          ...session,
          // The TTL attribute is the hard end; the sliding expiry is checked on every read.
          expiresAt: epochSeconds(session.absoluteExpiresAt),
          idleExpiresAt: session.expiresAt,
        },
      }),
    );
  }

  async get(tokenHash: string): Promise<AuthSession | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.session(tokenHash), ConsistentRead: true }));
    return out.Item ? sessionOf(out.Item) : undefined;
  }

  async touch(tokenHash: string, lastUsedAt: string, expiresAt: string): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.session(tokenHash),
          UpdateExpression: 'SET lastUsedAt = :used, idleExpiresAt = :expires',
          // Never re-create a session that was revoked between the read and this write.
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':used': lastUsedAt, ':expires': expiresAt },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async delete(tokenHash: string): Promise<boolean> {
    const out = await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.session(tokenHash), ReturnValues: 'ALL_OLD' }));
    return out.Attributes !== undefined;
  }

  async listForUser(userId: string): Promise<AuthSession[]> {
    return (await queryGsi1(this.db, this.tableName, keys.userSessions(userId))).map(sessionOf);
  }
}

function sessionOf(item: Record<string, unknown>): AuthSession {
  const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
  return {
    tokenHash: String(item.tokenHash),
    sessionId: String(item.sessionId),
    userId: String(item.userId),
    accountId: String(item.accountId),
    email: String(item.email),
    createdAt: String(item.createdAt),
    lastUsedAt: String(item.lastUsedAt ?? item.createdAt),
    expiresAt: String(item.idleExpiresAt),
    absoluteExpiresAt: String(item.absoluteExpiresAt),
    userAgent: text(item.userAgent),
    ipPrefix: text(item.ipPrefix),
  };
}
