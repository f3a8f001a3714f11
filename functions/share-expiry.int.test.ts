/**
 * A share link's socket closes when the link expires, with nothing else happening on the account (no poll, no push):
 * the share-expiry queue holds the expiry from the moment the share is made. The local stack runs its clock 720×
 * faster, so a one-hour share (the shortest the API makes) ends five real seconds after it was made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { cookDetailSchema } from '../shared/api/cook-schemas';
import { serverMessageSchema, type ServerMessage } from '../shared/api/schemas';
import { startLocalStack, type LocalStack } from '../infra/local/local-stack';

const SIGNALS = '12:34:56:78:90:AB';
const TIME_SCALE = 720;
let stack: LocalStack;
let api: string;
let demo: { token: string; userId: string };

async function call(method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  stack = await startLocalStack({ port: 0, timeScale: TIME_SCALE, autoDispatch: false, seedDemoCooks: false });
  api = `${stack.url}/api`;
  const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'demo@pitwatch.local', password: 'pitwatch' }) });
  const body = (await login.json()) as { sessionToken: string; user: { userId: string } };
  demo = { token: body.sessionToken, userId: body.user.userId };
  await stack.pollNow([demo.userId]);
});

afterAll(async () => {
  await stack?.stop();
});

describe('share expiry', () => {
  it('closes the share’s socket when it expires, with a last session-ended (expired), and the link answers 404', async () => {
    const cook = cookDetailSchema.parse((await call('POST', '/cooks', demo.token, { serial: SIGNALS, pitChannel: '1', probes: [{ channel: '2', presetId: 'brisket' }] })).body);
    const created = await call('POST', `/cooks/${cook.cookId}/shares`, demo.token, { expiresInHours: 1 });
    expect(created.status).toBe(201);
    const share = created.body as { url: string; expiresAt: string };
    const token = share.url.split('/share/')[1]!;

    const messages: ServerMessage[] = [];
    const socket = new WebSocket(`${stack.url.replace('http', 'ws')}/ws?share=${token}`);
    socket.on('message', (data) => messages.push(serverMessageSchema.parse(JSON.parse(String(data)))));
    const closedAt = new Promise<number>((resolve) => socket.once('close', () => resolve(stack.clock.now().getTime())));
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
    });
    expect((await fetch(`${api}/share/${token}`)).status).toBe(200);

    const closed = await closedAt;
    expect(closed).toBeGreaterThanOrEqual(Date.parse(share.expiresAt));
    // The figure (not a threshold): how long after the expiry the socket closed, in real time.
    console.log(`share expiry → socket closed: ${Math.round((closed - Date.parse(share.expiresAt)) / TIME_SCALE)} ms after the expiry (real time, clock at ${TIME_SCALE}×)`);
    expect(messages.at(-1)).toEqual({ type: 'session-ended', reason: 'expired' });
    expect((await fetch(`${api}/share/${token}`)).status).toBe(404);
    expect((await call('POST', `/cooks/${cook.cookId}/end`, demo.token)).status).toBe(200);
  });
});
