import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CookEvent } from '../api/cook-schemas';
import type { DefaultAlerts, ServeCheck } from '../api/schemas';
import type { ActiveCook, CookProbe, CookRecord } from '../cooks/cook-record';
import type { CookListFilter, CookMetadataChange, CookPageKey, CookStore } from '../cooks/cook-store';
import { keys } from './table-design';

/** Events are a map by id on the item (add and remove are single-attribute updates); callers see them in time order. */
function eventsFromItem(value: unknown): CookEvent[] {
  return Object.values((value ?? {}) as Record<string, CookEvent>).sort((a, b) => a.at.localeCompare(b.at) || a.eventId.localeCompare(b.eventId));
}

function eventsToItem(events: readonly CookEvent[]): Record<string, CookEvent> {
  return Object.fromEntries(events.map((e) => [e.eventId, e]));
}

/** The live item of an active cook, as the account partition's Query returns it. */
export function activeCookFromItem(item: Record<string, unknown>): ActiveCook {
  const { PK: _pk, SK: _sk, type: _type, events, ...rest } = item;
  return { ...(rest as unknown as Omit<ActiveCook, 'events'>), events: eventsFromItem(events) };
}

function recordFromItem(item: Record<string, unknown>): CookRecord {
  const { PK: _pk, SK: _sk, type: _type, GSI1PK: _g, GSI1SK: _s, searchText: _t, events, ...rest } = item;
  return { ...(rest as unknown as Omit<CookRecord, 'events'>), events: eventsFromItem(events) };
}

const searchTextOf = (r: Pick<CookRecord, 'name' | 'notes'>) => `${r.name}\n${r.notes}`.toLowerCase();

function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException || error instanceof TransactionCanceledException;
}

