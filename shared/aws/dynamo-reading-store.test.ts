import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Reading } from '../readings/reading';
import { DynamoReadingStore, packPoints, unpackPoints } from './dynamo-reading-store';

const ddb = mockClient(DynamoDBDocumentClient);
const reading = (i: number): Reading => ({ accountId: 'a', serial: 'S', channel: '1', value: i, units: 'F', at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });
const store = () => new DynamoReadingStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' })), 'table', { rawRetentionDays: 35, rollupRetentionDays: 400, maxAttempts: 2 });

describe('DynamoReadingStore under throttling', () => {
  beforeEach(() => {
    ddb.reset();
    ddb.on(UpdateCommand).resolves({});
  });

  it('retries what DynamoDB left unprocessed', async () => {
    ddb
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { table: [{ PutRequest: { Item: { PK: 'x', SK: 'y' } } }] } })
      .resolves({});
    await expect(store().write([reading(1), reading(2)])).resolves.toEqual({ written: 2, rejected: 0 });
    expect(ddb.commandCalls(BatchWriteCommand)).toHaveLength(2);
    expect(ddb.commandCalls(BatchWriteCommand)[1]?.args[0].input.RequestItems?.table).toEqual([{ PutRequest: { Item: { PK: 'x', SK: 'y' } } }]);
  });

  it('fails the write (so the poll is redelivered) when items stay unprocessed', async () => {
    ddb.on(BatchWriteCommand).resolves({ UnprocessedItems: { table: [{ PutRequest: { Item: { PK: 'x', SK: 'y' } } }] } });
    await expect(store().write([reading(1)])).rejects.toThrow(/unprocessed/);
  });

  it('writes 25 items per batch', async () => {
    ddb.on(BatchWriteCommand).resolves({});
    await store().write(Array.from({ length: 60 }, (_, i) => reading(i)));
    expect(ddb.commandCalls(BatchWriteCommand).map((c) => c.args[0].input.RequestItems?.table?.length)).toEqual([25, 25, 10]);
  });
});

describe('DynamoReadingStore roll-ups', () => {
  beforeEach(() => ddb.reset());

  it('writes late points onto the roll-up item of their hour, one attribute per point (so re-writing is idempotent)', async () => {
    ddb.on(BatchWriteCommand).resolves({});
    ddb.on(UpdateCommand).resolves({});
    // 00:00:01, 00:00:09 and 00:05:00 fall in one hour; 01:00:00 in the next
    await store().write([reading(1), reading(9), { ...reading(300), at: new Date(Date.UTC(2026, 0, 1, 0, 5, 0)) }, { ...reading(7), at: new Date(Date.UTC(2026, 0, 1, 1)) }]);
    const updates = ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(updates).toHaveLength(2);
    const first = updates.find((u) => u.Key?.SK === String(Date.UTC(2026, 0, 1)).padStart(15, '0'))!;
    expect(first.Key?.PK).toBe('ROLL#a#S#1#2026-01');
    expect(Object.values(first.ExpressionAttributeNames ?? {}).sort()).toEqual([`p${Date.UTC(2026, 0, 1, 0, 0, 1)}`, `p${Date.UTC(2026, 0, 1, 0, 0, 9)}`, `p${Date.UTC(2026, 0, 1, 0, 5)}`]);
    expect(first.UpdateExpression).toMatch(/^SET u = :u, expiresAt = :exp, #p0 = :p0, #p1 = :p1, #p2 = :p2$/);
    expect(first.ExpressionAttributeValues?.[':exp']).toBe(Math.floor(Date.UTC(2026, 0, 1) / 1000) + 400 * 86_400);
  });

  it('splits a late hour of many points into updates of at most 100 points', async () => {
    ddb.on(BatchWriteCommand).resolves({});
    ddb.on(UpdateCommand).resolves({});
    await store().write(Array.from({ length: 250 }, (_, i) => reading(i)));
    const sizes = ddb.commandCalls(UpdateCommand).map((c) => Object.keys(c.args[0].input.ExpressionAttributeNames ?? {}).length);
    expect(sizes.sort((a, b) => b - a)).toEqual([100, 100, 50]);
  });
});

describe('packed roll-up points', () => {
  it('round-trip with offsets from the hour', () => {
    const hour = Date.UTC(2026, 0, 1, 5);
    const points = [{ atMs: hour, value: 225 }, { atMs: hour + 15_001, value: -3.5 }, { atMs: hour + 3_599_999, value: 203.1 }];
    const packed = packPoints(hour, points);
    expect(packed).toBe('0:225,15001:-3.5,3599999:203.1');
    expect(unpackPoints(hour, packed)).toEqual(points);
    expect(unpackPoints(hour, '')).toEqual([]);
  });
});
