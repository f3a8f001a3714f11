/**
 * Test-only: everything the table holds for one account, as comparable text, so a suite can prove that nothing it
 * did (wrong credentials, bad input) changed a victim's data. A Scan is fine here: tests read the whole table to be
 * sure, which the product never does.
 */
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Bookkeeping that moves on every request and is not the user's data: sessions' last use, sign-in counters. */
const BOOKKEEPING_TYPES = new Set(['session', 'sign-in-attempts', 'connection']);

export async function scanTable(db: DynamoDBDocumentClient, tableName: string): Promise<Array<Record<string, unknown>>> {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Attributes that move on use and are not the user's data: an API token's last use. */
const BOOKKEEPING_ATTRIBUTES: Record<string, readonly string[]> = { 'api-token': ['lastUsedAt'] };

/** The account's own items (any attribute naming its user id or account id), bookkeeping left out, sorted. */
export async function accountSnapshot(db: DynamoDBDocumentClient, tableName: string, ids: { userId: string; accountId: string }): Promise<string[]> {
  return (await scanTable(db, tableName))
    .filter((item) => !BOOKKEEPING_TYPES.has(String(item.type)))
    .map((item) => {
      const moving = BOOKKEEPING_ATTRIBUTES[String(item.type)] ?? [];
      return Object.fromEntries(Object.entries(item).filter(([k]) => !moving.includes(k)));
    })
    .map((item) => JSON.stringify(item, Object.keys(item).sort()))
    .filter((text) => text.includes(ids.userId) || text.includes(ids.accountId))
    .sort();
}
