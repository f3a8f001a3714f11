/**
 * `npm run bench:scale` (GitHub issue 15): Pitwatch at 10,000 linked accounts, on real parts.
 *
 * The ThermoWorks simulator in a process of its own (10,000 accounts, each a 4-probe thermometer uploading every
 * minute, +100 ms on every answer), DynamoDB Local, the local SQS stand-in, the real dispatcher (dispatchPolls with
 * the SQS adapter over HTTP) and N poll workers, each a process of its own (scale-worker.ts) running the real worker
 * code on batches of 10 it pulls from the queue. It measures:
 *   - dispatch: the dispatcher paging every linked account and queueing this minute's polls, for the Saturday-evening
 *     mix (10 % cooking: polled every 15 s; the rest idle: every 5 minutes) and with every account active;
 *   - polling: polls per second with N workers (one simulated minute per cycle, one poll per account), and the stored
 *     history against the simulator's ground truth (readings lost, duplicated);
 *   - hot keys: items written per second and the busiest partitions' peaks (table and GSI1);
 *   - projections: Lambda concurrency at the Saturday peak and the monthly AWS bill at 10,000 accounts.
 *
 *   npm run bench:scale -- [--accounts 10000] [--workers 1,2] [--cycles 2] [--latency 100]
 *
 * The machine's 2 cores run everything (simulator, DynamoDB Local's JVM, the workers): polls per second here is a
 * floor, not what Lambda (a core per worker at 1,769 MB) would do. Progress goes to stderr; stdout ends with one JSON
 * line.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SQSClient } from '@aws-sdk/client-sqs';
import { localAwsEnv, startDynamoDbLocal, type DynamoDbLocal } from '../local/dynamodb-local';
import { LocalSqs } from '../local/local-sqs';
import { startPollHarness, type PollHarness } from '../local/testing/poll-harness';
import type { AccountStore } from '../../shared/auth/account-store';
import { LINKS_PAGE_SIZE } from '../../shared/aws/dynamo-account-store';
import { SqsPollQueue } from '../../shared/aws/sqs-poll-queue';
import { dispatchPolls } from '../../shared/polling/dispatch-polls';
import { pollCadence, type PollCadence } from '../../shared/polling/poll-cadence';
import { liveThrottle } from '../constructs/live-updates';
import { pollSettings } from '../constructs/poller';
import { benchScenario } from './bench-scenario';
import { fixedDeploymentQuantities } from './deployment-fixed-costs';
import { PAGE_VISIBLE_SHARE, pingsPerHour, WS_ACCESS_LOG_LINE_BYTES } from './heartbeat-model';
import { checkHistory } from './history-check';
import { progressLog } from './progress-log';
import { startRemoteSimulator, type RemoteSimulator } from './remote-simulator';
import type { FromWorker, ToWorker, WorkerStats } from './scale-worker';

const START = '2026-11-07T18:00:00.000Z'; // a Saturday evening
const MINUTE_MS = 60_000;
const DISPATCH_TARGET_SECONDS = 10;
const COOKING_SHARE = 0.1;

const { values: args } = parseArgs({
  options: {
    accounts: { type: 'string', default: '10000' },
    workers: { type: 'string', default: '1,2' },
    cycles: { type: 'string', default: '2' },
    latency: { type: 'string', default: '100' },
  },
});
const ACCOUNTS = Number(args.accounts);
const WORKERS = String(args.workers).split(',').map(Number);
const CYCLES = Number(args.cycles);
const LATENCY_MS = Number(args.latency);
const PROBES = 4;

const log = progressLog('bench:scale');
const fmt = (n: number, digits = 1) => n.toFixed(digits);

// ---- the local SQS stand-in, over HTTP (the SQS JSON protocol the SDK speaks) ----

async function serveQueue(queue: LocalSqs): Promise<{ server: Server; endpoint: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      queue.handleAsync(target, Buffer.concat(chunks).toString('utf8')).then(
        (answer) => {
          res.writeHead(answer.statusCode, { 'content-type': 'application/x-amz-json-1.0' });
          res.end(answer.body);
        },
        (error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

// ---- worker processes ----

interface Worker {
  child: ChildProcess;
  call<T extends FromWorker>(message: ToWorker): Promise<T>;
}

function startWorker(env: Record<string, string>): Worker {
  const child = fork(fileURLToPath(new URL('./scale-worker.ts', import.meta.url)), [], {
    execArgv: process.execArgv,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const waiting = new Map<number, (m: FromWorker) => void>();
  child.on('message', (m: FromWorker) => {
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  return {
    child,
    call: <T extends FromWorker>(message: ToWorker) =>
      new Promise<T>((resolve) => {
        if (message.type === 'stop') {
          child.send(message);
          resolve(undefined as unknown as T);
          return;
        }
        const id = ++nextId;
        waiting.set(id, (m) => resolve(m as T));
        child.send({ ...message, id });
      }),
  };
}

async function stopWorkers(workers: Worker[]): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          if (w.child.exitCode !== null) return resolve();
          w.child.once('exit', () => resolve());
          void w.call({ type: 'stop' });
        }),
    ),
  );
}

// ---- dispatch ----

interface DispatchResult {
  label: string;
  seconds: number;
  /** Time spent reading link pages and queueing messages (they overlap: the next page is read while one is sent). */
  listSeconds: number;
  sendSeconds: number;
  accounts: number;
  active: number;
  messages: number;
  failed: number;
  pages: number;
  largestPage: number;
}

