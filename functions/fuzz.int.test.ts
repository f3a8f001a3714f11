/**
 * Property-based bad input against every route of the table, on the local stack: malformed JSON, wrong types,
 * huge and deep bodies, unknown fields, bad percent-encoding, odd dates and numbers, wrong methods and content
 * types. Sent with a valid session, so each request gets past authentication to the validation it tests. The answer
 * is always a 4xx with the documented error body (never a 5xx), and nothing of the account changes.
 * `FUZZ_SEED=<n>` replays a run; `FUZZ_RUNS=<n>` sets the runs per property (default 12).
 */
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../shared/api/schemas';
import { matchRoute } from '../shared/api/match-route';
import { routeList } from '../shared/api/route-table';
import type { RouteDefinition } from '../shared/api/route-definition';
import { createDocumentClient } from '../shared/aws/dynamo-document-client';
import { startLocalStack, type LocalStack } from '../infra/local/local-stack';
import { createAlarmFixtures } from './testing/alarm-fixtures';
import { createVictimCooks, pathOf, routeExamples, type ExampleContext, type RouteExample } from './testing/route-examples';
import { accountSnapshot } from './testing/table-snapshot';

const VICTIM = { email: 'demo@pitwatch.local', userId: 'uid-demo-0001', accountId: 'acct-demo-0001' };
const seed = Number(process.env.FUZZ_SEED ?? 20261202);
const numRuns = Number(process.env.FUZZ_RUNS ?? 12);

let stack: LocalStack;
let api: string;
let token: string;
let ctx: ExampleContext;
let before: string[];
const results = { requests: 0, byStatus: {} as Record<number, number> };

type Route = RouteDefinition & { id: (typeof routeList)[number]['id'] };
interface Request {
  method: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** fetch refuses a body on GET; a raw client does not, and neither does API Gateway. */
function sendRaw(request: Request): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`${api}${request.path}${request.query ?? ''}`);
    const headers = { authorization: `Bearer ${token}`, ...(request.headers ?? {}), 'content-length': String(Buffer.byteLength(request.body ?? '')) };
    const req = httpRequest(url, { method: request.method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(request.body);
  });
}

async function send(request: Request): Promise<{ status: number; text: string }> {
  if (request.method === 'GET' && request.body !== undefined) {
    const res = await sendRaw(request);
    results.requests++;
    results.byStatus[res.status] = (results.byStatus[res.status] ?? 0) + 1;
    return res;
  }
  const res = await fetch(`${api}${request.path}${request.query ?? ''}`, {
    method: request.method,
    headers: { authorization: `Bearer ${token}`, ...(request.headers ?? {}) },
    ...(request.body === undefined ? {} : { body: request.body }),
  });
  const text = await res.text();
  results.requests++;
  results.byStatus[res.status] = (results.byStatus[res.status] ?? 0) + 1;
  return { status: res.status, text };
}

/** The property every bad request must hold. */
async function rejected(request: Request): Promise<void> {
  const res = await send(request);
  const where = `${request.method} ${request.path}${request.query ?? ''} [${(request.body ?? '').slice(0, 80)}]`;
  expect(res.status, `${where} → ${res.status} ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${where} → ${res.status} ${res.text.slice(0, 200)}`).toBeLessThan(500);
  expect(errorBodySchema.safeParse(JSON.parse(res.text)).success, `${where}: error body`).toBe(true);
}

const exampleOf = (route: Route): RouteExample => routeExamples[route.id](ctx);
const baseRequest = (route: Route, example = exampleOf(route)): Request => ({
  method: route.method,
  path: pathOf(route.path, example.params),
  ...(example.query ? { query: `?${new URLSearchParams(example.query)}` } : {}),
  ...(example.body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(example.body) }),
});
const assertProperty = <T>(arb: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>) =>
  fc.assert(fc.asyncProperty(arb, predicate), { seed, numRuns });

