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

  it('reads the local stack\'s simulated clock, and refuses a broken one', async () => {
    const clock = { scale: 30, realOriginMs: 1_796_000_000_000, simulatedOriginMs: 1_795_990_000_000 };
    const urls = { apiUrl: 'http://localhost:3000/api', wsUrl: 'ws://localhost:3000/ws' };
    await expect(loadConfig(fakeFetch(json(200, { ...urls, clock })).fetch)).resolves.toEqual({ ...urls, clock });
    await expect(loadConfig(fakeFetch(json(200, { ...urls, clock: { ...clock, scale: 0 } })).fetch)).rejects.toBeInstanceOf(ContractError);
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

const account = {
  userId: 'u1',
  email: 'a@b.c',
  status: 'failing',
  statusMessage: 'ThermoWorks answered 503',
  linkedAt: '2026-01-01T00:00:00.000Z',
  lastPolledAt: '2026-01-01T01:00:00.000Z',
  lastReadingAt: '2026-01-01T00:59:00.000Z',
};

const cookView = {
  cookId: 'cook-1',
  status: 'active' as const,
  name: 'Brisket',
  tags: [],
  rating: null,
  endedAt: null,
  serial: '12:34:56:78:90:AB',
  startedAt: '2026-01-01T00:00:00.000Z',
  pitChannel: '1',
  probes: [{ channel: '2', label: null, targetF: 203, presetId: 'brisket', meat: 'brisket', units: 'F' as const }],
  predictions: [
    {
      channel: '2',
      phase: 'heating',
      etaAt: '2026-01-01T08:00:00.000Z',
      etaLowAt: '2026-01-01T07:00:00.000Z',
      etaHighAt: '2026-01-01T09:00:00.000Z',
      reason: null,
      stallStartedAt: null,
      at: '2026-01-01T01:00:00.000Z',
    },
  ],
  alerts: [],
};

describe('getAccount', () => {
  it('GETs ${apiUrl}/account with the bearer token and returns the validated status', async () => {
    const { fetch, calls } = fakeFetch(json(200, account));
    await expect(createApiClient(config, { fetch }).getAccount('tok-1')).resolves.toEqual(account);
    expect(calls[0]?.url).toBe('https://api.example.test/prod/account');
    expect(calls[0]?.init?.method ?? 'GET').toBe('GET');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer tok-1');
  });

  it('rejects a status the contract does not know', async () => {
    const { fetch } = fakeFetch(json(200, { ...account, status: 'sulking' }));
    await expect(createApiClient(config, { fetch }).getAccount('tok')).rejects.toBeInstanceOf(ContractError);
  });

  it('keeps a 404 (no linked account) as a plain error with its status', async () => {
    const { fetch } = fakeFetch(json(404, { error: { code: 'NOT_FOUND', message: 'No ThermoWorks account is linked.' } }));
    const error = await createApiClient(config, { fetch }).getAccount('tok').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).not.toBeInstanceOf(SessionExpiredError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});

describe('cooks', () => {
  it('lists cooks in progress', async () => {
    const { fetch, calls } = fakeFetch(json(200, { cooks: [cookView] }));
    await expect(createApiClient(config, { fetch }).listCooks('tok-2')).resolves.toEqual([cookView]);
    expect(calls[0]?.url).toBe('https://api.example.test/prod/cooks?status=active&limit=100');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer tok-2');
  });

  it('fills in what an older API leaves out (alerts)', async () => {
    const { alerts: _alerts, ...older } = cookView;
    const { fetch } = fakeFetch(json(200, { cooks: [older] }));
    await expect(createApiClient(config, { fetch }).listCooks('tok')).resolves.toEqual([cookView]);
  });

  it('rejects a cook list with an unknown phase', async () => {
    const broken = { ...cookView, predictions: [{ ...cookView.predictions[0], phase: 'resting' }] };
    const { fetch } = fakeFetch(json(200, { cooks: [broken] }));
    await expect(createApiClient(config, { fetch }).listCooks('tok')).rejects.toBeInstanceOf(ContractError);
  });

  it('POSTs the start request as JSON and returns the created cook', async () => {
    const { fetch, calls } = fakeFetch(json(201, { ...cookView, predictions: [] }));
    const request = { serial: cookView.serial, pitChannel: '1', probes: [{ channel: '2', presetId: 'brisket' }] };
    await expect(createApiClient(config, { fetch }).startCook('tok-3', request)).resolves.toEqual({ ...cookView, predictions: [] });
    expect(calls[0]?.url).toBe('https://api.example.test/prod/cooks');
    expect(calls[0]?.init?.method).toBe('POST');
    const headers = new Headers(calls[0]?.init?.headers);
    expect(headers.get('authorization')).toBe('Bearer tok-3');
    expect(headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual(request);
  });

  it("shows the API's reason when it refuses to start a cook", async () => {
    const { fetch } = fakeFetch(
      json(400, { error: { code: 'VALIDATION_ERROR', message: 'The pit channel cannot also be a meat probe.' } }),
    );
    const error = await createApiClient(config, { fetch })
      .startCook('tok', { serial: 'S', pitChannel: '2', probes: [{ channel: '2', target: 200 }] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_ERROR' });
    expect(describeError(error)).toBe('The pit channel cannot also be a meat probe.');
  });

  it('DELETEs the cook with the serial escaped into one path segment', async () => {
    const { fetch, calls } = fakeFetch(json(200, { ended: true }));
    await expect(createApiClient(config, { fetch }).endCook('tok-4', 'cook-1')).resolves.toBeUndefined();
    expect(calls[0]?.url).toBe('https://api.example.test/prod/cooks/cook-1/end');
    expect(calls[0]?.init?.method).toBe('POST');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer tok-4');
  });

  it('reports a cook that is not there as a 404', async () => {
    const { fetch } = fakeFetch(json(404, { error: { code: 'NOT_FOUND', message: 'No cook in progress on S.' } }));
    const error = await createApiClient(config, { fetch }).endCook('tok', 'S').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404 });
    expect(describeError(error)).toBe('No cook in progress on S.');
  });

  it('treats 401 on any cook call as an ended session', async () => {
    const unauthorized = () => json(401, { error: { code: 'UNAUTHORIZED', message: 'Session expired' } });
    const { fetch } = fakeFetch(unauthorized(), unauthorized(), unauthorized());
    const api = createApiClient(config, { fetch });
    await expect(api.listCooks('old')).rejects.toBeInstanceOf(SessionExpiredError);
    await expect(api.startCook('old', { serial: 'S', probes: [{ channel: '1', target: 150 }] })).rejects.toBeInstanceOf(SessionExpiredError);
    await expect(api.endCook('old', 'S')).rejects.toBeInstanceOf(SessionExpiredError);
  });
});

describe('getHistory', () => {
  const history = {
    serial: '12:34:56:78:90:AB',
    channel: '2',
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-01-01T12:00:00.000Z',
    binSeconds: 60,
    points: [
      { at: '2026-01-01T00:00:00.000Z', value: 40.5, units: 'F' },
      { at: '2026-01-01T00:01:00.000Z', value: 41, units: 'F' },
    ],
  };
  const request = { serial: '12:34:56:78:90:AB', channel: '2', from: history.from, to: history.to, maxPoints: 640 };

  it('GETs /devices/{serial}/history with the serial as one escaped path segment and the query parameters', async () => {
    const { fetch, calls } = fakeFetch(json(200, history));
    await expect(createApiClient(config, { fetch }).getHistory('tok-5', request)).resolves.toEqual(history);

    const url = new URL(calls[0]!.url);
    expect(url.origin + url.pathname).toBe('https://api.example.test/prod/devices/12%3A34%3A56%3A78%3A90%3AAB/history');
    expect(Object.fromEntries(url.searchParams)).toEqual({ channel: '2', from: history.from, to: history.to, maxPoints: '640' });
    expect(calls[0]?.init?.method ?? 'GET').toBe('GET');
    expect(new Headers(calls[0]?.init?.headers).get('authorization')).toBe('Bearer tok-5');
  });

  it('escapes characters that would end the path or start a query', async () => {
    const { fetch, calls } = fakeFetch(json(200, { ...history, serial: 'a/b?c#d' }));
    await createApiClient(config, { fetch }).getHistory('tok', { ...request, serial: 'a/b?c#d' });
    const url = new URL(calls[0]!.url);
    expect(url.pathname).toBe('/prod/devices/a%2Fb%3Fc%23d/history');
    expect(url.searchParams.get('channel')).toBe('2');
    // "+" in an ISO offset must survive as "+", not turn into a space.
    const offset = { ...request, from: '2026-01-01T01:00:00+01:00' };
    const second = fakeFetch(json(200, history));
    await createApiClient(config, { fetch: second.fetch }).getHistory('tok', offset);
    expect(new URL(second.calls[0]!.url).searchParams.get('from')).toBe('2026-01-01T01:00:00+01:00');
  });

  it('leaves maxPoints to the API when not given and rounds it when fractional', async () => {
    const { fetch, calls } = fakeFetch(json(200, history), json(200, history));
    const api = createApiClient(config, { fetch });
    const { maxPoints: _omit, ...withoutMax } = request;
    await api.getHistory('tok', withoutMax);
    await api.getHistory('tok', { ...request, maxPoints: 333.6 });
    expect(new URL(calls[0]!.url).searchParams.has('maxPoints')).toBe(false);
    expect(new URL(calls[1]!.url).searchParams.get('maxPoints')).toBe('334');
  });

  it('rejects an off-contract body and treats 401 as an ended session', async () => {
    const { fetch } = fakeFetch(json(200, { ...history, points: [{ at: history.from, value: 'hot', units: 'F' }] }), json(401, {}));
    const api = createApiClient(config, { fetch });
    await expect(api.getHistory('tok', request)).rejects.toBeInstanceOf(ContractError);
    await expect(api.getHistory('tok', request)).rejects.toBeInstanceOf(SessionExpiredError);
  });

  it("shows the API's reason for a refused range", async () => {
    const { fetch } = fakeFetch(json(400, { error: { code: 'VALIDATION_ERROR', message: 'at most 31 days per request' } }));
    const error = await createApiClient(config, { fetch }).getHistory('tok', request).catch((e: unknown) => e);
    expect(describeError(error)).toBe('at most 31 days per request');
  });

  it("rejects with the caller's abort reason, not a network error, when cancelled", async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const controller = new AbortController();
    const pending = createApiClient(config, { fetch: hanging }).getHistory('tok', request, { signal: controller.signal });
    const reason = new Error('closed');
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  it('still times out when the caller passes its own signal', async () => {
    const hanging: FetchLike = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const api = createApiClient(config, { fetch: hanging, timeoutMs: 10 });
    await expect(api.getHistory('tok', request, { signal: new AbortController().signal })).rejects.toBeInstanceOf(NetworkError);
  });
});
