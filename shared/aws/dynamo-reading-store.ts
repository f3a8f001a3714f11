/**
 * History in DynamoDB: one partition per device channel and UTC hour, one item per point keyed by its time, so a
 * redelivered reading overwrites itself (idempotent) and a 12-hour chart is 12 small Queries.
 */
import { BatchWriteCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { binReadings } from '../readings/bin-readings';
import type { HistoryQuery, Reading, ReadingStore, WriteResult } from '../readings/reading';

const HOUR_MS = 3_600_000;
const MAX_BATCH = 25;
/** A month of history is ~740 hour buckets: query them a few at a time rather than all at once (throttling). */
const QUERY_CONCURRENCY = 16;

async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]!);
    }),
  );
  return results;
}

function bucketKey(r: { accountId: string; serial: string; channel: string }, hourStartMs: number): string {
  return `HIST#${r.accountId}#${r.serial}#${r.channel}#${new Date(hourStartMs).toISOString().slice(0, 13)}`;
}

function sortKey(atMs: number): string {
  return String(atMs).padStart(15, '0');
}

export class DynamoReadingStore implements ReadingStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: { retentionDays: number; maxAttempts?: number } = { retentionDays: 400 },
  ) {}

  async write(readings: readonly Reading[]): Promise<WriteResult> {
    const unique = new Map<string, Reading>();
    for (const r of readings) {
      const atMs = r.at.getTime();
      unique.set(`${bucketKey(r, atMs - (atMs % HOUR_MS))}|${atMs}`, r);
    }
    const requests = [...unique.values()].map((r) => {
      const atMs = r.at.getTime();
      return {
        PutRequest: {
          Item: {
            PK: bucketKey(r, atMs - (atMs % HOUR_MS)),
            SK: sortKey(atMs),
            v: r.value,
            u: r.units,
            expiresAt: Math.floor(atMs / 1000) + this.options.retentionDays * 86_400,
          },
        },
      };
    });
    for (let i = 0; i < requests.length; i += MAX_BATCH) {
      let pending: typeof requests = requests.slice(i, i + MAX_BATCH);
      for (let attempt = 1; pending.length > 0; attempt++) {
        const out = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
        pending = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof requests;
        if (pending.length > 0 && attempt >= (this.options.maxAttempts ?? 8)) {
          // Throttled past our retries: fail the poll so the queue redelivers it, rather than acknowledge a loss.
          throw new Error(`DynamoDB left ${pending.length} history items unprocessed after ${attempt} attempts`);
        }
        if (pending.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      }
    }
    return { written: unique.size, rejected: 0 };
  }

  async query(q: HistoryQuery): Promise<Reading[]> {
    const fromMs = q.from.getTime();
    const toMs = q.to.getTime();
    const buckets: number[] = [];
    for (let h = fromMs - (fromMs % HOUR_MS); h < toMs; h += HOUR_MS) buckets.push(h);
    const pages = await mapLimited(
      buckets,
      QUERY_CONCURRENCY,
      async (hour) => {
        const items: Record<string, unknown>[] = [];
        let start: Record<string, unknown> | undefined;
        do {
          const out = await this.db.send(
            new QueryCommand({
              TableName: this.tableName,
              KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
              ExpressionAttributeValues: { ':pk': bucketKey(q, hour), ':from': sortKey(fromMs), ':to': sortKey(toMs - 1) },
              ExclusiveStartKey: start,
            }),
          );
          items.push(...(out.Items ?? []));
          start = out.LastEvaluatedKey;
        } while (start);
        return items;
      },
    );
    const readings: Reading[] = pages.flat().map((item) => ({
      accountId: q.accountId,
      serial: q.serial,
      channel: q.channel,
      value: Number(item.v),
      units: item.u as Reading['units'],
      at: new Date(Number(item.SK)),
    }));
    return q.binSeconds ? binReadings(readings, q.binSeconds) : readings;
  }
}
