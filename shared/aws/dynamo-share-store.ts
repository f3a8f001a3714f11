import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ShareLink, ShareStore } from '../sharing/share-store';
import { epochSeconds } from './dynamo-document-client';
import { queryGsi1 } from './query-all';
import { keys } from './table-design';

function fromItem(item: Record<string, unknown>): ShareLink {
  return {
    shareId: String(item.shareId),
    tokenHash: String(item.tokenHash),
    cookId: String(item.cookId),
    serial: String(item.serial),
    accountId: String(item.accountId),
    userId: String(item.userId),
    createdAt: String(item.createdAt),
    expiresAt: String(item.expiresAtIso),
  };
}

export class DynamoShareStore implements ShareStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(share: ShareLink): Promise<void> {
    const { expiresAt, ...rest } = share;
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.share(share.tokenHash),
          GSI1PK: keys.cookShares(share.cookId),
          GSI1SK: `${share.createdAt}#${share.shareId}`,
          type: 'share',
          ...rest,
          expiresAtIso: expiresAt,
          // TTL removes it some time after it expired; until then the resolver checks the time itself.
          expiresAt: epochSeconds(expiresAt),
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
  }

  async getByTokenHash(tokenHash: string): Promise<ShareLink | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.share(tokenHash), ConsistentRead: true }));
    return out.Item?.type === 'share' ? fromItem(out.Item) : undefined;
  }

  async listForCook(cookId: string): Promise<ShareLink[]> {
    return (await queryGsi1(this.db, this.tableName, keys.cookShares(cookId))).map(fromItem);
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: keys.share(tokenHash) }));
  }
}
