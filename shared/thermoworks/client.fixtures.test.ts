/**
 * The client against the protocol fixtures served by a scripted fetch: exact URLs, headers and bodies it sends,
 * and the token life cycle (refresh ahead of expiry, shared refresh, one retry on a refused token).
 */
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { createThermoWorksClient } from './client';
import { defaultThermoWorksConfig } from './config';
import type { ThermoWorksTokens } from './domain';
import { MalformedResponseError, ReauthRequiredError, ThermoWorksUnavailableError } from './errors';
import { readFixture } from './testing/fixtures';
import { jsonResponse, scriptedFetch, type ScriptedCall } from './testing/scripted-fetch';

const ROOT = '/v1/projects/example-project/databases/(default)/documents';

/** ThermoWorks as the fixtures describe it; `override` answers first when it returns a response. */
function fixtureService(override: (call: ScriptedCall) => Response | undefined = () => undefined) {
  let refreshCount = 0;
  return scriptedFetch((call) => {
    const special = override(call);
    if (special) return special;
    const path = decodeURIComponent(call.url.pathname);
    if (path.endsWith('/webConfig')) return jsonResponse(200, readFixture('web-config'));
    if (path === '/v1/accounts:signInWithPassword') return jsonResponse(200, readFixture('sign-in'));
    if (path === '/v1/token') {
      refreshCount++;
      const body = readFixture('token-refresh') as Record<string, string>;
      return jsonResponse(200, { ...body, id_token: `${body.id_token}-${refreshCount}`, access_token: `${body.id_token}-${refreshCount}` });
    }
    if (path === `${ROOT}:runQuery`) return jsonResponse(200, readFixture('run-query-devices'));
    if (path === `${ROOT}/users/uid-example-1`) return jsonResponse(200, readFixture('user'));
    if (path === `${ROOT}/devices/11:22:33:44:55:66`) return jsonResponse(200, readFixture('device-signals'));
    if (path === `${ROOT}/devices/11:22:33:44:55:66/channels/1`) return jsonResponse(200, readFixture('channel-double'));
    if (path === `${ROOT}/devices/11:22:33:44:55:66/channels/3`) return jsonResponse(200, readFixture('channel-no-probe-null'));
    if (path === `${ROOT}/devices/66:55:44:33:22:11/archive`) return jsonResponse(200, readFixture('archive-list'));
    if (path === '/v0/b/example.appspot.com/o/archives/66:55:44:33:22:11/arch-1.json') return jsonResponse(200, readFixture('archive-file'));
    return jsonResponse(404, readFixture('error-not-found'));
  });
}

function setup(override?: (call: ScriptedCall) => Response | undefined) {
  const clock = new ManualClock('2026-11-01T20:00:00Z');
  const service = fixtureService(override);
  const client = createThermoWorksClient({ fetch: service.fetch, clock, sleep: async () => {}, random: () => 0 });
  return { clock, client, calls: service.calls };
}

const callsTo = (calls: ScriptedCall[], suffix: string) => calls.filter((c) => decodeURIComponent(c.url.pathname).endsWith(suffix));

