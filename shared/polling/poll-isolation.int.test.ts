/**
 * One account's trouble never slows another: two accounts polled together through the local SQS stand-in and the
 * real worker code, with faults injected into one of them in the ThermoWorks simulator (DynamoDB Local, the real
 * client, vault and stores). Ground truth comes from the simulator.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import { LocalSqs } from '../../infra/local/local-sqs';
import { startPollHarness, type PollHarness } from '../../infra/local/testing/poll-harness';
import type { ScenarioInput } from '../thermoworks/simulator';
import { dispatchPolls } from './dispatch-polls';
import { cadenceWith } from './poll-cadence';
import type { PollQueue } from './poll-request';
import { pollTimeBudgetMs } from './poll-time-budget';
import { processPollBatch } from './process-poll-batch';

const INTERVAL_SECONDS = 5;
const SLOW = 'slow@iso.test';
const HEALTHY = 'healthy@iso.test';
const serialOf = (email: string) => (email === SLOW ? 'AA:00:00:00:00:01' : 'BB:00:00:00:00:02');

/** Two accounts, each with one thermometer recording and uploading every 10 s (two of our 5 s polls per upload). */
function scenario(startAt: string): ScenarioInput {
  return {
    seed: 3,
    startAt,
    accounts: [SLOW, HEALTHY].map((email, i) => ({
      email,
      password: 'secret',
      uid: `uid-iso-${i}`,
      accountId: `acct-iso-${i}`,
      devices: [
        {
          serial: serialOf(email),
          label: `Smoker ${i}`,
          device: 'signals',
          type: 'signals',
          recordingIntervalSeconds: 10,
          transmitIntervalSeconds: 10,
          documentIntervals: true,
          channels: [
            { number: '1', label: 'Pit', source: { kind: 'steady', value: 240 + i, swing: 5 } },
            { number: '2', label: 'Meat', source: { kind: 'steady', value: 150 + i, swing: 5 } },
          ],
        },
      ],
    })),
  } as ScenarioInput;
}

let harness: PollHarness | undefined;
let stopTicking: (() => void) | undefined;
afterEach(async () => {
  stopTicking?.();
  await harness?.stop();
  harness = undefined;
});

/** Consecutive stored readings of one channel: the largest spacing, and what the device recorded but we lack. */
async function historyOf(h: PollHarness, email: string, channel: string, from: Date, to: Date) {
  const serial = serialOf(email);
  const accountId = `acct-iso-${email === SLOW ? 0 : 1}`;
  const stored = await h.readings.query({ accountId, serial, channel, from, to });
  const times = stored.map((r) => r.at.getTime());
  const largestGapMs = times.slice(1).reduce((max, t, i) => Math.max(max, t - times[i]!), 0);
  const truth = stored.length === 0 ? [] : h.simulator.groundTruth(serial, channel, stored[0]!.at, stored.at(-1)!.at);
  const missing = truth.filter((p) => p.value !== null && !times.includes(p.at.getTime())).map((p) => p.at.toISOString());
  return { stored, largestGapMs, missing };
}

