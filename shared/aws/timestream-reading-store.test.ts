import { QueryCommand, TimestreamQueryClient } from '@aws-sdk/client-timestream-query';
import { RejectedRecordsException, TimestreamWriteClient, WriteRecordsCommand } from '@aws-sdk/client-timestream-write';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Reading } from '../readings/reading';
import { describeReadingStoreContract } from '../readings/reading-store.contract';
import { TimestreamReadingStore } from './timestream-reading-store';

const writeMock = mockClient(TimestreamWriteClient);
const queryMock = mockClient(TimestreamQueryClient);

function reading(i: number): Reading {
  return { accountId: 'acct-1', serial: '11:22:33:44:55:66', channel: String((i % 4) + 1), value: 200 + i / 10, units: 'F', at: new Date(Date.UTC(2026, 10, 1, 20, 0, i)) };
}

function store(warnings: unknown[] = []) {
  return new TimestreamReadingStore(
    async () => new TimestreamWriteClient({ region: 'us-east-1' }),
    async () => new TimestreamQueryClient({ region: 'us-east-1' }),
    'pitwatch',
    'readings',
    { warn: (message, detail) => void warnings.push({ message, detail }) },
  );
}

describe('TimestreamReadingStore', () => {
  beforeEach(() => {
    writeMock.reset();
    queryMock.reset();
  });

  it('writes one multi-measure record per reading with the exact dimensions, measures and time', async () => {
    writeMock.on(WriteRecordsCommand).resolves({});
    await expect(store().write([reading(1)])).resolves.toEqual({ written: 1, rejected: 0 });
    expect(writeMock.commandCalls(WriteRecordsCommand)[0]?.args[0].input).toEqual({
      DatabaseName: 'pitwatch',
      TableName: 'readings',
      Records: [
        {
          Dimensions: [
            { Name: 'account_id', Value: 'acct-1' },
            { Name: 'serial', Value: '11:22:33:44:55:66' },
            { Name: 'channel', Value: '2' },
          ],
          MeasureName: 'reading',
          MeasureValueType: 'MULTI',
          MeasureValues: [
            { Name: 'value', Value: '200.1', Type: 'DOUBLE' },
            { Name: 'units', Value: 'F', Type: 'VARCHAR' },
          ],
          Time: String(Date.UTC(2026, 10, 1, 20, 0, 1)),
          TimeUnit: 'MILLISECONDS',
        },
      ],
    });
  });

  it('sends at most 100 records per call', async () => {
    writeMock.on(WriteRecordsCommand).resolves({});
    const result = await store().write(Array.from({ length: 250 }, (_, i) => reading(i)));
    expect(result).toEqual({ written: 250, rejected: 0 });
    expect(writeMock.commandCalls(WriteRecordsCommand).map((c) => c.args[0].input.Records?.length)).toEqual([100, 100, 50]);
  });

  it('handles rejected records one by one: duplicates count as stored, the rest are logged and counted', async () => {
    writeMock.on(WriteRecordsCommand).rejects(
      new RejectedRecordsException({
        message: 'rejected',
        $metadata: {},
        RejectedRecords: [
          { RecordIndex: 0, Reason: 'A record with the same time and dimensions already exists', ExistingVersion: 1 },
          { RecordIndex: 2, Reason: 'The record timestamp is outside the time range of the data ingestion window.' },
        ],
      }),
    );
    const warnings: unknown[] = [];
    await expect(store(warnings).write([reading(0), reading(1), reading(2)])).resolves.toEqual({ written: 2, rejected: 1 });
    expect(warnings).toEqual([{ message: 'Timestream rejected a record', detail: { reason: 'The record timestamp is outside the time range of the data ingestion window.', index: 2 } }]);
  });

  it('lets other write failures propagate so the poll is retried', async () => {
    writeMock.on(WriteRecordsCommand).rejects(new Error('ThrottlingException'));
    await expect(store().write([reading(0)])).rejects.toThrow('ThrottlingException');
  });

  it('queries one channel in a time range, quoting ids safely, and parses rows', async () => {
    queryMock.on(QueryCommand).resolves({
      Rows: [{ Data: [{ ScalarValue: '2026-11-01 20:00:01.000000000' }, { ScalarValue: '200.1' }, { ScalarValue: 'F' }] }],
      ColumnInfo: [],
    });
    const rows = await store().query({ accountId: "o'brien", serial: 'S1', channel: '1', from: new Date(Date.UTC(2026, 10, 1, 20)), to: new Date(Date.UTC(2026, 10, 1, 21)) });
    expect(rows).toEqual([{ accountId: "o'brien", serial: 'S1', channel: '1', value: 200.1, units: 'F', at: new Date(Date.UTC(2026, 10, 1, 20, 0, 1)) }]);
    const sql = queryMock.commandCalls(QueryCommand)[0]?.args[0].input.QueryString ?? '';
    expect(sql).toContain("account_id = 'o''brien'");
    expect(sql).toContain(`from_milliseconds(${Date.UTC(2026, 10, 1, 20)})`);
    expect(sql).not.toContain('bin(');
  });

  it('downsamples with bin() and avg() when asked for bins', async () => {
    queryMock.on(QueryCommand).resolves({ Rows: [], ColumnInfo: [] });
    await store().query({ accountId: 'a', serial: 'S1', channel: '1', from: new Date(0), to: new Date(3_600_000), binSeconds: 60 });
    expect(queryMock.commandCalls(QueryCommand)[0]?.args[0].input.QueryString).toBe(
      'SELECT bin(time, 60s) AS time, round(avg(value), 1) AS value, max(units) AS units FROM "pitwatch"."readings" ' +
        "WHERE account_id = 'a' AND serial = 'S1' AND channel = '1' AND measure_name = 'reading' " +
        'AND time >= from_milliseconds(0) AND time < from_milliseconds(3600000) GROUP BY bin(time, 60s) ORDER BY time ASC',
    );
  });

  it('resolves the write client on the first write and the query client on the first query, and neither to erase', async () => {
    writeMock.on(WriteRecordsCommand).resolves({});
    queryMock.on(QueryCommand).resolves({ Rows: [], ColumnInfo: [] });
    const made: string[] = [];
    const lazyStore = new TimestreamReadingStore(
      async () => (made.push('write'), new TimestreamWriteClient({ region: 'us-east-1' })),
      async () => (made.push('query'), new TimestreamQueryClient({ region: 'us-east-1' })),
      'pitwatch',
      'readings',
    );
    await lazyStore.erase();
    await lazyStore.write([]);
    expect(made).toEqual([]);
    await lazyStore.query({ accountId: 'a', serial: 'S1', channel: '1', from: new Date(0), to: new Date(1) });
    expect(made).toEqual(['query']);
    await lazyStore.write([reading(1)]);
    expect(made).toEqual(['query', 'write']);
    expect(writeMock.commandCalls(WriteRecordsCommand)).toHaveLength(1);
  });
});

