/**
 * Every item Pitwatch keeps for one user, part by part, each found by key (never a Scan): the one list a later
 * feature adds its items to (README "Account export and deletion"). Secrets never leave: session, API token and
 * share token hashes (their items' keys), the sealed refresh token, the sealed MQTT broker password.
 */
import { BatchWriteCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountDataPart, AccountDataScope } from '../account/account-data';
import { signInKeys } from '../auth/sign-in-throttle';
import type { HistoryEraser, ReadingStore } from '../readings/reading';
import { latestOf } from './dynamo-device-store';
import { defaultDynamoHistoryOptions } from './dynamo-reading-store';
import { queryAll } from './query-all';
import { keys } from './table-design';

type Item = Record<string, unknown>;
const DAY_MS = 86_400_000;
/** Archive back-fill reaches this far before a gap: history can be older than the link by that much. */
const BACKFILL_MARGIN_MS = 2 * DAY_MS;
/** History is exported a few hours at a time, so memory stays flat however long it is. */
const EXPORT_CHUNK_MS = 6 * 3_600_000;

async function deleteKeys(db: DynamoDBDocumentClient, tableName: string, items: readonly Item[]): Promise<number> {
  const requests = items.map((i) => ({ DeleteRequest: { Key: { PK: i.PK, SK: i.SK } } }));
  for (let n = 0; n < requests.length; n += 25) {
    let pending: typeof requests = requests.slice(n, n + 25);
    for (let attempt = 1; pending.length > 0; attempt++) {
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      pending = (out.UnprocessedItems?.[tableName] ?? []) as typeof requests;
      if (pending.length > 0 && attempt >= 8) throw new Error(`DynamoDB left ${pending.length} deletes unprocessed`);
      if (pending.length > 0) await new Promise((r) => setTimeout(r, 25 * 2 ** attempt));
    }
  }
  return items.length;
}

/** The item without its keys and index attributes: what the user's data is, not how it is stored. */
function plain(item: Item, drop: readonly string[] = []): Item {
  const hidden = new Set(['PK', 'SK', 'GSI1PK', 'GSI1SK', 'atKey', 'searchText', ...drop]);
  return Object.fromEntries(Object.entries(item).filter(([k]) => !hidden.has(k)));
}

/** A part whose items are found by one or more key queries. */
function keyedPart(name: string, find: (scope: AccountDataScope) => Promise<Item[]>, db: DynamoDBDocumentClient, tableName: string, drop: readonly string[] = []): AccountDataPart {
  return {
    name,
    async *export(scope) {
      for (const item of await find(scope)) yield plain(item, drop);
    },
    async delete(scope) {
      return { items: await deleteKeys(db, tableName, await find(scope)) };
    },
  };
}

