/**
 * What each scheduled fault does to the running stack: ThermoWorks faults through the simulator's control surface,
 * the token revocation and its re-link through the API, DynamoDB Local restarted under the handlers, the worker crash
 * armed, sockets dropped and reopened, the webhook receiver failing while the alarm probe is unplugged. Each call
 * resolves when its fault has healed.
 */
import type { FaultConfig } from '../../../shared/thermoworks/simulator';
import { listAlarmEvents } from './alarm-check';
import type { LocalStack } from '../../local/local-stack';
import type { ScheduledFault } from './fault-schedule';
import type { LiveClient } from './live-clients';
import type { PitwatchApi } from './pitwatch-api';
import { alarmProbe, SOAK_PASSWORD } from './soak-scenario';
import type { WebhookReceiver } from './webhook-receiver';
import type { WorkerCrash } from './worker-crash';

export interface SoakAccountHandle {
  email: string;
  /** The account's current session (renewed by the re-link). */
  sessionToken: string;
  client: LiveClient;
}

export interface FaultContext {
  stack: LocalStack;
  api: PitwatchApi;
  accounts: readonly SoakAccountHandle[];
  receiver: WebhookReceiver;
  crash: WorkerCrash;
  /** Real seconds between two polls of an account: how long the alarm faults wait for a poll to notice. */
  pollIntervalSeconds: number;
  log: (message: string) => void;
  /** What the faults saw, for the report. */
  seen: { relinkNeededSeen: number; relinks: number; dynamoRestartSeconds: number[]; reconnects: number };
}

const sleep = (seconds: number) => new Promise((r) => setTimeout(r, seconds * 1000));

/** Removes some fields from a key's faults, keeping the rest (another lane may have set them). */
function removeFaults(ctx: FaultContext, key: string, fields: ReadonlyArray<keyof FaultConfig>): void {
  const faults = ctx.stack.simulator.faults(key);
  for (const f of fields) delete faults[f];
  ctx.stack.simulator.setFaults(key, faults);
}