/**
 * An in-memory Timestream behind the mocked clients, just enough for the shared contract: records keyed by their
 * dimensions and time (a rewrite replaces), and the adapter's own SQL (filters, time range, bin() + avg()) evaluated.
 */
function inMemoryTimestream() {
  const rows = new Map<string, { account: string; serial: string; channel: string; time: number; value: number; units: string }>();
  writeMock.on(WriteRecordsCommand).callsFake((input: { Records: Array<{ Dimensions: Array<{ Name: string; Value: string }>; MeasureValues: Array<{ Name: string; Value: string }>; Time: string }> }) => {
    for (const r of input.Records) {
      const dim = (n: string) => r.Dimensions.find((d) => d.Name === n)!.Value;
      const measure = (n: string) => r.MeasureValues.find((m) => m.Name === n)!.Value;
      const row = { account: dim('account_id'), serial: dim('serial'), channel: dim('channel'), time: Number(r.Time), value: Number(measure('value')), units: measure('units') };
      rows.set(`${row.account}|${row.serial}|${row.channel}|${row.time}`, row);
    }
    return {};
  });
  queryMock.on(QueryCommand).callsFake((input: { QueryString: string }) => {
    const sql = input.QueryString;
    const literal = (field: string) => /'((?:[^']|'')*)'/.exec(sql.slice(sql.indexOf(`${field} = `)))![1]!.replaceAll("''", "'");
    const [from, to] = [...sql.matchAll(/from_milliseconds\((\d+)\)/g)].map((m) => Number(m[1]));
    const bin = /bin\(time, (\d+)s\)/.exec(sql);
    const selected = [...rows.values()]
      .filter((r) => r.account === literal('account_id') && r.serial === literal('serial') && r.channel === literal('channel') && r.time >= from! && r.time < to!)
      .sort((a, b) => a.time - b.time);
    const stamp = (ms: number) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '000000');
    let out: Array<{ time: number; value: number; units: string }> = selected;
    if (bin) {
      const width = Number(bin[1]) * 1000;
      const bins = new Map<number, { sum: number; n: number; units: string }>();
      for (const r of selected) {
        const start = Math.floor(r.time / width) * width;
        const b = bins.get(start) ?? { sum: 0, n: 0, units: r.units };
        b.sum += r.value;
        b.n++;
        bins.set(start, b);
      }
      out = [...bins.entries()].map(([time, b]) => ({ time, value: Math.round((b.sum / b.n) * 10) / 10, units: b.units }));
    }
    return { Rows: out.map((r) => ({ Data: [{ ScalarValue: stamp(r.time) }, { ScalarValue: String(r.value) }, { ScalarValue: r.units }] })), ColumnInfo: [] };
  });
}

describeReadingStoreContract('Timestream (aws-sdk-client-mock with an in-memory stand-in)', () => {
  writeMock.reset();
  queryMock.reset();
  inMemoryTimestream();
  return store();
});
