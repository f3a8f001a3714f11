/**
 * The local stand-in for the SQS poll queue and its Lambda event source mapping. It answers the SQS JSON protocol
 * (SendMessageBatch, SendMessage) so the dispatcher's `@aws-sdk/client-sqs` code runs unchanged with only its
 * endpoint overridden, honours DelaySeconds, delivers batches of up to 10 as SQS events to the worker handler,
 * redelivers the batch item failures it reports after the visibility timeout, and moves a message that failed
 * `maxReceiveCount` times to a dead-letter list, as the real redrive policy does.
 *
 * Without `deliver` it is a plain queue that consumers pull from (ReceiveMessage with long polling,
 * DeleteMessageBatch; `handleAsync`), as the event source itself does: bench:scale's worker processes use that.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

interface QueuedMessage {
  messageId: string;
  body: string;
  visibleAt: number;
  receiveCount: number;
  sentAt: number;
}

export interface LocalSqsOptions {
  queueUrl: string;
  /** Push mode (the event source and the worker in this process); pull mode when absent. */
  deliver?: (event: SQSEvent) => Promise<SQSBatchResponse | void>;
  batchSize?: number;
  /** Concurrent worker invocations, like the event source mapping's maximum concurrency. */
  concurrency?: number;
  visibilityTimeoutMs?: number;
  maxReceiveCount?: number;
  log?: (message: string) => void;
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

/** One message as the Lambda event source mapping hands it to the worker. */
export function sqsRecord(messageId: string, body: string, receiveCount = 1, sentAt = Date.now()): SQSRecord {
  return {
    messageId,
    receiptHandle: `${messageId}#${receiveCount}`,
    body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: String(sentAt),
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: md5(body),
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:pitwatch-local',
    awsRegion: 'us-east-1',
  };
}