describe('sign-in and refresh', () => {
  it('signs in with the key, the Referer and returnSecureToken', async () => {
    const { client, calls, clock } = setup();
    const tokens = await client.signIn('cook@example.com', 'secret');
    expect(tokens).toEqual({
      uid: 'uid-example-1',
      email: 'cook@example.com',
      idToken: 'eyJhbGciOiJSUzI1NiJ9.example-id-token',
      refreshToken: 'AMf-example-refresh-token',
      expiresAt: new Date(clock.now().getTime() + 3600_000),
    });
    const call = calls[0] as ScriptedCall;
    expect(call.method).toBe('POST');
    expect(call.url.origin + call.url.pathname).toBe('https://identitytoolkit.googleapis.com/v1/accounts:signInWithPassword');
    expect(call.url.searchParams.get('key')).toBe(defaultThermoWorksConfig.apiKey);
    expect(call.headers.get('referer')).toBe('https://cloud.thermoworks.com/');
    expect(call.body).toEqual({ email: 'cook@example.com', password: 'secret', returnSecureToken: true });
  });

  it('refreshes with grant_type=refresh_token and reads the snake_case answer', async () => {
    const { client, calls } = setup();
    const tokens = await client.refresh('AMf-example-refresh-token');
    expect(tokens).toMatchObject({ uid: 'uid-example-1', refreshToken: 'AMf-example-refresh-token-2', idToken: 'eyJhbGciOiJSUzI1NiJ9.example-id-token-2-1' });
    expect(calls[0]?.url.origin).toBe('https://securetoken.googleapis.com');
    expect(calls[0]?.headers.get('referer')).toBe('https://cloud.thermoworks.com/');
    expect(calls[0]?.body).toEqual({ grant_type: 'refresh_token', refresh_token: 'AMf-example-refresh-token' });
  });

  it('maps a refresh refusal to ReauthRequired without retrying', async () => {
    const { client, calls } = setup((c) => (c.url.pathname === '/v1/token' ? jsonResponse(400, readFixture('error-token-expired')) : undefined));
    await expect(client.refresh('dead')).rejects.toBeInstanceOf(ReauthRequiredError);
    expect(calls).toHaveLength(1);
  });

  it('calls a sign-in answer without tokens malformed', async () => {
    const { client } = setup((c) => (c.url.pathname.endsWith('signInWithPassword') ? jsonResponse(200, { localId: 'u' }) : undefined));
    await expect(client.signIn('a@b.c', 'p')).rejects.toBeInstanceOf(MalformedResponseError);
  });
});

describe('session reads (fixtures)', () => {
  it('discovers the project once, then reads user, devices and channels with the bearer token', async () => {
    const { client, calls } = setup();
    const session = client.session(await client.signIn('cook@example.com', 'secret'));
    const user = await session.getUser();
    expect(user.accountId).toBe('acct-example-1');
    const devices = await session.listDevices(user.accountId);
    expect(devices.map((d) => d.serial)).toEqual(['11:22:33:44:55:66', '66:55:44:33:22:11']);
    await session.getDevice('11:22:33:44:55:66');

    expect(callsTo(calls, '/webConfig')).toHaveLength(1);
    const webConfig = callsTo(calls, '/webConfig')[0];
    expect(webConfig?.headers.get('x-goog-api-key')).toBe(defaultThermoWorksConfig.apiKey);
    expect(webConfig?.headers.get('referer')).toBe('https://cloud.thermoworks.com/');
    expect(webConfig?.url.pathname).toBe(`/v1alpha/projects/-/apps/${defaultThermoWorksConfig.appId}/webConfig`);

    const query = callsTo(calls, ':runQuery')[0];
    expect(query?.url.origin).toBe('https://firestore.googleapis.com');
    expect(query?.headers.get('authorization')).toBe('Bearer eyJhbGciOiJSUzI1NiJ9.example-id-token');
    expect(query?.headers.get('referer')).toBeNull();
    expect(query?.body).toEqual({
      structuredQuery: {
        from: [{ collectionId: 'devices' }],
        where: { fieldFilter: { field: { fieldPath: 'accountId' }, op: 'EQUAL', value: { stringValue: 'acct-example-1' } } },
        orderBy: [{ field: { fieldPath: '__name__' }, direction: 'ASCENDING' }],
      },
    });
    // Serials are URL-encoded path segments.
    expect(callsTo(calls, '/devices/11:22:33:44:55:66')[0]?.url.pathname).toBe(`${ROOT}/devices/11%3A22%3A33%3A44%3A55%3A66`);
    for (const call of calls.filter((c) => c.url.hostname === 'firestore.googleapis.com')) {
      expect(call.url.searchParams.get('key')).toBe(defaultThermoWorksConfig.apiKey);
    }
  });

  it('reads channels 1…9 concurrently and skips gaps', async () => {
    const { client, calls } = setup();
    const session = client.session(await client.signIn('cook@example.com', 'secret'));
    const channels = await session.listChannels('11:22:33:44:55:66');
    expect(channels.map((c) => [c.number, c.value, c.probeConnected])).toEqual([
      ['1', 231.6, true],
      ['3', null, false],
    ]);
    expect(calls.filter((c) => c.url.pathname.includes('/channels/'))).toHaveLength(9);
  });

  it('lists archives (createdOn desc) and downloads one from the discovered bucket', async () => {
    const { client, calls } = setup();
    const session = client.session(await client.signIn('cook@example.com', 'secret'));
    const [archive] = await session.listArchives('66:55:44:33:22:11', { pageSize: 50 });
    const list = callsTo(calls, '/archive')[0];
    expect(list?.url.searchParams.get('pageSize')).toBe('50');
    expect(list?.url.searchParams.get('orderBy')).toBe('createdOn desc');
    expect(list?.url.search).toContain('orderBy=createdOn%20desc');
    const readings = await session.downloadArchive(archive as NonNullable<typeof archive>);
    expect(readings).toHaveLength(6);
    const download = calls[calls.length - 1];
    expect(download?.url.origin).toBe('https://firebasestorage.googleapis.com');
    expect(download?.url.pathname).toBe('/v0/b/example.appspot.com/o/archives%2F66%3A55%3A44%3A33%3A22%3A11%2Farch-1.json');
    expect(download?.url.searchParams.get('alt')).toBe('media');
    expect(download?.headers.get('authorization')).toMatch(/^Bearer /);
  });

  it('does not cache a failed discovery', async () => {
    let fail = true;
    const { client, calls } = setup((c) => (c.url.pathname.endsWith('/webConfig') && fail ? jsonResponse(403, { error: { code: 403, message: 'blocked', status: 'PERMISSION_DENIED' } }) : undefined));
    const session = client.session(await client.signIn('cook@example.com', 'secret'));
    await expect(session.getUser()).rejects.toThrow();
    fail = false;
    await expect(session.getUser()).resolves.toMatchObject({ uid: 'uid-example-1' });
    expect(callsTo(calls, '/webConfig')).toHaveLength(2);
  });
});

