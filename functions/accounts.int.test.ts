/**
 * Accounts you can trust, on the local stack (the real handlers behind the local gateways, DynamoDB Local, the
 * simulator): sign-out really signs out, including the open WebSocket; the session list and revocation; sign-in
 * failures that say nothing about whether an email exists; and what the gateway answers itself (its 4xx, the
 * heartbeat's pong).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { sessionListSchema } from '../shared/api/auth-schemas';
import { errorBodySchema } from '../shared/api/schemas';
import { PONG_FRAME } from '../shared/live/heartbeat-route';
import { startLocalStack, type LocalStack } from '../infra/local/local-stack';

let stack: LocalStack;
let api: string;

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  stack = await startLocalStack({ port: 0, autoDispatch: false });
  api = `${stack.url}/api`;
});

afterAll(async () => {
  await stack?.stop();
  delete process.env.POWERTOOLS_LOG_LEVEL;
});

async function signIn(email = 'demo@pitwatch.local', userAgent = 'accounts-test'): Promise<string> {
  const res = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': userAgent },
    body: JSON.stringify({ email, password: 'pitwatch' }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { sessionToken: string }).sessionToken;
}

const call = (method: string, path: string, token?: string, init: RequestInit = {}) =>
  fetch(`${api}${path}`, { method, ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) } });

/** A browser's live connection, recording every message and when it closed. */
async function openSocket(token: string): Promise<{ messages: unknown[]; closed: Promise<number> }> {
  const ws = new WebSocket(`${stack.url.replace('http', 'ws')}/ws?token=${token}`);
  const messages: unknown[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(data.toString())));
  const closed = new Promise<number>((resolve) => ws.on('close', () => resolve(performance.now())));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { messages, closed };
}

describe('sign-out', () => {
  // How fast the socket closes is measured by `npm run bench:live` (logout → close), not asserted here: timings in
  // tests only measure how busy the machine is.
  it('ends the session at once: HTTP answers 401, the open socket gets session-ended and is closed by the server, no connection item is left', async () => {
    const token = await signIn();
    const other = await signIn();
    expect((await call('GET', '/devices', token)).status).toBe(200);
    const socket = await openSocket(token);
    const otherSocket = await openSocket(other);

    const started = performance.now();
    const res = await call('POST', '/auth/logout', token);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ signedOut: true });
    const closedAt = await socket.closed;
    console.log(`socket closed ${(closedAt - started).toFixed(0)} ms after the logout request was sent`);
    expect(socket.messages.at(-1)).toEqual({ type: 'session-ended', reason: 'signed-out' });

    const after = await call('GET', '/devices', token);
    expect(after.status).toBe(401);
    errorBodySchema.parse(await after.json());
    // A second logout with the same token is simply unauthorized.
    expect((await call('POST', '/auth/logout', token)).status).toBe(401);
    // The other session and its socket are untouched.
    expect((await call('GET', '/devices', other)).status).toBe(200);
    expect(otherSocket.messages.some((m) => (m as { type: string }).type === 'session-ended')).toBe(false);

    const { DynamoConnectionStore } = await import('../shared/aws/dynamo-connection-store');
    const { createDocumentClient } = await import('../shared/aws/dynamo-document-client');
    const connections = new DynamoConnectionStore(createDocumentClient({ region: 'us-east-1', endpoint: stack.dynamoEndpoint }), 'pitwatch-local');
    const remaining = await connections.listForAccount('acct-demo-0001');
    expect(remaining.length).toBe(1);
  });

  it('a WebSocket with a revoked or unknown token is refused', async () => {
    const token = await signIn();
    await call('POST', '/auth/logout', token);
    await expect(openSocket(token)).rejects.toThrow(/401/);
    await expect(openSocket('garbage')).rejects.toThrow(/401/);
  });
});

