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

    it('downsamples to one mean per bin, stamped at the bin start', async () => {
      const store = await makeStore();
      await store.write(series('acct-d', '1', 8)); // 19:58:00 … 19:59:45, values 150.0 … 150.7
      const back = await store.query({ accountId: 'acct-d', serial: '12:34:56:78:90:AB', channel: '1', from: new Date(BASE), to: new Date(BASE + 120_000), binSeconds: 60 });
      expect(back.map((r) => [r.at.getTime() - BASE, r.value])).toEqual([
        [0, 150.2],
        [60_000, 150.6],
      ]);
    });
  });
}