async function measureDispatch(label: string, h: PollHarness, queue: SqsPollQueue, cadence: PollCadence): Promise<DispatchResult> {
  let pages = 0;
  let largestPage = 0;
  let listMs = 0;
  let sendMs = 0;
  const timedQueue = {
    send: async (polls: Parameters<SqsPollQueue['send']>[0]) => {
      const t = performance.now();
      try {
        return await queue.send(polls);
      } finally {
        sendMs += performance.now() - t;
      }
    },
  };
  const accounts: AccountStore = {

    getLinks: (ids) => h.accounts.getLinks(ids),
    getLink: (id) => h.accounts.getLink(id),
    putLink: (l) => h.accounts.putLink(l),
    updateLinkStatus: (id, u) => h.accounts.updateLinkStatus(id, u),
    listLinks: async (cursor) => {
      const t = performance.now();
      const page = await h.accounts.listLinks(cursor);
      listMs += performance.now() - t;
      pages++;
      largestPage = Math.max(largestPage, page.links.length);
      return page;
    },
  };
  const t0 = performance.now();
  const summary = await dispatchPolls({ accounts, queue: timedQueue, clock: h.clock }, cadence);
  return { label, seconds: (performance.now() - t0) / 1000, listSeconds: listMs / 1000, sendSeconds: sendMs / 1000, accounts: summary.accounts, active: summary.active, messages: summary.messages, failed: summary.failed, pages, largestPage };
}

/** 10 % of the accounts cooking (a reading a minute ago), the rest idle for hours: the Saturday-evening mix. */
async function setSaturdayMix(h: PollHarness): Promise<void> {
  const users = [...h.users.values()];
  const now = h.clock.now().getTime();
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      for (let i = next++; i < users.length; i = next++) {
        const cooking = i % Math.round(1 / COOKING_SHARE) === 0;
        const lastReadingAt = new Date(now - (cooking ? MINUTE_MS : 3 * 3_600_000)).toISOString();
        await h.accounts.updateLinkStatus(users[i]!, { status: 'ok', statusMessage: null, polledAt: new Date(now).toISOString(), lastReadingAt });
      }
    }),
  );
}

// ---- polling cycles ----

interface CycleResult {
  workers: number;
  cycle: number;
  seconds: number;
  polls: number;
  pollsPerSecond: number;
  failures: number;
  readingsStored: number;
  decrypts: number;
  cpuMsPerPoll: number;
  meanBatchMs: number;
  ddbCallsPerPoll: number;
  wruPerPoll: number;
  rruPerPoll: number;
  itemsWrittenPerSecond: number;
  distinctKeysWritten: number;
  hottest: Array<{ key: string; peakPerSecond: number; total: number }>;
}

const everyoneOncePerCycle: PollCadence = { activeIntervalSeconds: 60, idleAfterMinutes: 1e9, idleEveryMinutes: 1 };

