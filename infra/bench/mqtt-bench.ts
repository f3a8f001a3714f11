/**
 * `npm run bench:mqtt`: Home Assistant over MQTT on the local stack, with a real mosquitto.
 * - poll → MQTT state publish: a poll of the demo account starts (worker handler invoked) → the Signals' state
 *   message arrives at a subscriber on the broker. Includes the poll itself (simulator over HTTP, DynamoDB Local
 *   writes), the hand-off through the local SQS queue, the publisher's Query, vault open (cached after the first),
 *   connect and QoS 1 publishes.
 * - what the hand-off costs a poll: the poll's own duration with the integration set up, against the same account
 *   without one;
 * - the alternative (publishing inside the poll): the time one account's publish takes, which a poll would wait for;
 *   and with a hung broker (accepts TCP, never answers CONNACK), where it would wait for the connect timeout while the
 *   queue hand-off leaves the poll as it is.
 * Ends with one JSON line of the headline figures.
 */
import { createServer, type Socket } from 'node:net';
import { connectAsync } from 'mqtt';
import { createDependencies } from '../../functions/runtime/dependencies';
import { createMqttIntegrationStore } from '../../functions/runtime/mqtt';
import { createVault } from '../../functions/runtime/vault';
import { mqttJsBroker } from '../../shared/integrations/mqtt/mqtt-js-broker';
import { publishAccountState } from '../../shared/integrations/mqtt/publish-account-state';
import { startLocalStack } from '../local/local-stack';
import { startMosquitto } from '../local/testing/mosquitto';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const DEMO = { email: 'demo@pitwatch.local', userId: 'uid-demo-0001', accountId: 'acct-demo-0001' };
const STATE_TOPIC = 'pitwatch/12_34_56_78_90_ab/state';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const summary = (values: number[]) => ({ p50: Math.round(percentile(values, 50)), p95: Math.round(percentile(values, 95)), max: Math.round(Math.max(...values)), samples: values.length });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  const broker = await startMosquitto();
  const credentialed = new URL(broker.url);
  credentialed.username = broker.username;
  credentialed.password = broker.password;
  const stack = await startLocalStack({ port: 0, autoDispatch: false, mqttUrl: credentialed.toString() });
  const api = `${stack.url}/api`;
  const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO.email, password: 'pitwatch' }) });
  const { sessionToken } = (await login.json()) as { sessionToken: string };
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${api}${path}`, { method, headers: { authorization: `Bearer ${sessionToken}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  const subscriber = await connectAsync(broker.url, { username: broker.username, password: broker.password, reconnectPeriod: 0 });
  let onState: ((at: number) => void) | undefined;
  subscriber.on('message', (topic) => {
    if (topic === STATE_TOPIC) onState?.(performance.now());
  });
  await subscriber.subscribeAsync(STATE_TOPIC, { qos: 1 });
  const waitState = (timeoutMs: number) =>
    Promise.race([new Promise<number>((resolve) => (onState = resolve)), sleep(timeoutMs).then(() => NaN)]).finally(() => (onState = undefined));

  // Warm-up: the first publish sends every discovery config and opens the vault.
  const first = waitState(10_000);
  await stack.pollNow([DEMO.userId]);
  if (!Number.isFinite(await first)) throw new Error('no state was published after the first poll');

  const latencies: number[] = [];
  const pollWithMqtt: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    await sleep(3100); // the demo Signals uploads every 3 s: a new reading is waiting
    const arrived = waitState(3000);
    const started = performance.now();
    await stack.pollNow([DEMO.userId]);
    pollWithMqtt.push(performance.now() - started);
    const at = await arrived;
    if (Number.isFinite(at)) latencies.push(at - started);
    console.error(`sample ${i + 1}/${SAMPLES}: ${Number.isFinite(at) ? `${(at - started).toFixed(0)} ms` : 'no state'}`);
  }

  // The alternative: publishing inside the poll. Measured on the same account, the same stored state.
  const deps = createDependencies();
  const publishDeps = {
    devices: deps.devices(),
    integrations: createMqttIntegrationStore(deps),
    vault: createVault(deps, 'mqtt-broker-password'),
    broker: mqttJsBroker,
    clock: deps.clock,
    egress: deps.config.egress,
    secretCache: new Map<string, { version: string; password: string | null; until: number }>(),
  };
  const inline: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const outcome = await publishAccountState(DEMO.accountId, publishDeps);
    if (outcome.result !== 'published') throw new Error(`inline publish: ${outcome.result} ${outcome.message ?? ''}`);
    inline.push(performance.now() - started);
  }

  // A hung broker: it accepts TCP and never answers. The queue hand-off leaves the poll as it is; inline would wait.
  const held: Socket[] = [];
  const hung = createServer((socket) => void held.push(socket));
  await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
  const hungPort = (hung.address() as { port: number }).port;
  const put = await call('PUT', '/integrations/mqtt', { url: `mqtt://127.0.0.1:${hungPort}` });
  if (!put.ok) throw new Error(`PUT failed: ${put.status}`);
  const pollWithHungBroker: number[] = [];
  for (let i = 0; i < 5; i++) {
    await sleep(3100);
    const started = performance.now();
    await stack.pollNow([DEMO.userId]);
    pollWithHungBroker.push(performance.now() - started);
  }
  const inlineHung: number[] = [];
  for (let i = 0; i < 2; i++) {
    // Past any backoff the publisher recorded meanwhile, straight at the broker: what a poll would have waited.
    const record = (await publishDeps.integrations.get(DEMO.accountId))!;
    await publishDeps.integrations.put({ ...record, status: { ...record.status, retryAt: null } });
    const started = performance.now();
    await publishAccountState(DEMO.accountId, publishDeps);
    inlineHung.push(performance.now() - started);
  }

  // Baseline: the same polls without an integration.
  await call('DELETE', '/integrations/mqtt');
  const pollWithout: number[] = [];
  for (let i = 0; i < 10; i++) {
    await sleep(3100);
    const started = performance.now();
    await stack.pollNow([DEMO.userId]);
    pollWithout.push(performance.now() - started);
  }

  for (const socket of held) socket.destroy();
  hung.close();
  await subscriber.endAsync();
  await stack.stop();
  await broker.stop();

  const result = {
    bench: 'mqtt',
    pollToStatePublishMs: summary(latencies),
    pollDurationMs: { withMqtt: summary(pollWithMqtt), withoutMqtt: summary(pollWithout), withHungBroker: summary(pollWithHungBroker) },
    inlinePublishMs: { brokerUp: summary(inline), hungBroker: summary(inlineHung) },
  };
  console.log(`poll start → state on the broker: p50 ${result.pollToStatePublishMs.p50} ms, p95 ${result.pollToStatePublishMs.p95} ms (${latencies.length}/${SAMPLES} samples)`);
  console.log(`poll duration: with MQTT p50 ${result.pollDurationMs.withMqtt.p50} ms, without p50 ${result.pollDurationMs.withoutMqtt.p50} ms, broker hung p50 ${result.pollDurationMs.withHungBroker.p50} ms`);
  console.log(`publishing inside the poll instead would add: p50 ${result.inlinePublishMs.brokerUp.p50} ms (p95 ${result.inlinePublishMs.brokerUp.p95}), ${result.inlinePublishMs.hungBroker.p50} ms with a hung broker`);
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
