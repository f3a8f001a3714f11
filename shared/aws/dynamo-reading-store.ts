/**
 * History in DynamoDB, in two layers:
 * - raw points: one partition per device channel and UTC hour, one item per point keyed by its time, so a redelivered
 *   reading overwrites itself (idempotent) and a 12-hour chart is 12 small Queries; kept `rawRetentionDays`;
 * - roll-ups: one item per channel and hour (partitioned by month) holding every point of that hour, packed into one
 *   attribute (`pts`), plus any point that arrived after the hour was rolled up as an attribute named by its time (so
 *   re-writing a point is idempotent); kept `rollupRetentionDays` and read for charts: a 12-hour chart is 12 items
 *   per channel in one Query, and a month one Query instead of ~740 hourly ones. One packed attribute rather than a
 *   few hundred small ones, because reading attributes is what a Query pays for (DynamoDB Local most of all: 144
 *   five-minute items of 20 attributes took 46 ms to read, 12 packed hourly items 10 ms). Items written by the
 *   earlier layout (one per 5-minute bin, points as attributes only) are still read.
 *
 * A poll writes raw points only, in one BatchWriteItem. The hour's roll-ups are built once the hour is over
 * (`compactHour`, called by the poll path): one consistent Query per channel and a batch of whole-bin Puts, instead
 * of an UpdateItem per channel on every poll. Points that arrive for an hour already over (archive back-fill, a late
 * upload) go to their roll-up at once. Long-range reads take the last two hours from the raw layer, so an hour not
 * yet compacted still shows.
 */
import { BatchWriteCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { systemClock, type Clock } from '../clock';
import { binReadings } from '../readings/bin-readings';
import { bucketReadings, type BucketPoint } from '../readings/bucket-readings';
import type { HistoryEraser, HistoryQuery, Reading, ReadingStore, SeriesKey, WriteResult } from '../readings/reading';

const HOUR_MS = 3_600_000;
/** Long-range reads in multiples of this come from the roll-ups alone (query with binSeconds). */
const ROLLUP_BIN_MS = 300_000;
const MAX_BATCH = 25;
/** Points per UpdateItem for late points: keeps the update expression far below DynamoDB's 4 KB. */
const LATE_POINTS_PER_UPDATE = 100;
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

const hourOf = (atMs: number) => atMs - (atMs % HOUR_MS);

/** An hour's points as `offsetMs:value` pairs, comma-separated, offsets from the hour's start (the item's SK). */
export function packPoints(hourMs: number, points: ReadonlyArray<{ atMs: number; value: number }>): string {
  return points.map((p) => `${p.atMs - hourMs}:${p.value}`).join(',');
}

export function unpackPoints(hourMs: number, packed: string): Array<{ atMs: number; value: number }> {
  if (packed === '') return [];
  return packed.split(',').map((pair) => {
    const colon = pair.indexOf(':');
    return { atMs: hourMs + Number(pair.slice(0, colon)), value: Number(pair.slice(colon + 1)) };
  });
}

/** A late point's attribute name: `p` and its epoch ms (the earlier layout's points are named the same way). */
const pointName = (atMs: number) => `p${atMs}`;
const pointTime = (name: string): number | undefined => {
  if (name.charCodeAt(0) !== 112 /* p */ || name === 'pts') return undefined;
  const atMs = Number(name.slice(1));
  return Number.isInteger(atMs) ? atMs : undefined;
};

function rollupKey(r: { accountId: string; serial: string; channel: string }, atMs: number): string {
  return `ROLL#${r.accountId}#${r.serial}#${r.channel}#${new Date(atMs).toISOString().slice(0, 7)}`;
}

export interface DynamoHistoryOptions {
  rawRetentionDays: number;
  rollupRetentionDays: number;
  maxAttempts?: number;
}

export const defaultDynamoHistoryOptions: DynamoHistoryOptions = { rawRetentionDays: 35, rollupRetentionDays: 400 };

/** Long-range reads take this much of the recent past from the raw layer (roll-ups may not hold it yet). */
const RECENT_RAW_MS = 2 * HOUR_MS;

export class DynamoReadingStore implements ReadingStore, HistoryEraser {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly options: DynamoHistoryOptions = defaultDynamoHistoryOptions,
    private readonly clock: Clock = systemClock,
  ) {}

  async write(readings: readonly Reading[]): Promise<WriteResult> {
    const unique = new Map<string, Reading>();
    for (const r of readings) {
      const atMs = r.at.getTime();
      unique.set(`${bucketKey(r, atMs - (atMs % HOUR_MS))}|${atMs}`, r);
    }
    const items = [...unique.values()].map((r) => {
      const atMs = r.at.getTime();
      return {
        PK: bucketKey(r, atMs - (atMs % HOUR_MS)),
        SK: sortKey(atMs),
        v: r.value,
        u: r.units,
        expiresAt: Math.floor(atMs / 1000) + this.options.rawRetentionDays * 86_400,
      };
    });
    await this.putAll(items);
    // The current hour is rolled up when it is over (compactHour); earlier hours may be compacted already.
    const currentHour = this.clock.now().getTime() - (this.clock.now().getTime() % HOUR_MS);
    await this.writeRollups([...unique.values()].filter((r) => r.at.getTime() < currentHour));
    return { written: unique.size, rejected: 0 };
  }

  /** BatchWriteItem in chunks of 25, retrying what DynamoDB leaves unprocessed. */
  private async putAll(items: ReadonlyArray<Record<string, unknown>>): Promise<void> {
    const requests = items.map((Item) => ({ PutRequest: { Item } }));
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
  }

  /**
   * The hour's roll-up from its raw points (read consistently, so the poll's own writes are seen): the hour's item
   * gets every raw point of the hour packed in `pts`, so compacting twice writes the same item. An UpdateItem, not a
   * Put: a late point another poll writes between this read and this write lands as its own attribute (writeRollups),
   * and replacing the item whole would drop it.
   */
  async compactHour(series: readonly SeriesKey[], hourStart: Date): Promise<void> {
    const hourMs = hourOf(hourStart.getTime());
    for (const s of series) {
      const raw = await this.itemsBetween(bucketKey(s, hourMs), sortKey(hourMs), sortKey(hourMs + HOUR_MS - 1), true);
      if (raw.length === 0) continue;
      const { PK, SK, ...attributes } = this.rollupItem(s, hourMs, raw[0]!.u as Reading['units'], raw.map((item) => ({ atMs: Number(item.SK), value: Number(item.v) })));
      const names = Object.keys(attributes);
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { PK, SK },
          UpdateExpression: `SET ${names.map((_, i) => `#a${i} = :a${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#a${i}`, name])),
          ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:a${i}`, attributes[name]])),
        }),
      );
    }
  }

  private rollupItem(s: SeriesKey, hourMs: number, units: Reading['units'], points: ReadonlyArray<{ atMs: number; value: number }>): Record<string, unknown> {
    const sorted = [...points].sort((a, b) => a.atMs - b.atMs);
    return { PK: rollupKey(s, hourMs), SK: sortKey(hourMs), u: units, expiresAt: Math.floor(hourMs / 1000) + this.options.rollupRetentionDays * 86_400, pts: packPoints(hourMs, sorted) };
  }

  /**
   * Points into hours nobody has written yet (seeding a fresh table with a past cook): raw items and whole roll-up
   * items in batches of 25, instead of one UpdateItem per hour. Writing an hour that exists replaces its roll-up.
   */
  async writeIntoEmptyBins(readings: readonly Reading[]): Promise<number> {
    const hours = new Map<string, { series: Reading; hourMs: number; points: Array<{ atMs: number; value: number }> }>();
    for (const r of readings) {
      const hourMs = hourOf(r.at.getTime());
      const key = `${rollupKey(r, hourMs)}|${hourMs}`;
      const entry = hours.get(key) ?? { series: r, hourMs, points: [] };
      entry.points.push({ atMs: r.at.getTime(), value: r.value });
      hours.set(key, entry);
    }
    const items = [
      ...readings.map((r) => ({ PK: bucketKey(r, hourOf(r.at.getTime())), SK: sortKey(r.at.getTime()), v: r.value, u: r.units, expiresAt: Math.floor(r.at.getTime() / 1000) + this.options.rawRetentionDays * 86_400 })),
      ...[...hours.values()].map(({ series, hourMs, points }) => this.rollupItem(series, hourMs, series.units, points)),
    ];
    const batches: Array<Array<{ PutRequest: { Item: Record<string, unknown> } }>> = [];
    for (let i = 0; i < items.length; i += MAX_BATCH) batches.push(items.slice(i, i + MAX_BATCH).map((Item) => ({ PutRequest: { Item } })));
    await mapLimited(batches, 4, async (batch) => {
      let pending = batch;
      for (let attempt = 1; pending.length > 0; attempt++) {
        const out = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
        pending = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof batch;
        if (pending.length > 0 && attempt >= (this.options.maxAttempts ?? 8)) throw new Error(`DynamoDB left ${pending.length} history items unprocessed`);
        if (pending.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      }
    });
    return readings.length;
  }

  /**
   * Points for hours already rolled up (a late upload, an archive back-fill): SET p{epoch ms} = value on the hour's
   * roll-up item, one attribute per point (idempotent), at most LATE_POINTS_PER_UPDATE points per UpdateItem.
   */
  private async writeRollups(readings: readonly Reading[]): Promise<void> {
    const updates: Array<{ pk: string; hourMs: number; points: Reading[] }> = [];
    const byHour = new Map<string, Reading[]>();
    for (const r of readings) {
      const key = `${rollupKey(r, r.at.getTime())}|${hourOf(r.at.getTime())}`;
      const points = byHour.get(key);
      if (points) points.push(r);
      else byHour.set(key, [r]);
    }
    for (const [key, points] of byHour) {
      const [pk, hour] = key.split('|') as [string, string];
      for (let i = 0; i < points.length; i += LATE_POINTS_PER_UPDATE) updates.push({ pk, hourMs: Number(hour), points: points.slice(i, i + LATE_POINTS_PER_UPDATE) });
    }
    await mapLimited(updates, QUERY_CONCURRENCY, async ({ pk, hourMs, points }) => {
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':u': points[0]!.units, ':exp': Math.floor(hourMs / 1000) + this.options.rollupRetentionDays * 86_400 };
      const sets = points.map((p, i) => {
        names[`#p${i}`] = pointName(p.at.getTime());
        values[`:p${i}`] = p.value;
        return `#p${i} = :p${i}`;
      });
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { PK: pk, SK: sortKey(hourMs) },
          UpdateExpression: `SET u = :u, expiresAt = :exp, ${sets.join(', ')}`,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    });
  }

  /** Every item of one partition with SK in [fromSk, toSk], all pages. */
  private async itemsBetween(pk: string, fromSk: string, toSk: string, consistent = false): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': pk, ':from': fromSk, ':to': toSk },
          ExclusiveStartKey: start,
          ...(consistent ? { ConsistentRead: true } : {}),
        }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /**
   * Buckets with min and max from the roll-up items (and the last two hours from the raw layer): they hold every
   * point of their hour, so a 12-hour chart is 12 items per channel instead of thousands of raw ones, and nothing is
   * lost.
   */
  async queryBuckets(q: HistoryQuery & { binSeconds: number }): Promise<{ units: Reading['units'] | undefined; points: BucketPoint[] }> {
    const points = await this.rollupPoints(q);
    return { units: points[0]?.units, points: bucketReadings(points, q.binSeconds) };
  }

  /** Long ranges: the roll-up items (one Query per month), points re-binned to `binSeconds`. */
  private async queryRollups(q: HistoryQuery & { binSeconds: number }): Promise<Reading[]> {
    return binReadings(await this.rollupPoints(q), q.binSeconds);
  }

  /** Every point in [from, to), from the roll-up items and, for the last two hours, the raw layer; oldest first. */
  private async rollupPoints(q: HistoryQuery): Promise<Reading[]> {
    const fromMs = q.from.getTime();
    const toMs = q.to.getTime();
    const nowMs = this.clock.now().getTime();
    const recentFrom = Math.max(fromMs, nowMs - (nowMs % HOUR_MS) - (RECENT_RAW_MS - HOUR_MS));
    const recent = recentFrom < toMs ? await this.queryRaw({ ...q, from: new Date(recentFrom) }) : [];
    const months: number[] = [];
    for (let m = Date.UTC(q.from.getUTCFullYear(), q.from.getUTCMonth(), 1); m < toMs; m = Date.UTC(new Date(m).getUTCFullYear(), new Date(m).getUTCMonth() + 1, 1)) months.push(m);
    const pages = await mapLimited(months, QUERY_CONCURRENCY, (month) =>
      // From the hour's start: an hourly item is keyed by its hour (5-minute items of the earlier layout by their bin).
      this.itemsBetween(rollupKey(q, month), sortKey(hourOf(fromMs)), sortKey(toMs - 1)),
    );
    const byTime = new Map<number, Reading>();
    const add = (atMs: number, value: number, units: Reading['units']) => {
      if (atMs >= fromMs && atMs < toMs) byTime.set(atMs, { accountId: q.accountId, serial: q.serial, channel: q.channel, value, units, at: new Date(atMs) });
    };
    for (const item of pages.flat()) {
      const units = item.u as Reading['units'];
      if (typeof item.pts === 'string') for (const p of unpackPoints(Number(item.SK), item.pts)) add(p.atMs, p.value, units);
      for (const [name, value] of Object.entries(item)) {
        const atMs = pointTime(name);
        if (atMs !== undefined) add(atMs, Number(value), units);
      }
    }
    for (const r of recent) byTime.set(r.at.getTime(), r);
    return [...byTime.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  async query(q: HistoryQuery): Promise<Reading[]> {
    if (q.binSeconds !== undefined && (q.binSeconds * 1000) % ROLLUP_BIN_MS === 0) return this.queryRollups({ ...q, binSeconds: q.binSeconds });
    const readings = await this.queryRaw(q);
    return q.binSeconds ? binReadings(readings, q.binSeconds) : readings;
  }

  /** Raw points of [from, to): one Query per hour bucket. */
  private async queryRaw(q: HistoryQuery): Promise<Reading[]> {
    const fromMs = q.from.getTime();
    const toMs = q.to.getTime();
    const buckets: number[] = [];
    for (let h = fromMs - (fromMs % HOUR_MS); h < toMs; h += HOUR_MS) buckets.push(h);
    const pages = await mapLimited(buckets, QUERY_CONCURRENCY, (hour) => this.itemsBetween(bucketKey(q, hour), sortKey(fromMs), sortKey(toMs - 1)));
    const readings: Reading[] = pages.flat().map((item) => ({
      accountId: q.accountId,
      serial: q.serial,
      channel: q.channel,
      value: Number(item.v),
      units: item.u as Reading['units'],
      at: new Date(Number(item.SK)),
    }));
    return readings;
  }

  /** Every raw hour bucket and roll-up month of the channel in [from, to): keys read by Query, deleted in batches. */
  async erase(q: Omit<HistoryQuery, 'binSeconds'>): Promise<number> {
    const fromMs = q.from.getTime();
    const toMs = q.to.getTime();
    const hours: number[] = [];
    for (let h = fromMs - (fromMs % HOUR_MS); h < toMs; h += HOUR_MS) hours.push(h);
    const months: number[] = [];
    for (let m = Date.UTC(q.from.getUTCFullYear(), q.from.getUTCMonth(), 1); m < toMs; m = Date.UTC(new Date(m).getUTCFullYear(), new Date(m).getUTCMonth() + 1, 1)) months.push(m);
    const raw = (await mapLimited(hours, QUERY_CONCURRENCY, (hour) => this.itemsBetween(bucketKey(q, hour), sortKey(0), sortKey(Number.MAX_SAFE_INTEGER)))).flat();
    const rollups = (await mapLimited(months, QUERY_CONCURRENCY, (month) => this.itemsBetween(rollupKey(q, month), sortKey(0), sortKey(Number.MAX_SAFE_INTEGER)))).flat();
    const deletes = [...raw, ...rollups].map((item) => ({ DeleteRequest: { Key: { PK: item.PK, SK: item.SK } } }));
    for (let i = 0; i < deletes.length; i += MAX_BATCH) {
      let pending: typeof deletes = deletes.slice(i, i + MAX_BATCH);
      for (let attempt = 1; pending.length > 0; attempt++) {
        const out = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }));
        pending = (out.UnprocessedItems?.[this.tableName] ?? []) as typeof deletes;
        if (pending.length > 0 && attempt >= (this.options.maxAttempts ?? 8)) throw new Error(`DynamoDB left ${pending.length} history deletes unprocessed`);
        if (pending.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 25 * 2 ** attempt)));
      }
    }
    return raw.length;
  }
}
