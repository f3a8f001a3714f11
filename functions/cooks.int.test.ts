/**
 * Cook records end to end on the local stack (the real handlers behind the local gateway, DynamoDB Local, the
 * simulator, the local S3 stand-in): start → poll → events → end → list → export, every exported row checked
 * against what the simulated device really measured; and share links: what a share token can and cannot reach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { cookDetailSchema, cookReadingsSchema, sharedCookSchema } from '../shared/api/cook-schemas';
import { downloadLinkSchema } from '../shared/api/account-schemas';
import { routeList } from '../shared/api/route-table';
import { cooksResponseSchema, errorBodySchema, serverMessageSchema, type ServerMessage } from '../shared/api/schemas';
import { parseCookLog } from '../shared/cook/cook-log/parse-cook-log';
import { startLocalStack, type LocalStack } from '../infra/local/local-stack';

const SIGNALS = '12:34:56:78:90:AB';
let stack: LocalStack;
let api: string;
let demo: { token: string; userId: string };
let guest: { token: string; userId: string };

async function signIn(email: string): Promise<{ token: string; userId: string }> {
  const res = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'pitwatch' }) });
  const body = (await res.json()) as { sessionToken: string; user: { userId: string } };
  return { token: body.sessionToken, userId: body.user.userId };
}

async function call(method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

/** Until the device has uploaded again (the simulator's own schedule, not a guess at it): the next poll has news. */
async function nextUpload(): Promise<void> {
  const now = stack.simulator.now().getTime();
  const [next] = stack.simulator.transmissions(SIGNALS, new Date(now + 1), new Date(now + 60_000));
  if (next === undefined) throw new Error(`${SIGNALS} uploads nothing in the next minute`);
  while (stack.simulator.now() < next) await new Promise((r) => setTimeout(r, 25));
}