export function dynamoAccountDataParts(db: DynamoDBDocumentClient, tableName: string, history: ReadingStore & HistoryEraser): AccountDataPart[] {
  const q = (input: Parameters<typeof queryAll>[2]) => queryAll(db, tableName, input);
  const accountPartition = (s: AccountDataScope) => q({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.accountPartition(s.accountId) } });
  const cookRecords = (s: AccountDataScope) => q({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.accountCooks(s.accountId) } });

  /** Each channel the account has history on (its devices' latest readings, and its cooks' channels). */
  const channelsOf = async (s: AccountDataScope) => {
    const [partition, cooks] = await Promise.all([accountPartition(s), cookRecords(s)]);
    const channels = new Map<string, { serial: string; channel: string }>();
    // Latest readings live on the device item (`latest:{channel}`); items of their own are the older layout.
    const latest = [
      ...partition.filter((i) => i.type === 'device').flatMap((i) => latestOf(i, s.accountId, String(i.serial))),
      ...partition.filter((i) => i.type === 'latest').map((i) => ({ serial: String(i.serial), channel: String(i.channel) })),
    ];
    for (const l of latest) channels.set(`${l.serial}#${l.channel}`, { serial: l.serial, channel: l.channel });
    for (const c of cooks) {
      const cook = c as { serial: string; pitChannel: string | null; probes: Array<{ channel: string }> };
      for (const channel of [...cook.probes.map((p) => p.channel), ...(cook.pitChannel ? [cook.pitChannel] : [])]) channels.set(`${cook.serial}#${channel}`, { serial: cook.serial, channel });
    }
    // History is never older than the link or the oldest cook (less the back-fill margin), nor than retention.
    const oldest = Math.min(Date.parse(s.link.linkedAt), ...cooks.map((c) => Date.parse(String(c.startedAt))));
    const retentionFloor = s.now.getTime() - (defaultDynamoHistoryOptions.rollupRetentionDays + 1) * DAY_MS;
    const from = new Date(Math.max(oldest - BACKFILL_MARGIN_MS, retentionFloor));
    return { channels: [...channels.values()], from, to: new Date(s.now.getTime() + DAY_MS) };
  };

  const historyPart: AccountDataPart = {
    name: 'history',
    async *export(scope) {
      const { channels, from, to } = await channelsOf(scope);
      // Raw points are kept `rawRetentionDays`; older history only as 5-minute roll-ups, which the export leaves out.
      const rawFrom = Math.max(from.getTime(), scope.now.getTime() - (defaultDynamoHistoryOptions.rawRetentionDays + 1) * DAY_MS);
      for (const { serial, channel } of channels) {
        for (let start = rawFrom; start < to.getTime(); start += EXPORT_CHUNK_MS) {
          const readings = await history.query({ accountId: scope.accountId, serial, channel, from: new Date(start), to: new Date(Math.min(start + EXPORT_CHUNK_MS, to.getTime())) });
          if (readings.length > 0) yield { serial, channel, readings: readings.map((r) => [r.at.toISOString(), r.value, r.units]) };
        }
      }
    },
    async delete(scope) {
      const { channels, from, to } = await channelsOf(scope);
      let points = 0;
      for (const { serial, channel } of channels) points += await history.erase({ accountId: scope.accountId, serial, channel, from, to });
      return { items: points, historyPoints: points };
    },
  };

  const shares = async (s: AccountDataScope) => {
    const cooks = await cookRecords(s);
    const all = await Promise.all(cooks.map((c) => q({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.cookShares(String(c.cookId)) } })));
    return all.flat().filter((i) => i.accountId === s.accountId);
  };

  // The counters keyed by the email (per window and per day); the per-network ones are nobody's in particular.
  const signInCounters = async (s: AccountDataScope) => {
    const { email, emailDay } = signInKeys(s.email, '');
    const found = await Promise.all([email, emailDay].map((key) => db.send(new GetCommand({ TableName: tableName, Key: keys.signInAttempts(key) }))));
    return found.flatMap((out) => (out.Item ? [out.Item] : []));
  };

  const settings = async (s: AccountDataScope) => {
    const out = await db.send(new GetCommand({ TableName: tableName, Key: keys.settings(s.userId) }));
    return out.Item ? [out.Item] : [];
  };

  const link = async (s: AccountDataScope) => {
    const out = await db.send(new GetCommand({ TableName: tableName, Key: keys.link(s.userId) }));
    return out.Item ? [out.Item] : [];
  };

  // Alarm events, and notification channels (a webhook's sealed secret stays out of the export).
  const alarmEvents = (s: AccountDataScope) => q({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.alarmEventsPartition(s.accountId) } });
  const channels = (s: AccountDataScope) => q({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.channelsPartition(s.accountId) } });
  const channelsPart = keyedPart('notificationChannels', channels, db, tableName);
  const notificationChannels: AccountDataPart = {
    ...channelsPart,
    async *export(scope) {
      for (const item of await channels(scope)) {
        const { sealedSecret: _sealed, ...target } = (item.target ?? {}) as Item;
        yield plain({ ...item, target });
      }
    },
  };

  // Deletion order: history first (found through the devices and cooks), then what finds others, the link and the
  // sessions last (until then the caller is still signed in and can try again).
  return [
    historyPart,
    // Share links before the cooks they hang on; their token hashes are their keys, left out of the export.
    keyedPart('shareLinks', shares, db, tableName, ['tokenHash']),
    keyedPart('cooks', cookRecords, db, tableName),
    keyedPart('alarmEvents', alarmEvents, db, tableName, ['claims']),
    notificationChannels,
    // The account partition also holds the MQTT integration (its sealed broker password stays out of the export), the
    // alarm rules and the personal priors (what the account's ended cooks taught the predictions).
    keyedPart('devicesReadingsActiveCooksAndIntegrations', accountPartition, db, tableName, ['sealedPassword']),
    keyedPart('apiTokens', (s) => q({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.userApiTokens(s.userId) } }), db, tableName, ['tokenHash']),
    keyedPart('settings', settings, db, tableName),
    // The user's secrets are audited under the user, notification secrets (webhooks) under the account.
    keyedPart(
      'decryptAudit',
      async (s) => (await Promise.all([s.userId, s.accountId].map((owner) => q({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.decryptAuditPartition(owner) } })))).flat(),
      db,
      tableName,
    ),
    keyedPart('signInAttempts', signInCounters, db, tableName),
    keyedPart('connections', (s) => q({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.accountConnections(s.accountId) } }), db, tableName),
    // The link holds the vault entry (the sealed refresh token): deleted with it, never exported.
    keyedPart('link', link, db, tableName, ['sealedRefreshToken']),
    keyedPart('sessions', (s) => q({ IndexName: 'GSI1', KeyConditionExpression: 'GSI1PK = :pk', ExpressionAttributeValues: { ':pk': keys.userSessions(s.userId) } }), db, tableName, ['tokenHash']),
  ];
}