async function runCycle(h: PollHarness, simulator: RemoteSimulator, workers: Worker[], sqs: LocalSqs, queue: SqsPollQueue, cycle: number): Promise<CycleResult> {
  h.clock.advance(MINUTE_MS);
  await simulator.syncClock();
  await Promise.all(workers.map((w) => w.call({ type: 'clock', id: 0, clockMs: h.clock.now().getTime() })));
  await Promise.all(workers.map((w) => w.call({ type: 'stats', id: 0, reset: true })));
  const t0 = performance.now();
  await dispatchPolls({ accounts: h.accounts, queue, clock: h.clock }, everyoneOncePerCycle);
  while (sqs.depth > 0) await new Promise((r) => setTimeout(r, 100));
  const seconds = (performance.now() - t0) / 1000;
  const stats = (await Promise.all(workers.map((w) => w.call<Extract<FromWorker, { type: 'stats' }>>({ type: 'stats', id: 0, reset: true })))).map((m) => m.stats);
  const sum = (pick: (s: WorkerStats) => number) => stats.reduce((n, s) => n + pick(s), 0);
  const polls = sum((s) => s.polls);
  const dynamoOps = stats.flatMap((s) => Object.values(s.dynamo));
  // History goes to Timestream in a default deployment: its DynamoDB Local calls are left out of the unit counts.
  const tableOps = stats.flatMap((s) => Object.entries(s.dynamo).filter(([name]) => !name.endsWith('#history')).map(([, o]) => o));
  const hottest = new Map<string, { peakPerSecond: number; total: number }>();
  for (const s of stats) {
    for (const k of s.writes.hottest) {
      const seen = hottest.get(k.key) ?? { peakPerSecond: 0, total: 0 };
      // Each worker counts its own seconds: the sum of their peaks bounds the key's true peak from above.
      hottest.set(k.key, { peakPerSecond: seen.peakPerSecond + k.peakPerSecond, total: seen.total + k.total });
    }
  }
  return {
    workers: workers.length,
    cycle,
    seconds,
    polls,
    pollsPerSecond: polls / seconds,
    failures: sum((s) => s.failures),
    readingsStored: sum((s) => s.readingsStored),
    decrypts: sum((s) => s.decrypts),
    cpuMsPerPoll: (sum((s) => s.cpuSeconds) * 1000) / Math.max(1, polls),
    meanBatchMs: sum((s) => s.batchMs) / Math.max(1, sum((s) => s.batches)),
    ddbCallsPerPoll: dynamoOps.reduce((n, o) => n + o.calls, 0) / Math.max(1, polls),
    wruPerPoll: tableOps.reduce((n, o) => n + o.wru, 0) / Math.max(1, polls),
    rruPerPoll: tableOps.reduce((n, o) => n + o.rru, 0) / Math.max(1, polls),
    itemsWrittenPerSecond: sum((s) => s.writes.items) / seconds,
    distinctKeysWritten: sum((s) => s.writes.distinctKeys),
    hottest: [...hottest].map(([key, v]) => ({ key, ...v })).sort((a, b) => b.peakPerSecond - a.peakPerSecond).slice(0, 5),
  };
}

// ---- projections ----

interface Price {
  usd: number;
}
const prices = (JSON.parse(readFileSync(new URL('./aws-prices.json', import.meta.url), 'utf8')) as { prices: Record<string, Price> }).prices;
const price = (key: string) => prices[key]!.usd;

interface Projection {
  peakPollsPerSecond: number;
  peakBatchesPerSecond: number;
  batchSecondsAt256Mb: number;
  peakConcurrency: number;
  /** Accounts at which the Saturday peak needs the event source's maxConcurrency (arithmetic from the peak). */
  concurrencyCapAccounts: number;
  /** Heartbeat pings a second into the live stage at the peak (every cooking account has its page open). */
  peakPingsPerSecond: number;
  /** The default stage throttle (messages a second) and the open pages it carries, at the assumed visible share and all visible. */
  pagesAtDefaultThrottle: { messagesPerSecond: number; typical: number; allVisible: number };
  monthlyUsd: number;
  lines: Array<{ item: string; usd: number }>;
  assumptions: string[];
}