export class LocalSqs {
  private readonly messages: QueuedMessage[] = [];
  readonly deadLetters: QueuedMessage[] = [];
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly options: LocalSqsOptions) {}

  /** The queue's name, the last part of its URL. */
  get name(): string {
    return this.options.queueUrl.split('/').at(-1) ?? 'queue';
  }

  get queueUrl(): string {
    return this.options.queueUrl;
  }

  start(): void {
    if (this.options.deliver) this.timer ??= setInterval(() => this.pump(), 100);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.running]);
  }

  get depth(): number {
    return this.messages.length;
  }

  /** Messages due now or being handled: 0 once everything sent so far has been dealt with (delayed ones aside). */
  get busy(): number {
    const now = Date.now();
    return this.inFlight + this.messages.filter((m) => m.visibleAt <= now).length;
  }

  /** Drops every message (a bench between its measurements). */
  purge(): void {
    this.messages.length = 0;
  }

  /** Messages received and neither deleted nor visible again yet. */
  get inFlightCount(): number {
    const now = Date.now();
    return this.messages.filter((m) => m.receiveCount > 0 && m.visibleAt > now).length;
  }

  /** handle(), plus the consumer's side of the protocol: ReceiveMessage (long polling) and DeleteMessageBatch. */
  async handleAsync(target: string, body: string): Promise<{ statusCode: number; body: string }> {
    const action = target.replace(/^AmazonSQS\./, '');
    if (action !== 'ReceiveMessage' && action !== 'DeleteMessageBatch') return this.handle(target, body);
    let input: { QueueUrl?: string; MaxNumberOfMessages?: number; WaitTimeSeconds?: number; VisibilityTimeout?: number; Entries?: Array<{ Id: string; ReceiptHandle: string }> };
    try {
      input = JSON.parse(body) as typeof input;
    } catch {
      return this.fault('InvalidParameterValue', 'Body is not JSON');
    }
    if (input.QueueUrl !== this.options.queueUrl) return this.fault('QueueDoesNotExist', `No queue ${input.QueueUrl}`);
    if (action === 'DeleteMessageBatch') {
      const entries = input.Entries ?? [];
      for (const e of entries) {
        const index = this.messages.findIndex((m) => `${m.messageId}#${m.receiveCount}` === e.ReceiptHandle);
        if (index >= 0) this.messages.splice(index, 1);
      }
      return { statusCode: 200, body: JSON.stringify({ Successful: entries.map((e) => ({ Id: e.Id })), Failed: [] }) };
    }
    const max = Math.max(1, Math.min(10, input.MaxNumberOfMessages ?? 1));
    const until = Date.now() + Math.min(20, input.WaitTimeSeconds ?? 0) * 1000;
    for (;;) {
      const now = Date.now();
      this.deadLetterExhausted(now);
      const batch = this.messages.filter((m) => m.visibleAt <= now).slice(0, max);
      if (batch.length > 0 || now >= until) {
        for (const m of batch) {
          m.visibleAt = now + (input.VisibilityTimeout ?? Math.round((this.options.visibilityTimeoutMs ?? 30_000) / 1000)) * 1000;
          m.receiveCount++;
        }
        const Messages = batch.map((m) => ({
          MessageId: m.messageId,
          ReceiptHandle: `${m.messageId}#${m.receiveCount}`,
          MD5OfBody: md5(m.body),
          Body: m.body,
          Attributes: { ApproximateReceiveCount: String(m.receiveCount), SentTimestamp: String(m.sentAt) },
        }));
        return { statusCode: 200, body: JSON.stringify(Messages.length > 0 ? { Messages } : {}) };
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Pull mode's redrive: a message received `maxReceiveCount` times and visible again goes to the dead letters. */
  private deadLetterExhausted(now: number): void {
    for (let i = this.messages.length - 1; i >= 0; i--) {
      const m = this.messages[i]!;
      if (m.visibleAt <= now && m.receiveCount >= (this.options.maxReceiveCount ?? 5)) {
        this.messages.splice(i, 1);
        this.deadLetters.push(m);
      }
    }
  }

  /** Handles one SQS JSON-protocol call (`x-amz-target: AmazonSQS.<Action>`). */
  handle(target: string, body: string): { statusCode: number; body: string } {
    const action = target.replace(/^AmazonSQS\./, '');
    let input: { QueueUrl?: string; Entries?: Array<{ Id: string; MessageBody: string; DelaySeconds?: number }>; MessageBody?: string; DelaySeconds?: number };
    try {
      input = JSON.parse(body) as typeof input;
    } catch {
      return this.fault('InvalidParameterValue', 'Body is not JSON');
    }
    if (input.QueueUrl !== this.options.queueUrl) return this.fault('QueueDoesNotExist', `No queue ${input.QueueUrl}`);
    if (action === 'SendMessageBatch') {
      const entries = input.Entries ?? [];
      if (entries.length === 0 || entries.length > 10) return this.fault('TooManyEntriesInBatchRequest', 'Send 1 to 10 entries');
      return { statusCode: 200, body: JSON.stringify({ Successful: entries.map((e) => ({ Id: e.Id, ...this.enqueue(e.MessageBody, e.DelaySeconds) })), Failed: [] }) };
    }
    if (action === 'SendMessage' && input.MessageBody !== undefined) {
      return { statusCode: 200, body: JSON.stringify(this.enqueue(input.MessageBody, input.DelaySeconds)) };
    }
    return this.fault('UnsupportedOperation', `${action} is not emulated locally`);
  }

  private fault(code: string, message: string) {
    return { statusCode: 400, body: JSON.stringify({ __type: `com.amazonaws.sqs#${code}`, message }) };
  }

  private enqueue(body: string, delaySeconds = 0) {
    const messageId = randomUUID();
    const now = Date.now();
    this.messages.push({ messageId, body, visibleAt: now + delaySeconds * 1000, receiveCount: 0, sentAt: now });
    // Like the event source mapping's long poll: a message due now is delivered now, not at the next 100 ms tick.
    if (delaySeconds <= 0 && this.timer) setImmediate(() => this.pump());
    return { MessageId: messageId, MD5OfMessageBody: md5(body) };
  }

  private pump(): void {
    const concurrency = this.options.concurrency ?? 4;
    while (this.inFlight < concurrency) {
      const now = Date.now();
      const batch = this.messages.filter((m) => m.visibleAt <= now).slice(0, this.options.batchSize ?? 10);
      if (batch.length === 0) return;
      for (const m of batch) {
        m.visibleAt = now + (this.options.visibilityTimeoutMs ?? 30_000);
        m.receiveCount++;
      }
      this.inFlight++;
      const run = this.invoke(batch).finally(() => {
        this.inFlight--;
        this.running.delete(run);
      });
      this.running.add(run);
    }
  }

  private async invoke(batch: QueuedMessage[]): Promise<void> {
    const event: SQSEvent = { Records: batch.map((m) => sqsRecord(m.messageId, m.body, m.receiveCount, m.sentAt)) };
    let failed: Set<string>;
    try {
      const response = await this.options.deliver?.(event);
      failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch (error) {
      // A thrown invocation fails the whole batch, as with the real event source mapping.
      this.options.log?.(`${this.name} consumer failed: ${error instanceof Error ? error.message : String(error)}`);
      failed = new Set(batch.map((m) => m.messageId));
    }
    for (const m of batch) {
      const index = this.messages.indexOf(m);
      if (index < 0) continue;
      if (!failed.has(m.messageId)) this.messages.splice(index, 1);
      else if (m.receiveCount >= (this.options.maxReceiveCount ?? 5)) {
        this.messages.splice(index, 1);
        this.deadLetters.push(m);
        this.options.log?.(`${this.name} message ${m.messageId} moved to the dead-letter queue after ${m.receiveCount} tries`);
      }
    }
  }
}
