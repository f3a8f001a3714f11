/**
 * The HTTP API through the local gateway (API Gateway payload 2.0 events, the real handlers, DynamoDB Local, the
 * simulator): bad input gets a clear 4xx with the documented error body, never a 500; one user never reaches
 * another's devices; a cook started through the API gets done-time predictions from the poll worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../shared/api/schemas';
import { startLocalStack, type LocalStack } from '../infra/local/local-stack';

let stack: LocalStack;
let api: string;
let demo: string;
let guest: string;

async function signIn(email: string): Promise<{ token: string; userId: string }> {
  const res = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'pitwatch' }) });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { sessionToken: string; user: { userId: string } };
  return { token: body.sessionToken, userId: body.user.userId };
}

async function call(method: string, path: string, token?: string, body?: string) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body } : {}),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  stack = await startLocalStack({ port: 0, pollIntervalSeconds: 5, dispatchEverySeconds: 3600 });
  api = `${stack.url}/api`;
  const users = await Promise.all([signIn('demo@pitwatch.local'), signIn('guest@pitwatch.local')]);
  [demo, guest] = users.map((u) => u.token) as [string, string];
  await stack.pollNow(users.map((u) => u.userId)); // devices are known once polled; don't race the first dispatch

});

afterAll(async () => {
  await stack?.stop();
  delete process.env.POWERTOOLS_LOG_LEVEL;
});

describe('bad input', () => {
  it.each([
    ['POST', '/auth/login', undefined, '{not json', 400],
    ['POST', '/auth/login', undefined, '{"email":"demo@pitwatch.local"}', 400],
    ['POST', '/auth/login', undefined, '{"email":"nobody@pitwatch.local","password":"pitwatch"}', 401],
    ['POST', '/auth/login', undefined, '{"email":"demo@pitwatch.local","password":"wrong"}', 401],
    ['GET', '/devices', undefined, undefined, 401],
    ['GET', '/devices', 'not-a-session', undefined, 401],
    ['GET', '/account', undefined, undefined, 401],
    ['GET', '/devices/12%3A34%3A56%3A78%3A90%3AAB/history?channel=x&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z', 'demo', undefined, 400],
    ['GET', '/devices/12%3A34%3A56%3A78%3A90%3AAB/history?channel=1&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z', 'demo', undefined, 400],
    ['GET', '/devices/12%3A34%3A56%3A78%3A90%3AAB/history?channel=1', 'demo', undefined, 400],
    ['POST', '/cooks', 'demo', '{"serial":"12:34:56:78:90:AB","probes":[]}', 400],
    ['POST', '/cooks', 'demo', '{"serial":"12:34:56:78:90:AB","probes":[{"channel":"2","presetId":"unicorn"}]}', 400],
    ['POST', '/cooks', 'demo', '{"serial":"12:34:56:78:90:AB","probes":[{"channel":"2"}]}', 400],
    ['DELETE', '/cooks/nothing-here', 'demo', undefined, 404],
    ['GET', '/me/settings', undefined, undefined, 401],
    ['PATCH', '/me/settings', 'demo', '{}', 400],
    ['PATCH', '/me/settings', 'demo', '{"units":"K"}', 400],
    ['PATCH', '/me/settings', 'demo', '{"timeZone":"Mars/Olympus"}', 400],
    ['PATCH', '/me/settings', 'demo', '{"theme":"dark","font":"comic"}', 400],
    ['GET', '/no-such-route', 'demo', undefined, 404],
  ])('%s %s (session: %s, body: %s) → %i with the documented error body', async (method, path, who, body, status) => {
    const token = who === 'demo' ? demo : who;
    const res = await call(method, path, token, body);
    expect(res.status).toBe(status);
    const parsed = errorBodySchema.parse(res.body);
    expect(parsed.error.message.length).toBeGreaterThan(0);
  });
});

describe('ownership', () => {
  it("never shows one user another user's devices, history or cooks", async () => {
    const demoDevices = (await call('GET', '/devices', demo)).body as { devices: Array<{ serial: string }> };
    const guestDevices = (await call('GET', '/devices', guest)).body as { devices: Array<{ serial: string }> };
    const demoSerials = demoDevices.devices.map((d) => d.serial);
    expect(demoSerials.length).toBeGreaterThan(0);
    expect(guestDevices.devices.map((d) => d.serial).filter((s) => demoSerials.includes(s))).toEqual([]);
    const serial = encodeURIComponent(demoSerials[0]!);
    const range = 'channel=1&from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z';
    expect((await call('GET', `/devices/${serial}/history?${range}`, guest)).status).toBe(404);
    expect((await call('GET', `/devices/${serial}/history?${range}`, demo)).status).toBe(200);
    expect((await call('POST', '/cooks', guest, JSON.stringify({ serial: demoSerials[0], probes: [{ channel: '2', presetId: 'brisket' }] }))).status).toBe(404);
  });
});

describe('settings', () => {
  it('starts at the defaults, keeps each user\'s patches apart, and changes only the fields patched', async () => {
    expect((await call('GET', '/me/settings', guest)).body).toEqual({ units: 'F', clock: '12h', timeZone: null, theme: 'system' });
    expect(await call('PATCH', '/me/settings', demo, '{"units":"C","timeZone":"Europe/Berlin"}')).toEqual({
      status: 200,
      body: { units: 'C', clock: '12h', timeZone: 'Europe/Berlin', theme: 'system' },
    });
    // Two screens changing different settings at once: both land.
    await Promise.all([call('PATCH', '/me/settings', demo, '{"clock":"24h"}'), call('PATCH', '/me/settings', demo, '{"theme":"dark"}')]);
    expect((await call('GET', '/me/settings', demo)).body).toEqual({ units: 'C', clock: '24h', timeZone: 'Europe/Berlin', theme: 'dark' });
    expect((await call('GET', '/me/settings', guest)).body).toEqual({ units: 'F', clock: '12h', timeZone: null, theme: 'system' });
    expect((await call('PATCH', '/me/settings', demo, '{"timeZone":null,"units":"F"}')).body).toEqual({ units: 'F', clock: '24h', timeZone: null, theme: 'dark' });
  });
});

describe('cooks', () => {
  it('predicts done times for a cook started through the API and pushes them', async () => {
    const accountRes = (await call('GET', '/account', demo)).body as { userId: string; status: string };
    expect(accountRes.status).toBe('ok');
    const started = await call('POST', '/cooks', demo, JSON.stringify({ serial: '12:34:56:78:90:AB', pitChannel: '1', probes: [{ channel: '2', presetId: 'brisket' }, { channel: '4', target: 95, units: 'C' }] }));
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ serial: '12:34:56:78:90:AB', probes: [{ channel: '2', targetF: 203 }, { channel: '4', targetF: 203 }] });
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 3100));
      await stack.pollNow([accountRes.userId]);
    }
    const cooks = (await call('GET', '/cooks?status=active', demo)).body as { cooks: Array<{ predictions: Array<{ channel: string; phase: string }> }> };
    expect(cooks.cooks).toHaveLength(1);
    expect(cooks.cooks[0]!.predictions.map((p) => p.channel)).toEqual(['2', '4']);
    expect((await call('GET', '/cooks', guest)).body).toEqual({ cooks: [] });
    const { cookId } = started.body as { cookId: string };
    expect((await call('POST', `/cooks/${cookId}/end`, demo)).status).toBe(200);
    expect((await call('GET', '/cooks?status=active', demo)).body).toEqual({ cooks: [] });
  });
});