export class DynamoCookStore implements CookStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private recordItem(record: CookRecord): Record<string, unknown> {
    return {
      ...keys.cookRecord(record.cookId),
      GSI1PK: keys.accountCooks(record.accountId),
      GSI1SK: keys.cookRecordSort(record.startedAt, record.cookId),
      type: 'cookRecord',
      ...record,
      events: eventsToItem(record.events),
      searchText: searchTextOf(record),
    };
  }

  async start(active: ActiveCook, record: CookRecord): Promise<boolean> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.activeCook(active.accountId, active.serial), type: 'cook', ...active, events: eventsToItem(active.events) },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            { Put: { TableName: this.tableName, Item: this.recordItem(record), ConditionExpression: 'attribute_not_exists(PK)' } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async getRecord(accountId: string, cookId: string): Promise<CookRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.cookRecord(cookId), ConsistentRead: true }));
    if (!out.Item || out.Item.type !== 'cookRecord' || out.Item.accountId !== accountId) return undefined;
    return recordFromItem(out.Item);
  }

  async getActive(accountId: string, serial: string): Promise<ActiveCook | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.activeCook(accountId, serial), ConsistentRead: true }));
    return out.Item ? activeCookFromItem(out.Item) : undefined;
  }

  async listActive(accountId: string): Promise<ActiveCook[]> {
    const cooks: ActiveCook[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :cook)',
          ExpressionAttributeValues: { ':pk': keys.accountPartition(accountId), ':cook': keys.activeCookPrefix },
          ExclusiveStartKey: start,
        }),
      );
      cooks.push(...(out.Items ?? []).filter((i) => i.type === 'cook').map(activeCookFromItem));
      start = out.LastEvaluatedKey;
    } while (start);
    return cooks;
  }

  async listRecords(accountId: string, filter: CookListFilter, limit: number, after?: CookPageKey): Promise<{ records: CookRecord[]; next?: CookPageKey }> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':pk': keys.accountCooks(accountId) };
    let keyCondition = 'GSI1PK = :pk';
    if (filter.from !== undefined || filter.to !== undefined) {
      values[':from'] = filter.from ?? '';
      values[':to'] = filter.to ?? '~';
      keyCondition += ' AND GSI1SK BETWEEN :from AND :to';
    }
    const filters: string[] = [];
    if (filter.status) {
      names['#status'] = 'status';
      values[':status'] = filter.status;
      filters.push('#status = :status');
    }
    if (filter.tag) {
      values[':tag'] = filter.tag;
      filters.push('contains(tags, :tag)');
    }
    if (filter.minRating !== undefined) {
      names['#rating'] = 'rating';
      values[':minRating'] = filter.minRating;
      filters.push('#rating >= :minRating'); // an unrated cook's null is no number: left out
    }
    (filter.words ?? []).forEach((word, i) => {
      values[`:w${i}`] = word;
      filters.push(`contains(searchText, :w${i})`);
    });
    const records: CookRecord[] = [];
    let start: Record<string, unknown> | undefined = after
      ? { ...keys.cookRecord(after.cookId), GSI1PK: keys.accountCooks(accountId), GSI1SK: keys.cookRecordSort(after.startedAt, after.cookId) }
      : undefined;
    let more = false;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'GSI1',
          KeyConditionExpression: keyCondition,
          ...(filters.length > 0 ? { FilterExpression: filters.join(' AND ') } : {}),
          ...(Object.keys(names).length > 0 ? { ExpressionAttributeNames: names } : {}),
          ExpressionAttributeValues: values,
          ScanIndexForward: false,
          // Filters apply after the limit: read a little more than asked so a filtered page is usually one Query.
          Limit: Math.max(limit + 1, 25),
          ExclusiveStartKey: start,
        }),
      );
      records.push(...(out.Items ?? []).map(recordFromItem));
      start = out.LastEvaluatedKey;
      more = start !== undefined || records.length > limit;
    } while (start && records.length <= limit);
    const page = records.slice(0, limit);
    const last = page.at(-1);
    return more && last ? { records: page, next: { cookId: last.cookId, startedAt: last.startedAt } } : { records: page };
  }

  async saveProgress(cook: ActiveCook): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.activeCook(cook.accountId, cook.serial),
          // The serve check is the worker's too; the serve time is not (PATCH sets it). A check left by a poll racing a
          // cleared serve time is not shown (cook-views.ts shows a check only beside a serve time).
          UpdateExpression: `SET series = :series, predictions = :predictions, alarmState = :alarmState, alerts = :alerts, updatedAt = :updatedAt${cook.serveCheck ? ', serveCheck = :serveCheck' : ' REMOVE serveCheck'}`,
          ConditionExpression: 'cookId = :cookId',
          ExpressionAttributeValues: {
            ':series': cook.series,
            ':predictions': cook.predictions,
            ':alarmState': cook.alarmState ?? null,
            ':alerts': cook.alerts ?? [],
            ':updatedAt': cook.updatedAt,
            ':cookId': cook.cookId,
            ...(cook.serveCheck ? { ':serveCheck': cook.serveCheck } : {}),
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async updateMetadata(accountId: string, cookId: string, change: CookMetadataChange, updatedAt: string): Promise<CookRecord | undefined> {
    const sets = Object.entries(change).filter(([, v]) => v !== undefined);
    const names: Record<string, string> = Object.fromEntries(sets.map(([k], i) => [`#f${i}`, k]));
    const values: Record<string, unknown> = { ':account': accountId, ':updatedAt': updatedAt, ...Object.fromEntries(sets.map(([, v], i) => [`:v${i}`, v])) };
    const expressions = [...sets.map((_, i) => `#f${i} = :v${i}`), 'updatedAt = :updatedAt'];
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.cookRecord(cookId),
          UpdateExpression: `SET ${expressions.join(', ')}`,
          ConditionExpression: 'accountId = :account',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      const record = recordFromItem(out.Attributes ?? {});
      if (change.name !== undefined || change.notes !== undefined) {
        // The search text follows the name and notes (a second small write; the record is the source of truth).
        await this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: keys.cookRecord(cookId),
            UpdateExpression: 'SET searchText = :text',
            ConditionExpression: 'accountId = :account',
            ExpressionAttributeValues: { ':text': searchTextOf(record), ':account': accountId },
          }),
        );
      }
      return record;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async updateProbes(record: CookRecord, probes: CookProbe[], updatedAt: string): Promise<boolean> {
    const onRecord = {
      Update: {
        TableName: this.tableName,
        Key: keys.cookRecord(record.cookId),
        UpdateExpression: 'SET probes = :probes, updatedAt = :updatedAt',
        ConditionExpression: '#status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':probes': probes, ':updatedAt': updatedAt, ':status': record.status },
      },
    };
    const onLive = {
      Update: {
        TableName: this.tableName,
        Key: keys.activeCook(record.accountId, record.serial),
        UpdateExpression: 'SET probes = :probes',
        ConditionExpression: 'cookId = :cookId',
        ExpressionAttributeValues: { ':probes': probes, ':cookId': record.cookId },
      },
    };
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: record.status === 'active' ? [onRecord, onLive] : [onRecord] }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async updateDefaultAlerts(record: CookRecord, defaultAlerts: DefaultAlerts, updatedAt: string): Promise<boolean> {
    const onRecord = {
      Update: {
        TableName: this.tableName,
        Key: keys.cookRecord(record.cookId),
        UpdateExpression: 'SET defaultAlerts = :alerts, updatedAt = :updatedAt',
        ConditionExpression: '#status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':alerts': defaultAlerts, ':updatedAt': updatedAt, ':status': record.status },
      },
    };
    const onLive = {
      Update: {
        TableName: this.tableName,
        Key: keys.activeCook(record.accountId, record.serial),
        UpdateExpression: 'SET defaultAlerts = :alerts',
        ConditionExpression: 'cookId = :cookId',
        ExpressionAttributeValues: { ':alerts': defaultAlerts, ':cookId': record.cookId },
      },
    };
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: record.status === 'active' ? [onRecord, onLive] : [onRecord] }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async updateServeAt(record: CookRecord, serveAt: string | null, check: ServeCheck | undefined, updatedAt: string): Promise<boolean> {
    const onRecord = {
      Update: {
        TableName: this.tableName,
        Key: keys.cookRecord(record.cookId),
        UpdateExpression: serveAt === null ? 'SET updatedAt = :updatedAt REMOVE serveAt' : 'SET serveAt = :serveAt, updatedAt = :updatedAt',
        ConditionExpression: '#status = :active',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':updatedAt': updatedAt, ':active': 'active', ...(serveAt !== null ? { ':serveAt': serveAt } : {}) },
      },
    };
    const onLive = {
      Update: {
        TableName: this.tableName,
        Key: keys.activeCook(record.accountId, record.serial),
        UpdateExpression: serveAt === null ? 'REMOVE serveAt, serveCheck' : check ? 'SET serveAt = :serveAt, serveCheck = :check' : 'SET serveAt = :serveAt REMOVE serveCheck',
        ConditionExpression: 'cookId = :cookId',
        ExpressionAttributeValues: { ':cookId': record.cookId, ...(serveAt !== null ? { ':serveAt': serveAt } : {}), ...(serveAt !== null && check ? { ':check': check } : {}) },
      },
    };
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [onRecord, onLive] }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** While active the live item holds the events (the worker predicts with them); once ended, the record. */
  private eventTarget(record: CookRecord) {
    return record.status === 'active'
      ? { Key: keys.activeCook(record.accountId, record.serial), ConditionExpression: 'cookId = :cookId', ExpressionAttributeValues: { ':cookId': record.cookId } }
      : { Key: keys.cookRecord(record.cookId), ConditionExpression: '#status = :ended', ExpressionAttributeValues: { ':ended': 'ended' } };
  }

  async putEvent(record: CookRecord, event: CookEvent, updatedAt: string): Promise<boolean> {
    const target = this.eventTarget(record);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: target.Key,
          UpdateExpression: 'SET events.#id = :event',
          ConditionExpression: target.ConditionExpression,
          ExpressionAttributeNames: { '#id': event.eventId, ...(record.status === 'ended' ? { '#status': 'status' } : {}) },
          ExpressionAttributeValues: { ...target.ExpressionAttributeValues, ':event': event },
        }),
      );
      await this.touch(record, updatedAt);
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async removeEvent(record: CookRecord, eventId: string, updatedAt: string): Promise<boolean> {
    const target = this.eventTarget(record);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: target.Key,
          UpdateExpression: 'REMOVE events.#id',
          ConditionExpression: `${target.ConditionExpression} AND attribute_exists(events.#id)`,
          ExpressionAttributeNames: { '#id': eventId, ...(record.status === 'ended' ? { '#status': 'status' } : {}) },
          ExpressionAttributeValues: target.ExpressionAttributeValues,
        }),
      );
      await this.touch(record, updatedAt);
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  private async touch(record: CookRecord, updatedAt: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.cookRecord(record.cookId),
        UpdateExpression: 'SET updatedAt = :updatedAt',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeValues: { ':updatedAt': updatedAt },
      }),
    ).catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
  }

  async end(active: ActiveCook, final: CookRecord): Promise<boolean> {
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.tableName,
                Key: keys.activeCook(active.accountId, active.serial),
                ConditionExpression: 'cookId = :cookId',
                ExpressionAttributeValues: { ':cookId': active.cookId },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: this.recordItem(final),
                ConditionExpression: '#status = :active AND accountId = :account',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':active': 'active', ':account': final.accountId },
              },
            },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async delete(record: CookRecord): Promise<void> {
    if (record.status === 'active') {
      await this.db
        .send(
          new DeleteCommand({
            TableName: this.tableName,
            Key: keys.activeCook(record.accountId, record.serial),
            ConditionExpression: 'cookId = :cookId',
            ExpressionAttributeValues: { ':cookId': record.cookId },
          }),
        )
        .catch((error: unknown) => {
          if (!isConditionFailure(error)) throw error;
        });
    }
    await this.db.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: keys.cookRecord(record.cookId),
        ConditionExpression: 'accountId = :account',
        ExpressionAttributeValues: { ':account': record.accountId },
      }),
    ).catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
  }
}
