/**
 * History in Timestream for LiveAnalytics: multi-measure records (one per reading), at most 100 per WriteRecords
 * call. Rejections are handled record by record: a record Timestream already holds (ExistingVersion set) is a
 * duplicate and counts as stored; the rest are logged and counted as rejected rather than failing the whole poll.
 */
import type { TimestreamQueryClient } from '@aws-sdk/client-timestream-query';
import type { _Record as TimestreamRecord, TimestreamWriteClient } from '@aws-sdk/client-timestream-write';
import { bucketReadings, type BucketPoint } from '../readings/bucket-readings';
import type { HistoryEraser, HistoryQuery, Reading, ReadingStore, WriteResult } from '../readings/reading';

export const TIMESTREAM_BATCH_LIMIT = 100;

export interface RejectionLog {
  warn(message: string, detail: Record<string, unknown>): void;
}

export function toTimestreamRecord(r: Reading): TimestreamRecord {
  return {
    Dimensions: [
      { Name: 'account_id', Value: r.accountId },
      { Name: 'serial', Value: r.serial },
      { Name: 'channel', Value: r.channel },
    ],
    MeasureName: 'reading',
    MeasureValueType: 'MULTI',
    MeasureValues: [
      { Name: 'value', Value: String(r.value), Type: 'DOUBLE' },
      { Name: 'units', Value: r.units, Type: 'VARCHAR' },
    ],
    Time: String(r.at.getTime()),
    TimeUnit: 'MILLISECONDS',
  };
}

/** Timestream SQL string literal: single quotes doubled, so ids cannot break out of the query. */
function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export class TimestreamReadingStore implements ReadingStore, HistoryEraser {
  /**
   * The clients are resolved, and their SDK packages imported, on first write and first query, not at cold start:
   * only the poll worker writes, the history, share, cooks and privacy functions only read, and privacy's erase
   * needs neither (each Timestream package is about 20 ms of module init on top of DynamoDB's).
   */
  constructor(
    private readonly write_: () => Promise<TimestreamWriteClient>,
    private readonly query_: (() => Promise<TimestreamQueryClient>) | undefined,
    private readonly databaseName: string,
    private readonly tableName: string,
    private readonly log: RejectionLog = { warn: () => undefined },
  ) {}

  async write(readings: readonly Reading[]): Promise<WriteResult> {
    let written = 0;
    let rejected = 0;
    if (readings.length === 0) return { written, rejected };
    const [client, { RejectedRecordsException, WriteRecordsCommand }] = await Promise.all([this.write_(), import('@aws-sdk/client-timestream-write')]);
    for (let i = 0; i < readings.length; i += TIMESTREAM_BATCH_LIMIT) {
      const records = readings.slice(i, i + TIMESTREAM_BATCH_LIMIT).map(toTimestreamRecord);
      try {
        await client.send(
          new WriteRecordsCommand({ DatabaseName: this.databaseName, TableName: this.tableName, Records: records }),
        );
        written += records.length;
      } catch (error) {
        if (!(error instanceof RejectedRecordsException)) throw error;
        const rejectedIndexes = new Set<number>();
        for (const rr of error.RejectedRecords ?? []) {
          if (rr.RecordIndex === undefined) continue;
          if (rr.ExistingVersion !== undefined) continue; // already stored: a duplicate, not a loss
          rejectedIndexes.add(rr.RecordIndex);
          this.log.warn('Timestream rejected a record', { reason: rr.Reason, index: rr.RecordIndex });
        }
        rejected += rejectedIndexes.size;
        written += records.length - rejectedIndexes.size;
      }
    }
    return { written, rejected };
  }

  async query(q: HistoryQuery): Promise<Reading[]> {
    if (!this.query_) throw new Error('Timestream query client not configured');
    const [client, { QueryCommand }] = await Promise.all([this.query_(), import('@aws-sdk/client-timestream-query')]);
    const where =
      `WHERE account_id = ${literal(q.accountId)} AND serial = ${literal(q.serial)} AND channel = ${literal(q.channel)} ` +
      `AND measure_name = 'reading' AND time >= from_milliseconds(${q.from.getTime()}) AND time < from_milliseconds(${q.to.getTime()})`;
    const table = `"${this.databaseName}"."${this.tableName}"`;
    const bin = q.binSeconds ? Math.max(1, Math.round(q.binSeconds)) : undefined;
    const sql = bin
      ? `SELECT bin(time, ${bin}s) AS time, round(avg(value), 1) AS value, max(units) AS units FROM ${table} ${where} GROUP BY bin(time, ${bin}s) ORDER BY time ASC`
      : `SELECT time, value, units FROM ${table} ${where} ORDER BY time ASC`;
    const readings: Reading[] = [];
    let nextToken: string | undefined;
    do {
      const out = await client.send(new QueryCommand({ QueryString: sql, NextToken: nextToken }));
      for (const row of out.Rows ?? []) {
        const [time, value, units] = row.Data ?? [];
        readings.push({
          accountId: q.accountId,
          serial: q.serial,
          channel: q.channel,
          at: new Date(`${String(time?.ScalarValue).replace(' ', 'T').slice(0, 23)}Z`),
          value: Number(value?.ScalarValue),
          units: (units?.ScalarValue ?? 'F') as Reading['units'],
        });
      }
      nextToken = out.NextToken;
    } while (nextToken);
    return readings;
  }

  /** Raw points bucketed here (a `bin() … min() max() avg()` query would move this into Timestream). */
  async queryBuckets(q: HistoryQuery & { binSeconds: number }): Promise<{ units: Reading['units'] | undefined; points: BucketPoint[] }> {
    const { binSeconds, ...raw } = q;
    const points = await this.query(raw);
    return { units: points[0]?.units, points: bucketReadings(points, binSeconds) };
  }

  /**
   * Timestream for LiveAnalytics has no delete: an account's records stay until the table's retention ages them out
   * (memory store hours, then magnetic store days). Nothing can reach them meanwhile: every query names the
   * account, and the account's link and sessions are gone. README "Account deletion" says so.
   */
  async erase(): Promise<number> {
    return 0;
  }
}
