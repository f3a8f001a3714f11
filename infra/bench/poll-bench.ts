/**
 * `npm run bench:poll` (GitHub issue 4): poll worker throughput on real parts.
 *
 * The ThermoWorks simulator (over HTTP, on a manual clock) with 1,000 accounts × 2 devices × 4 probes and 100 ms
 * added to every response, polled through the real dispatcher and worker code (dispatchPolls, processPollBatch,
 * pollAccount, the real ThermoWorks client, vault and DynamoDB stores) against DynamoDB Local. Each simulated minute
 * the dispatcher queues one message per account and one worker takes them W at a time (a Lambda worker handed batches
 * of W by its SQS event source: the next batch only once the whole previous one is done). Prints accounts/second per
 * worker for W = 10 (the deployed batch size) and W = 100, the cycle time, where the time goes, and the readings lost
 * or duplicated against the simulator's ground truth.
 *
 *   npm run bench:poll -- [--accounts 1000] [--devices 2] [--probes 4] [--latency 100] [--in-flight 10,100] [--cycles 1,2]
 *
 * `--cycles` is the number of measured cycles for each in-flight figure (after one cold cycle that warms the sessions).
 *
 * The simulator runs in a process of its own (remote-simulator.ts), as ThermoWorks Cloud is remote in AWS, so the CPU
 * of the worker process, the simulator and DynamoDB Local's JVM can be told apart. Progress goes to stderr; stdout
 * ends with one JSON line.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { startDynamoDbLocal, type DynamoDbLocal } from '../local/dynamodb-local';
import { startPollHarness, type PollHarness } from '../local/testing/poll-harness';
import { dispatchPolls } from '../../shared/polling/dispatch-polls';
import type { PollOutcome } from '../../shared/polling/poll-dependencies';
import { processPollBatch, type QueuedMessage } from '../../shared/polling/process-poll-batch';
import type { PollQueue, ScheduledPoll } from '../../shared/polling/poll-request';
import type { ThermoWorksAccountSession, ThermoWorksPort } from '../../shared/thermoworks/port';
import { benchAccountId, benchScenario } from './bench-scenario';
import { checkHistory } from './history-check';
import { diffStats, meterDynamo, type OperationStats } from './dynamo-meter';
import { startCpuProfile, type CpuBreakdown } from './cpu-profile';
import { childCpuSeconds, cpuSecondsOf, ownCpuSeconds } from './proc-stats';
import { startRemoteSimulator, type RemoteSimulator } from './remote-simulator';
import { progressLog } from './progress-log';
import { pollSettings } from '../constructs/poller';

const START = '2026-11-01T18:00:00.000Z';
const MINUTE_MS = 60_000;
const TARGET_ACCOUNTS_PER_SECOND = 200;

const { values: args } = parseArgs({
  options: {
    accounts: { type: 'string', default: '1000' },
    devices: { type: 'string', default: '2' },
    probes: { type: 'string', default: '4' },
    latency: { type: 'string', default: '100' },
    'in-flight': { type: 'string', default: '10,100' },
    cycles: { type: 'string', default: '1,2' },
  },
});
const ACCOUNTS = Number(args.accounts);
const DEVICES = Number(args.devices);
const PROBES = Number(args.probes);
const LATENCY_MS = Number(args.latency);
const IN_FLIGHT = String(args['in-flight']).split(',').map(Number);
const CYCLES = String(args.cycles).split(',').map(Number);
const cyclesFor = (i: number) => CYCLES[i] ?? CYCLES.at(-1) ?? 1;

const log = progressLog('bench:poll');

// ---- ThermoWorks call timing (wraps the real client's sessions) ----

interface CallStats {
  calls: number;
  failed: number;
  totalMs: number;
}
let twStats: Record<string, CallStats> = {};

function timed<T>(name: string, call: () => Promise<T>): Promise<T> {
  const s = (twStats[name] ??= { calls: 0, failed: 0, totalMs: 0 });
  const started = performance.now();
  s.calls++;
  return call().then(
    (value) => {
      s.totalMs += performance.now() - started;
      return value;
    },
    (error: unknown) => {
      s.totalMs += performance.now() - started;
      s.failed++;
      throw error;
    },
  );
}

function timedSession(session: ThermoWorksAccountSession): ThermoWorksAccountSession {
  return {
    getUser: (options) => timed('getUser', () => session.getUser(options)),
    listDevices: (accountId, options) => timed('listDevices', () => session.listDevices(accountId, options)),
    listChannels: (serial, options) => timed('listChannels', () => session.listChannels(serial, options)),
    listArchives: (serial, options) => timed('listArchives', () => session.listArchives(serial, options)),
    downloadArchive: (archive, options) => timed('downloadArchive', () => session.downloadArchive(archive, options)),
    retrieveHistory: (serial, options) => timed('retrieveHistory', () => session.retrieveHistory(serial, options)),
    setChannelAlarms: (serial, number, alarms, options) => timed('setChannelAlarms', () => session.setChannelAlarms(serial, number, alarms, options)),
  };
}

function timedPort(port: ThermoWorksPort): ThermoWorksPort {
  return {
    signIn: (email, password) => timed('signIn', () => port.signIn(email, password)),
    session: (tokens, onTokens) => timedSession(port.session(tokens, onTokens)),
  };
}

// ---- one cycle ----

interface CycleResult {
  label: string;
  inFlight: number;
  at: string;
  accounts: number;
  dispatchSeconds: number;
  pollSeconds: number;
  cycleSeconds: number;
  accountsPerSecond: number;
  /** Mean wall time of one batch of W polls (the slowest poll of each batch). */
  meanBatchSeconds: number;
  batchItemFailures: number;
  redelivered: number;
  failingOutcomes: number;
  readingsStored: number;
  duplicatesSkipped: number;
  workerCpuSeconds: number;
  simulatorCpuSeconds: number;
  dynamoLocalCpuSeconds: number;
  eventLoopUtilization: number;
  dynamo: Record<string, OperationStats>;
  thermoworks: Record<string, CallStats>;
  /** Where the worker process's CPU went (profiled cycles only). */
  cpu?: CpuBreakdown;
}