describe('sessions', () => {
  it('lists the user’s sessions (created, last used, user agent, coarse IP) and revokes one or all the others', async () => {
    const current = await signIn('guest@pitwatch.local', 'Laptop Firefox');
    const phone = await signIn('guest@pitwatch.local', 'Phone Safari');
    const list = sessionListSchema.parse(await (await call('GET', '/auth/sessions', current)).json());
    const mine = list.sessions.find((s) => s.current)!;
    expect(mine).toMatchObject({ userAgent: 'Laptop Firefox', ipPrefix: '127.0.0.0/24' });
    const phoneSession = list.sessions.find((s) => s.userAgent === 'Phone Safari')!;
    expect(phoneSession.current).toBe(false);

    const phoneSocket = await openSocket(phone);
    expect((await call('DELETE', `/auth/sessions/${phoneSession.sessionId}`, current)).status).toBe(200);
    await phoneSocket.closed;
    expect(phoneSocket.messages.at(-1)).toEqual({ type: 'session-ended', reason: 'revoked' });
    expect((await call('GET', '/devices', phone)).status).toBe(401);
    // Not found the second time, and another user's session id is not found either.
    expect((await call('DELETE', `/auth/sessions/${phoneSession.sessionId}`, current)).status).toBe(404);
    const demo = await signIn();
    const demoSession = sessionListSchema.parse(await (await call('GET', '/auth/sessions', demo)).json()).sessions.find((s) => s.current)!;
    expect((await call('DELETE', `/auth/sessions/${demoSession.sessionId}`, current)).status).toBe(404);
    expect((await call('GET', '/devices', demo)).status).toBe(200);

    await signIn('guest@pitwatch.local', 'Tablet');
    const revoked = (await (await call('DELETE', '/auth/sessions', current)).json()) as { revoked: number };
    expect(revoked.revoked).toBeGreaterThanOrEqual(1);
    const left = sessionListSchema.parse(await (await call('GET', '/auth/sessions', current)).json()).sessions;
    expect(left.map((s) => s.current)).toEqual([true]);
  });
});

describe('sign-in answers', () => {
  it('an unknown email answers byte for byte like a wrong password', async () => {
    const post = (email: string) =>
      fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'not-it' }) });
    const wrong = await post('demo@pitwatch.local');
    const unknown = await post('nobody-here@pitwatch.local');
    const [wrongBody, unknownBody] = [await wrong.text(), await unknown.text()];
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(wrong.status);
    expect(unknownBody).toBe(wrongBody);
    expect(JSON.parse(wrongBody)).toEqual({ error: { code: 'UNAUTHORIZED', message: 'Wrong email or password.' } });
    expect(unknown.headers.get('content-type')).toBe(wrong.headers.get('content-type'));
  });
});

describe('the gateway’s own 4xx', () => {
  it.each([
    ['a path that does not percent-decode', 'GET', '/devices/%E0%A4%A/history', 400],
    ['a lone percent sign', 'GET', '/devices/%/history', 400],
    ['a method the path does not take', 'PUT', '/devices', 405],
    ['an unknown path', 'GET', '/nowhere', 404],
  ])('%s → %i with the error body', async (_what, method, path, status) => {
    const token = await signIn();
    const res = await call(method, path, token);
    expect(res.status).toBe(status);
    errorBodySchema.parse(await res.json());
  });

  it('a body over API Gateway’s 10 MB limit is answered 413, not a reset connection', async () => {
    const res = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(11 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a WebSocket ping itself, as the ping route’s mock integration does, and leaves any other frame to $default', async () => {
    const ws = new WebSocket(`${stack.url.replace('http', 'ws')}/ws?token=${await signIn()}`);
    const frames: string[] = [];
    const waiters: (() => void)[] = [];
    ws.on('message', (data) => {
      frames.push(data.toString());
      waiters.shift()?.();
    });
    const nextFrame = () => new Promise<string>((resolve) => waiters.push(() => resolve(frames.at(-1)!)));
    await new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)));

    let frame = nextFrame();
    ws.send('{"type":"ping"}');
    expect(await frame).toBe(PONG_FRAME); // $default no longer sends a pong: only the gateway can have answered
    frame = nextFrame();
    ws.send('{"type":"hello"}');
    expect(JSON.parse(await frame)).toMatchObject({ type: 'error', code: 'VALIDATION_FAILED' });
    ws.close();
  });

  it('missing static files are 404; app screens fall back to the app', async () => {
    expect((await fetch(`${stack.url}/no-such-file.js`)).status).toBe(404);
    expect((await fetch(`${stack.url}/favicon-missing.ico`)).status).toBe(404);
    const screen = await fetch(`${stack.url}/devices/some-serial`);
    expect([200, 503]).toContain(screen.status); // 503 only when the web app has not been built
  });
});