describe('token life cycle', () => {
  it('refreshes 60 s before expiry, not earlier, and reports the new tokens', async () => {
    const { client, clock, calls } = setup();
    const signedIn = await client.signIn('cook@example.com', 'secret');
    const seen: ThermoWorksTokens[] = [];
    const session = client.session(signedIn, (t) => void seen.push(t));
    clock.set(signedIn.expiresAt.getTime() - 61_000);
    await session.getUser();
    expect(callsTo(calls, '/v1/token')).toHaveLength(0);
    clock.advance(2_000);
    await session.getUser();
    expect(callsTo(calls, '/v1/token')).toHaveLength(1);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ uid: 'uid-example-1', refreshToken: 'AMf-example-refresh-token-2', email: 'cook@example.com' });
    expect(seen[0]?.expiresAt.getTime()).toBe(clock.now().getTime() + 3600_000);
    expect(session.currentTokens()?.refreshToken).toBe('AMf-example-refresh-token-2');
    // The rotated refresh token is used next time.
    clock.advance(3600_000);
    await session.getUser();
    expect(callsTo(calls, '/v1/token')[1]?.body).toMatchObject({ refresh_token: 'AMf-example-refresh-token-2' });
  });

  it('learns the uid from a refresh when handed an id token without it', async () => {
    const { client, clock, calls } = setup();
    const session = client.session({ refreshToken: 'AMf-example-refresh-token', idToken: 'given', expiresAt: new Date(clock.now().getTime() + 3600_000) });
    await expect(session.getUser()).resolves.toMatchObject({ uid: 'uid-example-1' });
    expect(callsTo(calls, '/v1/token')).toHaveLength(1);
  });

  it('shares one refresh among concurrent callers', async () => {
    const { client, calls } = setup();
    const session = client.session({ refreshToken: 'AMf-example-refresh-token' });
    await Promise.all([session.getUser(), session.listChannels('11:22:33:44:55:66'), session.getDevice('11:22:33:44:55:66'), session.idToken()]);
    expect(callsTo(calls, '/v1/token')).toHaveLength(1);
  });

  it('refreshes once when Firestore refuses a token it thought valid, then succeeds', async () => {
    let refused = 0;
    const { client, calls } = setup((c) => {
      if (c.url.pathname.includes('/users/') && c.headers.get('authorization') === 'Bearer eyJhbGciOiJSUzI1NiJ9.example-id-token') {
        refused++;
        return jsonResponse(401, readFixture('error-unauthenticated'));
      }
      return undefined;
    });
    const session = client.session(await client.signIn('cook@example.com', 'secret'));
    await expect(session.getUser()).resolves.toMatchObject({ uid: 'uid-example-1' });
    expect(refused).toBe(1);
    expect(callsTo(calls, '/v1/token')).toHaveLength(1);
  });

  it('asks for re-link when even a fresh token is refused', async () => {
    const { client, calls } = setup((c) => (c.url.pathname.includes('/users/') ? jsonResponse(401, readFixture('error-unauthenticated')) : undefined));
    const session = client.session(await client.signIn('cook@example.com', 'secret'));
    await expect(session.getUser()).rejects.toBeInstanceOf(ReauthRequiredError);
    expect(callsTo(calls, '/users/uid-example-1')).toHaveLength(2);
  });
});

