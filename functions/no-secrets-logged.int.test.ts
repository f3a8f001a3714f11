/**
 * Nothing secret reaches the logs: not the ThermoWorks password (right or wrong), not ThermoWorks' refresh or id
 * tokens, not Pitwatch session tokens — at the most verbose log level, through sign-in, API calls, bad requests,
 * WebSocket traffic and polling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startLocalStack, type LocalStack } from '../infra/local/local-stack';
import { demoScenario, type ScenarioInput } from '../shared/thermoworks/simulator';

const PASSWORD = 'Tr0ub4dor&3-correct-horse';
const WRONG_PASSWORD = 'hunter2-not-my-password';
const captured: string[] = [];
let stack: LocalStack;
const originalWrite = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };

beforeAll(async () => {
  const capture = (chunk: unknown) => {
    captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  process.env.POWERTOOLS_DEV = 'false'; // log to stdout as in Lambda, not through the (test runner's) console
  const base = demoScenario as ScenarioInput & { accounts: Array<Record<string, unknown>> };
  const scenario = { ...base, accounts: base.accounts.map((a) => ({ ...a, password: PASSWORD })) } as ScenarioInput;
  stack = await startLocalStack({ port: 0, scenario, pollIntervalSeconds: 5, log: (m) => captured.push(m) });
});

afterAll(async () => {
  await stack?.stop();
  process.stdout.write = originalWrite.out;
  process.stderr.write = originalWrite.err;
  delete process.env.POWERTOOLS_LOG_LEVEL;
  delete process.env.POWERTOOLS_DEV;
});

describe('logs', () => {
  it('carry no password, ThermoWorks token or session token', async () => {
    const api = `${stack.url}/api`;
    const post = (body: unknown) => fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ email: 'demo@pitwatch.local', password: WRONG_PASSWORD })).status).toBe(401);
    expect((await post({ email: 'not-an-email', password: PASSWORD })).status).toBe(400);
    const ok = await post({ email: 'demo@pitwatch.local', password: PASSWORD });
    expect(ok.status).toBe(200);
    const { sessionToken } = (await ok.json()) as { sessionToken: string };
    const auth = { authorization: `Bearer ${sessionToken}` };
    expect((await fetch(`${api}/devices`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${api}/account`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${api}/devices/nope/history?channel=1&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${api}/devices`, { headers: { authorization: `Bearer ${sessionToken}x` } })).status).toBe(401);

    const ws = new WebSocket(`${stack.url.replace('http', 'ws')}/ws?token=${sessionToken}`);
    await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
    ws.send('{"type":"ping"}');
    ws.send('not json');
    await stack.dispatchNow();
    await new Promise((r) => setTimeout(r, 3000));
    ws.close();

    const logs = captured.join('\n');
    expect(logs.length).toBeGreaterThan(1000); // the handlers did log, at DEBUG
    expect(logs).not.toContain(PASSWORD);
    expect(logs).not.toContain(WRONG_PASSWORD);
    expect(logs).not.toContain(sessionToken);
    expect(logs).not.toMatch(/AMf-[0-9a-f]{8}/); // simulator refresh tokens
    expect(logs).not.toMatch(/eyJhbGciOi/); // id tokens
  });
});