/** Strings that are not JSON. */
const notJson = fc.string({ maxLength: 60 }).filter((s) => {
  try {
    JSON.parse(s);
    return false;
  } catch {
    return true;
  }
});
/** Percent-encodings that do not decode. */
const badEncoding = fc.oneof(
  fc.constantFrom('%', '%Z', '%ZZ', '%E0%A4%A', '%C0%AF%', 'a%2', '%%', '%E0%A4'),
  fc.tuple(fc.string({ maxLength: 6 }), fc.constantFrom('%', '%G1', '%E2%82')).map(([a, b]) => `${encodeURIComponent(a)}${b}`),
);
/** Numbers and dates written the ways strict parsing refuses. */
const oddValue = fc.oneof(
  fc.constantFrom('0x10', '1e3', ' 5', '5 ', '-1', '+5', 'NaN', 'Infinity', '', '9'.repeat(30), '1.5', '٣'),
  fc.constantFrom('1969-12-31T23:59:59Z', '1899-01-01T00:00:00Z', '-000001-01-01T00:00:00Z', '2026-13-45T25:61:00Z', '2026-01-01', 'yesterday'),
  fc.string({ maxLength: 30 }),
);
const farFuture = () => new Date(Date.now() + 3 * 86_400_000).toISOString();

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  stack = await startLocalStack({ port: 0, autoDispatch: false });
  api = `${stack.url}/api`;
  await stack.pollNow([VICTIM.userId]);
  const res = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: VICTIM.email, password: 'pitwatch' }) });
  token = ((await res.json()) as { sessionToken: string }).sessionToken;
  const sessions = (await (await fetch(`${api}/auth/sessions`, { headers: { authorization: `Bearer ${token}` } })).json()) as { sessions: Array<{ sessionId: string; current: boolean }> };
  const created = await fetch(`${api}/api-tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'fuzz target', scopes: ['read'] }),
  });
  const tokenId = ((await created.json()) as { tokenId: string }).tokenId;
  const serial = '12:34:56:78:90:AB';
  const db = createDocumentClient({ region: 'us-east-1', endpoint: stack.dynamoEndpoint });
  ctx = {
    serial,
    channel: '1',
    sessionId: sessions.sessions.find((s) => s.current)!.sessionId,
    tokenId,
    email: VICTIM.email,
    now: new Date(),
    ...(await createVictimCooks(api, token, serial)),
    ...(await createAlarmFixtures(api, token, { db, tableName: 'pitwatch-local' }, { accountId: VICTIM.accountId, serial, channel: '1' })),
  };
  before = await accountSnapshot(db, 'pitwatch-local', VICTIM);
});

afterAll(async () => {
  const fiveXx = Object.entries(results.byStatus).filter(([s]) => Number(s) >= 500).reduce((n, [, c]) => n + c, 0);
  console.log(`fuzz: ${JSON.stringify({ seed, requests: results.requests, fiveXx, byStatus: results.byStatus })}`);
  await stack?.stop();
  delete process.env.POWERTOOLS_LOG_LEVEL;
});

const withBody = routeList.filter((r) => r.body) as Route[];
const withoutBody = routeList.filter((r) => !r.body) as Route[];
const withParams = routeList.filter((r) => r.params) as Route[];
const withQueryFields = routeList.filter((r) => r.query instanceof z.ZodMiniObject && Object.keys(r.query.shape).length > 0) as Route[];
const ids = (rs: Route[]) => rs.map((r) => [r.id, r] as const);

describe('fuzz: bodies', () => {
  it.each(ids(withBody))('%s: malformed JSON → 400', async (_id, route) => {
    await assertProperty(notJson, (body) => rejected({ ...baseRequest(route), body }));
  });

  it.each(ids(withBody))('%s: a field of the wrong type → 400', async (_id, route) => {
    const example = exampleOf(route) as { body: Record<string, unknown> };
    const fields = Object.keys(example.body);
    await assertProperty(
      fc.tuple(fc.constantFrom(...fields), fc.jsonValue()).filter(([field, value]) => !z.safeParse(route.body!, { ...example.body, [field]: value }).success),
      ([field, value]) => rejected({ ...baseRequest(route), body: JSON.stringify({ ...example.body, [field]: value }) }),
    );
  });

  it.each(ids(withBody))('%s: an unknown field, or a whole other JSON value → 400', async (_id, route) => {
    const example = exampleOf(route) as { body: Record<string, unknown> };
    await assertProperty(
      fc.oneof(
        fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.jsonValue()).filter(([k]) => !(k in example.body)).map(([k, v]) => ({ ...example.body, [k]: v })),
        fc.jsonValue().filter((v) => !z.safeParse(route.body!, v).success),
      ),
      (body) => rejected({ ...baseRequest(route), body: JSON.stringify(body) }),
    );
  });

  it.each(ids(withBody))('%s: huge bodies → 413, deep ones → 400', async (_id, route) => {
    const example = exampleOf(route) as { body: Record<string, unknown> };
    await rejected({ ...baseRequest(route), body: JSON.stringify({ ...example.body, padding: 'x'.repeat(2 * 1024 * 1024) }) });
    await rejected({ ...baseRequest(route), body: JSON.stringify({ ...example.body, padding: 'x'.repeat(64 * 1024) }) });
    await rejected({ ...baseRequest(route), body: `${'['.repeat(20_000)}${']'.repeat(20_000)}` });
    await rejected({ ...baseRequest(route), body: JSON.stringify({ ...example.body, nested: JSON.parse(`${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`) as unknown }) });
  });

  it.each(ids(withBody))('%s: a content type that is not JSON → 415', async (_id, route) => {
    await assertProperty(
      fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonp', ''),
      async (contentType) => {
        const request = baseRequest(route);
        const res = await send({ ...request, headers: contentType === '' ? {} : { 'content-type': contentType } });
        expect(res.status, `${route.id} with ${contentType || 'no content type'}`).toBe(415);
      },
    );
  });

  it.each(ids(withoutBody))('%s: a body where none is taken → 4xx', async (_id, route) => {
    await assertProperty(fc.jsonValue(), (body) => rejected({ ...baseRequest(route), headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  });
});

describe('fuzz: paths, queries, methods', () => {
  it.each(ids(withParams))('%s: path segments that do not percent-decode → 400', async (_id, route) => {
    const example = exampleOf(route);
    const names = Object.keys(example.params ?? {});
    await assertProperty(fc.tuple(fc.constantFrom(...names), badEncoding), ([name, bad]) => {
      const path = route.path.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, n: string) => (n === name ? bad : encodeURIComponent(example.params![n]!)));
      return rejected({ ...baseRequest(route), path });
    });
  });

  it.each(ids(withParams))('%s: path values of the wrong shape → 400 or 404', async (_id, route) => {
    const example = exampleOf(route);
    const names = Object.keys(example.params ?? {});
    await assertProperty(
      fc.tuple(fc.constantFrom(...names), fc.string({ minLength: 1, maxLength: 200 })).filter(([n, v]) => !z.safeParse(route.params!, { ...example.params, [n]: v }).success),
      ([name, value]) => rejected({ ...baseRequest(route, { ...example, params: { ...example.params, [name]: value } }) }),
    );
  });

  it.each(ids(withQueryFields))('%s: odd numbers and dates, and dates out of range → 400', async (_id, route) => {
    const example = exampleOf(route);
    const fields = Object.keys(example.query ?? {});
    const query = (q: Record<string, string>) => ({ ...baseRequest(route), query: `?${new URLSearchParams(q)}` });
    await assertProperty(
      fc.tuple(fc.constantFrom(...fields), oddValue).filter(([f, v]) => !z.safeParse(route.query!, { ...example.query, [f]: v }).success),
      ([field, value]) => rejected(query({ ...example.query, [field]: value })),
    );
    for (const field of fields.filter((f) => f === 'to' || f === 'from')) await rejected(query({ ...example.query, [field]: farFuture() }));
  });

  it.each(ids(routeList as Route[]))('%s: unknown query parameters → 400', async (_id, route) => {
    const example = exampleOf(route);
    await assertProperty(
      fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 12 })).filter(([k]) => !(k in (example.query ?? {}))),
      ([k, v]) => rejected({ ...baseRequest(route), query: `?${new URLSearchParams({ ...(example.query ?? {}), [k]: v })}` }),
    );
  });

  it.each(ids(routeList as Route[]))('%s: methods the path does not take → 405', async (_id, route) => {
    // A method is taken when any route answers it on this path: PATCH /cooks/compare is PATCH /cooks/{cookId}.
    const path = baseRequest(route).path;
    const routeKeys = routeList.map((r) => `${r.method} ${r.path}`);
    const answers = (method: string) => {
      try {
        return matchRoute(routeKeys, method, path) !== undefined;
      } catch {
        return false; // 405: the path is served under other methods only
      }
    };
    const others = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !answers(m));
    for (const method of others) {
      const res = await send({ ...baseRequest(route), method, ...(method === 'GET' ? { body: undefined, headers: {} } : {}) });
      expect(res.status, `${method} ${route.path}`).toBe(405);
      errorBodySchema.parse(JSON.parse(res.text));
    }
  });
});

describe('fuzz: afterwards', () => {
  it('no request answered 5xx, and nothing of the account changed', async () => {
    expect(Object.keys(results.byStatus).filter((s) => Number(s) >= 500)).toEqual([]);
    expect(await accountSnapshot(createDocumentClient({ region: 'us-east-1', endpoint: stack.dynamoEndpoint }), 'pitwatch-local', VICTIM)).toEqual(before);
    expect((await fetch(`${api}/devices`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});
