/**
 * `npm run soak -- [--hours 12] [--time-scale 60] [--seed 15]`: a 12-hour simulated cook on the local stack (about 12
 * minutes of wall time at 60×) with rolling faults, then the checks. Not part of `npm test`.
 *
 * The stack is the one `npm start` runs (DynamoDB Local on disk, the simulator, the same handlers, the local queues
 * and gateways, the dispatcher on its minute), with two accounts, four devices, a cook per account and one open
 * WebSocket per account (a Node `ws` client, not a browser) counting its readings messages. Faults follow a seeded
 * schedule (soak/fault-schedule.ts): ThermoWorks 5xx bursts, 429 storms with retry-after, latency spikes, connection
 * resets, a token revocation and its re-link through the API, DynamoDB Local restarted, the worker crashing in the
 * middle of a batch, WebSocket churn, and a failing webhook while an alarm fires and resolves.
 *
 * Checks, each printed, then one JSON line; the exit code is 1 when one fails:
 * - 0 readings lost against the simulator's ground truth, 0 duplicates (history-check.ts, as bench:poll);
 * - every alarm event delivered exactly once to the webhook channel, after retries;
 * - the local stack's RSS (this process: the handlers, gateways, queues and simulator) grows < 50 MB.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDocumentClient } from '../../shared/aws/dynamo-document-client';
import { defaultDynamoHistoryOptions, DynamoReadingStore } from '../../shared/aws/dynamo-reading-store';
import { pollCadence } from '../../shared/polling/poll-cadence';
import { localAwsEnv } from '../local/dynamodb-local';
import { startLocalStack } from '../local/local-stack';
import { checkDevices, polledWindow } from './history-check';
import { childResidentMb, residentMbOf } from './proc-stats';
import { progressLog } from './progress-log';
import { checkAlarms } from './soak/alarm-check';
import { applyFault, type FaultContext, type SoakAccountHandle } from './soak/apply-fault';
import { faultSchedule, type FaultKind } from './soak/fault-schedule';
import { LiveClient } from './soak/live-clients';
import { parseSoakOptions } from './soak/options';
import { PitwatchApi } from './soak/pitwatch-api';
import { Settler } from './soak/settle';
import { alarmProbe, SOAK_PASSWORD, soakAccounts, soakScenario } from './soak/soak-scenario';
import { WebhookReceiver } from './soak/webhook-receiver';
import { WorkerCrash } from './soak/worker-crash';

const TABLE_NAME = 'pitwatch-local';
const RSS_LIMIT_MB = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round1 = (n: number) => Math.round(n * 10) / 10;

async function main(): Promise<boolean> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  const options = parseSoakOptions(process.argv.slice(2));
  const log = progressLog('soak');
  const pollIntervalSeconds = pollCadence.activeIntervalSeconds;
  const cycleSeconds = pollIntervalSeconds * options.timeScale;
  const runSeconds = (options.hours * 3600) / options.timeScale;
  const persistDir = mkdtempSync(join(tmpdir(), 'pitwatch-soak-'));
  const crash = new WorkerCrash();
  const receiver = new WebhookReceiver();
  const hookUrl = await receiver.listen();
  const stackLog: string[] = [];
  const stack = await startLocalStack({
    port: 0,
    persistDir,
    scenario: soakScenario(cycleSeconds, options.seed),
    timeScale: options.timeScale,
    pollIntervalSeconds,
    interceptPollBatch: crash.intercept,
    log: (m) => stackLog.push(m),
  });
  const api = new PitwatchApi(`${stack.url}/api`);
  const db = createDocumentClient({ region: localAwsEnv.AWS_REGION, endpoint: stack.dynamoEndpoint });
  const clients: LiveClient[] = [];
  try {
    log(`local stack on ${stack.url}: ${options.hours} h at ${options.timeScale}× (${runSeconds.toFixed(0)} s), a poll every ${pollIntervalSeconds} s = ${cycleSeconds / 60} simulated min, seed ${options.seed}`);
    const handles: SoakAccountHandle[] = [];
    const userIds: string[] = [];
    for (const account of soakAccounts) {
      const signedIn = await api.login(account.email, SOAK_PASSWORD);
      const client = new LiveClient(`${stack.url.replace('http', 'ws')}/ws`, signedIn.sessionToken, account.email);
      await client.connect();
      clients.push(client);
      handles.push({ email: account.email, sessionToken: signedIn.sessionToken, client });
      userIds.push(signedIn.userId);
    }
    const settle = new Settler(stack, TABLE_NAME, userIds);
    const alarmOwner = handles.find((h) => h.email === alarmProbe.email)!;
    const hook = await api.call<{ channelId: string }>(alarmOwner.sessionToken, 'POST', '/notification-channels', { type: 'webhook', url: hookUrl });
    await api.call(alarmOwner.sessionToken, 'POST', '/alarms', {
      serial: alarmProbe.serial,
      channel: alarmProbe.channel,
      kind: 'probe-disconnected',
      name: 'Soak: probe unplugged',
      minutes: 1,
      cooldownMinutes: 0,
      notify: [hook.channelId],
    });

    // The measured window starts once a poll has seen every device.
    await stack.pollNow(userIds);
    const firstPollAt = stack.clock.now();
    const rssSamples: number[] = [residentMbOf(process.pid)];
    const rssTimer = setInterval(() => rssSamples.push(residentMbOf(process.pid)), 5_000);
    /** The RSS baseline: the lowest sample of the run's first quarter (handlers loaded, the first collections done). */
    let rssBaselineMb = Number.POSITIVE_INFINITY;
    const baselineTimer = setInterval(() => (rssBaselineMb = Math.min(rssBaselineMb, rssSamples.at(-1)!)), 5_000);
    setTimeout(() => clearInterval(baselineTimer), Math.max(5_000, (runSeconds * 1000) / 4) + 1_000);

    const schedule = faultSchedule({ runSeconds, pollIntervalSeconds, hours: options.hours, accounts: soakAccounts.length, seed: options.seed });
    const ctx: FaultContext = { stack, api, accounts: handles, receiver, crash, pollIntervalSeconds, log, seen: { relinkNeededSeen: 0, relinks: 0, dynamoRestartSeconds: [], reconnects: 0 } };
    const faultCounts: Partial<Record<FaultKind, number>> = {};
    const faultErrors: string[] = [];
    const started = performance.now();
    // One fault at a time per lane, each waiting for the previous one of its lane to heal.
    const running = [...new Set(schedule.map((f) => f.lane))].map(async (lane) => {
      for (const fault of schedule.filter((f) => f.lane === lane)) {
        await sleep(Math.max(0, fault.atSeconds * 1000 - (performance.now() - started)));
        if (performance.now() - started > runSeconds * 1000) return; // the previous faults ran late: no room left
        faultCounts[fault.kind] = (faultCounts[fault.kind] ?? 0) + 1;
        await applyFault(fault, ctx).catch((error: unknown) => {
          faultErrors.push(`${fault.kind} at ${fault.atSeconds} s: ${error instanceof Error ? error.message : String(error)}`);
          log(`fault ${fault.kind} failed: ${String(error)}`);
        });
      }
    });
    const progress = setInterval(() => {
      const simHours = (stack.clock.now().getTime() - firstPollAt.getTime()) / 3_600_000;
      log(`${simHours.toFixed(1)} simulated h; live readings messages ${clients.map((c) => `${c.readingsMessages}${c.open ? '' : ' (closed)'}`).join(' / ')}; polls delivered ${userIds.map((u) => crash.delivered.get(u) ?? 0).join(' / ')}; RSS ${rssSamples.at(-1)!.toFixed(0)} MB`);
    }, 30_000);
    await sleep(runSeconds * 1000);
    await Promise.all(running);
    clearInterval(progress);
    stack.simulator.clearFaults();
    stack.simulator.setProbeConnected(alarmProbe.serial, alarmProbe.channel, true);
    log(`run over after ${((performance.now() - started) / 1000).toFixed(0)} s; settling (back-fill, re-links, alarm retries)`);

    const settleEveryMs = 2_000;
    let state = await settle.untilBackfilled(settleEveryMs, 120_000);
    // The last poll of the window: every upload before it must be in the history.
    const lastPollAt = stack.clock.now();
    await stack.pollNow(userIds);
    state = await settle.untilBackfilled(settleEveryMs, 60_000);
    const notifyLeft = await settle.untilNotified(8 * 60_000);
    // The sockets hear readings again within a few polls of the faults ending (a re-linked account waits for the
    // dispatcher's next minute), whatever the churn left them with.
    const liveDeadline = Date.now() + 4 * pollIntervalSeconds * 1000 + 60_000;
    while (clients.some((c) => c.sinceConnect === 0) && Date.now() < liveDeadline) await sleep(1_000);
    clearInterval(rssTimer);
    rssSamples.push(residentMbOf(process.pid));
    settle.close();

    const readings = new DynamoReadingStore(db, TABLE_NAME, defaultDynamoHistoryOptions, stack.clock);
    const devices = soakAccounts.flatMap((a) =>
      a.devices.map((d) => ({ accountId: a.accountId, serial: d.serial, channels: d.channels, ...polledWindow(stack.simulator, d.serial, cycleSeconds * 1000, firstPollAt, lastPollAt) })),
    );
    const loss = await checkDevices(stack.simulator, readings, devices);
    const alarms = await checkAlarms(api, alarmOwner.sessionToken, receiver, hook.channelId);
    const rssStartMb = Number.isFinite(rssBaselineMb) ? rssBaselineMb : rssSamples[0]!;
    const rssEndMb = rssSamples.at(-1)!;
    const rssGrowthMb = round1(rssEndMb - rssStartMb);
    const clientsReceiving = clients.every((c) => c.sinceConnect > 0);
    // The share of the uploads in the window that reached the account's open socket live (not back-filled later).
    const liveShare = soakAccounts.map((a, i) => {
      const uploads = a.devices.flatMap((d) => stack.simulator.transmissions(d.serial, firstPollAt, lastPollAt).map((t) => `${d.serial}#${t.getTime()}`));
      return uploads.length === 0 ? 0 : Math.round((100 * uploads.filter((u) => clients[i]!.heard.has(u)).length) / uploads.length);
    });

    const checks = [
      { name: 'readings lost (ground truth)', ok: loss.lost === 0, detail: `${loss.lost} of ${loss.readingsChecked} in ${loss.series} series${loss.examples.length ? `; e.g. ${loss.examples.join(', ')}` : ''}` },
      { name: 'duplicates', ok: loss.duplicates === 0, detail: `${loss.duplicates} (${loss.unexpected} stored points the devices never recorded, ${loss.valueMismatches} values differing)` },
      {
        name: 'alarms delivered exactly once per channel',
        ok: alarms.exactlyOnce,
        detail: `${alarms.events} events, ${alarms.deliveredOnce} delivered once, ${alarms.neverDelivered.length} never, ${alarms.deliveredTwice.length} more than once, ${alarms.unknownReceipts} unknown receipts; ${alarms.retried} needed retries (${receiver.refused} deliveries refused); ${notifyLeft} notify messages still queued`,
      },
      { name: `local stack RSS growth < ${RSS_LIMIT_MB} MB`, ok: rssGrowthMb < RSS_LIMIT_MB, detail: `${rssStartMb.toFixed(0)} MB (lowest of the first quarter) → ${rssEndMb.toFixed(0)} MB at the end (max ${Math.max(...rssSamples).toFixed(0)}); DynamoDB Local's JVM ${childResidentMb().toFixed(0)} MB at the end (restarted, not counted)` },
      { name: 'live sockets receiving again after the faults', ok: clientsReceiving, detail: clients.map((c, i) => `${c.label}: ${c.readingsMessages} readings messages, ${liveShare[i]} % of the uploads heard live, ${c.connects} connects (${c.serverCloses} after the server closed it), ${c.sinceConnect} messages since the last`).join('; ') },
      { name: 'faults applied', ok: faultErrors.length === 0, detail: faultErrors.length ? faultErrors.join('; ') : `${schedule.length} faults: ${Object.entries(faultCounts).map(([k, n]) => `${k} ×${n}`).join(', ')}` },
    ];
    console.log(`\nsoak: ${options.hours} h simulated at ${options.timeScale}× (seed ${options.seed}), ${soakAccounts.length} accounts, ${devices.length} devices; live clients are Node WebSocket clients (ws), not browsers`);
    console.log('back-fill: the Signals, Smoke and BlueDOT (Wi-Fi, no archives) from the history function, the Node from its archives: every device type here can be back-filled, so every point recorded during an outage counts');
    console.log(`after the faults: ${state.pendingGaps} gaps still pending, ${state.linksNotOk} links not ok; token revocations seen as relink-needed ${ctx.seen.relinkNeededSeen} of ${ctx.seen.relinks} before the re-link; DynamoDB restarts ${ctx.seen.dynamoRestartSeconds.join(', ') || '-'} s; worker crashes ${crash.crashes}; socket reconnects ${ctx.seen.reconnects}`);
    for (const c of checks) console.log(`${c.ok ? 'PASS' : 'FAIL'}  ${c.name}: ${c.detail}`);
    const passed = checks.every((c) => c.ok);
    console.log(
      JSON.stringify({
        bench: 'soak',
        hours: options.hours,
        timeScale: options.timeScale,
        seed: options.seed,
        wallSeconds: Math.round(log.elapsedSeconds()),
        faults: faultCounts,
        readingsChecked: loss.readingsChecked,
        readingsLost: loss.lost,
        duplicates: loss.duplicates,
        unexpected: loss.unexpected,
        alarmEvents: alarms.events,
        alarmsRetried: alarms.retried,
        alarmsDeliveredExactlyOnce: alarms.exactlyOnce,
        liveReadingsMessages: clients.map((c) => c.readingsMessages),
        liveUploadsHeardPercent: liveShare,
        socketReconnects: ctx.seen.reconnects,
        workerCrashes: crash.crashes,
        dynamoRestarts: ctx.seen.dynamoRestartSeconds.length,
        relinks: ctx.seen.relinks,
        rssStartMb: round1(rssStartMb),
        rssGrowthMb,
        passed,
      }),
    );
    const consumerFailures = stackLog.filter((m) => m.includes('consumer failed') || m.includes('dead-letter'));
    if (consumerFailures.length > 0) log(`queue consumer failures during the run: ${consumerFailures.length} (e.g. ${consumerFailures.slice(0, 3).join(' | ')})`);
    return passed;
  } finally {
    for (const c of clients) c.close();
    db.destroy();
    await receiver.close();
    await stack.stop();
    rmSync(persistDir, { recursive: true, force: true });
  }
}

main().then(
  (passed) => process.exit(passed ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
