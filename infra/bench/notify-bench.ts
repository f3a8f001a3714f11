/**
 * `npm run bench:notify`: on the local stack, from the poll that sees an alarm's condition to the webhook receiving
 * it: the poll worker stores the reading, evaluates the rule, writes the event and queues it (the local SQS stand-in),
 * the notifier opens the webhook secret and POSTs the signed body to a loopback receiver. Each sample is a fresh rule
 * already breached (below 900 °F), so its first poll fires it; non-urgent, so no escalation round follows. Issue 13's
 * target: p95 < 2 s, queue hop included. Ends with one JSON line of the headline figures.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLocalStack } from '../local/local-stack';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);
const SIGNALS = '12:34:56:78:90:AB';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  const stack = await startLocalStack({ port: 0, autoDispatch: false });
  const waiting = new Map<string, (at: number) => void>();
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      res.writeHead(200).end();
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { rule?: { alarmId: string } };
      if (body.rule) waiting.get(body.rule.alarmId)?.(at);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const api = `${stack.url}/api`;
    const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'demo@pitwatch.local', password: 'pitwatch' }) });
    const { sessionToken } = (await login.json()) as { sessionToken: string };
    const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
      const res = await fetch(`${api}${path}`, { method, headers: { authorization: `Bearer ${sessionToken}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    await stack.pollNow(['uid-demo-0001']);
    const hook = await call<{ channelId: string }>('POST', '/notification-channels', { type: 'webhook', url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook` });
    const latencies: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const rule = await call<{ alarmId: string }>('POST', '/alarms', { serial: SIGNALS, channel: '1', kind: 'below', threshold: 900, units: 'F', notify: [hook.channelId] });
      const received = new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`sample ${i}: no webhook within 10 s`)), 10_000);
        waiting.set(rule.alarmId, (at) => (clearTimeout(timer), resolve(at)));
      });
      const started = performance.now();
      await stack.pollNow(['uid-demo-0001']);
      latencies.push((await received) - started);
      waiting.delete(rule.alarmId);
      await call('DELETE', `/alarms/${rule.alarmId}`);
    }
    const result = {
      bench: 'notify',
      samples: latencies.length,
      pollToWebhookMs: { p50: Math.round(percentile(latencies, 50)), p95: Math.round(percentile(latencies, 95)), max: Math.round(Math.max(...latencies)) },
      targetP95Ms: 2000,
    };
    console.log(`poll that sees the alarm → webhook received: p50 ${result.pollToWebhookMs.p50} ms, p95 ${result.pollToWebhookMs.p95} ms, max ${result.pollToWebhookMs.max} ms (${latencies.length} samples; target p95 < 2 s)`);
    console.log(JSON.stringify(result));
  } finally {
    await new Promise((r) => receiver.close(r));
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