const errors: string[] = [];

let simulator: RemoteSimulator | undefined;
const simulatorCpu = () => (simulator ? cpuSecondsOf(simulator.pid) : 0);

async function runCycle(h: PollHarness, meter: ReturnType<typeof meterDynamo>, inFlight: number, label: string, profile = false): Promise<CycleResult> {
  h.clock.advance(MINUTE_MS);
  await simulator?.syncClock();
  const queued: ScheduledPoll[] = [];
  const queue: PollQueue = {
    send: async (polls) => {
      queued.push(...polls);
      return { sent: polls.length, failed: 0 };
    },
  };
  const dynamoBefore = meter.snapshot();
  twStats = {};
  const cpu0 = ownCpuSeconds();
  const child0 = childCpuSeconds();
  const sim0 = simulatorCpu();
  const stopProfile = profile ? await startCpuProfile() : undefined;
  const elu0 = performance.eventLoopUtilization();
  const t0 = performance.now();

  // One message per account per simulated minute: every account is active, at a one-minute cadence.
  const summary = await dispatchPolls({ accounts: h.accounts, queue, clock: h.clock }, { activeIntervalSeconds: 60, idleAfterMinutes: 30, idleEveryMinutes: 1 });
  const t1 = performance.now();
  const messages: QueuedMessage[] = queued.map((p, i) => ({ messageId: `${label}-${i}`, body: JSON.stringify(p.request) }));

  const outcomes: PollOutcome[] = [];
  let failures = 0;
  let redelivered = 0;
  let pending = messages;
  let batches = 0;
  // SQS redelivers what a batch reports as failed; here, straight after the first pass.
  for (let attempt = 0; attempt < 3 && pending.length > 0; attempt++) {
    const failed: QueuedMessage[] = [];
    for (let i = 0; i < pending.length; i += inFlight) {
      const batch = pending.slice(i, i + inFlight);
      const result = await processPollBatch(batch, h.deps);
      batches++;
      outcomes.push(...result.outcomes);
      const ids = new Set(result.batchItemFailures.map((f) => f.itemIdentifier));
      failed.push(...batch.filter((m) => ids.has(m.messageId)));
    }
    failures += failed.length;
    if (attempt > 0) redelivered += pending.length;
    pending = failed;
  }
  const t2 = performance.now();
  const elu = performance.eventLoopUtilization(elu0);
  const cpu = await stopProfile?.();

  const pollSeconds = (t2 - t1) / 1000;
  return {
    label,
    inFlight,
    at: h.clock.now().toISOString(),
    accounts: summary.accounts,
    dispatchSeconds: (t1 - t0) / 1000,
    pollSeconds,
    cycleSeconds: (t2 - t0) / 1000,
    accountsPerSecond: outcomes.length / pollSeconds,
    meanBatchSeconds: pollSeconds / Math.max(1, batches),
    batchItemFailures: failures,
    redelivered,
    failingOutcomes: outcomes.filter((o) => o.status !== 'ok').length,
    readingsStored: outcomes.reduce((n, o) => n + o.readingsStored, 0),
    duplicatesSkipped: outcomes.reduce((n, o) => n + o.duplicatesSkipped, 0),
    workerCpuSeconds: ownCpuSeconds() - cpu0,
    simulatorCpuSeconds: simulatorCpu() - sim0,
    dynamoLocalCpuSeconds: childCpuSeconds() - child0 - (simulatorCpu() - sim0),
    eventLoopUtilization: elu.utilization,
    dynamo: diffStats(meter.snapshot(), dynamoBefore),
    thermoworks: structuredClone(twStats),
    ...(cpu ? { cpu } : {}),
  };
}

