import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountStore, LinkedAccount, LinkStatus, LinkStatusUpdate } from '../auth/account-store';
import { keys } from './table-design';

function toLink(item: Record<string, unknown>): LinkedAccount {
  return {
    userId: String(item.userId),
    accountId: String(item.accountId),
    email: String(item.email),
    sealedRefreshToken: item.sealedRefreshToken as LinkedAccount['sealedRefreshToken'],
    status: item.status as LinkStatus,
    statusMessage: (item.statusMessage as string | null | undefined) ?? null,
    linkedAt: String(item.linkedAt),
    lastPolledAt: (item.lastPolledAt as string | null | undefined) ?? null,
    lastReadingAt: (item.lastReadingAt as string | null | undefined) ?? null,
  };
}

/** Links per dispatcher page (≈ 0.6 MB of items; DynamoDB's own page limit is 1 MB). */
export const LINKS_PAGE_SIZE = 1000;

export class DynamoAccountStore implements AccountStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putLink(link: LinkedAccount): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...keys.link(link.userId), GSI1PK: keys.linksIndex, GSI1SK: link.userId, type: 'link', ...link },
      }),
    );
  }

  async getLink(userId: string): Promise<LinkedAccount | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.link(userId) }));
    return out.Item ? toLink(out.Item) : undefined;
  }

  /** BatchGetItem, 100 keys at a time, asking again for what DynamoDB leaves unprocessed. */
  async getLinks(userIds: readonly string[]): Promise<Map<string, LinkedAccount>> {
    const links = new Map<string, LinkedAccount>();
    const unique = [...new Set(userIds)];
    for (let i = 0; i < unique.length; i += 100) {
      let keysLeft: Array<Record<string, unknown>> = unique.slice(i, i + 100).map((userId) => keys.link(userId));
      for (let attempt = 1; keysLeft.length > 0; attempt++) {
        const out = await this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keysLeft } } }));
        for (const item of out.Responses?.[this.tableName] ?? []) links.set(String(item.userId), toLink(item));
        keysLeft = (out.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Array<Record<string, unknown>>;
        if (keysLeft.length > 0 && attempt >= 8) throw new Error(`DynamoDB left ${keysLeft.length} links unread after ${attempt} attempts`);
        if (keysLeft.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      }
    }
    return links;
  }

  async listLinks(cursor?: string): Promise<{ links: LinkedAccount[]; cursor: string | undefined }> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.linksIndex },
        // A page at a time, whatever the number of links: the dispatcher queues each page before reading the next.
        Limit: LINKS_PAGE_SIZE,
        ...(cursor ? { ExclusiveStartKey: JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown> } : {}),
      }),
    );
    return {
      links: (out.Items ?? []).map(toLink),
      cursor: out.LastEvaluatedKey ? Buffer.from(JSON.stringify(out.LastEvaluatedKey)).toString('base64url') : undefined,
    };
  }

  async updateLinkStatus(userId: string, update: LinkStatusUpdate): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.link(userId),
        UpdateExpression: `SET #s = :s, statusMessage = :m, lastPolledAt = :p${update.lastReadingAt ? ', lastReadingAt = :r' : ''}`,
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':s': update.status,
          ':m': update.statusMessage,
          ':p': update.polledAt,
          ...(update.lastReadingAt ? { ':r': update.lastReadingAt } : {}),
        },
      }),
    );
  }
}
