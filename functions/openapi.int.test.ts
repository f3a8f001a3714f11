/**
 * The OpenAPI document against the route table and the real handlers, on the local stack: every route of the table
 * is in `/api/openapi.json` (and nothing else is), and every answer the handlers give to each route's example
 * request (success, and the refusals) validates against the document's JSON Schema for that status, checked with
 * an independent JSON Schema 2020-12 validator. So a handler that starts returning something its documented schema
 * does not allow, or a schema the generator renders wrongly, fails here.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeList, type RouteId } from '../shared/api/route-table';
import { startLocalStack, type LocalStack } from '../infra/local/local-stack';
import { createDocumentClient } from '../shared/aws/dynamo-document-client';
import { createAlarmFixtures } from './testing/alarm-fixtures';
import { createVictimCooks, NO_COOKS, pathOf, routeExamples, type ExampleContext } from './testing/route-examples';

const DEMO = { email: 'demo@pitwatch.local', userId: 'uid-demo-0001', accountId: 'acct-demo-0001' };
/** A token of the right shape that this deployment never signed: LINK_INVALID. */
const FORGED_LINK = `${Buffer.from(JSON.stringify({ act: 'ack', acct: 'acct-demo-0001', id: 'no-such-event', exp: 4102444800 })).toString('base64url')}.${'A'.repeat(43)}`;
const NO_ALARMS = { alarmId: 'no-such-alarm', alarmEventId: 'no-such-event', channelId: 'no-such-channel', alarmLinkToken: FORGED_LINK };
const GUEST_EMAIL = 'guest@pitwatch.local';
interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
}

let stack: LocalStack;
let api: string;
let doc: Document;
let docStatus: number;
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
const checked: Array<{ routeId: string; status: number }> = [];

async function signIn(email = DEMO.email): Promise<string> {
  const res = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'pitwatch' }) });
  return ((await res.json()) as { sessionToken: string }).sessionToken;
}

function validatorFor(routeId: RouteId, status: number, contentType = 'application/json'): ValidateFunction {
  const route = routeList.find((r) => r.id === routeId)!;
  const op = doc.paths[route.path]?.[route.method.toLowerCase()];
  const schema = op?.responses[String(status)]?.content?.[contentType]?.schema;
  expect(schema, `${routeId}: the document has no ${status} ${contentType} answer`).toBeDefined();
  // Error answers refer to components; give the validator the whole document's components to resolve against.
  return ajv.compile({ $defs: {}, ...((schema as object) ?? {}), components: doc.components } as object);
}

/** Sends a route's example and checks the answer against the document for the status it got. */
async function exercise(routeId: RouteId, ctx: ExampleContext, token: string | undefined): Promise<number> {
  const route = routeList.find((r) => r.id === routeId)!;
  const example = routeExamples[routeId](ctx);
  const query = example.query ? `?${new URLSearchParams(example.query)}` : '';
  const res = await fetch(`${api}${pathOf(route.path, example.params)}${query}`, {
    method: route.method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(example.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(example.body === undefined ? {} : { body: JSON.stringify(example.body) }),
  });
  const text = await res.text();
  const contentType = (res.headers.get('content-type') ?? '').startsWith('application/json') ? 'application/json' : route.responseContentType!;
  const validate = validatorFor(routeId, res.status, contentType);
  const body = contentType === 'application/json' ? (JSON.parse(text) as unknown) : text;
  expect(validate(body), `${routeId} ${res.status}: ${JSON.stringify(validate.errors)} in ${text.slice(0, 300)}`).toBe(true);
  checked.push({ routeId, status: res.status });
  return res.status;
}

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  stack = await startLocalStack({ port: 0, autoDispatch: false });
  api = `${stack.url}/api`;
  await stack.pollNow([DEMO.userId]);
  const res = await fetch(`${api}/openapi.json`);
  docStatus = res.status;
  doc = (await res.json()) as Document;
});

