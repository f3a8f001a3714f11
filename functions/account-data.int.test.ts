/**
 * "Your data is yours" on the local stack: the account export holds everything stored for the user and no secret;
 * deleting the account leaves nothing of it in the table (the whole table is scanned), closes its sockets, and
 * leaves the other demo account untouched.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { downloadLinkSchema } from '../shared/api/account-schemas';
import { createDocumentClient } from '../shared/aws/dynamo-document-client';
import { hashToken } from '../shared/ids';
import { localAwsEnv } from '../infra/local/dynamodb-local';
import { startLocalStack, type LocalStack } from '../infra/local/local-stack';

let stack: LocalStack;
let api: string;

async function signIn(email: string, password = 'pitwatch') {
  const res = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const body = (await res.json()) as { sessionToken: string; user: { userId: string } };
  return { token: body.sessionToken, userId: body.user?.userId, status: res.status };
}

async function call(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

async function scanTable(): Promise<Record<string, unknown>[]> {
  const db = createDocumentClient({ region: localAwsEnv.AWS_REGION, endpoint: stack.dynamoEndpoint });
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    // A Scan is fine here: the test is the only one that may look at the whole table.
    const out = await db.send(new ScanCommand({ TableName: 'pitwatch-local', ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

const GUEST = { email: 'guest@pitwatch.local', userId: 'uid-guest-0001', accountId: 'acct-guest-0001' };
const guestMarks = [GUEST.userId, GUEST.accountId, GUEST.email, hashToken(GUEST.email)];
const mentionsGuest = (item: Record<string, unknown>) => guestMarks.some((m) => JSON.stringify(item).includes(m));

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  stack = await startLocalStack({ port: 0, pollIntervalSeconds: 5, autoDispatch: false, seedDemoCooks: true });
  api = `${stack.url}/api`;
  await stack.demoCooksReady;
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  delete process.env.POWERTOOLS_LOG_LEVEL;
});

describe('account export and deletion', () => {
  it('exports everything stored for the user without secrets, then deletes every item of the account and nothing else', async () => {
    const demo = await signIn('demo@pitwatch.local');
    const guest = await signIn(GUEST.email);
    expect((await signIn(GUEST.email, 'wrong')).status).toBe(401); // a sign-in counter keyed by the email
    await stack.pollNow([demo.userId, guest.userId]);
    const cooks = (await call('GET', '/cooks?limit=100', guest.token)).body as { cooks: Array<{ cookId: string; status: string }> };
    expect(cooks.cooks.length).toBeGreaterThanOrEqual(4); // three ended demo cooks and the ones in progress
    expect((await call('POST', `/cooks/${cooks.cooks[0]!.cookId}/shares`, guest.token, { expiresInHours: 1 })).status).toBe(201);

    // Display settings, an API token and an MQTT integration (its broker password sealed) belong to the account too.
    expect((await call('PATCH', '/me/settings', guest.token, { units: 'C' })).status).toBe(200);
    const apiToken = (await call('POST', '/api-tokens', guest.token, { name: 'export test', scopes: ['read'] })).body as { token: string };
    expect((await call('PUT', '/integrations/mqtt', guest.token, { url: 'mqtt://127.0.0.1:9', username: 'pitwatch', password: 'broker-secret' })).status).toBe(200);
    // A notification channel (its webhook secret sealed) and an alarm rule that fires on the next poll (an event).
    const channel = (await call('POST', '/notification-channels', guest.token, { type: 'webhook', url: 'http://127.0.0.1:9/hook' })).body as { channelId: string; secret: string };
    const serial = ((await call('GET', '/devices', guest.token)).body as { devices: Array<{ serial: string }> }).devices[0]!.serial;
    expect((await call('POST', '/alarms', guest.token, { serial, kind: 'battery-below', threshold: 101, notify: [channel.channelId] })).status).toBe(201);
    await stack.pollNow([guest.userId]);
    // An API token could not do this: session only. The export is a link to one JSON document.
    const link = downloadLinkSchema.parse((await call('GET', '/account/export', guest.token)).body);
    const text = await (await fetch(link.url)).text();
    const doc = JSON.parse(text) as { userId: string; parts: Record<string, unknown[]> };
    expect(doc.userId).toBe(GUEST.userId);
    expect(Object.keys(doc.parts)).toEqual([
      'history',
      'shareLinks',
      'cooks',
      'alarmEvents',
      'notificationChannels',
      'devicesReadingsActiveCooksAndIntegrations',
      'apiTokens',
      'settings',
      'decryptAudit',
      'signInAttempts',
      'connections',
      'link',
      'sessions',
    ]);
    expect(doc.parts.apiTokens!.length).toBe(1);
    expect(doc.parts.settings).toEqual([expect.objectContaining({ units: 'C' })]);
    expect(doc.parts.devicesReadingsActiveCooksAndIntegrations!.filter((i) => (i as { type?: string }).type === 'mqtt-integration').length).toBe(1);
    expect(doc.parts.cooks!.length).toBe(cooks.cooks.length);
    expect(doc.parts.history!.length).toBeGreaterThan(0);
    expect(doc.parts.sessions!.length).toBe(2); // the local stack's own sign-in that linked the account, and this one
    expect(doc.parts.shareLinks!.length).toBe(1);
    expect(doc.parts.alarmEvents!.length).toBe(1);
    expect(doc.parts.notificationChannels!.length).toBe(1);
    expect(doc.parts.devicesReadingsActiveCooksAndIntegrations!.filter((i) => (i as { type?: string }).type === 'alarm').length).toBe(1);
    // What the three ended demo cooks taught the predictions: one item, with a brisket in it.
    const priors = doc.parts.devicesReadingsActiveCooksAndIntegrations!.filter((i) => (i as { type?: string }).type === 'personal-priors');
    expect(priors).toEqual([expect.objectContaining({ accountId: GUEST.accountId, priors: expect.objectContaining({ kinds: expect.objectContaining({ brisket: expect.any(Array) }) }) })]);
    expect(text).not.toContain(channel.secret);
    expect(doc.parts.signInAttempts!.length).toBe(2); // the window's counter and the day's
    for (const secret of [hashToken(guest.token), hashToken(apiToken.token), 'sealedRefreshToken', 'sealedPassword', 'tokenHash', 'ciphertext']) expect(text).not.toContain(secret);
    expect(text).not.toContain('acct-demo-0001');

    const before = await scanTable();
    const demoBefore = before.filter((i) => !mentionsGuest(i)).map((i) => `${String(i.PK)}|${String(i.SK)}`).sort();
    expect(before.filter(mentionsGuest).length).toBeGreaterThan(100);

    const socket = new WebSocket(`${stack.url.replace('http', 'ws')}/ws?token=${guest.token}`);
    const messages: unknown[] = [];
    socket.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise((resolve) => socket.once('close', resolve));

    expect((await call('DELETE', '/account', guest.token, { confirm: 'demo@pitwatch.local' })).status).toBe(400);
    expect((await call('DELETE', '/account', demo.token, { confirm: GUEST.email })).status).toBe(400); // each deletes only itself
    const deleted = await call('DELETE', '/account', guest.token, { confirm: ' Guest@Pitwatch.local ' });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ deleted: true, items: expect.any(Number), historyPoints: expect.any(Number) });
    expect((deleted.body as { historyPoints: number }).historyPoints).toBeGreaterThan(0);
    await closed;
    expect(messages.at(-1)).toEqual({ type: 'session-ended', reason: 'account-deleted' });

    const after = await scanTable();
    expect(after.filter(mentionsGuest).map((i) => `${String(i.PK)}|${String(i.SK)}|${String(i.type)}`)).toEqual([]);
    expect(after.map((i) => `${String(i.PK)}|${String(i.SK)}`).sort()).toEqual(demoBefore);
    expect((await call('GET', '/cooks', guest.token)).status).toBe(401);
    expect((await call('GET', '/cooks', demo.token)).status).toBe(200);
  }, 120_000);
});