function project(accounts: number, warm: CycleResult, dispatchSeconds: number): Projection {
  const active = accounts * COOKING_SHARE;
  const peakPollsPerSecond = (active * 60) / pollCadence.activeIntervalSeconds / 60 + (accounts - active) / (pollCadence.idleEveryMinutes * 60);
  const batch = pollSettings.batchSize;
  const memoryMb = pollSettings.workerMemoryMb;
  // A batch's CPU stretches below a full vCPU (1,769 MB); its waiting does not (the bench model of batch-tuning.ts).
  const cpuPerBatchMs = warm.cpuMsPerPoll * batch;
  const batchMs = warm.meanBatchMs + cpuPerBatchMs * (1769 / memoryMb - 1);
  const peakBatchesPerSecond = peakPollsPerSecond / batch;
  const peakConcurrency = peakBatchesPerSecond * (batchMs / 1000);

  // A month per account as NOTES.md has it: 8 cooks of 12 h with a browser open, idle the rest.
  const cookMinutes = 8 * 12 * 60;
  const activePolls = (cookMinutes * 60) / pollCadence.activeIntervalSeconds;
  const idlePolls = (30 * 24 * 60 - cookMinutes) / pollCadence.idleEveryMinutes;
  const polls = accounts * (activePolls + idlePolls);
  const invocations = polls / batch;
  // The readings message and 3 predictions a minute per poll; each heartbeat ping in and its pong out.
  const pingsPerActivePoll = (pingsPerHour() / 3600) * pollCadence.activeIntervalSeconds;
  const wsMessagesPerActivePoll = 1 + 0.75 + 2 * pingsPerActivePoll;
  const decryptsPerMonth = accounts * Math.max(1, peakConcurrency) * 6 * 30; // a session per account and container; 6 recycles a day
  const fixed = fixedDeploymentQuantities();
  const lines = [
    { item: 'Lambda worker requests', usd: invocations * price('lambdaRequest') },
    { item: `Lambda worker duration (${memoryMb} MB, ${fmt(batchMs, 0)} ms per batch of ${batch})`, usd: invocations * (batchMs / 1000) * (memoryMb / 1024) * price('lambdaArmGbSecond') },
    { item: 'SQS (send, receive, delete per batch of 10)', usd: (polls / 10) * 3 * price('sqsRequest') },
    { item: `DynamoDB writes (${fmt(warm.wruPerPoll, 2)} WRU per poll with readings, measured)`, usd: accounts * activePolls * warm.wruPerPoll * price('dynamodbWriteRequestUnit') },
    { item: `DynamoDB reads (${fmt(warm.rruPerPoll, 2)} RRU per poll, measured)`, usd: polls * warm.rruPerPoll * price('dynamodbReadRequestUnit') },
    { item: 'Timestream writes (one 1 KB write per poll with readings)', usd: accounts * activePolls * price('timestreamWrite1Kb') },
    { item: 'API Gateway WebSocket messages and connection minutes', usd: accounts * (activePolls * wsMessagesPerActivePoll * price('apiGatewayWebSocketMessage') + cookMinutes * price('apiGatewayWebSocketConnectionMinute')) },
    {
      // API Gateway answers each ping itself (the ping route's mock integration): its messages are in the line above;
      // what is left is the stage's access-log line per ping.
      item: `WebSocket access logs (${fmt(pingsPerHour(), 0)} heartbeat pings an hour of an open page, ${PAGE_VISIBLE_SHARE * 100} % visible; no Lambda)`,
      usd: accounts * activePolls * pingsPerActivePoll * (WS_ACCESS_LOG_LINE_BYTES / 1024 ** 3) * price('cloudwatchLogsIngestGb'),
    },
    { item: 'KMS Decrypt (a session per account per warm container)', usd: decryptsPerMonth * price('kmsRequest') },
    { item: 'CloudWatch Logs (1.4 KB per invocation)', usd: ((invocations * 1400) / 1024 ** 3) * price('cloudwatchLogsIngestGb') },
    { item: `Dispatcher (once a minute, ${fmt(dispatchSeconds, 1)} s at 256 MB)`, usd: 43_200 * (price('lambdaRequest') + dispatchSeconds * 0.25 * price('lambdaArmGbSecond')) },
    {
      item: `Fixed (${fixed.map((q) => `${q.quantity.toLocaleString('en-US')} ${q.unit}`).join(', ')}; as bench:cost)`,
      usd: fixed.reduce((n, q) => n + q.quantity * price(q.key), 0),
    },
  ];
  const throttle = liveThrottle().rateLimit;
  return {
    peakPollsPerSecond,
    peakBatchesPerSecond,
    batchSecondsAt256Mb: batchMs / 1000,
    peakConcurrency,
    concurrencyCapAccounts: (accounts * pollSettings.maxConcurrency) / peakConcurrency,
    peakPingsPerSecond: (active * pingsPerHour()) / 3600,
    pagesAtDefaultThrottle: { messagesPerSecond: throttle, typical: throttle / (pingsPerHour() / 3600), allVisible: throttle / (pingsPerHour(1) / 3600) },
    monthlyUsd: lines.reduce((n, l) => n + l.usd, 0),
    lines,
    assumptions: [
      `${accounts.toLocaleString('en-US')} accounts of one 4-probe thermometer; each cooks 8 × 12 h a month with a browser open (NOTES.md), idle otherwise`,
      `Saturday peak: ${COOKING_SHARE * 100} % cooking (polled every ${pollCadence.activeIntervalSeconds} s), the rest idle (every ${pollCadence.idleEveryMinutes} min)`,
      `batch wall time as measured here (DynamoDB Local, +${LATENCY_MS} ms ThermoWorks) with the measured CPU stretched to ${memoryMb} MB (0.${Math.round((memoryMb / 1769) * 100)} vCPU)`,
      'history in Timestream (the default); storage and the web app not counted',
    ],
  };
}

