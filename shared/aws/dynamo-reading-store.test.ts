import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Reading } from '../readings/reading';
import { DynamoReadingStore } from './dynamo-reading-store';

const ddb = mockClient(DynamoDBDocumentClient);
const reading = (i: number): Reading => ({ accountId: 'a', serial: 'S', channel: '1', value: i, units: 'F', at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });
const store = () => new DynamoReadingStore(DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'us-east-1' })), 'table', { retentionDays: 400, maxAttempts: 2 });

describe('DynamoReadingStore under throttling', () => {
  beforeEach(() => ddb.reset());

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
