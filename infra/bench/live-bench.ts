/**
 * `npm run bench:live`: how fast the local stack shows live readings.
 * - time from start to the first live reading: stack start → sign-in → WebSocket open → first `reading` message;
 * - push latency, poll interval excluded: a poll of the demo account starts (worker handler invoked) → the reading
 *   it found arrives on an open WebSocket. Includes the ThermoWorks round trips (simulator over HTTP), the DynamoDB
 *   Local writes and the push through the local API Gateway management endpoint.
 * - sign-out → socket closed: `POST /auth/logout` sent → the session's open WebSocket gets `session-ended` and is
 *   closed by the server (issue: within 1 s).
 * Ends with one JSON line of the headline figures.
 */
import WebSocket from 'ws';
import { startLocalStack } from '../local/local-stack';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  const t0 = performance.now();
  const stack = await startLocalStack({ port: 0, pollIntervalSeconds: 5, autoDispatch: false, seedDemoCooks: true });
  const ready = performance.now();
  const login = await fetch(`${stack.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'demo@pitwatch.local', password: 'pitwatch' }),
  });
  const { sessionToken, user } = (await login.json()) as { sessionToken: string; user: { userId: string } };
  const ws = new WebSocket(`${stack.url.replace('http', 'ws')}/ws?token=${sessionToken}`);
  const arrivals: Array<{ at: number }> = [];
  let onReading: (() => void) | undefined;
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { type: string };
    if (message.type !== 'readings') return;
    arrivals.push({ at: performance.now() });
    onReading?.();
  });
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const firstReading = new Promise<void>((resolve) => (onReading = resolve));
  await stack.pollNow([user.userId]);
  await firstReading;
  const firstLive = arrivals[0]!.at;
  console.error(`stack ready in ${((ready - t0) / 1000).toFixed(2)} s; first live reading ${((firstLive - t0) / 1000).toFixed(2)} s after start`);

  const latencies: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    await new Promise((r) => setTimeout(r, 3100)); // the demo Signals uploads every 3 s: a new reading is waiting
    const arrived = new Promise<number>((resolve) => (onReading = () => resolve(performance.now())));
    const started = performance.now();
    await stack.pollNow([user.userId]);
    // The worker pushes before it returns; a message later than this is not from this poll.
    const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(NaN), 200));
    const at = await Promise.race([arrived, timeout]);
    onReading = undefined;
    if (Number.isFinite(at)) latencies.push(at - started);
    console.error(`sample ${i + 1}/${SAMPLES}: ${Number.isFinite(at) ? `${(at - started).toFixed(0)} ms` : 'no reading'}`);
  }
  ws.close();

  const closeTimes: number[] = [];
  for (let i = 0; i < Number(process.env.BENCH_LOGOUT_SAMPLES ?? 10); i++) {
    const signedIn = await fetch(`${stack.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'demo@pitwatch.local', password: 'pitwatch' }),
    });
    const { sessionToken: token } = (await signedIn.json()) as { sessionToken: string };
    const socket = new WebSocket(`${stack.url.replace('http', 'ws')}/ws?token=${token}`);
    await new Promise((resolve, reject) => (socket.once('open', resolve), socket.once('error', reject)));
    const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(performance.now())));
    const sent = performance.now();
    await fetch(`${stack.url}/api/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    closeTimes.push((await closed) - sent);
  }
  await stack.stop();

  const result = {
    bench: 'live',
    startToReadySeconds: Number(((ready - t0) / 1000).toFixed(2)),
    startToFirstLiveReadingSeconds: Number(((firstLive - t0) / 1000).toFixed(2)),
    pushLatencyMs: { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)), max: Math.round(Math.max(...latencies)) },
    samples: latencies.length,
    logoutToSocketClosedMs: { p50: Math.round(percentile(closeTimes, 50)), max: Math.round(Math.max(...closeTimes)), samples: closeTimes.length },
  };
  console.log(`start → first live reading: ${result.startToFirstLiveReadingSeconds} s`);
  console.log(`poll start → reading on the WebSocket: p50 ${result.pushLatencyMs.p50} ms, p95 ${result.pushLatencyMs.p95} ms (${latencies.length} samples)`);
  console.log(`sign-out → its socket closed by the server: p50 ${result.logoutToSocketClosedMs.p50} ms, max ${result.logoutToSocketClosedMs.max} ms`);
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