/** A socket that records every message; `closed` resolves with the close time. */
function openSocket(query: string) {
  const messages: ServerMessage[] = [];
  const socket = new WebSocket(`${stack.url.replace('http', 'ws')}/ws?${query}`);
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused: ${res.statusCode}`)));
  });
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now())));
  socket.on('message', (data) => messages.push(serverMessageSchema.parse(JSON.parse(String(data)))));
  return { socket, messages, opened, closed };
}

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  stack = await startLocalStack({ port: 0, pollIntervalSeconds: 5, autoDispatch: false, seedDemoCooks: false });
  api = `${stack.url}/api`;
  [demo, guest] = await Promise.all([signIn('demo@pitwatch.local'), signIn('guest@pitwatch.local')]);
  await stack.pollNow([demo.userId, guest.userId]);
});

afterAll(async () => {
  await stack?.stop();
  delete process.env.POWERTOOLS_LOG_LEVEL;
});

describe('a cook from start to export', () => {
  let cookId: string;

  it('starts, polls, takes events and edits, ends with stats, lists, and exports every stored point as the device measured it', async () => {
    const page = openSocket(`token=${demo.token}`);
    await page.opened;
    const started = await call('POST', '/cooks', demo.token, { serial: SIGNALS, name: 'Saturday brisket', pitChannel: '1', probes: [{ channel: '2', presetId: 'brisket', label: 'Flat' }, { channel: '3', target: 95, units: 'C' }] });
    expect(started.status).toBe(201);
    const cook = cookDetailSchema.parse(started.body);
    cookId = cook.cookId;
    expect(cook).toMatchObject({ serial: SIGNALS, status: 'active', name: 'Saturday brisket', probes: [{ channel: '2', label: 'Flat', targetF: 203 }, { channel: '3', targetF: 203, units: 'C' }] });

    // One active cook per device.
    const again = await call('POST', '/cooks', demo.token, { serial: SIGNALS, probes: [{ channel: '2', presetId: 'brisket' }] });
    expect(again.status).toBe(409);
    expect(errorBodySchema.parse(again.body).error.code).toBe('CONFLICT');

    for (let i = 0; i < 3; i++) {
      await nextUpload();
      await stack.pollNow([demo.userId]);
    }

    const wrapped = await call('POST', `/cooks/${cookId}/events`, demo.token, { kind: 'wrapped', text: 'butcher paper' });
    expect(wrapped.status).toBe(201);
    const note = await call('POST', `/cooks/${cookId}/events`, demo.token, { kind: 'note', text: 'oak', probe: '2' });
    const noteId = cookDetailSchema.parse(note.body).events.find((e) => e.kind === 'note')!.eventId;
    expect((await call('POST', `/cooks/${cookId}/events`, demo.token, { kind: 'note', probe: '9' })).status).toBe(400);
    expect((await call('DELETE', `/cooks/${cookId}/events/${noteId}`, demo.token)).status).toBe(200);
    expect((await call('DELETE', `/cooks/${cookId}/events/${noteId}`, demo.token)).status).toBe(404);

    const patched = await call('PATCH', `/cooks/${cookId}`, demo.token, { notes: 'Post oak, 250 °F', tags: ['Brisket', 'competition'], rating: 4, probes: [{ channel: '3', target: 200 }] });
    expect(patched.status).toBe(200);
    expect(cookDetailSchema.parse(patched.body)).toMatchObject({ tags: ['brisket', 'competition'], rating: 4, probes: [{ channel: '2' }, { channel: '3', targetF: 392 }] });
    // The cook's own alerts, each on unless turned off for this cook.
    const quiet = await call('PATCH', `/cooks/${cookId}`, demo.token, { defaultAlerts: { 'stall-started': false, 'lid-open': false } });
    expect(quiet.status).toBe(200);
    expect(cookDetailSchema.parse(quiet.body).defaultAlerts).toEqual({ 'eta-within': true, 'target-reached': true, 'stall-started': false, 'stall-ended': true, 'pit-dropping': true, 'pit-recovered': true, 'lid-open': false });
    expect((await call('PATCH', `/cooks/${cookId}`, demo.token, { defaultAlerts: { 'lid-open': true } })).status).toBe(200);
    expect((await call('PATCH', `/cooks/${cookId}`, demo.token, { defaultAlerts: { 'no-such-alert': false } })).status).toBe(400);

    await nextUpload();
    await stack.pollNow([demo.userId]); // the poll after the edits keeps them (the worker writes only its own fields)
    const detail = cookDetailSchema.parse((await call('GET', `/cooks/${cookId}`, demo.token)).body);
    expect(detail.events.map((e) => e.kind)).toEqual(['wrapped']);
    expect(detail.probes[1]!.targetF).toBe(392);
    expect(detail.defaultAlerts).toMatchObject({ 'stall-started': false, 'lid-open': true });
    expect(detail.predictions.map((p) => p.channel)).toEqual(['2', '3']);

    const readings = cookReadingsSchema.parse((await call('GET', `/cooks/${cookId}/readings?maxPoints=100`, demo.token)).body);
    expect(readings.channels.map((c) => [c.channel, c.role])).toEqual([['2', 'meat'], ['3', 'meat'], ['1', 'pit']]);
    expect(readings.channels.every((c) => c.points.length >= 3 && c.points.every((p) => p.min <= p.value && p.value <= p.max))).toBe(true);

    const ended = await call('POST', `/cooks/${cookId}/end`, demo.token);
    expect(ended.status).toBe(200);
    const final = cookDetailSchema.parse(ended.body);
    expect(final).toMatchObject({ status: 'ended', events: [{ kind: 'wrapped' }] });
    expect(final.defaultAlerts).toMatchObject({ 'stall-started': false, 'lid-open': true });
    expect(final.stats!.probes.map((p) => p.channel)).toEqual(['2', '3']);
    expect(final.stats!.pit).toEqual({ meanF: expect.any(Number), sdF: expect.any(Number) });
    expect((await call('POST', `/cooks/${cookId}/end`, demo.token)).status).toBe(409);
    expect((await call('PATCH', `/cooks/${cookId}`, demo.token, { probes: [{ channel: '2', target: 190 }] })).status).toBe(409);

    const list = cooksResponseSchema.parse((await call('GET', '/cooks?status=ended&tag=brisket&q=post%20oak', demo.token)).body);
    expect(list.cooks.map((c) => c.cookId)).toEqual([cookId]);
    // Rated 4: found from 4 stars down, not by "5 only"; a bad rating is a 400.
    const rated = async (minRating: string) => cooksResponseSchema.parse((await call('GET', `/cooks?status=ended&minRating=${minRating}`, demo.token)).body).cooks.map((c) => c.cookId);
    expect(await rated('4')).toContain(cookId);
    expect(await rated('5')).not.toContain(cookId);
    expect((await call('GET', '/cooks?minRating=6', demo.token)).status).toBe(400);
    expect(cooksResponseSchema.parse((await call('GET', '/cooks?status=active', demo.token)).body).cooks).toEqual([]);
    expect((await call('GET', `/cooks/${cookId}`, guest.token)).status).toBe(404);
    expect(cooksResponseSchema.parse((await call('GET', '/cooks', guest.token)).body).cooks.map((c) => c.cookId)).not.toContain(cookId);

    // The account's own page heard every change.
    // (two of the updates: the defaultAlerts changes)
    expect(page.messages.filter((m) => m.type === 'cook').map((m) => (m as { change: string }).change)).toEqual(['started', 'updated', 'updated', 'updated', 'updated', 'updated', 'updated', 'ended']);
    page.socket.close();

    // The CSV export: what `npm run predict` reads, every row exactly what the simulated device measured then.
    const link = downloadLinkSchema.parse((await call('GET', `/cooks/${cookId}/export?format=csv`, demo.token)).body);
    const csv = await (await fetch(link.url)).text();
    expect(csv.length).toBe(link.bytes);
    const log = parseCookLog(csv);
    expect([...log.probes].sort()).toEqual(['meat2', 'meat3', 'pit']);
    const rows = csv.trim().split('\n').slice(1).map((line) => line.split(','));
    expect(rows.length).toBeGreaterThanOrEqual(3 * 4);
    for (const [timestamp, probe, temperature, unit] of rows) {
      const channel = probe === 'pit' ? '1' : probe!.slice(4);
      const at = new Date(timestamp!);
      const [truth] = stack.simulator.groundTruth(SIGNALS, channel, at, at);
      expect(truth, `${timestamp} ${probe}`).toBeDefined();
      expect([Number(temperature), unit]).toEqual([truth!.value, truth!.units]);
      expect(at >= new Date(final.startedAt) && at < new Date(final.endedAt!)).toBe(true);
    }
    const json = (await (await fetch(downloadLinkSchema.parse((await call('GET', `/cooks/${cookId}/export?format=json`, demo.token)).body).url)).json()) as { cook: unknown; readings: unknown[] };
    expect(cookDetailSchema.parse(json.cook).cookId).toBe(cookId);
    expect(json.readings).toHaveLength(rows.length);
  });

  it('compares two cooks aligned at their starts', async () => {
    const second = cookDetailSchema.parse((await call('POST', '/cooks', demo.token, { serial: SIGNALS, pitChannel: '1', probes: [{ channel: '2', presetId: 'brisket' }] })).body);
    await nextUpload();
    await stack.pollNow([demo.userId]);
    const compared = await call('GET', `/cooks/compare?ids=${cookId},${second.cookId}`, demo.token);
    expect(compared.status).toBe(200);
    const body = compared.body as { cooks: Array<{ cook: { cookId: string }; meat: Array<{ points: Array<[number, number]> }>; pit: unknown }> };
    expect(body.cooks.map((c) => c.cook.cookId)).toEqual([cookId, second.cookId]);
    expect(body.cooks[0]!.meat[0]!.points[0]![0]).toBeLessThan(60);
    expect((await call('GET', `/cooks/compare?ids=${cookId},nope`, demo.token)).status).toBe(404);
    expect((await call('POST', `/cooks/${second.cookId}/end`, demo.token)).status).toBe(200);
  });
});

describe('share links', () => {
  it('show one cook to anyone with the link and nothing else; revoking closes its socket at once', async () => {
    const cook = cookDetailSchema.parse((await call('POST', '/cooks', demo.token, { serial: SIGNALS, pitChannel: '1', probes: [{ channel: '2', presetId: 'brisket' }] })).body);
    expect((await call('POST', `/cooks/${cook.cookId}/shares`, demo.token, { expiresInHours: 73 })).status).toBe(400);
    expect((await call('POST', `/cooks/${cook.cookId}/shares`, guest.token, { expiresInHours: 1 })).status).toBe(404);
    const created = await call('POST', `/cooks/${cook.cookId}/shares`, demo.token, { expiresInHours: 2 });
    expect(created.status).toBe(201);
    const share = created.body as { shareId: string; url: string; expiresAt: string };
    expect(share.url.startsWith(`${stack.url}/share/`)).toBe(true);
    const token = share.url.split('/share/')[1]!;
    expect(token.length).toBeGreaterThanOrEqual(4 + 22); // ≥ 128 random bits after the prefix

    const viewer = openSocket(`share=${token}`);
    await viewer.opened;
    await nextUpload();
    await stack.pollNow([demo.userId]);

    const publicView = await fetch(`${api}/share/${token}`); // no credential at all
    expect(publicView.status).toBe(200);
    const shown = sharedCookSchema.parse(await publicView.json());
    expect(shown.cook.serial).toBe(SIGNALS);
    const text = JSON.stringify(shown);
    for (const secret of ['demo@pitwatch.local', 'acct-demo', 'uid-demo', 'M100009168', 'AB:CD:EF:01:23:45']) expect(text).not.toContain(secret);

    // The share token on every other route of the table: never a 2xx.
    const path = (p: string) => p.replace('{cookId}', cook.cookId).replace('{serial}', encodeURIComponent(SIGNALS)).replace(/\{[a-zA-Z]+\}/g, 'x');
    for (const route of routeList.filter((r) => r.auth !== 'public')) {
      const res = await call(route.method, path(route.path), token, route.body ? {} : undefined);
      expect([401, 403, 404], `${route.method} ${route.path} → ${res.status}`).toContain(res.status);
    }
    // …nor does it open an account socket, and a session token opens no share socket.
    await expect(openSocket(`token=${token}`).opened).rejects.toThrow(/401/);
    await expect(openSocket(`share=${demo.token}`).opened).rejects.toThrow(/401/);

    const received = viewer.messages.filter((m) => m.type !== 'session-ended');
    expect(received.length).toBeGreaterThan(0);
    expect(received.every((m) => (m.type === 'readings' || m.type === 'prediction') && m.serial === SIGNALS)).toBe(true);

    const listed = (await call('GET', `/cooks/${cook.cookId}/shares`, demo.token)).body as { shares: Array<{ shareId: string }> };
    expect(listed.shares.map((s) => s.shareId)).toEqual([share.shareId]);
    const revokedAt = Date.now();
    expect((await call('DELETE', `/cooks/${cook.cookId}/shares/${share.shareId}`, demo.token)).status).toBe(200);
    const closedAt = await viewer.closed;
    expect(closedAt - revokedAt).toBeLessThan(1000);
    expect(viewer.messages.at(-1)).toEqual({ type: 'session-ended', reason: 'revoked' });
    expect((await fetch(`${api}/share/${token}`)).status).toBe(404);
    expect((await call('DELETE', `/cooks/${cook.cookId}/shares/${share.shareId}`, demo.token)).status).toBe(404);
    expect((await call('POST', `/cooks/${cook.cookId}/end`, demo.token)).status).toBe(200);
  });
});
