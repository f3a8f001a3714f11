/**
 * History in DynamoDB, in two layers:
 * - raw points: one partition per device channel and UTC hour, one item per point keyed by its time, so a redelivered
 *   reading overwrites itself (idempotent) and a 12-hour chart is 12 small Queries; kept `rawRetentionDays`;
 * - roll-ups: one item per channel and 5-minute bin (partitioned by month) holding that bin's points as attributes
 *   named by their time, so re-writing a point is idempotent too; kept `rollupRetentionDays` and read for long ranges
 *   (bins of 5 minutes or more): a month is one Query per month instead of ~740 hourly ones.
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
const ROLLUP_BIN_MS = 300_000;
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
   * The hour's roll-ups from its raw points (read consistently, so the poll's own writes are seen): each 5-minute bin
   * item is written whole, holding every raw point of the bin, so compacting twice writes the same items.
   */
  async compactHour(series: readonly SeriesKey[], hourStart: Date): Promise<void> {
    const hourMs = hourStart.getTime() - (hourStart.getTime() % HOUR_MS);
    const items: Record<string, unknown>[] = [];
    for (const s of series) {
      const raw = await this.itemsBetween(bucketKey(s, hourMs), sortKey(hourMs), sortKey(hourMs + HOUR_MS - 1), true);
      const bins = new Map<number, Record<string, unknown>>();
      for (const item of raw) {
        const atMs = Number(item.SK);
        const bin = Math.floor(atMs / ROLLUP_BIN_MS) * ROLLUP_BIN_MS;
        let rollup = bins.get(bin);
        if (!rollup) {
          rollup = { PK: rollupKey(s, bin), SK: sortKey(bin), u: item.u, expiresAt: Math.floor(bin / 1000) + this.options.rollupRetentionDays * 86_400 };
          bins.set(bin, rollup);
        }
        rollup[`p${atMs}`] = item.v;
      }
      items.push(...bins.values());
    }
    await this.putAll(items);
  }

  /**
   * Points into 5-minute bins nobody has written yet (seeding a fresh table with a past cook): raw items and whole
   * roll-up items in batches of 25, instead of one UpdateItem per bin. Writing a bin that exists replaces it.
   */
  async writeIntoEmptyBins(readings: readonly Reading[]): Promise<number> {
    const bins = new Map<string, { pk: string; bin: number; points: Reading[] }>();
    for (const r of readings) {
      const bin = Math.floor(r.at.getTime() / ROLLUP_BIN_MS) * ROLLUP_BIN_MS;
      const pk = rollupKey(r, bin);
      const entry = bins.get(`${pk}|${bin}`) ?? { pk, bin, points: [] };
      entry.points.push(r);
      bins.set(`${pk}|${bin}`, entry);
    }
    const items = [
      ...readings.map((r) => ({ PK: bucketKey(r, r.at.getTime() - (r.at.getTime() % HOUR_MS)), SK: sortKey(r.at.getTime()), v: r.value, u: r.units, expiresAt: Math.floor(r.at.getTime() / 1000) + this.options.rawRetentionDays * 86_400 })),
      ...[...bins.values()].map(({ pk, bin, points }) => ({
        PK: pk,
        SK: sortKey(bin),
        u: points[0]!.units,
        expiresAt: Math.floor(bin / 1000) + this.options.rollupRetentionDays * 86_400,
        ...Object.fromEntries(points.map((p) => [`p${p.at.getTime()}`, p.value])),
      })),
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

  /** One UpdateItem per channel and 5-minute bin touched: SET p{epoch ms} = value for each point (idempotent). */
  private async writeRollups(readings: readonly Reading[]): Promise<void> {
    const bins = new Map<string, Reading[]>();
    for (const r of readings) {
      const bin = Math.floor(r.at.getTime() / ROLLUP_BIN_MS) * ROLLUP_BIN_MS;
      const key = `${rollupKey(r, bin)}|${bin}`;
      const points = bins.get(key);
      if (points) points.push(r);
      else bins.set(key, [r]);
    }
    await mapLimited([...bins.entries()], QUERY_CONCURRENCY, async ([key, points]) => {
      const [pk, bin] = key.split('|') as [string, string];
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = { ':u': points[0]!.units, ':exp': Math.floor(Number(bin) / 1000) + this.options.rollupRetentionDays * 86_400 };
      const sets = points.map((p, i) => {
        names[`#p${i}`] = `p${p.at.getTime()}`;
        values[`:p${i}`] = p.value;
        return `#p${i} = :p${i}`;
      });
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { PK: pk, SK: sortKey(Number(bin)) },
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
   * point of their 5 minutes, so a 12-hour chart is ~150 items per channel instead of thousands of raw ones, and
   * nothing is lost.
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
      this.itemsBetween(rollupKey(q, month), sortKey(Math.floor(fromMs / ROLLUP_BIN_MS) * ROLLUP_BIN_MS), sortKey(toMs - 1)),
    );
    const byTime = new Map<number, Reading>();
    for (const item of pages.flat()) {
      for (const [name, value] of Object.entries(item)) {
        if (!/^p\d+$/.test(name)) continue;
        const atMs = Number(name.slice(1));
        if (atMs < fromMs || atMs >= toMs) continue;
        byTime.set(atMs, { accountId: q.accountId, serial: q.serial, channel: q.channel, value: Number(value), units: item.u as Reading['units'], at: new Date(atMs) });
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
