/**
 * `npm run bench:cost` (GitHub issue 4): what one device costs per month in AWS, from an instrumented run.
 *
 * One account with one 4-probe Wi-Fi thermometer (uploading every 15 s), on the poll harness (the ThermoWorks simulator
 * at 100 ms per response, DynamoDB Local, the real dispatcher, worker, client, vault and stores). The run drives the
 * real dispatchPolls once per simulated minute (through the real SqsPollQueue over a counting SQS stub) and hands each
 * queued message to processPollBatch at its SQS delay, as the event source would (batch window 0: one message per
 * invocation). It counts what the code actually does: DynamoDB calls and the request units DynamoDB Local reports for
 * them (GSI writes included), history records as Timestream would meter them, SQS requests, Lambda invocations and
 * their wall time, pushes to the open browser, vault decrypts (KMS). Three windows are simulated: one hour of cooking
 * with a browser open, the active-cadence tail after the cook (the dispatcher keeps an account active for
 * idleAfterMinutes), and one idle hour (thermometer switched off). Monthly figures extrapolate those windows linearly;
 * what is assumed rather than measured is listed in the output. Prices: infra/bench/aws-prices.json.
 *
 * Progress goes to stderr; stdout ends with one JSON line.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { SQSClient } from '@aws-sdk/client-sqs';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import { startDynamoDbLocal, type DynamoDbLocal } from '../local/dynamodb-local';
import { harnessSignInThrottle, startPollHarness, type PollHarness } from '../local/testing/poll-harness';
import { login } from '../../shared/auth/login';
import { DynamoSessionStore } from '../../shared/aws/dynamo-session-store';
import { DynamoAttemptCounterStore } from '../../shared/aws/dynamo-attempt-counter-store';
import { defaultSessionPolicy } from '../../shared/auth/session-policy';
import { resolveSessionToken } from '../../shared/auth/sessions';
import { SqsPollQueue } from '../../shared/aws/sqs-poll-queue';
import { TIMESTREAM_BATCH_LIMIT, toTimestreamRecord } from '../../shared/aws/timestream-reading-store';
import { randomIds } from '../../shared/ids';
import { startCook } from '../../shared/cooks/start-cook';
import { openLiveConnection } from '../../shared/live/live-connections';
import { dispatchPolls } from '../../shared/polling/dispatch-polls';
import { pollCadence } from '../../shared/polling/poll-cadence';
import { processPollBatch } from '../../shared/polling/process-poll-batch';
import type { Reading } from '../../shared/readings/reading';
import type { ScenarioInput } from '../../shared/thermoworks/simulator';
import { pollSettings } from '../constructs/poller';
import { PAGE_VISIBLE_SHARE, PING_INTERVAL_MS, pingsPerHour, WS_ACCESS_LOG_LINE_BYTES } from './heartbeat-model';
import { measureBatches, priceBatches, type BatchMeasurement, type BatchOption } from './batch-tuning';
import { benchScenario } from './bench-scenario';
import { customMetricNames, deploymentFixtures, EVENT_SOURCE_EMPTY_RECEIVES_PER_MINUTE, fixedDeploymentQuantities, MINUTES_PER_MONTH } from './deployment-fixed-costs';
import { diffStats, meterDynamo, type OperationStats } from './dynamo-meter';
import { progressLog } from './progress-log';

const START = '2026-11-01T18:00:00.000Z';
const EMAIL = 'cook@cost.bench';
const ACCOUNT_ID = 'acct-cost';
const SERIAL = 'AB:CD:EF:01:23:45';
const LATENCY_MS = 100;
/** NOTES.md: one device, idle month / month with 8 cooks of 12 h. */
const TARGETS = { idle: 0.05, cook: 0.25 } as const;
/** Batch tuning: accounts polled together, batch sizes and worker memories compared. */
const TUNING = { accounts: 40, rounds: 2, batchSizes: [1, 5, 10, 20], memoriesMb: [256, 512, 1024, 1769] } as const;
const GB = 1024 ** 3;

const log = progressLog('bench:cost');

// ---- prices ----

interface Price {
  usd: number;
  unit: string;
  source: string;
  sourceKind?: string;
  freeTier?: string;
}
const priceTable = JSON.parse(readFileSync(new URL('./aws-prices.json', import.meta.url), 'utf8')) as { checked: string; region: string; prices: Record<string, Price> };
type PriceKey =
  | 'dynamodbWriteRequestUnit'
  | 'dynamodbReadRequestUnit'
  | 'dynamodbStorageGbMonth'
  | 'dynamodbPitrGbMonth'
  | 'lambdaRequest'
  | 'lambdaArmGbSecond'
  | 'sqsRequest'
  | 'timestreamWrite1Kb'
  | 'timestreamMemoryGbHour'
  | 'timestreamMagneticGbMonth'
  | 'apiGatewayWebSocketMessage'
  | 'apiGatewayWebSocketConnectionMinute'
  | 'kmsKeyMonth'
  | 'kmsRequest'
  | 'cloudwatchLogsIngestGb'
  | 'cloudwatchLogsStorageGbMonth'
  | 'cloudwatchCustomMetricMonth'
  | 'cloudwatchAlarmMonth'
  | 'xrayTraceRecorded'
  | 'eventBridgeScheduledInvocation';
const price = (key: PriceKey): Price => {
  const p = priceTable.prices[key];
  if (!p) throw new Error(`aws-prices.json has no ${key}`);
  return p;
};

/** Always-free monthly allowances (account-wide), applied only in the "what a one-device deployment pays" summary. */
const FREE_TIER: Partial<Record<PriceKey, number>> = {
  lambdaRequest: 1_000_000,
  lambdaArmGbSecond: 400_000,
  sqsRequest: 1_000_000,
  kmsRequest: 20_000,
  xrayTraceRecorded: 100_000,
  cloudwatchLogsIngestGb: 5,
  cloudwatchCustomMetricMonth: 10,
  cloudwatchAlarmMonth: 10,
  dynamodbStorageGbMonth: 25,
};

// ---- what is assumed rather than measured ----

const ASSUMED = {
  /** Lambda recycles execution environments now and then even when busy (not documented): cold starts per day. */
  coldStartsPerDayPerFunction: 6,
  /** Billed INIT per cold start (module init: SDK clients, config); NOTES.md aims for < 100 ms. */
  initMs: 300,
  /** Handler overhead not in the measured poll: middy, Powertools context and EMF flush. */
  handlerOverheadMs: 3,
  /** Round trips of calls the local run does not make for real. */
  postToConnectionMs: 20,
  timestreamWriteRecordsMs: 25,
  sqsSendMessageBatchMs: 15,
  /** Share of a cook its page is visible (heartbeat-model.ts); the month is also priced with it always visible. */
  pageVisibleShare: PAGE_VISIBLE_SHARE,
  /** API Gateway closes a WebSocket after 2 hours: the browser reconnects ($disconnect + $connect). */
  reconnectsPerHour: 0.5,
  /** Lambda SQS event source: ~5 pollers long-polling (20 s) an idle queue, billed as ReceiveMessage requests. */
  eventSourceEmptyReceivesPerMinute: EVENT_SOURCE_EMPTY_RECEIVES_PER_MINUTE,
  /** Lambda system log lines (JSON format) per invocation: platform.start and platform.report. */
  cloudWatchEventOverheadBytes: 26,
  /** CloudWatch Logs archive storage is billed compressed. */
  logCompressionRatio: 0.15,
  /** API Gateway access-log line per WebSocket route call ($connect, $disconnect, ping, $default). */
  accessLogLineBytes: WS_ACCESS_LOG_LINE_BYTES,
  /** DynamoDB keeps 100 bytes of overhead per item. */
  dynamoItemOverheadBytes: 100,
  /** Alarms (issue 13): an alarm rule item with its state, as stored in the account partition the poll reads. */
  alarmRuleItemBytes: 700,
  /** The notifier per alarm event: one invocation (256 MB), one webhook POST and the DynamoDB calls it makes. */
  notifierMs: 300,
  notifierLogBytes: 1200,
};

