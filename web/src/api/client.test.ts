import { describe, expect, it } from 'vitest';
import type { DeviceView } from '../../../shared/api/schemas';
import { createApiClient, loadConfig, type FetchLike } from './client';
import { ApiError, ContractError, NetworkError, SessionExpiredError, describeError } from './errors';

interface Call {
  url: string;
  init: RequestInit | undefined;
}

/** A fetch that records calls and answers with the given responses in order. */
function fakeFetch(...responses: Array<Response | Error>): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const next = responses.shift();
    if (next === undefined) throw new Error('unexpected request');
    if (next instanceof Error) throw next;
    return next;
  };
  return { fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const config = { apiUrl: 'https://api.example.test/prod/', wsUrl: 'wss://ws.example.test/prod' };

const device: DeviceView = {
  serial: 'SIG-1',
  label: 'Big Green Egg',
  kind: 'signals',
  battery: 80,
  wifiDbm: -60,
  online: true,
  lastSeen: '2026-01-01T00:00:00.000Z',
  channels: [
    {
      number: '1',
      label: 'Brisket',
      value: 165.2,
      units: 'F',
      status: 'normal',
      probeConnected: true,
      at: '2026-01-01T00:00:00.000Z',
    },
  ],
};

describe('loadConfig', () => {
  it('reads and validates /config.json', async () => {
    const { fetch, calls } = fakeFetch(json(200, { apiUrl: 'http://localhost:3000/api', wsUrl: 'ws://localhost:3000/ws' }));
    await expect(loadConfig(fetch)).resolves.toEqual({ apiUrl: 'http://localhost:3000/api', wsUrl: 'ws://localhost:3000/ws' });
    expect(calls[0]?.url).toBe('/config.json');
    expect(calls[0]?.init?.cache).toBe('no-store');
  });

  it('rejects a config without wsUrl', async () => {
    const { fetch } = fakeFetch(json(200, { apiUrl: 'x' }));
    await expect(loadConfig(fetch)).rejects.toBeInstanceOf(ContractError);
  });

  it("says it can't reach Pitwatch when config.json is missing", async () => {
    const { fetch } = fakeFetch(new Response('not found', { status: 404 }));
    await expect(loadConfig(fetch)).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('login', () => {
  it('POSTs JSON to ${apiUrl}/auth/login and returns the validated session', async () => {
    const session = { sessionToken: 'tok', expiresAt: '2026-01-02T00:00:00.000Z', user: { userId: 'u1', email: 'a@b.c' } };
    const { fetch, calls } = fakeFetch(json(200, session));
    const api = createApiClient(config, { fetch });

    await expect(api.login('a@b.c', 'pw')).resolves.toEqual(session);
    expect(calls[0]?.url).toBe('https://api.example.test/prod/auth/login');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ email: 'a@b.c', password: 'pw' });
    expect(new Headers(calls[0]?.init?.headers).get('content-type')).toBe('application/json');
  });

  it('turns 401 into "Wrong email or password"', async () => {
    const { fetch } = fakeFetch(json(401, { error: { code: 'UNAUTHORIZED', message: 'Invalid credentials' } }));
    const error = await createApiClient(config, { fetch }).login('a@b.c', 'nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(SessionExpiredError);
    expect(describeError(error)).toBe('Wrong email or password');
  });

  it("shows the server's message for other errors", async () => {
    const { fetch } = fakeFetch(
      json(429, { error: { code: 'RATE_LIMITED', message: 'Slow down, try in 30 s', details: { retryAfterSeconds: 30 } } }),
    );
    const error = await createApiClient(config, { fetch }).login('a@b.c', 'pw').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED', details: { retryAfterSeconds: 30 } });
    expect(describeError(error)).toBe('Slow down, try in 30 s');
  });

  it("reports a network failure as \"Can't reach Pitwatch\"", async () => {
    const { fetch } = fakeFetch(new TypeError('Failed to fetch'));
    const error = await createApiClient(config, { fetch }).login('a@b.c', 'pw').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(describeError(error)).toBe("Can't reach Pitwatch");
  });

  it('rejects an off-contract success body', async () => {
    const { fetch } = fakeFetch(json(200, { token: 'tok' }));
    await expect(createApiClient(config, { fetch }).login('a@b.c', 'pw')).rejects.toBeInstanceOf(ContractError);
  });

  it('times out a request that never answers', async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const api = createApiClient(config, { fetch: hanging, timeoutMs: 10 });
    await expect(api.login('a@b.c', 'pw')).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('listDevices', () => {
  it('sends the bearer token and returns validated devices', async () => {
    const { fetch, calls } = fakeFetch(json(200, { devices: [device] }));
    await expect(createApiClient(config, { fetch }).listDevices('tok-123')).resolves.toEqual([device]);
    expect(calls[0]?.url).toBe('https://api.example.test/prod/devices');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer tok-123');
  });

  it('treats 401 as an ended session', async () => {
    const { fetch } = fakeFetch(json(401, { error: { code: 'UNAUTHORIZED', message: 'Session expired' } }));
    await expect(createApiClient(config, { fetch }).listDevices('old')).rejects.toBeInstanceOf(SessionExpiredError);
  });

  it("treats API Gateway's own 403 (authorizer deny) as an ended session", async () => {
    const { fetch } = fakeFetch(json(403, { message: 'Forbidden' }));
    await expect(createApiClient(config, { fetch }).listDevices('old')).rejects.toBeInstanceOf(SessionExpiredError);
  });

  it('keeps a Pitwatch 403 as a plain error', async () => {
    const { fetch } = fakeFetch(json(403, { error: { code: 'FORBIDDEN', message: 'Not your device' } }));
    const error = await createApiClient(config, { fetch }).listDevices('tok').catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(SessionExpiredError);
    expect(describeError(error)).toBe('Not your device');
  });

  it('gives a readable message when a 5xx has no Pitwatch body', async () => {
    const { fetch } = fakeFetch(new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = await createApiClient(config, { fetch }).listDevices('tok').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: 'HTTP_502' });
    expect(describeError(error)).toMatch(/having trouble/);
  });

  it('rejects a device with a missing field', async () => {
    const { channels: _dropped, ...broken } = device;
    const { fetch } = fakeFetch(json(200, { devices: [broken] }));
    await expect(createApiClient(config, { fetch }).listDevices('tok')).rejects.toBeInstanceOf(ContractError);
  });
});