afterAll(async () => {
  console.log(`openapi: ${JSON.stringify({ operations: routeList.length, answersChecked: checked.length })}`);
  await stack?.stop();
  delete process.env.POWERTOOLS_LOG_LEVEL;
});

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document with exactly the routes of the table', () => {
    expect(docStatus).toBe(200);
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`));
    expect(documented.sort()).toEqual(routeList.map((r) => `${r.method} ${r.path} ${r.id}`).sort());
  });

  it('documents a success answer, and the error body for refusals, for every route', () => {
    for (const route of routeList) {
      const op = doc.paths[route.path]![route.method.toLowerCase()]!;
      expect(Object.keys(op.responses), route.id).toContain(String(route.status ?? 200));
      if (route.auth !== 'public') expect(Object.keys(op.responses), route.id).toEqual(expect.arrayContaining(['401', '403']));
    }
  });
});

describe('what the handlers answer matches the document', () => {
  it('every route’s example, done by its owner, answers a documented success', async () => {
    // A fresh session per route (some end their own session), aimed at things that exist for it to act on.
    for (const route of routeList) {
      const token = await signIn();
      const throwaway = await signIn();
      const sessions = (await (await fetch(`${api}/auth/sessions`, { headers: { authorization: `Bearer ${token}` } })).json()) as { sessions: Array<{ sessionId: string }> };
      const created = (await (await fetch(`${api}/api-tokens`, {
        method: 'POST',
        headers: { authorization: `Bearer ${throwaway}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'to revoke', scopes: ['read'] }),
      })).json()) as { tokenId: string };
      const current = sessions.sessions.at(-1)!.sessionId;
      // Cook routes aim at fresh cooks of their own (some end or delete them); alarm routes at their own rules and
      // channels; the rest need neither.
      const needsCooks = route.path.startsWith('/cooks') || route.path.startsWith('/share');
      const cooks = needsCooks ? await createVictimCooks(api, token, '12:34:56:78:90:AB') : NO_COOKS;
      const devices = { serial: '12:34:56:78:90:AB', channel: '1' };
      const alarms =
        route.fn === 'alarms' || route.fn === 'notifications' || route.fn === 'alarm-links'
          ? await createAlarmFixtures(api, token, { db: createDocumentClient({ region: 'us-east-1', endpoint: stack.dynamoEndpoint }), tableName: 'pitwatch-local' }, { accountId: DEMO.accountId, ...devices })
          : NO_ALARMS;
      const ctx: ExampleContext = { ...devices, sessionId: current, tokenId: created.tokenId, email: DEMO.email, now: new Date(), ...cooks, ...alarms };
      // Routes that act on something make it first; starting a cook needs the device free; deleting the account
      // is done last, by the other demo user (below).
      if (route.id === 'deleteAccount') continue;
      if (route.id === 'startCook') await exercise('endCook', ctx, token);
      if (route.id === 'removeMqttIntegration' || route.id === 'testMqttIntegration') await exercise('putMqttIntegration', ctx, token);
      const status = await exercise(route.id, ctx, route.auth === 'public' ? undefined : token);
      expect(status, route.id).toBe(route.status ?? 200);
    }
    const guest = await signIn(GUEST_EMAIL);
    const guestCtx = { serial: '', channel: '1', sessionId: '', tokenId: '', email: GUEST_EMAIL, now: new Date(), ...NO_COOKS, ...NO_ALARMS };
    expect(await exercise('deleteAccount', guestCtx, guest), 'deleteAccount').toBe(200);
  }, 180_000); // every route in turn, with what it acts on made first: a few hundred requests on a shared machine

  it('refusals (no credential, bad input) answer the documented error body', async () => {
    const token = await signIn();
    const ctx: ExampleContext = {
      serial: 'NO-SUCH-DEVICE',
      channel: '1',
      sessionId: 'no-such-session',
      tokenId: 'no-such-token',
      email: DEMO.email,
      now: new Date(),
      cookId: 'no-such-cook',
      endedCookId: 'no-such-cook-either',
      eventId: 'no-such-event',
      shareId: 'no-such-share',
      shareToken: `pws_${'A'.repeat(43)}`,
      ...NO_ALARMS,
    };
    for (const route of routeList.filter((r) => r.auth !== 'public')) expect(await exercise(route.id, ctx, undefined)).toBe(401);
    expect(await exercise('endCook', ctx, token)).toBe(404);
    expect(await exercise('revokeApiToken', ctx, token)).toBe(404);
    expect(await exercise('updateAlarm', ctx, token)).toBe(404);
    expect(await exercise('acknowledgeAlarmEvent', ctx, token)).toBe(404);
    expect(await exercise('deleteNotificationChannel', ctx, token)).toBe(404);
    expect(await exercise('previewAlarmLink', ctx, undefined)).toBe(403);
    expect(await exercise('followAlarmLink', ctx, undefined)).toBe(403);
    await fetch(`${api}/integrations/mqtt`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    expect(await exercise('testMqttIntegration', ctx, token)).toBe(404);
    expect(await exercise('removeMqttIntegration', ctx, token)).toBe(404);
  });
});