/**
 * One alarm event to one webhook channel (non-urgent: no escalation round), counted from the code path: the worker
 * puts the event (2 WRU, ~1.5 KB) and saves the rule's state when it fires and again when it re-arms (2 × 1 WRU), resolves
 * the event (2 WRU); the notifier reads the event (consistent: 1 RRU) and the channels (0.5 RRU) and the open pages
 * (0.5 RRU), claims and completes in-app and the webhook's key, records the delivery, marks it delivered and records the
 * channel's outcome (7 UpdateItems of a ~2 KB item: 14 WRU), and opens the webhook secret (1 KMS Decrypt);
 * SQS: one send, one receive, one delete.
 */
const PER_ALARM_EVENT = { dynamoWru: 2 + 2 + 2 + 14, dynamoRru: 2, kmsRequests: 1, sqsRequests: 3, notifierRequests: 1 };

// ---- configuration read from the CDK constructs ----

function memoryOf(file: string, construct: string, fallback: number): { mb: number; from: string } {
  try {
    const text = readFileSync(new URL(`../constructs/${file}`, import.meta.url), 'utf8');
    const match = new RegExp(`new PitwatchFunction\\(this, '${construct}',[\\s\\S]*?\\}\\);`).exec(text);
    const mb = match ? /memorySize:\s*(\d+)/.exec(match[0])?.[1] : undefined;
    return mb ? { mb: Number(mb), from: `infra/constructs/${file} (${construct})` } : { mb: fallback, from: `default of PitwatchFunction (${construct})` };
  } catch {
    return { mb: fallback, from: `assumed (${construct})` };
  }
}

const workerMemory = { mb: pollSettings.workerMemoryMb, from: 'infra/constructs/poller.ts (pollSettings.workerMemoryMb)' };
const dispatcherMemory = memoryOf('poller.ts', 'Dispatch', 256);
const wsMemory = { mb: 256, from: 'PitwatchFunction default (infra/constructs/live-updates.ts sets none)' };

// ---- log bytes per invocation, from the real Powertools output ----

function captureStdout(run: () => void): number {
  const chunks: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  (process.stdout as unknown as { write: (chunk: unknown) => boolean }).write = (chunk: unknown) => (chunks.push(String(chunk)), true);
  try {
    run();
  } finally {
    (process.stdout as unknown as { write: typeof write }).write = write;
  }
  return chunks.reduce((n, c) => n + Buffer.byteLength(c.trimEnd()) + ASSUMED.cloudWatchEventOverheadBytes, 0);
}

