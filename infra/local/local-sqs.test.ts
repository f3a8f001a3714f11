import { describe, expect, it } from 'vitest';
import { LocalSqs } from './local-sqs';

const queueUrl = 'http://127.0.0.1/000000000000/q';
const call = async (q: LocalSqs, action: string, input: Record<string, unknown>) => {
  const answer = await q.handleAsync(`AmazonSQS.${action}`, JSON.stringify({ QueueUrl: queueUrl, ...input }));
  return { status: answer.statusCode, body: JSON.parse(answer.body) as Record<string, unknown> };
};

describe('LocalSqs, pulled from (bench:scale)', () => {
  it('hands out up to 10 visible messages, hides them until deleted or timed out, and dead-letters after maxReceiveCount', async () => {
    const q = new LocalSqs({ queueUrl, maxReceiveCount: 2 });
    const entries = Array.from({ length: 12 }, (_, i) => ({ Id: String(i), MessageBody: `m${i}`, DelaySeconds: 0 }));
    expect((await call(q, 'SendMessageBatch', { Entries: entries.slice(0, 10) })).status).toBe(200);
    await call(q, 'SendMessageBatch', { Entries: entries.slice(10) });
    const first = (await call(q, 'ReceiveMessage', { MaxNumberOfMessages: 10, VisibilityTimeout: 0 })).body.Messages as Array<{ Body: string; ReceiptHandle: string }>;
    expect(first.map((m) => m.Body)).toEqual(entries.slice(0, 10).map((e) => e.MessageBody));
    expect(q.depth).toBe(12);
    await call(q, 'DeleteMessageBatch', { Entries: first.slice(0, 9).map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })) });
    expect(q.depth).toBe(3);
    // m9 (visibility 0) comes back with the other two; received twice, it is dead-lettered on its next turn.
    const again = (await call(q, 'ReceiveMessage', { MaxNumberOfMessages: 10, VisibilityTimeout: 0 })).body.Messages as Array<{ Body: string }>;
    expect(again.map((m) => m.Body).sort()).toEqual(['m10', 'm11', 'm9']);
    await call(q, 'ReceiveMessage', { MaxNumberOfMessages: 10, VisibilityTimeout: 0 });
    const last = await call(q, 'ReceiveMessage', { MaxNumberOfMessages: 10, WaitTimeSeconds: 0 });
    expect(last.body).toEqual({});
    expect(q.deadLetters.map((m) => m.body).sort()).toEqual(['m10', 'm11', 'm9']);
  });

  it('long-polls: waits for a message up to WaitTimeSeconds', async () => {
    const q = new LocalSqs({ queueUrl });
    const waiting = call(q, 'ReceiveMessage', { MaxNumberOfMessages: 1, WaitTimeSeconds: 5 });
    setTimeout(() => q.handle('AmazonSQS.SendMessage', JSON.stringify({ QueueUrl: queueUrl, MessageBody: 'late' })), 50);
    expect(((await waiting).body.Messages as Array<{ Body: string }>).map((m) => m.Body)).toEqual(['late']);
  });
});