export async function applyFault(fault: ScheduledFault, ctx: FaultContext): Promise<void> {
  const sim = ctx.stack.simulator;
  const account = fault.target === 'everyone' ? undefined : ctx.accounts[fault.target]!;
  const key = account?.email ?? '*';
  const who = account?.email ?? 'everyone';
  switch (fault.kind) {
    case 'thermoworks-5xx':
      ctx.log(`ThermoWorks answers 503 to ${Math.round(fault.size * 100)} % of ${who}'s requests for ${fault.seconds} s`);
      sim.addFaults(key, { errorRate: fault.size, errorStatus: 503 });
      await sleep(fault.seconds);
      removeFaults(ctx, key, ['errorRate', 'errorStatus']);
      return;
    case 'thermoworks-429':
      // Faults last a while, not a number of requests: the circuit breaker lets few requests through, so a count
      // would stretch one storm over many polls.
      ctx.log(`ThermoWorks answers 429 (retry-after ${fault.retryAfterSeconds} s) to ${who}'s requests for ${fault.seconds} s`);
      sim.addFaults(key, { rateLimitNext: Number.MAX_SAFE_INTEGER, retryAfterSeconds: fault.retryAfterSeconds ?? 5 });
      await sleep(fault.seconds);
      removeFaults(ctx, key, ['rateLimitNext', 'retryAfterSeconds']);
      return;
    case 'thermoworks-latency':
      ctx.log(`ThermoWorks answers ${who} ${fault.size} ms late for ${fault.seconds} s`);
      sim.addFaults(key, { latencyMs: fault.size });
      await sleep(fault.seconds);
      removeFaults(ctx, key, ['latencyMs']);
      return;
    case 'thermoworks-resets':
      ctx.log(`ThermoWorks resets ${who}'s connections for ${fault.seconds} s`);
      sim.addFaults(key, { resetNext: Number.MAX_SAFE_INTEGER });
      await sleep(fault.seconds);
      removeFaults(ctx, key, ['resetNext']);
      return;
    case 'token-revoked': {
      const handle = account ?? ctx.accounts[0]!;
      ctx.log(`ThermoWorks revokes ${handle.email}'s tokens; re-link in ${fault.seconds} s`);
      sim.revokeRefreshTokens(handle.email);
      await sleep(fault.seconds);
      const before = await ctx.api.call<{ status: string }>(handle.sessionToken, 'GET', '/account');
      if (before.status === 'relink-needed') ctx.seen.relinkNeededSeen++;
      const signedIn = await ctx.api.login(handle.email, SOAK_PASSWORD);
      ctx.seen.relinks++;
      ctx.log(`${handle.email} was ${before.status}; re-linked through POST /auth/login`);
      handle.sessionToken = signedIn.sessionToken;
      handle.client.useSession(signedIn.sessionToken);
      return;
    }
    case 'dynamodb-restart': {
      ctx.log('DynamoDB Local restarts (same port, same data folder)');
      const started = performance.now();
      await ctx.stack.restartDynamoDb();
      const seconds = (performance.now() - started) / 1000;
      ctx.seen.dynamoRestartSeconds.push(Math.round(seconds * 10) / 10);
      ctx.log(`DynamoDB Local back after ${seconds.toFixed(1)} s`);
      return;
    }
    case 'worker-crash':
      ctx.log('the poll worker will crash in the middle of its next batch');
      ctx.crash.arm();
      return;
    case 'websocket-churn': {
      const clients = account ? [account.client] : ctx.accounts.map((a) => a.client);
      ctx.log(`WebSocket churn for ${fault.seconds} s (${clients.map((c) => c.label).join(', ')})`);
      const until = performance.now() + fault.seconds * 1000;
      while (performance.now() < until) {
        for (const c of clients) c.drop();
        await sleep(fault.size);
        for (const c of clients) await reconnect(c, ctx);
        await sleep(fault.size);
      }
      return;
    }
    case 'probe-unplugged':
      ctx.log(`${alarmProbe.serial} probe ${alarmProbe.channel} unplugged until its alarm fires, then plugged back until it resolves`);
      await unplugUntilFired(ctx, () => true);
      return;
    case 'webhook-failing': {
      // The webhook fails; the probe is unplugged until the alarm's delivery has failed, and plugged back: the alarm
      // resolves while its retry waits. The webhook recovers once the event is resolved, before the later retries.
      ctx.log(`the webhook answers 500; ${alarmProbe.serial} probe ${alarmProbe.channel} unplugged until a delivery failed, plugged back until the alarm resolved`);
      ctx.receiver.setFailing(true);
      const refused = ctx.receiver.refused;
      try {
        await unplugUntilFired(ctx, () => ctx.receiver.refused > refused);
      } finally {
        ctx.receiver.setFailing(false);
      }
      ctx.log(`the webhook answers again (${ctx.receiver.refused - refused} deliveries refused)`);
      return;
    }
  }
}

/** Unplugs the alarm probe until a new event fired and `fired()` holds, then plugs it back until the event resolved. */
async function unplugUntilFired(ctx: FaultContext, fired: () => boolean): Promise<void> {
  const owner = ctx.accounts.find((a) => a.email === alarmProbe.email)!;
  const events = () => listAlarmEvents(ctx.api, owner.sessionToken);
  const known = new Set((await events()).map((e) => e.eventId));
  const patienceMs = 12 * ctx.pollIntervalSeconds * 1000;
  ctx.stack.simulator.setProbeConnected(alarmProbe.serial, alarmProbe.channel, false);
  let eventId: string | undefined;
  try {
    eventId = await waitFor(async () => (fired() ? (await events()).find((e) => !known.has(e.eventId))?.eventId : undefined), patienceMs);
  } finally {
    ctx.stack.simulator.setProbeConnected(alarmProbe.serial, alarmProbe.channel, true);
  }
  if (!eventId) throw new Error(`no alarm fired within ${patienceMs / 1000} s of unplugging the probe`);
  const resolved = await waitFor(async () => ((await events()).find((e) => e.eventId === eventId)?.resolvedAt ? true : undefined), patienceMs);
  if (!resolved) throw new Error(`alarm ${eventId} did not resolve within ${patienceMs / 1000} s of plugging the probe back`);
}

async function waitFor<T>(probe: () => Promise<T | undefined>, ms: number): Promise<T | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined || Date.now() > deadline) return value;
    await sleep(1);
  }
}

async function reconnect(client: LiveClient, ctx: FaultContext): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.connect();
      ctx.seen.reconnects++;
      return;
    } catch (error) {
      if (attempt >= 30) throw error;
      await sleep(1);
    }
  }
}
