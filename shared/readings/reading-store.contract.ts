/**
 * The ReadingStore contract: one suite every history adapter must pass (DynamoDB on DynamoDB Local, Timestream on
 * aws-sdk-client-mock with an in-memory stand-in behind it). Imported by each adapter's test file.
 */
import { describe, expect, it } from 'vitest';
import type { Reading, ReadingStore } from './reading';

const BASE = Date.UTC(2026, 10, 1, 19, 58);

function series(accountId: string, channel: string, count: number, stepMs = 15_000): Reading[] {
  return Array.from({ length: count }, (_, i) => ({
    accountId,
    serial: '12:34:56:78:90:AB',
    channel,
    value: Math.round((150 + i / 10) * 10) / 10,
    units: 'F' as const,
    at: new Date(BASE + i * stepMs),
  }));
}

export function describeReadingStoreContract(name: string, makeStore: () => Promise<ReadingStore> | ReadingStore): void {
  describe(`ReadingStore contract: ${name}`, () => {
    it('returns what was written, oldest first, across hour boundaries', async () => {
      const store = await makeStore();
      const readings = series('acct-a', '1', 40);
      expect(await store.write([...readings].reverse())).toEqual({ written: 40, rejected: 0 });
      const back = await store.query({ accountId: 'acct-a', serial: readings[0]!.serial, channel: '1', from: new Date(BASE), to: new Date(BASE + 3600_000) });
      expect(back).toEqual(readings);
    });

    it('stores a reading written twice once', async () => {
      const store = await makeStore();
      const readings = series('acct-b', '2', 10);
      await store.write(readings);
      await store.write(readings.slice(3, 7));
      const back = await store.query({ accountId: 'acct-b', serial: readings[0]!.serial, channel: '2', from: new Date(BASE), to: new Date(BASE + 3600_000) });
      expect(back).toHaveLength(10);
    });

    it('queries [from, to): the end is excluded, other channels and accounts are not returned', async () => {
      const store = await makeStore();
      await store.write([...series('acct-c', '1', 8), ...series('acct-c', '3', 8), ...series('acct-other', '1', 8)]);
      const back = await store.query({ accountId: 'acct-c', serial: '12:34:56:78:90:AB', channel: '1', from: new Date(BASE + 15_000), to: new Date(BASE + 60_000) });
      expect(back.map((r) => r.at.getTime() - BASE)).toEqual([15_000, 30_000, 45_000]);
      expect(back.every((r) => r.accountId === 'acct-c' && r.channel === '1')).toBe(true);
    });

    it('serves long ranges in 5-minute multiples (roll-ups where the store has them) with the same means', async () => {
      const store = await makeStore();
      // two hours at 60 s: 120 points, values rising 0.1 a minute
      const readings = series('acct-e', '1', 120, 60_000);
      await store.write(readings);
      const back = await store.query({ accountId: 'acct-e', serial: '12:34:56:78:90:AB', channel: '1', from: new Date(BASE - 600_000), to: new Date(BASE + 7_200_000), binSeconds: 1800 });
      // BASE is 19:58, so the first 30-minute bin (19:30) holds 2 points, then 30 each, then the rest
      expect(back.map((r) => r.at.toISOString())).toEqual(['2026-11-01T19:30:00.000Z', '2026-11-01T20:00:00.000Z', '2026-11-01T20:30:00.000Z', '2026-11-01T21:00:00.000Z', '2026-11-01T21:30:00.000Z']);
      const mean = (from: number, to: number) => Math.round((readings.slice(from, to).reduce((n, r) => n + r.value, 0) / (to - from)) * 10) / 10;
      expect(back.map((r) => r.value)).toEqual([mean(0, 2), mean(2, 32), mean(32, 62), mean(62, 92), mean(92, 120)]);
    });

    it('downsamples to one mean per bin, stamped at the bin start', async () => {
      const store = await makeStore();
      await store.write(series('acct-d', '1', 8)); // 19:58:00 … 19:59:45, values 150.0 … 150.7
      const back = await store.query({ accountId: 'acct-d', serial: '12:34:56:78:90:AB', channel: '1', from: new Date(BASE), to: new Date(BASE + 120_000), binSeconds: 60 });
      expect(back.map((r) => [r.at.getTime() - BASE, r.value])).toEqual([
        [0, 150.2],
        [60_000, 150.6],
      ]);
    });

    it("buckets with each bucket's min and max, so a one-reading spike survives", async () => {
      const store = await makeStore();
      const readings = series('acct-m', '1', 8).map((r, i) => (i === 5 ? { ...r, value: 320 } : r));
      await store.write(readings);
      const back = await store.queryBuckets({ accountId: 'acct-m', serial: '12:34:56:78:90:AB', channel: '1', from: new Date(BASE), to: new Date(BASE + 120_000), binSeconds: 60 });
      expect(back.units).toBe('F');
      expect(back.points).toEqual([
        { at: new Date(BASE).toISOString(), value: 150.2, min: 150, max: 150.3 },
        { at: new Date(BASE + 60_000).toISOString(), value: 192.9, min: 150.4, max: 320 },
      ]);
    });
  });
}