// ---- ThermoWorks alone: the same reads, no DynamoDB, to see what the ThermoWorks side allows ----

async function thermoworksOnly(h: PollHarness, inFlight: number, accounts: number): Promise<{ accountsPerSecond: number; seconds: number; cpuMsPerAccount: number }> {
  const users = [...h.users.values()].slice(0, accounts);
  const cpu0 = ownCpuSeconds();
  const t0 = performance.now();
  for (let i = 0; i < users.length; i += inFlight) {
    await Promise.all(
      users.slice(i, i + inFlight).map(async (userId, j) => {
        const session = h.deps.sessionCache.get(userId);
        if (!session) return;
        const devices = await session.listDevices(benchAccountId(i + j));
        await Promise.all(devices.map((d) => session.listChannels(d.serial, { strategy: 'listing-first' })));
      }),
    );
  }
  const seconds = (performance.now() - t0) / 1000;
  return { accountsPerSecond: users.length / seconds, seconds, cpuMsPerAccount: ((ownCpuSeconds() - cpu0) * 1000) / users.length };
}

// ---- report ----

const fmt = (n: number, digits = 1) => n.toFixed(digits);
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);

function profileLines(c: CycleResult): string[] {
  const lines: string[] = [];
  const polls = c.accounts || 1;
  const tw = Object.entries(c.thermoworks).map(([name, s]) => `${name} ${s.calls}× ${fmt(s.totalMs / Math.max(1, s.calls), 0)} ms`);
  const ddb = Object.entries(c.dynamo)
    .filter(([, s]) => s.calls > 0)
    .map(([name, s]) => `${name} ${fmt(s.calls / polls, 1)}/poll ${fmt(s.totalMs / s.calls, 1)} ms`);
  lines.push(`    ThermoWorks calls (mean wall each): ${tw.join(', ')}`);
  lines.push(`    DynamoDB calls (per poll, mean wall each): ${ddb.join(', ')}`);
  const twPath = ['listDevices', 'listChannels'].reduce((ms, m) => ms + (c.thermoworks[m] ? c.thermoworks[m].totalMs / c.thermoworks[m].calls : 0), 0);
  const sequentialDdb = Object.values(c.dynamo).reduce((ms, s) => ms + s.totalMs / polls, 0);
  lines.push(
    `    per poll: ThermoWorks round trips on the critical path ≈ ${fmt(twPath, 0)} ms (listDevices, then listChannels in parallel per device); ` +
      `DynamoDB wall time summed per poll ≈ ${fmt(sequentialDdb, 0)} ms (mostly sequential calls; listAccountDevices overlaps listDevices)`,
  );
  lines.push(
    `    CPU over ${fmt(c.pollSeconds + c.dispatchSeconds)} s wall (2 cores): worker process ${fmt(c.workerCpuSeconds)} s ` +
      `(${fmt((c.workerCpuSeconds * 1000) / polls, 1)} ms per poll, event loop ${fmt(c.eventLoopUtilization * 100, 0)} % busy), ` +
      `simulator ${fmt(c.simulatorCpuSeconds)} s (${fmt((c.simulatorCpuSeconds * 1000) / polls, 1)} ms/poll), ` +
      `DynamoDB Local JVM ${fmt(c.dynamoLocalCpuSeconds)} s (${fmt((c.dynamoLocalCpuSeconds * 1000) / polls, 1)} ms/poll)`,
  );
  return lines;
}

