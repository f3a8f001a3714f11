/**
 * The large-export path with the real S3 client, lib-storage and presigner against the local S3 stand-in: the
 * issue's 48 h × 4 probes × 2 s cook (345,600 rows) goes through the cook CSV writer into a multipart upload and
 * comes back whole through the presigned link, which stops working once it has expired.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportsS3Client } from '../../functions/runtime/exports';
import { localAwsEnv } from '../../infra/local/dynamodb-local';
import { LocalS3 } from '../../infra/local/local-s3';
import { cookCsv } from '../cooks/cook-export';
import type { CookRecord } from '../cooks/cook-record';
import { EXPORT_LINK_SECONDS } from '../exports/export-store';
import type { HistoryQuery, Reading, ReadingStore } from '../readings/reading';
import { S3ExportStore } from './s3-export-store';

const START = Date.UTC(2026, 9, 3, 6);
const HOURS = 48;
const STEP_S = 2;

/** History as the store would return it, one reading per 2 s per channel, made up on demand (no table to fill). */
const generatedHistory: ReadingStore = {
  write: () => Promise.reject(new Error('read-only')),
  queryBuckets: () => Promise.reject(new Error('not used')),
  query: async (q: HistoryQuery) => {
    const readings: Reading[] = [];
    const first = Math.ceil((q.from.getTime() - START) / (STEP_S * 1000)) * STEP_S * 1000 + START;
    for (let t = first; t < q.to.getTime() && t < START + HOURS * 3_600_000; t += STEP_S * 1000) {
      readings.push({ accountId: q.accountId, serial: q.serial, channel: q.channel, value: 100 + Number(q.channel) + ((t / 1000) % 50) / 10, units: 'F', at: new Date(t) });
    }
    return readings;
  },
};

const record = {
  accountId: 'acct',
  serial: 'S',
  pitChannel: '1',
  probes: ['2', '3', '4'].map((channel) => ({ channel, label: null, targetF: 203, presetId: null, meat: null, units: 'F' as const })),
} as Pick<CookRecord, 'accountId' | 'serial' | 'pitChannel' | 'probes'> as CookRecord;

let s3: LocalS3;
let now = new Date();

beforeAll(async () => {
  s3 = new LocalS3({ accessKeyId: localAwsEnv.AWS_ACCESS_KEY_ID, now: () => now });
  await s3.listen();
  Object.assign(process.env, { AWS_ACCESS_KEY_ID: localAwsEnv.AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: localAwsEnv.AWS_SECRET_ACCESS_KEY });
});

afterAll(async () => {
  await s3?.close();
});

describe('S3 exports', () => {
  it('streams a 345,600-row cook into a multipart upload and serves it whole through a presigned link that expires', async () => {
    const store = new S3ExportStore(() => exportsS3Client('us-east-1', s3.url), 'exports-test');
    const file = { key: 'exports/acct/cooks/big.csv', contentType: 'text/csv; charset=utf-8', filename: 'big cook.csv' };
    const { bytes } = await store.write(file, cookCsv(record, new Date(START), new Date(START + HOURS * 3_600_000), generatedHistory));
    expect(s3.completedUploads.at(-1)).toBeGreaterThanOrEqual(2); // more than one 5 MiB part: the multipart path

    now = new Date();
    const url = await store.linkFor(file, EXPORT_LINK_SECONDS);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="big_cook.csv"');
    const text = await res.text();
    expect(Buffer.byteLength(text)).toBe(bytes);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('timestamp,probe,temperature,unit');
    expect(lines).toHaveLength(1 + HOURS * (3600 / STEP_S) * 4);
    expect(lines[1]).toBe(`${new Date(START).toISOString()},pit,${100 + 1 + ((START / 1000) % 50) / 10},F`);
    // Time order throughout (the predictor replays it).
    expect(lines.slice(1).every((line, i, all) => i === 0 || line.slice(0, 24) >= all[i - 1]!.slice(0, 24))).toBe(true);

    now = new Date(Date.now() + (EXPORT_LINK_SECONDS + 60) * 1000);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain('Request has expired');
    const tampered = await fetch(url.replace(/X-Amz-Credential=[^&]+/, 'X-Amz-Credential=someone-else%2F20260101%2Fus-east-1%2Fs3%2Faws4_request'));
    expect(tampered.status).toBe(403);
  }, 120_000);
});