describe('isolation between accounts in a batch', () => {
  it('12 s of latency on one account: the other\'s largest gap stays within 2 poll intervals, nothing missed, and the slow one decrypts at most twice', async () => {
    const start = new Date();
    harness = await startPollHarness({
      dynamoEndpoint: inject('dynamoEndpoint'),
      scenario: scenario(start.toISOString()),
      start: start.toISOString(),
      pollIntervalSeconds: INTERVAL_SECONDS,
      timeBudgetMs: pollTimeBudgetMs(INTERVAL_SECONDS),
      loginConcurrency: 2,
    });
    const h = harness;
    // Real time: the simulator, the breaker and the stores follow the wall clock, as the local stack does.
    const ticker = setInterval(() => h.clock.set(Date.now()), 20);
    stopTicking = () => clearInterval(ticker);
    // The real client's per-request timeout (10 s) and retries, against 12 s on every answer for the slow account.
    h.deps.thermoworks = (await import('../thermoworks')).createThermoWorksClient({
      config: (await import('../thermoworks')).thermoWorksConfigFromEnv(h.simulator.env),
      clock: h.clock,
      sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    });
    // Both accounts polled while healthy first: a warm worker, its sessions open.
    for (let i = 0; i < 2; i++) expect((await h.poll([SLOW, HEALTHY])).outcomes.map((o) => o.status)).toEqual(['ok', 'ok']);
    const refreshesBefore = h.simulator.requests().filter((r) => r.account === SLOW && r.service === 'refresh').length;
    h.simulator.setFaults(SLOW, { latencyMs: 12_000 });

    // The local event source: batches of up to 10, 4 at a time, as the local stack runs the worker.
    const queueUrl = 'http://127.0.0.1/000000000000/iso';
    const sqs = new LocalSqs({
      queueUrl,
      concurrency: 4,
      visibilityTimeoutMs: 60_000,
      deliver: (event) => processPollBatch(event.Records.map((r) => ({ messageId: r.messageId, body: r.body })), h.deps),
    });
    const queue: PollQueue = {
      send: async (polls) => {
        for (let i = 0; i < polls.length; i += 10) {
          const Entries = polls.slice(i, i + 10).map((p, j) => ({ Id: String(j), MessageBody: JSON.stringify(p.request), DelaySeconds: p.delaySeconds }));
          const answer = sqs.handle('AmazonSQS.SendMessageBatch', JSON.stringify({ QueueUrl: queueUrl, Entries }));
          if (answer.statusCode !== 200) throw new Error(answer.body);
        }
        return { sent: polls.length, failed: 0 };
      },
    };
    sqs.start();
    const runFrom = h.clock.now();
    await dispatchPolls({ accounts: h.accounts, queue, clock: h.clock }, cadenceWith(INTERVAL_SECONDS));
    await new Promise((r) => setTimeout(r, 42_000));
    await sqs.stop();
    const runTo = h.clock.now();

    for (const channel of ['1', '2']) {
      const healthy = await historyOf(h, HEALTHY, channel, runFrom, runTo);
      expect(healthy.stored.length, `channel ${channel}`).toBeGreaterThanOrEqual(3);
      expect(healthy.stored.at(-1)!.at.getTime()).toBeGreaterThan(runTo.getTime() - 15_000); // polled to the end
      expect(healthy.largestGapMs, `channel ${channel}`).toBeLessThanOrEqual(2 * INTERVAL_SECONDS * 1000);
      expect(healthy.missing, `channel ${channel}`).toEqual([]);
    }
    const slow = await h.accounts.getLink(h.users.get(SLOW)!);
    expect(slow).toMatchObject({ status: 'failing' });
    expect(slow!.statusMessage).toMatch(/budget/);
    // The slow account's session survived every cut-off: no decrypt and no refresh for the whole fault.
    expect((await h.audit.list(h.users.get(SLOW)!)).length).toBeLessThanOrEqual(2);
    const refreshes = h.simulator.requests().filter((r) => r.account === SLOW && r.service === 'refresh').length - refreshesBefore;
    expect(refreshes).toBeLessThanOrEqual(2);
  }, 120_000);

  it('a 429 storm with retry-after on one account: the other is unaffected, and it recovers within one poll interval of the storm ending', async () => {
    const start = '2026-11-01T18:00:00.000Z';
    harness = await startPollHarness({
      dynamoEndpoint: inject('dynamoEndpoint'),
      scenario: scenario(start),
      start,
      pollIntervalSeconds: INTERVAL_SECONDS,
      loginConcurrency: 2,
    });
    const h = harness;
    const poll = async () => {
      h.clock.advance(INTERVAL_SECONDS * 1000);
      const result = await h.poll([SLOW, HEALTHY]);
      expect(result.batchItemFailures).toEqual([]); // ThermoWorks' throttling is recorded, never retried by the queue
      return new Map(result.outcomes.map((o) => [o.userId === h.users.get(SLOW) ? SLOW : HEALTHY, o]));
    };
    for (let i = 0; i < 6; i++) await poll();
    const decryptsBefore = (await h.audit.list(h.users.get(SLOW)!)).length;

    h.simulator.setFaults(SLOW, { rateLimitNext: 1_000_000, retryAfterSeconds: 3 });
    const stormFrom = h.clock.now();
    const duringStorm: string[] = [];
    for (let i = 0; i < 12; i++) {
      const outcomes = await poll();
      expect(outcomes.get(HEALTHY)).toMatchObject({ status: 'ok' });
      duringStorm.push(outcomes.get(SLOW)!.errorCode ?? 'ok');
    }
    // Throttled, then paused by the breaker for the retry-after, then a trial call at the next poll, throttled again.
    expect(duringStorm).toContain('THERMOWORKS_RATE_LIMITED');
    expect(duringStorm.every((c) => c === 'THERMOWORKS_RATE_LIMITED' || c === 'THERMOWORKS_CIRCUIT_OPEN')).toBe(true);
    const throttled = h.simulator.requests().filter((r) => r.account === SLOW && r.status === 429).length;
    expect(throttled).toBeLessThanOrEqual(12); // one trial call per poll at most, no retry storm of our own

    h.simulator.clearFaults(SLOW);
    const stormEnd = h.clock.now();
    const recovered = await poll();
    expect(recovered.get(SLOW)).toMatchObject({ status: 'ok' });
    expect(h.clock.now().getTime() - stormEnd.getTime()).toBeLessThanOrEqual(INTERVAL_SECONDS * 1000);
    expect(await h.accounts.getLink(h.users.get(SLOW)!)).toMatchObject({ status: 'ok' });
    for (let i = 0; i < 4; i++) await poll();

    // The healthy account lost nothing during the storm; the throttled one kept its session: no decrypt, no refresh.
    for (const channel of ['1', '2']) {
      const healthy = await historyOf(h, HEALTHY, channel, stormFrom, h.clock.now());
      expect(healthy.missing).toEqual([]);
      expect(healthy.largestGapMs).toBeLessThanOrEqual(2 * INTERVAL_SECONDS * 1000);
    }
    expect((await h.audit.list(h.users.get(SLOW)!)).length - decryptsBefore).toBe(0);
    expect(h.simulator.requests().filter((r) => r.account === SLOW && r.service === 'refresh').length).toBeLessThanOrEqual(2);
  }, 60_000);
});