async function main(): Promise<void> {
  let dynamo: DynamoDbLocal | undefined;
  let harness: PollHarness | undefined;
  const loadAtStart = loadavg()[0]!;
  try {
    log(`starting DynamoDB Local (load average ${loadAtStart.toFixed(1)})`);
    dynamo = await startDynamoDbLocal();
    const scenario = benchScenario({ accounts: ACCOUNTS, devicesPerAccount: DEVICES, probesPerDevice: PROBES, uploadSeconds: 60, startAt: START });
    log(`starting the simulator with ${ACCOUNTS} accounts × ${DEVICES} devices × ${PROBES} probes and linking every account (50 sign-ins at a time, before latency is added)`);
    const linkStarted = performance.now();
    harness = await startPollHarness({
      dynamoEndpoint: dynamo.endpoint,
      scenario,
      start: START,
      pollIntervalSeconds: 15,
      latencyMs: LATENCY_MS,
      loginConcurrency: 50,
      simulator: async (o) => (simulator = await startRemoteSimulator(o)),
    });
    const h = harness;
    await simulator?.syncClock(); // the latency fault has reached the simulator process
    log(`linked ${h.users.size} accounts in ${fmt((performance.now() - linkStarted) / 1000)} s; simulator latency ${LATENCY_MS} ms on every response from now on`);

    h.deps.thermoworks = timedPort(h.deps.thermoworks);
    h.deps.log = {
      warn: (message: string, detail: Record<string, unknown>) => void (errors.length < 20 && errors.push(`${message}: ${JSON.stringify(detail)}`)),
      error: (message: string, detail: Record<string, unknown>) => void (errors.length < 20 && errors.push(`${message}: ${JSON.stringify(detail)}`)),
    } as typeof h.deps.log;
    const meter = meterDynamo(h.db);

    const cycles: CycleResult[] = [];
    // The first poll of each account opens its sealed refresh token and refreshes the id token (a cold worker):
    // measured and shown, but kept out of the throughput figures.
    const coldInFlight = Math.max(...IN_FLIGHT);
    log(`cycle 1 (cold sessions), ${coldInFlight} in flight`);
    const cold = await runCycle(h, meter, coldInFlight, 'cold');
    log(`  ${fmt(cold.cycleSeconds)} s, ${fmt(cold.accountsPerSecond)} accounts/s`);
    cycles.push(cold);
    const firstPollAt = new Date(cold.at);

    for (const [w, inFlight] of IN_FLIGHT.entries()) {
      for (let i = 0; i < cyclesFor(w); i++) {
        // The last cycle at the highest W runs under the V8 profiler (sampling; a few % slower at most).
        const profile = inFlight === Math.max(...IN_FLIGHT) && i === cyclesFor(w) - 1;
        log(`cycle ${cycles.length + 1}, ${inFlight} in flight${profile ? ', CPU-profiled' : ''}`);
        const c = await runCycle(h, meter, inFlight, `w${inFlight}-${i}${profile ? '*' : ''}`, profile);
        log(`  dispatch ${fmt(c.dispatchSeconds, 2)} s + polls ${fmt(c.pollSeconds)} s = ${fmt(c.cycleSeconds)} s, ${fmt(c.accountsPerSecond)} accounts/s, ${c.batchItemFailures} failures`);
        cycles.push(c);
      }
    }
    const lastPollAt = h.clock.now();

    log('ThermoWorks reads alone (no DynamoDB), for the profile');
    const twOnly = await thermoworksOnly(h, Math.max(...IN_FLIGHT), Math.min(ACCOUNTS, 300));

    log('checking stored history against the simulator ground truth');
    const loss = await checkHistory(h, { accounts: ACCOUNTS, devices: DEVICES, probes: PROBES, cycleMs: MINUTE_MS }, firstPollAt, lastPollAt);
    log(`  ${loss.readingsChecked} readings in ${loss.series} series: ${loss.lost} lost, ${loss.duplicates} duplicated, ${loss.unexpected} unexpected`);

    // ---- print ----
    const warm = cycles.filter((c) => c.label !== 'cold');
    const perWorker: Record<string, number> = {};
    const cycleByW: Record<string, number> = {};
    for (const w of IN_FLIGHT) {
      const runs = warm.filter((c) => c.inFlight === w);
      const polled = runs.reduce((n, c) => n + c.accounts, 0);
      const seconds = runs.reduce((n, c) => n + c.pollSeconds, 0);
      perWorker[`inFlight${w}`] = Number((polled / seconds).toFixed(1));
      cycleByW[`inFlight${w}`] = Number((runs.reduce((n, c) => n + c.cycleSeconds, 0) / runs.length).toFixed(2));
    }

    const out: string[] = [];
    out.push(`Poll worker bench: ${ACCOUNTS} accounts × ${DEVICES} devices × ${PROBES} probes, simulator +${LATENCY_MS} ms per response, DynamoDB Local, one worker`);
    out.push(`(each cycle = one simulated minute: dispatchPolls queues one message per account, the worker takes them W at a time)`);
    out.push(`Machine: 2 cores shared by the worker process, the simulator process and DynamoDB Local; 1-min load average ${loadAtStart.toFixed(1)} at start, ${loadavg()[0]!.toFixed(1)} at end (other jobs on the machine skew the figures down).`);
    out.push('');
    out.push(`${pad('cycle', 10)}${lpad('W', 5)}${lpad('dispatch s', 12)}${lpad('polls s', 10)}${lpad('cycle s', 10)}${lpad('acc/s', 9)}${lpad('stored', 9)}${lpad('failed', 8)}${lpad('failing', 9)}`);
    for (const c of cycles) {
      out.push(
        `${pad(c.label, 10)}${lpad(String(c.inFlight), 5)}${lpad(fmt(c.dispatchSeconds, 2), 12)}${lpad(fmt(c.pollSeconds), 10)}${lpad(fmt(c.cycleSeconds), 10)}` +
          `${lpad(fmt(c.accountsPerSecond), 9)}${lpad(String(c.readingsStored), 9)}${lpad(String(c.batchItemFailures), 8)}${lpad(String(c.failingOutcomes), 9)}`,
      );
    }
    out.push('');
    for (const w of IN_FLIGHT) {
      out.push(`W = ${w}: ${perWorker[`inFlight${w}`]} accounts/s per worker (target ≥ ${TARGET_ACCOUNTS_PER_SECOND}), mean cycle ${cycleByW[`inFlight${w}`]} s`);
      const c = warm.filter((x) => x.inFlight === w).at(-1);
      if (c) out.push(...profileLines(c));
    }
    const profiled = cycles.find((c) => c.cpu);
    if (profiled?.cpu) {
      out.push(`  Worker process CPU by component (V8 profile of cycle ${profiled.label}, ms per poll):`);
      for (const [name, ms] of Object.entries(profiled.cpu.buckets).sort((a, b) => b[1] - a[1])) {
        out.push(`    ${lpad(fmt(ms / profiled.accounts, 1), 6)} ms  ${name}`);
      }
      out.push(`    ${lpad(fmt(profiled.cpu.totalMs / profiled.accounts, 1), 6)} ms  total`);
      out.push('  Largest self times (ms per poll):');
      for (const f of profiled.cpu.topFunctions.slice(0, 15)) out.push(`    ${lpad(fmt(f.ms / profiled.accounts, 2), 6)} ms  ${f.name}`);
    }
    out.push(`  cold cycle (vault open + id-token refresh per account): ${fmt(cold.accountsPerSecond)} accounts/s`);
    out.push(
      `  ThermoWorks reads alone (listDevices + one channel listing per device, as the worker reads them; no DynamoDB, W = ${Math.max(...IN_FLIGHT)}, ${Math.min(ACCOUNTS, 300)} accounts): ` +
        `${fmt(twOnly.accountsPerSecond)} accounts/s, ${fmt(twOnly.cpuMsPerAccount, 1)} ms worker CPU per account`,
    );
    out.push('');
    out.push(
      `History vs ground truth (${fmt((lastPollAt.getTime() - firstPollAt.getTime()) / MINUTE_MS + 1, 0)} polled minutes, ${loss.series} series): ` +
        `${loss.readingsChecked} readings checked, ${loss.lost} lost, ${loss.duplicates} duplicates, ${loss.unexpected} unexpected, ${loss.valueMismatches} wrong values`,
    );
    if (loss.examples.length > 0) out.push(`  e.g. ${loss.examples.join('; ')}`);
    out.push('  (history items are keyed by channel and time, so a duplicate would show as an unexpected or repeated point, not a second row)');
    if (errors.length > 0) out.push(`Worker errors (first ${errors.length}): ${errors.slice(0, 5).join(' | ')}`);
    const best = Math.max(...Object.values(perWorker));
    if (best < TARGET_ACCOUNTS_PER_SECOND) {
      const lowW = Math.min(...IN_FLIGHT);
      const highW = Math.max(...IN_FLIGHT);
      const low = warm.filter((c) => c.inFlight === lowW);
      const high = warm.filter((c) => c.inFlight === highW);
      const batchSeconds = low.reduce((n, c) => n + c.meanBatchSeconds, 0) / Math.max(1, low.length);
      const cpuMs = high.reduce((n, c) => n + c.workerCpuSeconds * 1000, 0) / Math.max(1, high.reduce((n, c) => n + c.accounts, 0));
      const last = high.at(-1)!;
      const ddbCallsPerPoll = Object.values(last.dynamo).reduce((n, x) => n + x.calls, 0) / last.accounts;
      const twRequestsPerPoll = 1 + DEVICES; // listDevices, then one channel listing per device
      const topBuckets = profiled?.cpu
        ? Object.entries(profiled.cpu.buckets)
            .sort((a, b) => b[1] - a[1])
            .slice(0, 3)
            .map(([name, ms]) => `${name} (${fmt((100 * ms) / profiled.cpu!.totalMs, 0)} %)`)
            .join('; ')
        : 'not profiled';
      // The SDK's share of the worker's CPU per poll, from the profile's DynamoDB bucket.
      const sdkBucketMs = profiled?.cpu ? Object.entries(profiled.cpu.buckets).find(([name]) => name.startsWith('DynamoDB: AWS SDK'))?.[1] : undefined;
      const profileSdkMs = sdkBucketMs !== undefined && profiled?.cpu ? (cpuMs * sdkBucketMs) / profiled.cpu.totalMs : undefined;
      out.push('');
      out.push(`Below the ≥ ${TARGET_ACCOUNTS_PER_SECOND} accounts/s target. Where the time goes:`);
      out.push(
        `  • W = ${lowW} is latency-bound: a batch takes as long as its slowest poll, ${fmt(batchSeconds, 2)} s here (two ThermoWorks round trips of ${LATENCY_MS} ms + ` +
          `~${fmt(ddbCallsPerPoll, 0)} DynamoDB calls in three rounds), so one worker cannot exceed ${lowW} / ${fmt(batchSeconds, 2)} s ≈ ${fmt(lowW / batchSeconds, 0)} accounts/s; even with ` +
          `5 ms DynamoDB calls it would stay under ${fmt(lowW / (2 * (LATENCY_MS / 1000) + 15 * 0.005), 0)}/s. The deployed batch size of 10 cannot reach ${TARGET_ACCOUNTS_PER_SECOND}/s per worker.`,
      );
      out.push(
        `  • W = ${highW} is CPU-bound: the worker process's event loop was busy ${fmt((high.reduce((n, c) => n + c.eventLoopUtilization, 0) / Math.max(1, high.length)) * 100, 0)} % of the time, ` +
          `spending ${fmt(cpuMs, 1)} ms of CPU per poll, so ≈ ${fmt(1000 / cpuMs, 0)} polls/s is its ceiling on one core of this machine (ThermoWorks latency alone would allow ` +
          `${highW} / ${fmt(2 * (LATENCY_MS / 1000), 1)} s = ${fmt(highW / (2 * (LATENCY_MS / 1000)), 0)}/s). Per poll it makes ${fmt(ddbCallsPerPoll, 0)} DynamoDB calls and ` +
          `${twRequestsPerPoll} ThermoWorks requests (listDevices and one channel listing per device); ` +
          `the profile's largest shares: ${topBuckets}.`,
      );
      out.push(
        `  • The simulator and DynamoDB Local's JVM share the same 2 cores (${fmt(high.reduce((n, c) => n + c.dynamoLocalCpuSeconds, 0) / Math.max(1, high.length), 1)} s of JVM CPU per cycle), ` +
          `so this machine cannot show ${TARGET_ACCOUNTS_PER_SECOND}/s whatever the worker does; in AWS the worker would have its cores to itself, but a ${TARGET_ACCOUNTS_PER_SECOND}/s ` +
          `worker needs ≤ ${fmt(1000 / TARGET_ACCOUNTS_PER_SECOND, 0)} ms of CPU per poll on a full vCPU (Lambda gives a full vCPU at 1,769 MB; the worker has ${pollSettings.workerMemoryMb} MB, about ${fmt(pollSettings.workerMemoryMb / 1769, 2)} vCPU).`,
      );
      out.push(
        `  • Levers left: each of the ${fmt(ddbCallsPerPoll, 1)} DynamoDB calls costs about ${fmt((profileSdkMs ?? cpuMs) / Math.max(1, ddbCallsPerPoll), 1)} ms of the SDK's CPU, so fewer calls or a lighter ` +
          'client than the SDK v3 stack; a larger SQS batch (with a batching window) or several polls per invocation; more worker memory for CPU-bound batches (bench:cost prices the batch sizes and memories).',
      );
    }
    console.log(out.join('\n'));

    const highest = `inFlight${Math.max(...IN_FLIGHT)}`;
    console.log(
      JSON.stringify({
        bench: 'poll',
        accounts: ACCOUNTS,
        devicesPerAccount: DEVICES,
        probesPerDevice: PROBES,
        latencyMs: LATENCY_MS,
        accountsPerSecondPerWorker: perWorker,
        cycleSeconds: cycleByW[highest],
        cycleSecondsByInFlight: cycleByW,
        coldCycleSeconds: Number(cold.cycleSeconds.toFixed(2)),
        readingsChecked: loss.readingsChecked,
        lost: loss.lost,
        duplicates: loss.duplicates,
        unexpected: loss.unexpected,
        valueMismatches: loss.valueMismatches,
        batchItemFailures: cycles.reduce((n, c) => n + c.batchItemFailures, 0),
        thermoworksOnlyAccountsPerSecond: Number(twOnly.accountsPerSecond.toFixed(1)),
        workerCpuMsPerPoll: Number((warm.filter((c) => c.inFlight === Math.max(...IN_FLIGHT)).reduce((n, c) => n + c.workerCpuSeconds * 1000, 0) / warm.filter((c) => c.inFlight === Math.max(...IN_FLIGHT)).reduce((n, c) => n + c.accounts, 0)).toFixed(1)),
        benchSeconds: Number(log.elapsedSeconds().toFixed(1)),
        loadAverage: [Number(loadAtStart.toFixed(1)), Number(loadavg()[0]!.toFixed(1))],
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
