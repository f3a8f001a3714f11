/**
 * One poll worker of bench:scale, in a process of its own (forked by scale-bench.ts), as a Lambda container has its
 * own CPU: it pulls batches of 10 from the local SQS stand-in (ReceiveMessage, long polling; DeleteMessageBatch for
 * what it polled, the rest left to come back, as the Lambda event source does) and runs the real worker code
 * (processPollBatch with the DynamoDB stores, the vault, the ThermoWorks client). Time is a ManualClock the parent
 * sets over IPC, so the simulator and every worker agree on it. It reports its counts when asked.
 */
import { DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoAccountStore } from '../../shared/aws/dynamo-account-store';
import { DynamoConnectionStore } from '../../shared/aws/dynamo-connection-store';
import { DynamoDecryptAudit } from '../../shared/aws/dynamo-decrypt-audit';
import { DynamoCookStore } from '../../shared/aws/dynamo-cook-store';
import { DynamoDeviceStore } from '../../shared/aws/dynamo-device-store';
import { createDocumentClient } from '../../shared/aws/dynamo-document-client';
import { defaultDynamoHistoryOptions, DynamoReadingStore } from '../../shared/aws/dynamo-reading-store';
import { ManualClock } from '../../shared/clock';
import { pollCadence } from '../../shared/polling/poll-cadence';
import type { PollDependencies } from '../../shared/polling/poll-dependencies';
import { pollTimeBudgetMs } from '../../shared/polling/poll-time-budget';
import { processPollBatch } from '../../shared/polling/process-poll-batch';
import { createThermoWorksClient, thermoWorksConfigFromEnv } from '../../shared/thermoworks';
import type { ThermoWorksAccountSession } from '../../shared/thermoworks/port';
import { CredentialVault } from '../../shared/vault/credential-vault';
import { LocalKeyProvider } from '../../shared/vault/local-key-provider';
import { diffStats, meterDynamo, type OperationStats } from './dynamo-meter';
import { trackWriteKeys, type WriteKeyStats } from './write-keys';

export type ToWorker = { type: 'clock'; id: number; clockMs: number } | { type: 'stats'; id: number; reset: boolean } | { type: 'stop' };

export interface WorkerStats {
  polls: number;
  batches: number;
  failures: number;
  readingsStored: number;
  cpuSeconds: number;
  batchMs: number;
  decrypts: number;
  dynamo: Record<string, OperationStats>;
  writes: WriteKeyStats;
}

export type FromWorker = { type: 'ack'; id: number } | { type: 'stats'; id: number; stats: WorkerStats };

const env = process.env;
const clock = new ManualClock(Number(env.SCALE_CLOCK_MS));
const db = createDocumentClient({ region: 'us-east-1', endpoint: env.DYNAMODB_ENDPOINT });
const tableName = env.TABLE_NAME!;
const meter = meterDynamo(db, { capacity: true });
const writes = trackWriteKeys(db);
const vault = new CredentialVault(new LocalKeyProvider(Buffer.from(env.SCALE_VAULT_KEY_HEX!, 'hex')), new DynamoDecryptAudit(db, tableName), () => clock.now());
let decrypts = 0;
const open = vault.open.bind(vault);
vault.open = (...args) => (decrypts++, open(...args));
const deps: PollDependencies & { log: { warn: () => void; error: (m: string, d: Record<string, unknown>) => void } } = {
  thermoworks: createThermoWorksClient({ config: thermoWorksConfigFromEnv(env), clock }),
  vault,
  accounts: new DynamoAccountStore(db, tableName),
  devices: new DynamoDeviceStore(db, tableName),
  cooks: new DynamoCookStore(db, tableName),
  readings: new DynamoReadingStore(db, tableName, defaultDynamoHistoryOptions, clock),
  connections: new DynamoConnectionStore(db, tableName),
  // No browser is open in this bench: nothing is pushed (the connections Query still runs, as in AWS).
  pusher: { push: async () => 'sent', disconnect: async () => undefined },
  clock,
  sessionCache: new Map<string, ThermoWorksAccountSession>(),
  pollIntervalSeconds: pollCadence.activeIntervalSeconds,
  timeBudgetMs: pollTimeBudgetMs(pollCadence.activeIntervalSeconds),
  log: { warn: () => undefined, error: (message, detail) => void (errorsSeen++ < 5 && console.error(`[scale-worker ${process.pid}] ${message}`, JSON.stringify(detail))) },
};
let errorsSeen = 0;

const sqs = new SQSClient({ region: 'us-east-1', endpoint: env.SQS_ENDPOINT });
const queueUrl = env.POLL_QUEUE_URL!;
let counts = { polls: 0, batches: 0, failures: 0, readingsStored: 0, batchMs: 0 };
let cpu0 = process.cpuUsage();
let dynamo0 = meter.snapshot();
let decrypts0 = 0;
let running = true;

async function consume(): Promise<void> {
  while (running) {
    const out = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, VisibilityTimeout: 60 }));
    const messages = (out.Messages ?? []).map((m) => ({ messageId: m.MessageId!, body: m.Body!, receipt: m.ReceiptHandle! }));
    if (messages.length === 0) continue;
    const t0 = performance.now();
    const result = await processPollBatch(messages, deps);
    counts.batchMs += performance.now() - t0;
    counts.batches++;
    counts.polls += messages.length;
    counts.failures += result.batchItemFailures.length;
    counts.readingsStored += result.outcomes.reduce((n, o) => n + o.readingsStored, 0);
    const failed = new Set(result.batchItemFailures.map((f) => f.itemIdentifier));
    const done = messages.filter((m) => !failed.has(m.messageId));
    if (done.length > 0) await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: done.map((m, i) => ({ Id: String(i), ReceiptHandle: m.receipt })) }));
  }
}

process.on('message', (message: ToWorker) => {
  const reply = (m: FromWorker) => process.send?.(m);
  if (message.type === 'clock') {
    clock.set(message.clockMs);
    reply({ type: 'ack', id: message.id });
  } else if (message.type === 'stats') {
    const cpu = process.cpuUsage(cpu0);
    const snapshot = meter.snapshot();
    reply({
      type: 'stats',
      id: message.id,
      stats: { ...counts, cpuSeconds: (cpu.user + cpu.system) / 1e6, decrypts: decrypts - decrypts0, dynamo: diffStats(snapshot, dynamo0), writes: writes.stats() },
    });
    if (message.reset) {
      counts = { polls: 0, batches: 0, failures: 0, readingsStored: 0, batchMs: 0 };
      cpu0 = process.cpuUsage();
      dynamo0 = snapshot;
      decrypts0 = decrypts;
      writes.reset();
    }
  } else if (message.type === 'stop') {
    running = false;
    setTimeout(() => process.exit(0), 1500).unref();
  }
});

consume().catch((error: unknown) => {
  console.error('[scale-worker] stopped:', error);
  process.exit(1);
});
