/**
 * The serve time of a cook in progress on the local stack (real handlers, DynamoDB Local, the simulator): the demo's
 * brisket, hours from done with its history back-filled, is given a serve time far too early. The PATCH answer, the
 * cook list the live view reads and the next poll's `serve-check` socket message all say it is running late; bad
 * serve times are 400s, and clearing one takes it off the cook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { cookDetailSchema } from '../shared/api/cook-schemas';
import { cooksResponseSchema, errorBodySchema, serverMessageSchema, type ServerMessage } from '../shared/api/schemas';
import { startLocalStack, type LocalStack } from '../infra/local/local-stack';

const DEMO_USER = 'uid-demo-0001';
let stack: LocalStack;
let api: string;
let token: string;

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  stack = await startLocalStack({ port: 0, autoDispatch: false, seedDemoCooks: true });
  api = `${stack.url}/api`;
  await stack.demoCooksReady;
  const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'demo@pitwatch.local', password: 'pitwatch' }) });
  token = ((await login.json()) as { sessionToken: string }).sessionToken;
}, 240_000); // the demo cooks' history is written first: a minute or more on a shared machine

afterAll(async () => {
  await stack?.stop();
  delete process.env.POWERTOOLS_LOG_LEVEL;
});

describe('a serve time on a cook in progress', () => {
  it('says "running late" for a serve time too early, in the answer, the list and the next poll, and can be cleared', async () => {
    const active = cooksResponseSchema.parse((await call('GET', '/cooks?status=active')).body).cooks;
    const cook = active.find((c) => c.probes.some((p) => p.presetId === 'brisket'));
    expect(cook, 'the demo has a brisket in progress').toBeDefined();
    const { cookId, serial } = cook!;
    const nowMs = stack.clock.now().getTime();
    const etas = cook!.predictions.flatMap((p) => (p.etaAt !== null ? [Date.parse(p.etaAt)] : []));
    expect(etas.length, 'the back-filled brisket already has done times').toBeGreaterThan(0);

    // Bad serve times: not an instant, in the past, more than two days ahead. Each a 400 naming serveAt.
    for (const serveAt of ['18:00', new Date(nowMs - 60_000).toISOString(), new Date(nowMs + 3 * 86_400_000).toISOString(), 1_800_000_000_000]) {
      const refused = await call('PATCH', `/cooks/${cookId}`, { serveAt });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(errorBodySchema.parse(refused.body).error.details)).toContain('serveAt');
    }

    // Half an hour from now, before the earliest probe is even done (and a brisket then rests an hour): late.
    const serveAt = new Date(Math.min(nowMs + 30 * 60_000, Math.min(...etas) - 5 * 60_000)).toISOString();
    expect(Date.parse(serveAt)).toBeGreaterThan(nowMs);
    const patched = await call('PATCH', `/cooks/${cookId}`, { serveAt });
    expect(patched.status).toBe(200);
    const detail = cookDetailSchema.parse(patched.body);
    expect(detail.serveAt).toBe(serveAt);
    expect(detail.serveCheck).toMatchObject({ status: 'late', restMinutes: 60 });
    expect(detail.serveCheck!.minutesLate).toBeGreaterThanOrEqual(60);
    expect(Date.parse(detail.serveCheck!.readyAt!)).toBeGreaterThan(Date.parse(serveAt));

    const listed = cooksResponseSchema.parse((await call('GET', '/cooks?status=active')).body).cooks.find((c) => c.cookId === cookId);
    expect(listed).toMatchObject({ serveAt, serveCheck: { status: 'late' } });

    // New targets and the serve time in one PATCH: the answer checks the targets as patched. Every probe's target
    // below what it reads (they are past 150 °F) is done now, with no preset's rest: no longer late.
    const lowered = cookDetailSchema.parse((await call('PATCH', `/cooks/${cookId}`, { serveAt, probes: detail.probes.map((p) => ({ channel: p.channel, target: 100, units: 'F' })) })).body);
    expect(lowered.probes.every((p) => p.targetF === 100)).toBe(true);
    expect(lowered.serveCheck?.status).not.toBe('late');
    // Targets alone, back up: the stored serve time is checked again with them.
    const raised = cookDetailSchema.parse((await call('PATCH', `/cooks/${cookId}`, { probes: detail.probes.map((p) => ({ channel: p.channel, target: p.targetF, units: 'F' })) })).body);
    expect(raised.serveCheck).toMatchObject({ status: 'late' });

    // The next poll checks it again and pushes it to the account's pages.
    const messages: ServerMessage[] = [];
    const socket = new WebSocket(`${stack.url.replace('http', 'ws')}/ws?token=${token}`);
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.on('message', (data) => messages.push(serverMessageSchema.parse(JSON.parse(String(data)))));
    let pushed: Extract<ServerMessage, { type: 'serve-check' }> | undefined;
    for (let attempt = 0; attempt < 20 && pushed === undefined; attempt++) {
      // A poll stores and pushes once a new minute of readings is in: poll until one is.
      await stack.pollNow([DEMO_USER]);
      await new Promise((r) => setTimeout(r, 250));
      pushed = messages.find((m): m is Extract<ServerMessage, { type: 'serve-check' }> => m.type === 'serve-check' && m.cookId === cookId);
      if (pushed === undefined) await new Promise((r) => setTimeout(r, 3000));
    }
    socket.close();
    expect(pushed).toMatchObject({ serial, serveAt, check: { status: 'late' } });

    const cleared = cookDetailSchema.parse((await call('PATCH', `/cooks/${cookId}`, { serveAt: null })).body);
    expect(cleared.serveAt).toBeUndefined();
    expect(cleared.serveCheck).toBeUndefined();
  }, 120_000); // polls until one stores a new minute

  it('refuses a serve time on another account’s cook (404) and on an ended cook (409)', async () => {
    const ended = cooksResponseSchema.parse((await call('GET', '/cooks?status=ended')).body).cooks[0]!;
    const serveAt = new Date(stack.clock.now().getTime() + 3_600_000).toISOString();
    expect((await call('PATCH', `/cooks/${ended.cookId}`, { serveAt })).status).toBe(409);
    const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'guest@pitwatch.local', password: 'pitwatch' }) });
    const guest = ((await login.json()) as { sessionToken: string }).sessionToken;
    const mine = cooksResponseSchema.parse((await call('GET', '/cooks?status=active')).body).cooks[0]!;
    const res = await fetch(`${api}/cooks/${mine.cookId}`, { method: 'PATCH', headers: { authorization: `Bearer ${guest}`, 'content-type': 'application/json' }, body: JSON.stringify({ serveAt }) });
    expect(res.status).toBe(404);
  });
});
