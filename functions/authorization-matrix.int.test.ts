/**
 * The authorization matrix, generated from the route table: every route that takes a credential, and the WebSocket
 * `$connect`, is tried by an anonymous caller, a garbage token, an expired session, a revoked session, a revoked API
 * token, a revoked share link and the other demo user, every write route by the victim's own read-only API token,
 * and every route by the victim's own share link (a credential for one cook's public page and socket only). Each try gets 401, 403 or 404 in the documented error body, or, for the other user on a route
 * that names nothing of the victim's, their own data with nothing of the victim's in it. The victim's data is
 * unchanged afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { errorBodySchema } from '../shared/api/schemas';
import { requiredScopeOf } from '../shared/api/route-definition';
import { routeList, type RouteId } from '../shared/api/route-table';
import { createDocumentClient } from '../shared/aws/dynamo-document-client';
import { DynamoSessionStore } from '../shared/aws/dynamo-session-store';
import { hashToken } from '../shared/ids';
import { startLocalStack, type LocalStack } from '../infra/local/local-stack';
import { createAlarmFixtures } from './testing/alarm-fixtures';
import { createVictimCooks, pathOf, routeExamples, type ExampleContext } from './testing/route-examples';
import { accountSnapshot } from './testing/table-snapshot';

const VICTIM = { email: 'demo@pitwatch.local', userId: 'uid-demo-0001', accountId: 'acct-demo-0001' };
const OTHER = { email: 'guest@pitwatch.local' };
const TABLE = 'pitwatch-local';

let stack: LocalStack;
let api: string;
let ctx: ExampleContext;
let credentials: Record<'anonymous' | 'garbage' | 'expired' | 'revoked' | 'revokedApiToken', string | undefined>;
let victimToken: string;
let readOnlyApiToken: string;
let revokedShareToken: string;
let before: string[];
const heardByOther: string[] = [];
const db = () => createDocumentClient({ region: 'us-east-1', endpoint: stack.dynamoEndpoint });
const tally = { attempts: 0, refused: 0, ownData: 0, leaks: [] as string[] };

async function signIn(email: string): Promise<string> {
  const res = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'pitwatch' }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { sessionToken: string }).sessionToken;
}

async function send(routeId: RouteId, token: string | undefined, params?: Record<string, string>): Promise<{ status: number; text: string }> {
  const route = routeList.find((r) => r.id === routeId)!;
  const example = routeExamples[routeId](ctx);
  const query = example.query ? `?${new URLSearchParams(example.query)}` : '';
  const res = await fetch(`${api}${pathOf(route.path, { ...example.params, ...params })}${query}`, {
    method: route.method,
    headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...(example.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(example.body === undefined ? {} : { body: JSON.stringify(example.body) }),
  });
  return { status: res.status, text: await res.text() };
}

function expectRefused(res: { status: number; text: string }, allowed: number[], what: string): void {
  tally.attempts++;
  expect(allowed, `${what}: ${res.status} ${res.text.slice(0, 200)}`).toContain(res.status);
  errorBodySchema.parse(JSON.parse(res.text));
  tally.refused++;
}

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  stack = await startLocalStack({ port: 0, autoDispatch: false });
  api = `${stack.url}/api`;
  await stack.pollNow([VICTIM.userId, 'uid-guest-0001']);
  victimToken = await signIn(VICTIM.email);

  // A session whose idle expiry has passed (its TTL has not: TTL deletes lazily, so the check on read is what counts).
  const expiredToken = 'expired-session-token-for-the-matrix-0000000000';
  const past = new Date(Date.now() - 3_600_000).toISOString();
  await new DynamoSessionStore(db(), TABLE).put({
    tokenHash: hashToken(expiredToken),
    sessionId: 'expired-session',
    userId: VICTIM.userId,
    accountId: VICTIM.accountId,
    email: VICTIM.email,
    createdAt: new Date(Date.now() - 8 * 86_400_000).toISOString(),
    lastUsedAt: new Date(Date.now() - 7 * 86_400_000 - 3_600_000).toISOString(),
    expiresAt: past,
    absoluteExpiresAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    userAgent: null,
    ipPrefix: null,
  });
  const revokedToken = await signIn(VICTIM.email);
  expect((await fetch(`${api}/auth/logout`, { method: 'POST', headers: { authorization: `Bearer ${revokedToken}` } })).status).toBe(200);
  // The victim's API tokens: a read-only one (kept), and a read-write one revoked at once.
  const createToken = async (scopes: string[]) => {
    const res = await fetch(`${api}/api-tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${victimToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `matrix ${scopes.join('+')}`, scopes }),
    });
    expect(res.status).toBe(201);
    return (await res.json()) as { tokenId: string; token: string };
  };
  const readOnly = await createToken(['read']);
  readOnlyApiToken = readOnly.token;
  const revokedApi = await createToken(['read', 'write']);
  expect((await fetch(`${api}/devices`, { headers: { authorization: `Bearer ${revokedApi.token}` } })).status).toBe(200);
  expect((await fetch(`${api}/api-tokens/${revokedApi.tokenId}`, { method: 'DELETE', headers: { authorization: `Bearer ${victimToken}` } })).status).toBe(200);
  credentials = {
    anonymous: undefined,
    garbage: 'garbage-token-that-was-never-issued',
    expired: expiredToken,
    revoked: revokedToken,
    revokedApiToken: revokedApi.token,
  };

  const sessions = (await (await fetch(`${api}/auth/sessions`, { headers: { authorization: `Bearer ${victimToken}` } })).json()) as { sessions: Array<{ sessionId: string; current: boolean }> };
  // Something of the victim's for the cook routes to aim at: cooks, a timeline event, a share link (and a revoked one).
  const serial = '12:34:56:78:90:AB';
  ctx = {
    serial,
    channel: '1',
    sessionId: sessions.sessions.find((s) => s.current)!.sessionId,
    tokenId: readOnly.tokenId,
    email: VICTIM.email,
    now: new Date(),
    ...(await createVictimCooks(api, victimToken, serial)),
    alarmId: '',
    alarmEventId: '',
    channelId: '',
    alarmLinkToken: '',
  };
  Object.assign(ctx, await createAlarmFixtures(api, victimToken, { db: db(), tableName: TABLE }, { accountId: VICTIM.accountId, serial: ctx.serial, channel: ctx.channel }));
  const revokedShare = (await (await fetch(`${api}/cooks/${ctx.cookId}/shares`, {
    method: 'POST',
    headers: { authorization: `Bearer ${victimToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ expiresInHours: 1 }),
  })).json()) as { shareId: string; url: string };
  expect((await fetch(`${api}/cooks/${ctx.cookId}/shares/${revokedShare.shareId}`, { method: 'DELETE', headers: { authorization: `Bearer ${victimToken}` } })).status).toBe(200);
  revokedShareToken = revokedShare.url.split('/share/')[1]!;
  // The other user listens while both accounts are polled (before the snapshot: polling changes the victim's data).
  const otherToken = await signIn(OTHER.email);
  const ws = new WebSocket(`${stack.url.replace('http', 'ws')}/ws?token=${otherToken}`);
  ws.on('message', (data) => heardByOther.push(data.toString()));
  await new Promise((resolve) => ws.once('open', resolve));
  // Poll both accounts until the other user's socket has heard its own readings (the demo devices upload every 3-5 s).
  for (let i = 0; i < 40 && !heardByOther.some((m) => m.includes('"reading"')); i++) {
    await stack.pollNow([VICTIM.userId, 'uid-guest-0001']);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  ws.close();

  before = await accountSnapshot(db(), TABLE, VICTIM);
});

afterAll(async () => {
  console.log(`authorization matrix: ${JSON.stringify({ attempts: tally.attempts, refused: tally.refused, ownDataOnly: tally.ownData, leaks: tally.leaks.length })}`);
  await stack?.stop();
  delete process.env.POWERTOOLS_LOG_LEVEL;
});

const guarded = routeList.filter((r) => r.auth !== 'public');
const writeRoutes = guarded.filter((r) => requiredScopeOf(r) === 'write');

describe('authorization matrix', () => {
  it('has an example request for every route', () => {
    for (const route of routeList) expect(routeExamples[route.id], route.id).toBeTypeOf('function');
  });

  describe.each(['anonymous', 'garbage', 'expired', 'revoked', 'revokedApiToken'] as const)('%s', (who) => {
    it.each(guarded.map((r) => [r.id] as const))('%s → 401', async (routeId) => {
      expectRefused(await send(routeId, credentials[who]), [401], `${who} ${routeId}`);
    });
  });

  describe('the victim’s own read-only API token', () => {
    it.each(writeRoutes.map((r) => [r.id] as const))('%s (a write route) → 403', async (routeId) => {
      expectRefused(await send(routeId, readOnlyApiToken), [403], `read-only API token ${routeId}`);
    });

    it('still reads (the control: the token itself works)', async () => {
      const res = await fetch(`${api}/devices`, { headers: { authorization: `Bearer ${readOnlyApiToken}` } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain(ctx.serial);
    });
  });

  describe('the victim’s own share link (a credential for one cook, read-only)', () => {
    it.each(guarded.map((r) => [r.id] as const))('%s → 403', async (routeId) => {
      expectRefused(await send(routeId, ctx.shareToken), [403], `share token ${routeId}`);
    });

    it('a revoked share link is refused everywhere: 401 on the routes, 404 on its public page', async () => {
      for (const route of guarded) expectRefused(await send(route.id, revokedShareToken), [401], `revoked share token ${route.id}`);
      expectRefused(await send('getSharedCook', undefined, { token: revokedShareToken }), [404], 'revoked share page');
    });

    it('the public page of a live share shows that cook and nothing of the account (the control)', async () => {
      const res = await send('getSharedCook', undefined);
      expect(res.status).toBe(200);
      tally.attempts++;
      for (const secret of [VICTIM.userId, VICTIM.accountId, VICTIM.email, ctx.sessionId, ctx.endedCookId]) {
        if (res.text.includes(secret)) tally.leaks.push(`getSharedCook: ${secret}`);
      }
      tally.ownData++;
    });
  });

  describe('the other demo user', () => {
    it.each(guarded.map((r) => [r.id] as const))('%s → refused, or their own data only', async (routeId) => {
      // A fresh session each time: some routes end the caller's own sessions.
      const token = await signIn(OTHER.email);
      const res = await send(routeId, token);
      const example = routeExamples[routeId](ctx);
      if (example.owned) {
        expectRefused(res, [...(example.otherUserStatus ?? [401, 403, 404])], `other user ${routeId}`);
        return;
      }
      tally.attempts++;
      if (res.status === 404 && routeExamples[routeId](ctx).ownSingleton) errorBodySchema.parse(JSON.parse(res.text)); // they have none
      else expect(res.status, res.text).toBeLessThan(300);
      for (const secret of [VICTIM.userId, VICTIM.accountId, VICTIM.email, ctx.serial, ctx.sessionId]) {
        if (res.text.includes(secret)) tally.leaks.push(`${routeId}: ${secret}`);
      }
      tally.ownData++;
    });
  });

  describe('signed links (public: the token is the credential)', () => {
    const payload = () => JSON.parse(Buffer.from(ctx.alarmLinkToken.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    const reencoded = (changes: Record<string, unknown>) => Buffer.from(JSON.stringify({ ...payload(), ...changes })).toString('base64url');
    const link = (method: 'GET' | 'POST', token: string, bearer?: string) =>
      fetch(`${api}/alarm-links${method === 'GET' ? `?token=${encodeURIComponent(token)}` : ''}`, {
        method,
        headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
        ...(method === 'POST' ? { body: JSON.stringify({ token }) } : {}),
      }).then(async (res) => ({ status: res.status, text: await res.text() }));

    it('a token altered to name another account, another event or act, or a later expiry → 403 LINK_INVALID', async () => {
      const signature = ctx.alarmLinkToken.split('.')[1]!;
      for (const changes of [{ acct: 'acct-guest-0001' }, { id: 'another-event' }, { act: 'snooze' }, { exp: 4102444800 }]) {
        for (const method of ['GET', 'POST'] as const) {
          const res = await link(method, `${reencoded(changes)}.${signature}`);
          expectRefused(res, [403], `altered link ${JSON.stringify(changes)} ${method}`);
          expect(JSON.parse(res.text).error.code).toBe('LINK_INVALID');
        }
      }
    });

    it('a signature cut short, or a token signed with another key → 403 LINK_INVALID; a session does not help', async () => {
      const [payloadPart, signature] = ctx.alarmLinkToken.split('.') as [string, string];
      const forged = `${payloadPart}.${Buffer.alloc(32, 7).toString('base64url')}`;
      const otherToken = await signIn(OTHER.email);
      for (const token of [`${payloadPart}.${signature.slice(0, 20)}`, forged]) {
        for (const method of ['GET', 'POST'] as const) {
          expectRefused(await link(method, token), [403], `forged link ${method}`);
          expectRefused(await link(method, token, victimToken), [403], `forged link with the victim's session ${method}`);
          expectRefused(await link(method, token, otherToken), [403], `forged link with another user's session ${method}`);
        }
      }
    });

    it('the genuine link previews the victim’s alarm without a sign-in, and nothing more (the control)', async () => {
      const res = await link('GET', ctx.alarmLinkToken);
      tally.attempts++;
      expect(res.status, res.text).toBe(200);
      expect(JSON.parse(res.text)).toMatchObject({ act: 'ack', done: false, event: { eventId: ctx.alarmEventId } });
      for (const secret of [VICTIM.userId, VICTIM.email, ctx.sessionId, ctx.channelId]) if (res.text.includes(secret)) tally.leaks.push(`previewAlarmLink: ${secret}`);
      tally.ownData++;
    });
  });

  describe('WebSocket $connect', () => {
    const connect = (query: string) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(`${stack.url.replace('http', 'ws')}/ws${query}`);
        ws.once('open', () => {
          ws.close();
          resolve(101);
        });
        ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.once('error', () => resolve(-1));
      });

    it.each(['anonymous', 'garbage', 'expired', 'revoked', 'revokedApiToken'] as const)('%s → 401', async (who) => {
      const token = credentials[who];
      tally.attempts++;
      expect(await connect(token === undefined ? '' : `?token=${encodeURIComponent(token)}`)).toBe(401);
      tally.refused++;
    });

    it('a share token passed as ?token=, and a revoked share link as ?share= → 401', async () => {
      for (const query of [`?token=${ctx.shareToken}`, `?share=${revokedShareToken}`, `?share=${victimToken}`]) {
        tally.attempts++;
        expect(await connect(query), query.slice(0, 12)).toBe(401);
        tally.refused++;
      }
    });

    it('the other user’s socket hears nothing of the victim’s devices', () => {
      tally.attempts++;
      expect(heardByOther.length, 'the other user’s own readings arrived').toBeGreaterThan(0);
      expect(heardByOther.filter((m) => m.includes(ctx.serial) || m.includes(VICTIM.accountId))).toEqual([]);
      tally.ownData++;
    });
  });

  it('leaves the victim’s data as it was, and the victim signed in', async () => {
    expect(tally.leaks).toEqual([]);
    expect(await accountSnapshot(db(), TABLE, VICTIM)).toEqual(before);
    expect((await fetch(`${api}/devices`, { headers: { authorization: `Bearer ${victimToken}` } })).status).toBe(200);
  });
});
