/**
 * The simulator speaks the protocol's exact shapes: compared with the fixtures key by key (order included),
 * typed value by typed value, and error bodies byte for byte.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock, ScaledClock } from '../../clock';
import { fixtureText, readFixture } from '../testing/fixtures';
import { demoScenario, startSimulator, type RunningSimulator, type ScenarioInput } from './index';

const START = '2026-11-01T20:00:00.000Z';
const KEY = 'AIzaSyCf079iccUFc1k7VHdGXng22zXDy8Y3KEY';
const REFERER = { referer: 'https://cloud.thermoworks.com/' };
const ROOT = '/v1/projects/pitwatch-simulator/databases/(default)/documents';

let sims: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(sims.map((s) => s.stop()));
  sims = [];
});

async function sim(scenario: ScenarioInput = demoScenario, timeScale = 1) {
  const clock = new ManualClock(START);
  const s = await startSimulator({ port: 0, clock, timeScale, scenario: { ...scenario, startAt: START } });
  sims.push(s);
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${s.url}${path}`, { method, headers: { ...headers, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, text, json: JSON.parse(text) as unknown, contentType: res.headers.get('content-type') };
  };
  const signIn = async (email = 'demo@pitwatch.local', password = 'pitwatch') =>
    call('POST', `/v1/accounts:signInWithPassword?key=${KEY}`, { email, password, returnSecureToken: true }, REFERER);
  const token = async (email?: string) => ((await signIn(email)).json as { idToken: string; refreshToken: string });
  const get = async (path: string, idToken: string) => call('GET', `${ROOT}${path}?key=${KEY}`, undefined, { authorization: `Bearer ${idToken}` });
  return { s, clock, call, signIn, token, get };
}

/** The structure of a JSON value: keys in order, typed-value kinds, leaf types. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [shape(value[0])];
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
}

const keysOf = (doc: unknown) => Object.keys((doc as { fields: object }).fields);

describe('shapes match the fixtures', () => {
  it('sign-in, refresh and webConfig answers', async () => {
    const { signIn, call } = await sim();
    const signedIn = await signIn();
    expect(shape(signedIn.json)).toEqual(shape(readFixture('sign-in')));
    const refreshToken = (signedIn.json as { refreshToken: string }).refreshToken;
    const refreshed = await call('POST', `/v1/token?key=${KEY}`, { grant_type: 'refresh_token', refresh_token: refreshToken }, REFERER);
    expect(shape(refreshed.json)).toEqual(shape(readFixture('token-refresh')));
    const config = await call('GET', '/v1alpha/projects/-/apps/1:78998049458:web:b41e9d405d8c7de95eefab/webConfig', undefined, { 'x-goog-api-key': KEY, ...REFERER });
    expect(shape(config.json)).toEqual(shape(readFixture('web-config')));
    expect(config.json).toMatchObject({ projectId: 'pitwatch-simulator', storageBucket: 'pitwatch-simulator.appspot.com' });
  });

  it('user, runQuery, device and channel documents', async () => {
    const { token, get, call } = await sim();
    const { idToken } = await token();
    const user = await get('/users/uid-demo-0001', idToken);
    // deviceOrder is keyed by account id, which differs by design.
    expect(shape(user.json)).toEqual(shape(JSON.parse(fixtureText('user').replaceAll('acct-example-1', 'acct-demo-0001'))));

    const query = await call(
      'POST',
      `${ROOT}:runQuery?key=${KEY}`,
      { structuredQuery: { from: [{ collectionId: 'devices' }], where: { fieldFilter: { field: { fieldPath: 'accountId' }, op: 'EQUAL', value: { stringValue: 'acct-demo-0001' } } } } },
      { authorization: `Bearer ${idToken}` },
    );
    const items = query.json as Array<Record<string, unknown>>;
    expect(items.map((i) => Object.keys(i))).toEqual([['document', 'readTime'], ['document', 'readTime'], ['document', 'readTime'], ['readTime']]);
    expect(items[0]?.readTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);

    const node = await get('/devices/M100009168', idToken);
    expect(keysOf(node.json)).toEqual(keysOf(readFixture('device-node')));
    expect(shape(node.json)).toEqual(shape(readFixture('device-node')));
    const signals = await get('/devices/12%3A34%3A56%3A78%3A90%3AAB', idToken);
    expect(keysOf(signals.json)).toEqual(keysOf(readFixture('device-signals')));
    expect(shape(signals.json)).toEqual(shape(readFixture('device-signals')));

    const channel = await get('/devices/12%3A34%3A56%3A78%3A90%3AAB/channels/1', idToken);
    expect(shape(channel.json)).toEqual(shape(readFixture('channel-double')));
    const rfxNull = await get('/devices/AB%3ACD%3AEF%3A01%3A23%3A45/channels/2', idToken);
    expect(keysOf(rfxNull.json)).toEqual(keysOf(readFixture('channel-no-probe-null')).filter((k) => k !== 'minimum' && k !== 'maximum'));
    expect((rfxNull.json as { fields: Record<string, unknown> }).fields.value).toEqual({ nullValue: null });
  });

  it('writes probe values as float32 doubles, or as integers for integer devices', async () => {
    const { token, get } = await sim();
    const { idToken } = await token();
    const pit = (await get('/devices/12%3A34%3A56%3A78%3A90%3AAB/channels/1', idToken)).json as { fields: { value: { doubleValue: number } } };
    expect(Math.fround(pit.fields.value.doubleValue)).toBe(pit.fields.value.doubleValue);
    const guest = await token('guest@pitwatch.local');
    const chicken = (await get('/devices/M200004242/channels/1', guest.idToken)).json as { fields: { value: unknown } };
    expect(chicken.fields.value).toEqual({ integerValue: expect.stringMatching(/^\d+$/) });
    const listing = await get('/devices/12%3A34%3A56%3A78%3A90%3AAB/channels', idToken);
    expect(shape(listing.json)).toEqual(shape(readFixture('channels-list')));
  });

  it('archive listing and archive file', async () => {
    const { token, call } = await sim();
    const { idToken } = await token();
    const list = await call('GET', `${ROOT}/devices/M100009168/archive?pageSize=2&orderBy=createdOn%20desc&key=${KEY}`, undefined, { authorization: `Bearer ${idToken}` });
    const page = list.json as { documents: Array<{ fields: Record<string, { stringValue?: string }> }>; nextPageToken?: string };
    expect(page.documents).toHaveLength(2);
    expect(page.nextPageToken).toBeDefined();
    const fixture = readFixture('archive-list') as { documents: unknown[] };
    expect(keysOf(page.documents[0])).toEqual(keysOf(fixture.documents[0]));
    const filename = page.documents[0]?.fields.filename?.stringValue as string;
    const file = await call('GET', `/v0/b/pitwatch-simulator.appspot.com/o/${encodeURIComponent(filename)}?alt=media`, undefined, { authorization: `Bearer ${idToken}` });
    expect(file.contentType).toBe('text/json');
    expect(shape(file.json)).toEqual(shape(readFixture('archive-file')));
    const guest = await token('guest@pitwatch.local');
    const denied = await call('GET', `/v0/b/pitwatch-simulator.appspot.com/o/${encodeURIComponent(filename)}?alt=media`, undefined, { authorization: `Bearer ${guest.idToken}` });
    expect(denied.status).toBe(403);
  });
});

describe('error bodies, byte for byte', () => {
  it('sign-in reasons (legacy and unified)', async () => {
    const legacy = await sim({ ...demoScenario, credentialErrors: 'legacy', signInLockoutAfter: 2 });
    const wrong = await legacy.signIn('demo@pitwatch.local', 'nope');
    expect(wrong.status).toBe(400);
    expect(wrong.text).toBe(fixtureText('error-invalid-password').trim());
    expect((await legacy.signIn('who@pitwatch.local', 'x')).text).toBe(fixtureText('error-email-not-found').trim());
    await legacy.signIn('demo@pitwatch.local', 'nope');
    expect((await legacy.signIn('demo@pitwatch.local', 'pitwatch')).text).toBe(fixtureText('error-too-many-attempts').trim());

    const unified = await sim();
    expect((await unified.signIn('demo@pitwatch.local', 'nope')).text).toBe(fixtureText('error-invalid-login-credentials').trim());
    unified.s.setUserDisabled('guest@pitwatch.local', true);
    expect((await unified.signIn('guest@pitwatch.local', 'pitwatch')).text).toBe(fixtureText('error-user-disabled').trim());
  });

  it('refresh, Firestore and throttling errors', async () => {
    const { s, token, get, call } = await sim();
    const { idToken, refreshToken } = await token();
    s.revokeRefreshTokens('demo@pitwatch.local');
    const refresh = await call('POST', `/v1/token?key=${KEY}`, { grant_type: 'refresh_token', refresh_token: refreshToken }, REFERER);
    expect(refresh.text).toBe(fixtureText('error-token-expired').trim());
    const expired = await get('/users/uid-demo-0001', idToken);
    expect(expired.status).toBe(401);
    expect(expired.text).toBe(fixtureText('error-unauthenticated').trim());

    const fresh = await token();
    const missing = await get('/devices/00%3A00%3A00%3A00%3A00%3A00', fresh.idToken);
    expect(missing.status).toBe(404);
    expect(missing.text).toBe(fixtureText('error-not-found').trim().replace('example-project', 'pitwatch-simulator'));

    s.setFaults('demo@pitwatch.local', { rateLimitNext: 1 });
    const throttled = await get('/users/uid-demo-0001', fresh.idToken);
    expect(throttled.status).toBe(429);
    expect(throttled.text).toBe(fixtureText('error-resource-exhausted').trim());
  });
});

describe('simulated time, determinism and the admin API', () => {
  it('replays the same values for the same seed, and different ones for another seed', async () => {
    const a = await sim();
    const b = await sim();
    const c = await sim({ ...demoScenario, seed: 7 });
    const window = [new Date(START), new Date(Date.parse(START) + 60_000)] as const;
    expect(a.s.groundTruth('12:34:56:78:90:AB', '2', ...window)).toEqual(b.s.groundTruth('12:34:56:78:90:AB', '2', ...window));
    expect(a.s.groundTruth('12:34:56:78:90:AB', '2', ...window)).not.toEqual(c.s.groundTruth('12:34:56:78:90:AB', '2', ...window));
    expect((await a.signIn()).json).toEqual((await b.signIn()).json);
  });

  it('runs time faster with timeScale (uploads follow simulated time)', async () => {
    const fast = await sim(demoScenario, 60);
    fast.clock.advance(60_000);
    expect(fast.s.now().toISOString()).toBe('2026-11-01T21:00:00.000Z');
    expect(fast.s.transmissions('M100009168', new Date(START), fast.s.now())).toEqual([new Date(START)]);
    fast.clock.advance(60_000);
    expect(fast.s.transmissions('M100009168', new Date(START), fast.s.now())).toHaveLength(2);
  });

  it('follows the clock it is given exactly; id tokens still expire by real time', async () => {
    const real = new ManualClock(START);
    const simulated = new ScaledClock({ scale: 30, realOriginMs: Date.parse(START), simulatedOriginMs: Date.parse('2026-11-01T07:00:00.000Z') }, real);
    // scenario.startAt and timeScale give way to the clock: it is the one every other part of the stack reads.
    const s = await startSimulator({ port: 0, clock: real, simulatedClock: simulated, timeScale: 5, scenario: { ...demoScenario, startAt: START, idTokenLifetimeSeconds: 600 } });
    sims.push(s);
    expect(s.now().toISOString()).toBe('2026-11-01T07:00:00.000Z');
    const signIn = await fetch(`${s.url}/v1/accounts:signInWithPassword?key=${KEY}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...REFERER },
      body: JSON.stringify({ email: 'demo@pitwatch.local', password: 'pitwatch', returnSecureToken: true }),
    });
    const { idToken } = (await signIn.json()) as { idToken: string };
    const device = () => fetch(`${s.url}${ROOT}/devices/M100009168?key=${KEY}`, { headers: { authorization: `Bearer ${idToken}` } });
    real.advance(5 * 60_000); // 2.5 simulated hours, 5 real minutes: the 10-minute token still works
    expect(s.now().toISOString()).toBe('2026-11-01T09:30:00.000Z');
    expect((await device()).status).toBe(200);
    real.advance(5 * 60_000);
    expect((await device()).status).toBe(401);
  });

  it('serves state, ground truth and device/probe switches over HTTP', async () => {
    const { s, call } = await sim();
    const state = (await call('GET', '/__admin/state')).json as { now: string; accounts: Array<{ email: string }> };
    expect(state.now).toBe(START);
    expect(state.accounts.map((a) => a.email)).toEqual(['demo@pitwatch.local', 'guest@pitwatch.local']);
    const truth = await call('GET', `/__admin/ground-truth/M100009168/1?from=${encodeURIComponent('2026-11-01T19:00:00Z')}&to=${encodeURIComponent(START)}`);
    expect((truth.json as unknown[]).length).toBe(7);
    expect((await call('POST', '/__admin/devices/12%3A34%3A56%3A78%3A90%3AAB/offline')).status).toBe(200);
    expect(s.transmissions('12:34:56:78:90:AB', new Date(START), new Date(Date.parse(START) + 30_000))).toEqual([]);
    expect((await call('POST', '/__admin/devices/12%3A34%3A56%3A78%3A90%3AAB/channels/7/unplug')).status).toBe(400);
    expect((await call('POST', '/__admin/accounts/nobody@x/disable')).status).toBe(400);
    expect((await call('GET', '/__admin/requests')).json).toEqual(expect.arrayContaining([expect.objectContaining({ service: 'admin' })]));
  });

  it('checks the API key and the bearer like the real service', async () => {
    const { call, token } = await sim();
    expect((await call('POST', '/v1/accounts:signInWithPassword', { email: 'a@b.c', password: 'x' }, REFERER)).status).toBe(403);
    expect((await call('POST', '/v1/accounts:signInWithPassword?key=AIza-nope', { email: 'a@b.c', password: 'x' }, REFERER)).status).toBe(400);
    const noReferer = await call('POST', `/v1/accounts:signInWithPassword?key=${KEY}`, { email: 'demo@pitwatch.local', password: 'pitwatch' });
    expect(noReferer.json).toMatchObject({ error: { status: 'PERMISSION_DENIED', message: 'Requests from referer <empty> are blocked.' } });
    expect((await call('GET', `${ROOT}/users/uid-demo-0001?key=${KEY}`)).status).toBe(403);
    expect((await call('GET', `${ROOT}/users/uid-demo-0001`, undefined, { authorization: 'Bearer forged' })).status).toBe(401);
    const { idToken } = await token();
    expect((await call('GET', `${ROOT}/users/uid-demo-0001?key=AIza-nope`, undefined, { authorization: `Bearer ${idToken}` })).status).toBe(400);
    expect((await call('GET', `${ROOT}/users/uid-guest-0001`, undefined, { authorization: `Bearer ${idToken}` })).status).toBe(403);
  });
});