function fakeContext(name: string, memoryMb: number): Context {
  return {
    functionName: `PitwatchStack-${name}Function1A2B3C4D-AbCdEfGhIjKl`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:PitwatchStack-${name}Function1A2B3C4D-AbCdEfGhIjKl`,
    memoryLimitInMB: String(memoryMb),
    awsRequestId: '3f1c9b2e-8d4a-4c7e-9a61-2b5d7e0f4a19',
    logGroupName: `/aws/lambda/PitwatchStack-${name}`,
    logStreamName: '2026/11/23/[$LATEST]0123456789abcdef0123456789abcdef',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => 60_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

function platformLogBytes(memoryMb: number): number {
  const tracing = { spanId: '5a1b2c3d4e5f6a7b', type: 'X-Amzn-Trace-Id', value: 'Root=1-6741f2a0-3c9d8e7f6a5b4c3d2e1f0a9b;Parent=5a1b2c3d4e5f6a7b;Sampled=1' };
  const requestId = '3f1c9b2e-8d4a-4c7e-9a61-2b5d7e0f4a19';
  const lines = [
    { time: '2026-11-23T18:00:00.123Z', type: 'platform.start', record: { requestId, version: '$LATEST', tracing } },
    {
      time: '2026-11-23T18:00:00.456Z',
      type: 'platform.report',
      record: { requestId, metrics: { durationMs: 312.45, billedDurationMs: 313, memorySizeMB: memoryMb, maxMemoryUsedMB: 98 }, tracing, status: 'success' },
    },
  ];
  return lines.reduce((n, l) => n + Buffer.byteLength(JSON.stringify(l)) + ASSUMED.cloudWatchEventOverheadBytes, 0);
}

function workerLogBytes(): number {
  process.env._X_AMZN_TRACE_ID = 'Root=1-6741f2a0-3c9d8e7f6a5b4c3d2e1f0a9b;Parent=5a1b2c3d4e5f6a7b;Sampled=1';
  const emf = captureStdout(() => {
    const metrics = new Metrics({ namespace: 'Pitwatch', serviceName: 'poll-worker' });
    metrics.addMetric('PollLatency', MetricUnit.Milliseconds, 312);
    for (const name of ['AccountsPolled', 'ReadingsIngested', 'DuplicatesSkipped', 'ReadingsPushed', 'ReadingsBackfilled', 'GapsAbandoned', 'PollRetries']) {
      metrics.addMetric(name, MetricUnit.Count, 4);
    }
    metrics.publishStoredMetrics();
  });
  return emf + platformLogBytes(workerMemory.mb);
}

function dispatcherLogBytes(): number {
  const bytes = captureStdout(() => {
    const metrics = new Metrics({ namespace: 'Pitwatch', serviceName: 'poll-dispatch' });
    for (const name of ['AccountsDispatched', 'PollMessagesQueued', 'PollMessagesFailed']) metrics.addMetric(name, MetricUnit.Count, 1);
    metrics.publishStoredMetrics();
    const logger = new Logger({ serviceName: 'poll-dispatch' });
    logger.addContext(fakeContext('PollerDispatch', dispatcherMemory.mb));
    logger.info('Dispatched polls', { accounts: 1, active: 1, skipped: 0, messages: 4, failed: 0 });
  });
  return bytes + platformLogBytes(dispatcherMemory.mb);
}

// ---- the instrumented run ----

const scenario: ScenarioInput = {
  seed: 11,
  startAt: START,
  accounts: [
    {
      email: EMAIL,
      password: 'secret',
      uid: 'uid-cost',
      accountId: ACCOUNT_ID,
      devices: [
        {
          serial: SERIAL,
          label: 'Smoker',
          device: 'signals',
          type: 'signals',
          recordingIntervalSeconds: 15,
          transmitIntervalSeconds: 15,
          archives: { everySeconds: 300, historySeconds: 86_400 },
          cook: { meat: 'brisket', meats: 3, startedSecondsAgo: 3600 },
          channels: [
            { number: '1', label: 'Pit', source: { kind: 'pit' } },
            { number: '2', label: 'Flat', source: { kind: 'meat', index: 0 } },
            { number: '3', label: 'Point', source: { kind: 'meat', index: 1 } },
            { number: '4', label: 'Ribs', source: { kind: 'meat', index: 2 } },
          ],
        },
      ],
    },
  ],
};

interface Window {
  name: string;
  minutes: number;
  dispatcherInvocations: number;
  dispatcherBilledMs: number;
  workerInvocations: number;
  workerBilledMs: number;
  workerMeasuredMs: number;
  sqsSendRequests: number;
  messagesQueued: number;
  dynamo: Record<string, OperationStats>;
  timestreamWriteCalls: number;
  timestreamWriteUnits: number;
  timestreamRecords: number;
  timestreamBytes: number;
  historyItemBytes: number;
  pushes: number;
  vaultOpens: number;
  readingsStored: number;
  browserMinutes: number;
}

const blankWindow = (name: string): Window => ({
  name,
  minutes: 0,
  dispatcherInvocations: 0,
  dispatcherBilledMs: 0,
  workerInvocations: 0,
  workerBilledMs: 0,
  workerMeasuredMs: 0,
  sqsSendRequests: 0,
  messagesQueued: 0,
  dynamo: {},
  timestreamWriteCalls: 0,
  timestreamWriteUnits: 0,
  timestreamRecords: 0,
  timestreamBytes: 0,
  historyItemBytes: 0,
  pushes: 0,
  vaultOpens: 0,
  readingsStored: 0,
  browserMinutes: 0,
});

/** Bytes Timestream meters for one record (timestamp, dimension names and values, measure name, measure names and values). */
function timestreamRecordBytes(r: Reading): number {
  const rec = toTimestreamRecord(r);
  const utf8 = (s: string | undefined) => Buffer.byteLength(s ?? '');
  let bytes = 8 + utf8(rec.MeasureName);
  for (const d of rec.Dimensions ?? []) bytes += utf8(d.Name) + utf8(d.Value);
  for (const m of rec.MeasureValues ?? []) bytes += utf8(m.Name) + (m.Type === 'DOUBLE' || m.Type === 'BIGINT' ? 8 : m.Type === 'BOOLEAN' ? 1 : utf8(m.Value));
  return bytes;
}

/** A history item as DynamoReadingStore writes it (keys, value, units, TTL), with DynamoDB's per-item overhead. */
function historyItemBytes(r: Reading): number {
  const hour = new Date(r.at.getTime() - (r.at.getTime() % 3_600_000)).toISOString().slice(0, 13);
  const pk = `HIST#${r.accountId}#${r.serial}#${r.channel}#${hour}`;
  return 2 + pk.length + 2 + 15 + 1 + 4 + 1 + r.units.length + 9 + 6 + ASSUMED.dynamoItemOverheadBytes;
}

async function instrumentedRun(h: PollHarness): Promise<{ active: Window; tail: Window; idle: Window; connect: Record<string, OperationStats>; disconnect: Record<string, OperationStats>; connectMs: number; disconnectMs: number }> {
  const meter = meterDynamo(h.db, { capacity: true });
  let current = blankWindow('setup');

  // Timestream, as it would meter the same readings (the harness stores them in DynamoDB Local).
  const readings = h.deps.readings;
  h.deps.readings = {
    write: async (rs) => {
      for (let i = 0; i < rs.length; i += TIMESTREAM_BATCH_LIMIT) {
        const bytes = rs.slice(i, i + TIMESTREAM_BATCH_LIMIT).reduce((n, r) => n + timestreamRecordBytes(r), 0);
        current.timestreamWriteCalls++;
        current.timestreamWriteUnits += Math.ceil(bytes / 1024);
        current.timestreamBytes += bytes;
      }
      current.timestreamRecords += rs.length;
      current.historyItemBytes += rs.reduce((n, r) => n + historyItemBytes(r), 0);
      return readings.write(rs);
    },
    query: (q) => readings.query(q),
    queryBuckets: (q) => readings.queryBuckets(q),
    ...(readings.compactHour ? { compactHour: readings.compactHour.bind(readings) } : {}),
  };
  // Each vault open is one KMS Decrypt in AWS.
  const vault = h.deps.vault;
  const open = vault.open.bind(vault);
  vault.open = async (...args) => {
    current.vaultOpens++;
    return open(...args);
  };
  // The real SQS adapter over a stub client: counts SendMessageBatch requests (64 KB chunks) and keeps the entries.
  let queued: Array<{ body: string; delaySeconds: number }> = [];
  const sqs = {
    send: async (command: { input: { Entries?: Array<{ MessageBody?: string; DelaySeconds?: number }> } }) => {
      const entries = command.input.Entries ?? [];
      const payload = entries.reduce((n, e) => n + Buffer.byteLength(e.MessageBody ?? ''), 0);
      current.sqsSendRequests += Math.max(1, Math.ceil(payload / (64 * 1024)));
      queued.push(...entries.map((e) => ({ body: e.MessageBody ?? '', delaySeconds: e.DelaySeconds ?? 0 })));
      return { Successful: entries.map((e) => ({ Id: e.MessageBody })), Failed: [] };
    },
  } as unknown as SQSClient;
  const queue = new SqsPollQueue(sqs, 'https://sqs.us-east-1.amazonaws.com/123456789012/poll-queue');

  let n = 0;
  const runMinute = async (browserOpen: boolean): Promise<{ scheduled: number }> => {
    const minuteStart = h.clock.now().getTime();
    queued = [];
    const t0 = performance.now();
    await dispatchPolls({ accounts: h.accounts, queue, clock: h.clock }, pollCadence);
    const dispatchMs = performance.now() - t0 + ASSUMED.sqsSendMessageBatchMs * (queued.length > 0 ? Math.ceil(queued.length / 10) : 0);
    current.dispatcherInvocations++;
    current.dispatcherBilledMs += Math.ceil(dispatchMs + ASSUMED.handlerOverheadMs);
    current.messagesQueued += queued.length;
    const scheduled = queued.length;
    for (const message of [...queued].sort((a, b) => a.delaySeconds - b.delaySeconds)) {
      h.clock.set(minuteStart + message.delaySeconds * 1000);
      const before = meter.snapshot();
      const pushedBefore = h.pushed.length;
      const tsCallsBefore = current.timestreamWriteCalls;
      const t = performance.now();
      const result = await processPollBatch([{ messageId: `m-${++n}`, body: message.body }], h.deps);
      const measured = performance.now() - t;
      if (result.batchItemFailures.length > 0) throw new Error(`poll failed: ${JSON.stringify(result)}`);
      const history = sum(diffStats(meter.snapshot(), before), (name, s) => (isHistory(name) ? s.totalMs : 0));
      const pushes = h.pushed.length - pushedBefore;
      // Billed as Lambda would: the poll as measured, history written to Timestream instead of DynamoDB Local, and
      // the PostToConnection round trips the local pusher does not make.
      const billed =
        measured - history + (current.timestreamWriteCalls - tsCallsBefore) * ASSUMED.timestreamWriteRecordsMs + pushes * ASSUMED.postToConnectionMs + ASSUMED.handlerOverheadMs;
      current.workerInvocations++;
      current.workerMeasuredMs += measured;
      current.workerBilledMs += Math.ceil(billed);
      current.pushes += pushes;
      current.readingsStored += result.outcomes.reduce((k, o) => k + o.readingsStored, 0);
    }
    h.clock.set(minuteStart + 60_000);
    current.minutes++;
    if (browserOpen) current.browserMinutes++;
    return { scheduled };
  };

  const runWindow = async (name: string, until: (minute: number, scheduled: number) => boolean, browserOpen: boolean): Promise<Window> => {
    current = blankWindow(name);
    const before = meter.snapshot();
    for (let minute = 0; ; minute++) {
      const { scheduled } = await runMinute(browserOpen);
      if (until(minute + 1, scheduled)) break;
    }
    current.dynamo = diffStats(meter.snapshot(), before);
    log(`  ${name}: ${current.minutes} min, ${current.workerInvocations} worker invocations, ${current.readingsStored} readings stored, ${current.pushes} pushes`);
    return current;
  };

  // A browser session for the cook: the real $connect path (session lookup + connection item), metered apart.
  const sessionToken = (
    await login({ email: EMAIL, password: 'secret' }, { sourceIp: '127.0.0.1', userAgent: 'cost-bench' }, {
      thermoworks: h.deps.thermoworks,
      accounts: h.accounts,
      sessions: new DynamoSessionStore(h.db, h.tableName),
      vault: h.deps.vault,
      clock: h.clock,
      ids: randomIds,
      sessionPolicy: defaultSessionPolicy,
      attempts: new DynamoAttemptCounterStore(h.db, h.tableName),
      throttle: harnessSignInThrottle,
      live: { connections: h.deps.connections, pusher: h.deps.pusher },
    })
  ).sessionToken;
  let before = meter.snapshot();
  let t = performance.now();
  const sessions = { sessions: new DynamoSessionStore(h.db, h.tableName), clock: h.clock, policy: defaultSessionPolicy };
  const principal = await resolveSessionToken(sessionToken, sessions);
  if (!principal) throw new Error('cost bench: the session just issued does not resolve');
  await openLiveConnection({ connectionId: 'conn-cook-1', principal }, { connections: h.deps.connections, clock: h.clock });
  const connectMs = performance.now() - t;
  const connect = diffStats(meter.snapshot(), before);

  // The cook is started in the app, so the worker also keeps its per-minute series and predictions (the cook item).
  await h.poll();
  await startCook(
    ACCOUNT_ID,
    {
      serial: SERIAL,
      pitChannel: '1',
      probes: [
        { channel: '2', presetId: 'brisket', units: 'F' },
        { channel: '3', presetId: 'brisket', units: 'F' },
        { channel: '4', presetId: 'ribs', units: 'F' },
      ],
    },
    { devices: h.deps.devices, cooks: h.deps.cooks, clock: h.clock, ids: randomIds },
  );
  log('simulating one hour of cooking (device uploading every 15 s, a cook started, one browser open)');
  const active = await runWindow('active', (m) => m >= 60, true);

  before = meter.snapshot();
  t = performance.now();
  await h.deps.connections.delete('conn-cook-1');
  const disconnectMs = performance.now() - t;
  const disconnect = diffStats(meter.snapshot(), before);
  h.simulator.setDeviceOnline(SERIAL, false);

  log('the cook is over (thermometer off, browser closed): active-cadence tail until the dispatcher sees the account idle');
  const tail = await runWindow('tail', (m, scheduled) => scheduled <= 1 || m >= 120, false);
  log('simulating one idle hour');
  const idle = await runWindow('idle', (m) => m >= 60, false);
  return { active, tail, idle, connect, disconnect, connectMs, disconnectMs };
}

// ---- from measured windows to a month ----

interface Usage {
  workerRequests: number;
  workerGbSeconds: number;
  wsRequests: number;
  wsGbSeconds: number;
  sqsRequests: number;
  dynamoRru: number;
  dynamoWru: number;
  historyRru: number;
  historyWru: number;
  historyBytes: number;
  timestreamWrites: number;
  timestreamBytes: number;
  wsMessages: number;
  /** The heartbeat's share: each ping in and its pong out (API Gateway answers it itself). */
  wsHeartbeatMessages: number;
  wsConnectionMinutes: number;
  kmsRequests: number;
  logBytes: number;
  xrayTraces: number;
}

const zeroUsage = (): Usage => ({
  workerRequests: 0,
  workerGbSeconds: 0,
  wsRequests: 0,
  wsGbSeconds: 0,
  sqsRequests: 0,
  dynamoRru: 0,
  dynamoWru: 0,
  historyRru: 0,
  historyWru: 0,
  historyBytes: 0,
  timestreamWrites: 0,
  timestreamBytes: 0,
  wsMessages: 0,
  wsHeartbeatMessages: 0,
  wsConnectionMinutes: 0,
  kmsRequests: 0,
  logBytes: 0,
  xrayTraces: 0,
});

function addUsage(into: Usage, from: Usage, times: number): void {
  for (const key of Object.keys(into) as Array<keyof Usage>) into[key] += from[key] * times;
}

interface Measured {
  active: Window;
  tail: Window;
  idle: Window;
  connect: Record<string, OperationStats>;
  disconnect: Record<string, OperationStats>;
  connectMs: number;
  disconnectMs: number;
  workerLogBytes: number;
  wsLogBytes: number;
}

const sum = (stats: Record<string, OperationStats>, pick: (name: string, s: OperationStats) => number) =>
  Object.entries(stats).reduce((n, [name, s]) => n + pick(name, s), 0);

/** Calls on reading history (raw points, roll-ups): DynamoDB only with historyStore=dynamodb (dynamo-meter.ts). */
const isHistory = (name: string) => name.endsWith('#history');

/** Usage of a measured window, per device, as a whole (not per minute). */
function windowUsage(w: Window, m: Measured, visibleShare: number = ASSUMED.pageVisibleShare): Usage {
  const u = zeroUsage();
  u.workerRequests = w.workerInvocations;
  u.workerGbSeconds = (w.workerBilledMs / 1000) * (workerMemory.mb / 1024);
  // SQS: the dispatcher's SendMessageBatch requests, and per worker invocation one ReceiveMessage and one delete.
  u.sqsRequests = w.sqsSendRequests + 2 * w.workerInvocations;
  u.dynamoRru = sum(w.dynamo, (name, s) => (isHistory(name) ? 0 : s.rru));
  u.dynamoWru = sum(w.dynamo, (name, s) => (isHistory(name) ? 0 : s.wru));
  u.historyRru = sum(w.dynamo, (name, s) => (isHistory(name) ? s.rru : 0));
  u.historyWru = sum(w.dynamo, (name, s) => (isHistory(name) ? s.wru : 0));
  u.historyBytes = w.historyItemBytes;
  u.timestreamWrites = w.timestreamWriteUnits;
  u.timestreamBytes = w.timestreamBytes;
  u.logBytes = w.workerInvocations * m.workerLogBytes;
  u.xrayTraces = pollSettings.tracing ? w.workerInvocations : 0;
  if (w.browserMinutes > 0) {
    const hours = w.browserMinutes / 60;
    const pings = pingsPerHour(visibleShare) * hours;
    const reconnects = ASSUMED.reconnectsPerHour * hours;
    // Each ping in and its pong out are two messages and one access-log line; API Gateway answers it itself (the
    // ping route's mock integration), so a ping is no Lambda invocation, function log or trace.
    u.wsMessages = w.pushes;
    u.wsHeartbeatMessages = 2 * pings;
    u.wsConnectionMinutes = w.browserMinutes;
    u.wsRequests = 2 * reconnects;
    const wsMs = reconnects * (m.connectMs + m.disconnectMs + 2 * ASSUMED.handlerOverheadMs);
    u.wsGbSeconds = (wsMs / 1000) * (wsMemory.mb / 1024);
    u.dynamoRru += reconnects * (sum(m.connect, (_, s) => s.rru) + sum(m.disconnect, (_, s) => s.rru));
    u.dynamoWru += reconnects * (sum(m.connect, (_, s) => s.wru) + sum(m.disconnect, (_, s) => s.wru));
    u.logBytes += u.wsRequests * (m.wsLogBytes + ASSUMED.accessLogLineBytes) + pings * ASSUMED.accessLogLineBytes;
    u.xrayTraces += u.wsRequests;
  }
  return u;
}

function coldStarts(u: Usage, minutes: number, decryptsPerColdStart: number): void {
  const starts = (ASSUMED.coldStartsPerDayPerFunction * minutes) / (24 * 60);
  u.kmsRequests += starts * decryptsPerColdStart;
  u.workerGbSeconds += starts * (ASSUMED.initMs / 1000) * (workerMemory.mb / 1024);
}

interface Line {
  item: string;
  quantity: number;
  unit: string;
  key: PriceKey;
  usd: number;
}

function priceLines(u: Usage, history: 'timestream' | 'dynamodb', storageMonths: { timestreamMagnetic: number; dynamoHistory: number }): Line[] {
  const line = (item: string, quantity: number, unit: string, key: PriceKey): Line => ({ item, quantity, unit, key, usd: quantity * price(key).usd });
  const lines: Line[] = [
    line('Lambda worker requests', u.workerRequests, 'requests', 'lambdaRequest'),
    line(`Lambda worker duration (${workerMemory.mb} MB arm64, incl. INIT)`, u.workerGbSeconds, 'GB-s', 'lambdaArmGbSecond'),
    line('Lambda WebSocket handlers (connect, disconnect)', u.wsRequests, 'requests', 'lambdaRequest'),
    line(`Lambda WebSocket handlers duration (${wsMemory.mb} MB)`, u.wsGbSeconds, 'GB-s', 'lambdaArmGbSecond'),
    line('SQS requests (send share, receive, delete)', u.sqsRequests, 'requests', 'sqsRequest'),
    line('DynamoDB reads (links, devices, latest, connections)', u.dynamoRru, 'RRU', 'dynamodbReadRequestUnit'),
    line('DynamoDB writes (device, latest, link status; GSI incl.)', u.dynamoWru, 'WRU', 'dynamodbWriteRequestUnit'),
  ];
  if (history === 'timestream') {
    lines.push(line('Timestream writes (1 KB units per WriteRecords)', u.timestreamWrites, '1KB writes', 'timestreamWrite1Kb'));
    lines.push(line('Timestream memory store (24 h retention)', (u.timestreamBytes / GB) * 24, 'GB-h', 'timestreamMemoryGbHour'));
    lines.push(line(`Timestream magnetic store (${storageMonths.timestreamMagnetic}-month retention)`, (u.timestreamBytes / GB) * storageMonths.timestreamMagnetic, 'GB-month', 'timestreamMagneticGbMonth'));
  } else {
    lines.push(line('DynamoDB history writes (raw points, hourly roll-ups)', u.historyWru, 'WRU', 'dynamodbWriteRequestUnit'));
    lines.push(line('DynamoDB history reads (roll-up compaction)', u.historyRru, 'RRU', 'dynamodbReadRequestUnit'));
    lines.push(line(`DynamoDB history storage (${storageMonths.dynamoHistory}-month TTL)`, (u.historyBytes / GB) * storageMonths.dynamoHistory, 'GB-month', 'dynamodbStorageGbMonth'));
    lines.push(line('DynamoDB PITR on history', (u.historyBytes / GB) * storageMonths.dynamoHistory, 'GB-month', 'dynamodbPitrGbMonth'));
  }
  lines.push(
    line('API Gateway WebSocket messages (readings, predictions, alerts pushed)', u.wsMessages, 'messages', 'apiGatewayWebSocketMessage'),
    line('API Gateway WebSocket messages (heartbeat: each ping and its pong)', u.wsHeartbeatMessages, 'messages', 'apiGatewayWebSocketMessage'),
    line('API Gateway WebSocket connection minutes', u.wsConnectionMinutes, 'minutes', 'apiGatewayWebSocketConnectionMinute'),
    line('KMS Decrypt (one per worker cold start)', u.kmsRequests, 'requests', 'kmsRequest'),
    line('CloudWatch Logs ingestion', u.logBytes / GB, 'GB', 'cloudwatchLogsIngestGb'),
    line('CloudWatch Logs storage (1-month retention)', (u.logBytes * ASSUMED.logCompressionRatio) / GB, 'GB-month', 'cloudwatchLogsStorageGbMonth'),
    line(pollSettings.tracing ? 'X-Ray traces (every invocation sampled)' : 'X-Ray traces (WebSocket functions only)', u.xrayTraces, 'traces', 'xrayTraceRecorded'),
  );
  return lines;
}

// ---- printing ----

function fmtQty(n: number): string {
  if (n === 0) return '0';
  if (n >= 1000) return Math.round(n).toLocaleString('en-US');
  if (n >= 1) return n.toFixed(1);
  return n.toPrecision(3);
}

function fmtUnitPrice(p: Price, unit: string): string {
  if (p.usd === 0) return '$0';
  if (p.usd < 0.001) return `$${(p.usd * 1e6).toFixed(3)} / M ${unit}`;
  return `$${p.usd} / ${unit}`;
}

const usd = (n: number) => `$${n < 0.001 && n > 0 ? n.toExponential(2) : n.toFixed(4)}`;

function table(title: string, lines: Line[], total?: number): string[] {
  const out = [title, `  ${'line item'.padEnd(60)}${'quantity'.padStart(14)}  ${'unit'.padEnd(11)}${'unit price'.padStart(26)}${'$'.padStart(11)}`];
  for (const l of lines) {
    const p = price(l.key);
    const mark = p.sourceKind === 'aws' ? '' : p.source === 'assumed' ? ' (a)' : ' (s)';
    out.push(`  ${l.item.padEnd(60)}${fmtQty(l.quantity).padStart(14)}  ${l.unit.padEnd(11)}${(fmtUnitPrice(p, l.unit) + mark).padStart(26)}${usd(l.usd).padStart(11)}`);
  }
  out.push(`  ${'total'.padEnd(60)}${''.padStart(14)}  ${''.padEnd(11)}${''.padStart(26)}${usd(total ?? lines.reduce((n, l) => n + l.usd, 0)).padStart(11)}`);
  return out;
}

const totalOf = (lines: Line[]) => lines.reduce((n, l) => n + l.usd, 0);

/** The cheapest option that keeps readings moving at once: batches above 10 need a batching window of ≥ 1 s. */
function cheapestBatch(options: readonly BatchOption[]): BatchOption {
  return [...options].filter((o) => o.batchSize <= 10).sort((a, b) => a.usdPerMillionPolls - b.usdPerMillionPolls)[0]!;
}

function batchTable(measured: readonly BatchMeasurement[], options: readonly BatchOption[], deployedMb: number): string[] {
  const out = [`BATCH TUNING — cost of one poll at scale (${TUNING.accounts} accounts due together, ${TUNING.rounds} rounds each; memory modelled from the measured CPU)`];
  out.push(`  measured: ${measured.map((m) => `batch ${m.batchSize}: ${m.meanBatchMs.toFixed(0)} ms per batch, ${m.cpuMsPerPoll.toFixed(1)} ms CPU per poll`).join('; ')}`);
  out.push(`  ${'batch'.padEnd(7)}${TUNING.memoriesMb.map((mb) => `${mb} MB`.padStart(22)).join('')}    ($ per million polls; billed ms per batch)`);
  for (const m of measured) {
    const row = TUNING.memoriesMb.map((mb) => {
      const o = options.find((x) => x.batchSize === m.batchSize && x.memoryMb === mb)!;
      const mark = o.batchSize === pollSettings.batchSize && mb === deployedMb ? '*' : ' ';
      return `${mark}$${o.usdPerMillionPolls.toFixed(2)} (${o.billedMsPerBatch} ms)`.padStart(22);
    });
    out.push(`  ${String(m.batchSize).padEnd(7)}${row.join('')}${m.batchSize > 10 ? '   needs a batching window ≥ 1 s' : ''}`);
  }
  const best = cheapestBatch(options);
  out.push(`  * deployed (infra/constructs/poller.ts: batch ${pollSettings.batchSize}, window 0 s, ${deployedMb} MB). Cheapest without a batching window: batch ${best.batchSize} at ${best.memoryMb} MB, $${best.usdPerMillionPolls.toFixed(2)} per million polls.`);
  out.push('  One account alone (the month tables above) is one poll per invocation whatever the batch size: there only memory counts.');
  return out;
}

async function main(): Promise<void> {
  let dynamo: DynamoDbLocal | undefined;
  let harness: PollHarness | undefined;
  try {
    log('starting DynamoDB Local and the simulator (1 account, 1 device, 4 probes, +100 ms per ThermoWorks response)');
    dynamo = await startDynamoDbLocal();
    harness = await startPollHarness({ dynamoEndpoint: dynamo.endpoint, scenario, start: START, pollIntervalSeconds: 15, latencyMs: LATENCY_MS });
    const run = await instrumentedRun(harness);
    await harness.stop();
    harness = undefined;

    log(`batch tuning: ${TUNING.accounts} accounts × 1 device × 4 probes polled together, batches of ${TUNING.batchSizes.join(', ')}`);
    harness = await startPollHarness({
      dynamoEndpoint: dynamo.endpoint,
      scenario: benchScenario({ accounts: TUNING.accounts, devicesPerAccount: 1, probesPerDevice: 4, uploadSeconds: 15, startAt: START }),
      start: START,
      latencyMs: LATENCY_MS,
      loginConcurrency: 10,
    });
    const batchMeasurements = await measureBatches(harness, TUNING.batchSizes, TUNING.rounds);
    const batchOptions = priceBatches(
      batchMeasurements,
      TUNING.memoriesMb,
      { lambdaRequest: price('lambdaRequest').usd, lambdaArmGbSecond: price('lambdaArmGbSecond').usd, sqsRequest: price('sqsRequest').usd, cloudwatchLogsIngestGb: price('cloudwatchLogsIngestGb').usd },
      workerLogBytes(),
    );
    const measured: Measured = { ...run, workerLogBytes: workerLogBytes(), wsLogBytes: platformLogBytes(wsMemory.mb) };
    const { active, tail, idle } = measured;
    const decryptsPerColdStart = Math.max(1, active.vaultOpens);

    const activeU = windowUsage(active, measured);
    const tailU = windowUsage(tail, measured);
    const idleU = windowUsage(idle, measured);
    const storage = { timestreamMagnetic: 12, dynamoHistory: 13 };

    // Idle month: the idle window, scaled to 30 days.
    const idleMonth = zeroUsage();
    addUsage(idleMonth, idleU, MINUTES_PER_MONTH / idle.minutes);
    coldStarts(idleMonth, MINUTES_PER_MONTH, decryptsPerColdStart);

    // One 8-hour cook: 8 × the active hour, plus the tail.
    const cook8 = zeroUsage();
    addUsage(cook8, activeU, (8 * 60) / active.minutes);
    addUsage(cook8, tailU, 1);
    coldStarts(cook8, 8 * 60 + tail.minutes, decryptsPerColdStart);

    // NOTES.md month: 8 cooks of 12 hours (each with its tail), idle the rest of the time.
    const cookMinutes = 8 * (12 * 60 + tail.minutes);
    const cookMonth = zeroUsage();
    addUsage(cookMonth, activeU, (8 * 12 * 60) / active.minutes);
    addUsage(cookMonth, tailU, 8);
    addUsage(cookMonth, idleU, (MINUTES_PER_MONTH - cookMinutes) / idle.minutes);
    coldStarts(cookMonth, MINUTES_PER_MONTH, decryptsPerColdStart);

    // The same month with each cook's page visible throughout (a tablet by the smoker, screen always on): the
    // heartbeat pings at its fast cadence for all 12 hours.
    const cookMonthVisible = zeroUsage();
    addUsage(cookMonthVisible, windowUsage(active, measured, 1), (8 * 12 * 60) / active.minutes);
    addUsage(cookMonthVisible, windowUsage(tail, measured, 1), 8);
    addUsage(cookMonthVisible, idleU, (MINUTES_PER_MONTH - cookMinutes) / idle.minutes);
    coldStarts(cookMonthVisible, MINUTES_PER_MONTH, decryptsPerColdStart);

    // A device left uploading all month (e.g. a cellar datalogger at this cadence): active all the time.
    // The active window without its browser: no WebSocket traffic, nor the pings' logs and traces.
    const alwaysOn = zeroUsage();
    addUsage(alwaysOn, windowUsage({ ...active, browserMinutes: 0 }, measured), MINUTES_PER_MONTH / active.minutes);
    coldStarts(alwaysOn, MINUTES_PER_MONTH, decryptsPerColdStart);

    const idleLines = priceLines(idleMonth, 'timestream', storage);
    const cookLines = priceLines(cookMonth, 'timestream', storage);
    const cookVisibleTotal = totalOf(priceLines(cookMonthVisible, 'timestream', storage));
    // What the heartbeat's messages cost in a month: a usage figure, priced like every line.
    const heartbeatUsd = (u: Usage): number => u.wsHeartbeatMessages * price('apiGatewayWebSocketMessage').usd;
    const cook8Lines = priceLines(cook8, 'timestream', storage);
    const alwaysOnLines = priceLines(alwaysOn, 'timestream', storage);
    const idleDdb = totalOf(priceLines(idleMonth, 'dynamodb', storage));
    const cookDdb = totalOf(priceLines(cookMonth, 'dynamodb', storage));

    // Per deployment, whatever the number of devices.
    const fixtures = deploymentFixtures();
    const dispatcherMeanMs = (active.dispatcherBilledMs + tail.dispatcherBilledMs + idle.dispatcherBilledMs) / (active.dispatcherInvocations + tail.dispatcherInvocations + idle.dispatcherInvocations);
    const dispatcherInitGbS = ASSUMED.coldStartsPerDayPerFunction * 30 * (ASSUMED.initMs / 1000) * (dispatcherMemory.mb / 1024);
    const fixedLine = (item: string, quantity: number, unit: string, key: PriceKey): Line => ({ item, quantity, unit, key, usd: quantity * price(key).usd });
    const fixedLines: Line[] = [
      ...fixedDeploymentQuantities(fixtures).map((q) => fixedLine(q.item, q.quantity, q.unit, q.key)),
      fixedLine('Lambda dispatcher requests (once a minute)', MINUTES_PER_MONTH, 'requests', 'lambdaRequest'),
      fixedLine(
        `Lambda dispatcher duration (${dispatcherMemory.mb} MB, ${dispatcherMeanMs.toFixed(0)} ms each)`,
        MINUTES_PER_MONTH * (dispatcherMeanMs / 1000) * (dispatcherMemory.mb / 1024) + dispatcherInitGbS,
        'GB-s',
        'lambdaArmGbSecond',
      ),
      fixedLine('CloudWatch Logs ingestion (dispatcher)', (MINUTES_PER_MONTH * dispatcherLogBytes()) / GB, 'GB', 'cloudwatchLogsIngestGb'),
      fixedLine('X-Ray traces (dispatcher)', pollSettings.tracing ? MINUTES_PER_MONTH : 0, 'traces', 'xrayTraceRecorded'),
    ];
    const fixed = totalOf(fixedLines);

    // What a deployment with just this device pays, once the always-free allowances are taken off.
    const withFreeTier = (lines: Line[]) => {
      const byKey = new Map<PriceKey, number>();
      for (const l of lines) byKey.set(l.key, (byKey.get(l.key) ?? 0) + l.quantity);
      let total = 0;
      for (const [key, quantity] of byKey) total += Math.max(0, quantity - (FREE_TIER[key] ?? 0)) * price(key).usd;
      return total;
    };

    // Alarms: 8 cooks × 5 alarm events a month, each to one webhook; 5 rules kept in the account partition, which every
    // poll of the month reads (its Query grows by the rule items, in 4 KB read units of 0.5 RRU).
    const events = 8 * 5;
    const alarmLine = (item: string, quantity: number, unit: string, key: PriceKey): Line => ({ item, quantity, unit, key, usd: quantity * price(key).usd });
    const pollsInCookMonth = cookMonth.workerRequests;
    const extraReadUnits = Math.ceil((5 * (ASSUMED.alarmRuleItemBytes + ASSUMED.dynamoItemOverheadBytes)) / 4096) * 0.5;
    const alarmLines: Line[] = [
      alarmLine(`DynamoDB reads: 5 rules in the partition each poll reads (+${extraReadUnits} RRU × ${Math.round(pollsInCookMonth).toLocaleString('en-US')} polls)`, extraReadUnits * pollsInCookMonth, 'RRU', 'dynamodbReadRequestUnit'),
      alarmLine('DynamoDB reads (events, channels, pages)', events * PER_ALARM_EVENT.dynamoRru, 'RRU', 'dynamodbReadRequestUnit'),
      alarmLine('DynamoDB writes (event, rule state, claims, deliveries)', events * PER_ALARM_EVENT.dynamoWru, 'WRU', 'dynamodbWriteRequestUnit'),
      alarmLine('SQS notify queue (send, receive, delete)', events * PER_ALARM_EVENT.sqsRequests, 'requests', 'sqsRequest'),
      alarmLine('Lambda notifier requests', events * PER_ALARM_EVENT.notifierRequests, 'requests', 'lambdaRequest'),
      alarmLine(`Lambda notifier duration (256 MB, ${ASSUMED.notifierMs} ms + one INIT each)`, events * ((ASSUMED.notifierMs + ASSUMED.initMs) / 1000) * 0.25, 'GB-s', 'lambdaArmGbSecond'),
      alarmLine('KMS Decrypt (webhook secret; the deployment secrets once per cold start)', events * PER_ALARM_EVENT.kmsRequests + events, 'requests', 'kmsRequest'),
      alarmLine('CloudWatch Logs ingestion (notifier)', (events * ASSUMED.notifierLogBytes) / GB, 'GB', 'cloudwatchLogsIngestGb'),
      alarmLine('X-Ray traces (notifier)', events, 'traces', 'xrayTraceRecorded'),
    ];
    const alarmsTotal = totalOf(alarmLines);

    const idleTotal = totalOf(idleLines);
    const cookTotal = totalOf(cookLines);
    const cook8Total = totalOf(cook8Lines);

    // ---- print ----
    const out: string[] = [];
    out.push(`AWS cost of one device (4 probes, uploads every 15 s), ${priceTable.region} list prices checked ${priceTable.checked} (infra/bench/aws-prices.json)`);
    out.push('');
    out.push('Measured (instrumented run on the poll harness: real dispatcher, worker, client, vault and stores; DynamoDB Local reports the request units):');
    for (const w of [active, tail, idle]) {
      const ddb = Object.entries(w.dynamo)
        .filter(([, s]) => s.calls > 0)
        .map(([name, s]) => `${name} ${s.calls} (${fmtQty(s.rru)} RRU, ${fmtQty(s.wru)} WRU)`)
        .join(', ');
      out.push(
        `  ${w.name.padEnd(6)} ${String(w.minutes).padStart(3)} min: dispatcher ${w.dispatcherInvocations}×, worker ${w.workerInvocations}× ` +
          `(mean ${(w.workerMeasuredMs / Math.max(1, w.workerInvocations)).toFixed(0)} ms measured, ${(w.workerBilledMs / Math.max(1, w.workerInvocations)).toFixed(0)} ms billed est.), ` +
          `SQS sends ${w.sqsSendRequests}, readings ${w.readingsStored}, Timestream ${w.timestreamWriteCalls} WriteRecords / ${w.timestreamWriteUnits} KB-writes, pushes ${w.pushes}, KMS ${w.vaultOpens}`,
      );
      out.push(`           DynamoDB: ${ddb}`);
    }
    out.push(
      `  browser $connect (real openLiveConnection): ${Object.entries(measured.connect).filter(([, s]) => s.calls > 0).map(([k, s]) => `${k} ${fmtQty(s.rru)} RRU ${fmtQty(s.wru)} WRU`).join(', ')}; ` +
        `$disconnect: ${Object.entries(measured.disconnect).filter(([, s]) => s.calls > 0).map(([k, s]) => `${k} ${fmtQty(s.wru)} WRU`).join(', ')}`,
    );
    out.push(`  log bytes per invocation: worker ${measured.workerLogBytes} (Powertools EMF as emitted + platform lines), dispatcher ${dispatcherLogBytes()}`);
    out.push(`  Lambda memory: worker ${workerMemory.mb} MB (${workerMemory.from}), dispatcher ${dispatcherMemory.mb} MB (${dispatcherMemory.from}), WebSocket ${wsMemory.mb} MB (${wsMemory.from})`);
    out.push('');
    out.push('Extrapolated linearly from those windows (30-day month). History store: Timestream (the default). Monthly storage lines are the steady state');
    out.push('(memory store: 24 h of data; magnetic store: 12 months of data, reached after a year).');
    out.push('(s) = price from a secondary page quoting AWS, (a) = assumed list price; see aws-prices.json for sources.');
    out.push('');
    out.push(...table(`IDLE MONTH — thermometer off, account polled every ${pollCadence.idleEveryMinutes} min once idle for ${pollCadence.idleAfterMinutes} min (shared/polling/poll-cadence.ts)`, idleLines));
    out.push(`  target ≤ $${TARGETS.idle}: ${idleTotal <= TARGETS.idle ? 'met' : 'MISSED'}   (historyStore=dynamodb instead: ${usd(idleDdb)})`);
    out.push('');
    out.push(...table('MONTH WITH 8 COOKS OF 12 h (NOTES.md) — browser open during each cook, idle the rest', cookLines));
    out.push(`  target ≤ $${TARGETS.cook}: ${cookTotal <= TARGETS.cook ? 'met' : 'MISSED'}   (historyStore=dynamodb instead: ${usd(cookDdb)})`);
    out.push(
      `  the page visible ${(ASSUMED.pageVisibleShare * 100).toFixed(0)} % of each cook: ${pingsPerHour(ASSUMED.pageVisibleShare).toFixed(0)} heartbeat pings an hour; ` +
        `visible all the time (${pingsPerHour(1).toFixed(0)} an hour): ${usd(cookVisibleTotal)} a month, ${usd(heartbeatUsd(cookMonthVisible))} of it the heartbeat's messages`,
    );
    out.push('');
    out.push(...table(`ONE 8-HOUR COOK (issue 4) — what the 8 h + ${tail.minutes}-min active-cadence tail cost in all (magnetic store: its data for the 12-month retention)`, cook8Lines));
    out.push('');
    out.push(...table('ALARMS (issue 13): A MONTH WITH 8 COOKS AND 5 ALARMS EACH — 40 alarm events to one webhook, 5 rules on the device (modelled from the code path; see PER_ALARM_EVENT)', alarmLines));
    out.push('  (email through SES adds $0.10 per 1,000; SMS through SNS is priced per message and country, off by default)');
    out.push('');
    out.push(...table('PER DEPLOYMENT, FIXED (whatever the number of devices)', fixedLines));
    out.push(`  custom metrics, each published every minute with dimension service: ${[...customMetricNames].join(', ')} (plus one PollErrors_<code> per error code seen)`);
    out.push('');
    out.push(...batchTable(batchMeasurements, batchOptions, workerMemory.mb));
    out.push('');
    out.push(`For comparison: a device uploading every 15 s all month (never idle, no browser) costs ${usd(totalOf(alwaysOnLines))}/month.`);
    out.push(
      `A deployment with just this device pays, after the always-free allowances (Lambda, SQS, KMS requests, X-Ray, Logs 5 GB, 10 metrics, 10 alarms): ` +
        `idle month ${usd(withFreeTier([...idleLines, ...fixedLines]))}, month with 8 cooks ${usd(withFreeTier([...cookLines, ...fixedLines]))}.`,
    );
    out.push('');
    out.push('Assumed rather than measured:');
    for (const [k, v] of Object.entries(ASSUMED)) out.push(`  ${k}: ${v}`);
    out.push('  Not counted: the web app (CloudFront, HTTP API, history queries), data transfer out, Timestream query TCUs, SNS alarm e-mails.');
    out.push('');

    // Budget notes: the line items that blow the targets, and the fix.
    const notes: string[] = [];
    const big = (lines: Line[], budget: number) => lines.filter((l) => l.usd > budget / 5).sort((a, b) => b.usd - a.usd);
    if (idleTotal > TARGETS.idle) {
      notes.push(`Idle month ${usd(idleTotal)} > $${TARGETS.idle}. Largest items: ${big(idleLines, TARGETS.idle).map((l) => `${l.item} ${usd(l.usd)}`).join('; ')}.`);
      notes.push(
        `  Why: an idle account is polled every ${pollCadence.idleEveryMinutes} minute(s) ` +
          `(${Math.round(MINUTES_PER_MONTH / pollCadence.idleEveryMinutes).toLocaleString('en-US')} polls/month), each a Lambda invocation, SQS requests and an EMF log line.`,
      );
      notes.push('  Fix: poll idle accounts less often (poll-cadence.ts idleEveryMinutes), at the price of noticing a new cook later.');
    }
    if (cookTotal > TARGETS.cook) {
      notes.push(`Month with cooks ${usd(cookTotal)} > $${TARGETS.cook}. Largest items: ${big(cookLines, TARGETS.cook).map((l) => `${l.item} ${usd(l.usd)}`).join('; ')}.`);
      const heartbeat = heartbeatUsd(cookMonth);
      notes.push(
        `  Why: the heartbeat's messages are ${usd(heartbeat)} of it (${usd(cookTotal - heartbeat)} without): a visible page pings every ${PING_INTERVAL_MS / 1000} s ` +
          'so that a silently dead socket shows within 5 s, and API Gateway bills the ping and its pong as a message each.',
      );
      notes.push(
        `  Fix: a slower visible cadence (it is the 5 s promise that sets it), or fewer visible hours; the rest is ${60 / pollCadence.activeIntervalSeconds} polls a minute while active.`,
      );
    }
    if (fixed > 0.5) {
      notes.push(
        `Fixed per deployment ${usd(fixed)}/month: ${fixedLines.filter((l) => l.usd > 0.05).map((l) => `${l.item} ${usd(l.usd)}`).join('; ')}. ` +
          'For a single-user deployment this dwarfs the per-device cost; the KMS key is a design choice (NOTES.md), the custom metrics are 1 over the 10 free ones.',
      );
    }
    if (notes.length > 0) out.push('Budget notes:', ...notes.map((n) => `  ${n}`));
    console.log(out.join('\n'));
    for (const n of notes) console.error(`[bench:cost] ${n}`);

    console.log(
      JSON.stringify({
        bench: 'cost',
        idleUsdPerDeviceMonth: Number(idleTotal.toFixed(4)),
        cookUsdPerDeviceMonth: Number(cookTotal.toFixed(4)),
        cookPageAlwaysVisibleUsdPerDeviceMonth: Number(cookVisibleTotal.toFixed(4)),
        per8hCookUsd: Number(cook8Total.toFixed(4)),
        fixedUsdPerMonth: Number(fixed.toFixed(4)),
        alarms8Cooks5EachUsdPerMonth: Number(alarmsTotal.toFixed(4)),
        historyStore: 'timestream',
        dynamodbHistory: { idleUsdPerDeviceMonth: Number(idleDdb.toFixed(4)), cookUsdPerDeviceMonth: Number(cookDdb.toFixed(4)) },
        alwaysUploadingUsdPerDeviceMonth: Number(totalOf(alwaysOnLines).toFixed(4)),
        oneDeviceDeploymentAfterFreeTierUsd: {
          idleMonth: Number(withFreeTier([...idleLines, ...fixedLines]).toFixed(4)),
          cookMonth: Number(withFreeTier([...cookLines, ...fixedLines]).toFixed(4)),
        },
        targets: TARGETS,
        batchTuning: {
          cheapest: cheapestBatch(batchOptions),
          deployed: batchOptions.find((o) => o.batchSize === pollSettings.batchSize && o.memoryMb === workerMemory.mb) ?? null,
        },
        pricesChecked: priceTable.checked,
      }),
    );
  } finally {
    await harness?.stop();
    await dynamo?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
