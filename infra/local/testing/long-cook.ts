/**
 * An ended cook with a lot of history, written straight to the stores (tests and bench:api): `hours` of `channels`
 * at one reading per `stepSeconds`, e.g. the 48 h × 4 probes × 2 s = 345,600 rows. The values follow a
 * smooth known curve, so an export can be checked row by row.
 */
import { createDocumentClient } from '../../../shared/aws/dynamo-document-client';
import { DynamoCookStore } from '../../../shared/aws/dynamo-cook-store';
import { DynamoReadingStore } from '../../../shared/aws/dynamo-reading-store';
import type { ActiveCook, CookProbe, CookRecord } from '../../../shared/cooks/cook-record';
import type { Reading } from '../../../shared/readings/reading';
import { localAwsEnv } from '../dynamodb-local';

export interface LongCookOptions {
  dynamoEndpoint: string;
  tableName: string;
  accountId: string;
  serial: string;
  cookId: string;
  startMs: number;
  hours: number;
  /** Channel "1" is the pit, the others meat probes. */
  channels: number;
  stepSeconds: number;
}

/** The known curve: channel c at t seconds. */
export const longCookValue = (channel: number, seconds: number) => Math.round((channel === 1 ? 250 + 5 * Math.sin(seconds / 600) : 40 + 160 * (1 - Math.exp(-seconds / 36_000)) + channel) * 10) / 10;

export async function seedLongCook(o: LongCookOptions): Promise<{ rows: number; record: CookRecord }> {
  const db = createDocumentClient({ region: localAwsEnv.AWS_REGION, endpoint: o.dynamoEndpoint });
  const history = new DynamoReadingStore(db, o.tableName);
  const cooks = new DynamoCookStore(db, o.tableName);
  const channels = Array.from({ length: o.channels }, (_, i) => String(i + 1));
  const hourJobs = Array.from({ length: o.hours }, (_, h) => h);
  let next = 0;
  let rows = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let h = next++; h < hourJobs.length; h = next++) {
        const readings: Reading[] = [];
        for (let s = h * 3600; s < (h + 1) * 3600; s += o.stepSeconds) {
          for (const channel of channels) readings.push({ accountId: o.accountId, serial: o.serial, channel, value: longCookValue(Number(channel), s), units: 'F', at: new Date(o.startMs + s * 1000) });
        }
        const { written } = await history.write(readings);
        // As the poll path does once the hour is over: the hour rolled up into one item per channel.
        await history.compactHour(channels.map((channel) => ({ accountId: o.accountId, serial: o.serial, channel })), new Date(o.startMs + h * 3_600_000));
        rows += written;
      }
    }),
  );
  const probes: CookProbe[] = channels.slice(1).map((channel) => ({ channel, label: null, targetF: 203, presetId: 'brisket', meat: 'brisket', units: 'F' }));
  const startedAt = new Date(o.startMs).toISOString();
  const endedAt = new Date(o.startMs + o.hours * 3_600_000).toISOString();
  const active: ActiveCook = { accountId: o.accountId, cookId: o.cookId, serial: o.serial, startedAt, pitChannel: '1', probes, events: [], series: {}, predictions: [], updatedAt: startedAt };
  const record: CookRecord = { accountId: o.accountId, cookId: o.cookId, serial: o.serial, status: 'active', name: `Long cook ${o.hours} h`, notes: '', tags: [], rating: null, startedAt, endedAt: null, pitChannel: '1', probes, events: [], predictions: [], alerts: [], stats: null, updatedAt: startedAt };
  if (!(await cooks.start(active, record))) throw new Error(`device ${o.serial} has an active cook`);
  const final: CookRecord = { ...record, status: 'ended', endedAt, updatedAt: endedAt };
  await cooks.end(active, final);
  return { rows, record: final };
}
