import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuthSession, SessionStore } from '../auth/session-store';
import { epochSeconds } from './dynamo-document-client';
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
        Item: { ...keys.session(session.tokenHash), type: 'session', ...session, expiresAt: epochSeconds(session.expiresAt), expiresAtIso: session.expiresAt },
      }),
    );
  }

  async get(tokenHash: string): Promise<AuthSession | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.session(tokenHash) }));
    const item = out.Item;
    if (!item) return undefined;
    return {
      tokenHash: String(item.tokenHash),
      userId: String(item.userId),
      accountId: String(item.accountId),
      email: String(item.email),
      createdAt: String(item.createdAt),
      expiresAt: String(item.expiresAtIso),
    };
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.session(tokenHash) }));
  }
}