describe('two clocks (the local stack\'s --time-scale)', () => {
  it('keeps tokens on real time and judges devices online by the device clock', async () => {
    // Real time stands still at 20:00; the simulated world (and its device timestamps) runs ahead of it.
    const clock = new ManualClock('2026-11-01T20:00:00Z');
    const deviceClock = new ManualClock('2026-11-01T20:20:00Z');
    const service = fixtureService();
    const client = createThermoWorksClient({ fetch: service.fetch, clock, deviceClock, sleep: async () => {}, random: () => 0 });
    const signedIn = await client.signIn('cook@example.com', 'secret');
    expect(signedIn.expiresAt).toEqual(new Date('2026-11-01T21:00:00Z'));
    const session = client.session(signedIn);
    // Last heard 20:15:29: online at 20:20, silent for too long by 20:45 (a Signals is offline after 15 min).
    expect(await session.getDevice('11:22:33:44:55:66')).toMatchObject({ online: true });
    deviceClock.set('2026-11-01T20:45:00Z');
    expect(await session.getDevice('11:22:33:44:55:66')).toMatchObject({ online: false });
    // The id token is judged by real time: 25 simulated minutes later it is still fresh, no refresh.
    expect(callsTo(service.calls, '/v1/token')).toHaveLength(0);
  });
});

describe('transport', () => {
  it('times out a request that never answers (transient, retried)', async () => {
    const clock = new ManualClock();
    let attempts = 0;
    const hang = (_: string, init?: RequestInit) =>
      new Promise<Response>((_, reject) => {
        attempts++;
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const client = createThermoWorksClient({ fetch: hang, clock, timeoutMs: 5, retry: { maxAttempts: 2 }, sleep: async () => {} });
    const error = await client.signIn('a@b.c', 'p').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThermoWorksUnavailableError);
    expect((error as ThermoWorksUnavailableError).kind).toBe('timeout');
    expect(attempts).toBe(2);
  });

  it('retries a connection reset, then succeeds', async () => {
    let attempts = 0;
    const flaky = async () => {
      if (attempts++ === 0) throw new TypeError('fetch failed', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) });
      return jsonResponse(200, readFixture('sign-in'));
    };
    const retried: unknown[] = [];
    const client = createThermoWorksClient({ fetch: flaky, sleep: async () => {}, onRetry: (info) => void retried.push(info.error) });
    await expect(client.signIn('a@b.c', 'p')).resolves.toMatchObject({ uid: 'uid-example-1' });
    expect(attempts).toBe(2);
    expect((retried[0] as ThermoWorksUnavailableError).kind).toBe('network');
  });

  it('calls a 200 with an HTML body malformed, and does not retry it', async () => {
    let attempts = 0;
    const html = async () => {
      attempts++;
      return new Response('<html>oops</html>', { status: 200, headers: { 'content-type': 'text/html' } });
    };
    const client = createThermoWorksClient({ fetch: html, sleep: async () => {} });
    await expect(client.signIn('a@b.c', 'p')).rejects.toBeInstanceOf(MalformedResponseError);
    expect(attempts).toBe(1);
  });
});