// ---- main ----

async function main(): Promise<void> {
  let dynamo: DynamoDbLocal | undefined;
  let harness: PollHarness | undefined;
  let simulator: RemoteSimulator | undefined;
  let server: Server | undefined;
  let workers: Worker[] = [];
  const loadAtStart = loadavg()[0]!;
  try {
    log(`starting DynamoDB Local (load average ${fmt(loadAtStart)})`);
    dynamo = await startDynamoDbLocal();
    const vaultKey = randomBytes(32);
    log(`starting the simulator process with ${ACCOUNTS} accounts and linking every one (50 sign-ins at a time)`);
    const linkStarted = performance.now();
    harness = await startPollHarness({
      dynamoEndpoint: dynamo.endpoint,
      scenario: benchScenario({ accounts: ACCOUNTS, devicesPerAccount: 1, probesPerDevice: PROBES, uploadSeconds: 60, startAt: START }),
      start: START,
      latencyMs: LATENCY_MS,
      loginConcurrency: 50,
      vaultKey,
      simulator: async (o) => (simulator = await startRemoteSimulator(o)),
    });
    const h = harness;
    const sim = simulator!;
    await sim.syncClock();
    log(`linked ${h.users.size} accounts in ${fmt((performance.now() - linkStarted) / 1000)} s`);

    const queueUrl = 'http://127.0.0.1/000000000000/pitwatch-poll-scale';
    const sqs = new LocalSqs({ queueUrl, visibilityTimeoutMs: 60_000 });
    const served = await serveQueue(sqs);
    server = served.server;
    const sqsClient = new SQSClient({ region: 'us-east-1', endpoint: served.endpoint, credentials: { accessKeyId: localAwsEnv.AWS_ACCESS_KEY_ID, secretAccessKey: localAwsEnv.AWS_SECRET_ACCESS_KEY } });
    const queue = new SqsPollQueue(sqsClient, queueUrl);

    // ---- dispatch ----
    log('setting the Saturday-evening mix on the links (10 % cooking)');
    await setSaturdayMix(h);
    const dispatches: DispatchResult[] = [];
    for (const [label, cadence] of [
      ['Saturday mix (default cadence)', pollCadence],
      ['every account active', { ...pollCadence, idleAfterMinutes: 1e9 }],
    ] as const) {
      const d = await measureDispatch(label, h, queue, cadence);
      log(`  dispatch, ${label}: ${d.messages} messages in ${fmt(d.seconds, 2)} s over ${d.pages} pages`);
      dispatches.push(d);
      sqs.purge();
    }

    // ---- polling ----
    const cycles: CycleResult[] = [];
    const firstPollAt = new Date(h.clock.now().getTime() + MINUTE_MS);
    for (const n of WORKERS) {
      log(`starting ${n} worker process(es)`);
      workers = Array.from({ length: n }, () =>
        startWorker({
          ...localAwsEnv,
          ...sim.env,
          DYNAMODB_ENDPOINT: dynamo!.endpoint,
          TABLE_NAME: h.tableName,
          SQS_ENDPOINT: served.endpoint,
          POLL_QUEUE_URL: queueUrl,
          SCALE_VAULT_KEY_HEX: vaultKey.toString('hex'),
          SCALE_CLOCK_MS: String(h.clock.now().getTime()),
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
        }),
      );
      for (let c = 1; c <= CYCLES; c++) {
        log(`  ${n} worker(s), cycle ${c}${c === 1 ? ' (cold: each worker opens the sessions it gets)' : ''}`);
        const result = await runCycle(h, sim, workers, sqs, queue, c);
        log(`    ${result.polls} polls in ${fmt(result.seconds)} s: ${fmt(result.pollsPerSecond)} polls/s, ${result.failures} failures, ${result.decrypts} decrypts`);
        cycles.push(result);
      }
      await stopWorkers(workers);
      workers = [];
    }
    const lastPollAt = h.clock.now();

    log('checking the stored history against the simulator ground truth');
    const loss = await checkHistory(h, { accounts: ACCOUNTS, devices: 1, probes: PROBES, cycleMs: MINUTE_MS }, firstPollAt, lastPollAt);
    log(`  ${loss.readingsChecked} readings in ${loss.series} series: ${loss.lost} lost, ${loss.duplicates} duplicated`);

    const warm = cycles.filter((c) => c.cycle > 1);
    const bestWarm = [...warm].sort((a, b) => b.workers - a.workers)[0] ?? cycles.at(-1)!;
    const saturday = dispatches[0]!;
    const projection = project(ACCOUNTS, bestWarm, saturday.seconds);

    // ---- print ----
    const out: string[] = [];
    out.push(`Scale bench: ${ACCOUNTS.toLocaleString('en-US')} accounts × 1 device × ${PROBES} probes, simulator process +${LATENCY_MS} ms per answer, DynamoDB Local, local SQS, worker processes`);
    out.push(`Machine: 2 cores for everything; 1-min load average ${fmt(loadAtStart)} at start, ${fmt(loadavg()[0]!)} at end.`);
    out.push('');
    out.push(`Dispatch (target < ${DISPATCH_TARGET_SECONDS} s, paged ${LINKS_PAGE_SIZE} links at a time):`);
    for (const d of dispatches) {
      out.push(
        `  ${d.label.padEnd(32)} ${fmt(d.seconds, 2).padStart(6)} s  ${String(d.accounts).padStart(6)} accounts in ${d.pages} pages (largest ${d.largestPage}), ` +
          `${d.messages} messages (${d.active} accounts active), ${d.failed} refused; reading pages ${fmt(d.listSeconds, 2)} s, queueing ${fmt(d.sendSeconds, 2)} s; ${d.seconds < DISPATCH_TARGET_SECONDS ? 'met' : 'MISSED'}`,
      );
    }
    out.push('');
    out.push('Polling (one simulated minute per cycle, one poll per account; batches of 10 pulled by each worker process):');
    out.push(`  ${'workers'.padEnd(8)}${'cycle'.padEnd(7)}${'s'.padStart(8)}${'polls/s'.padStart(9)}${'failed'.padStart(8)}${'decrypts'.padStart(10)}${'CPU ms/poll'.padStart(12)}${'batch ms'.padStart(10)}${'DDB calls/poll'.padStart(16)}${'WRU/poll'.padStart(10)}`);
    out.push('  (DDB calls include the history batch, which goes to Timestream in a default deployment; WRU/poll leaves history out)');
    for (const c of cycles) {
      out.push(
        `  ${String(c.workers).padEnd(8)}${String(c.cycle).padEnd(7)}${fmt(c.seconds).padStart(8)}${fmt(c.pollsPerSecond).padStart(9)}${String(c.failures).padStart(8)}${String(c.decrypts).padStart(10)}` +
          `${fmt(c.cpuMsPerPoll).padStart(12)}${fmt(c.meanBatchMs, 0).padStart(10)}${fmt(c.ddbCallsPerPoll, 2).padStart(16)}${fmt(c.wruPerPoll, 2).padStart(10)}`,
      );
    }
    out.push(
      `  History vs ground truth: ${loss.readingsChecked} readings in ${loss.series} series, ${loss.lost} lost, ${loss.duplicates} duplicates, ${loss.unexpected} unexpected, ${loss.valueMismatches} wrong values` +
        (loss.examples.length > 0 ? ` (e.g. ${loss.examples.join('; ')})` : ''),
    );
    out.push('  Cycle 1 of each worker count is cold: a worker opens (decrypts) and refreshes the session of every account it is handed for the first time.');
    out.push('');
    out.push(`Hot keys (${bestWarm.workers} workers, warm cycle): ${fmt(bestWarm.itemsWrittenPerSecond, 0)} items written per second over ${bestWarm.distinctKeysWritten.toLocaleString('en-US')} partition keys; busiest by peak items in one second:`);
    for (const k of bestWarm.hottest) out.push(`  ${k.key.padEnd(48)} peak ${String(k.peakPerSecond).padStart(5)}/s, ${k.total} in the cycle`);
    out.push('  (DynamoDB takes about 1,000 write units a second per partition; GSI1:LINKS is the one index partition every link item shares.)');
    out.push('');
    out.push(`Projections at ${ACCOUNTS.toLocaleString('en-US')} accounts:`);
    out.push(
      `  Saturday peak: ${fmt(projection.peakPollsPerSecond)} polls/s = ${fmt(projection.peakBatchesPerSecond, 2)} batches/s × ${fmt(projection.batchSecondsAt256Mb, 2)} s per batch ` +
        `≈ ${fmt(projection.peakConcurrency, 1)} concurrent worker executions (the event source's maxConcurrency is ${pollSettings.maxConcurrency})`,
    );
    out.push(
      `  Lambda concurrency: the event source's cap of ${pollSettings.maxConcurrency} is reached at about ${Math.round(projection.concurrencyCapAccounts).toLocaleString('en-US')} accounts ` +
        '(arithmetic from the peak above, not a run)',
    );
    out.push(
      `  Live stage: ${fmt(projection.peakPingsPerSecond, 0)} heartbeat pings a second at the peak (${fmt(pingsPerHour(), 0)} an hour per open page); ` +
        `the default throttle of ${projection.pagesAtDefaultThrottle.messagesPerSecond} messages a second carries about ${fmt(projection.pagesAtDefaultThrottle.typical, 0)} open pages ` +
        `(${fmt(projection.pagesAtDefaultThrottle.allVisible, 0)} all visible): deploy with -c liveMessagesPerSecond=${Math.ceil((projection.peakPingsPerSecond * 2) / 100) * 100} (twice the peak) or more`,
    );
    out.push(`  Monthly AWS bill ≈ $${fmt(projection.monthlyUsd, 0)} ($${fmt(projection.monthlyUsd / ACCOUNTS, 3)} per account):`);
    for (const l of projection.lines) out.push(`    ${l.item.padEnd(78)} $${fmt(l.usd, 2).padStart(9)}`);
    out.push('  Assumed:');
    for (const a of projection.assumptions) out.push(`    ${a}`);
    console.log(out.join('\n'));
    console.log(
      JSON.stringify({
        bench: 'scale',
        accounts: ACCOUNTS,
        dispatchSeconds: Number(fmt(saturday.seconds, 2)),
        dispatchSecondsAllActive: Number(fmt(dispatches[1]!.seconds, 2)),
        dispatchPages: saturday.pages,
        dispatchMessages: saturday.messages,
        pollsPerSecondByWorkers: Object.fromEntries(warm.map((c) => [String(c.workers), Number(fmt(c.pollsPerSecond))])),
        coldPollsPerSecondByWorkers: Object.fromEntries(cycles.filter((c) => c.cycle === 1).map((c) => [String(c.workers), Number(fmt(c.pollsPerSecond))])),
        readingsChecked: loss.readingsChecked,
        lost: loss.lost,
        duplicates: loss.duplicates,
        itemsWrittenPerSecond: Number(fmt(bestWarm.itemsWrittenPerSecond, 0)),
        hottestKey: bestWarm.hottest[0] ?? null,
        peakConcurrency: Number(fmt(projection.peakConcurrency, 1)),
        concurrencyCapAccounts: Math.round(projection.concurrencyCapAccounts),
        peakPingsPerSecond: Number(fmt(projection.peakPingsPerSecond, 0)),
        monthlyUsd: Number(fmt(projection.monthlyUsd, 0)),
        benchSeconds: Number(fmt(log.elapsedSeconds())),
        loadAverage: [Number(fmt(loadAtStart)), Number(fmt(loadavg()[0]!))],
      }),
    );
  } finally {
    await stopWorkers(workers);
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await harness?.stop();
    await dynamo?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
