/**
 * An alarm crossed by the simulator's own cook, not one breached when it is made: the guest's BlueDOT chicken heats
 * on the local stack's clock (60× real time here), a rule "above" a few degrees over its reading stays armed while
 * the polls read below, fires on the poll that reads the crossing, and sends exactly one webhook POST while the probe
 * keeps climbing past it ('above' fires at the threshold itself) (hysteresis and re-arming on a hovering value are the domain tests' job).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlarmView } from '../shared/api/alarm-schemas';
import type { DevicesResponse } from '../shared/api/schemas';
import { verifyWebhook } from '../shared/notify/webhook-signature';
import { startLocalStack, type LocalStack } from '../infra/local/local-stack';

const BLUEDOT = 'M200004242';
let stack: LocalStack;
let api: string;
let guest: { token: string; userId: string };
let hooks: { server: Server; url: string; received: Array<{ headers: IncomingMessage['headers']; body: string }> };

async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${guest.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

const chicken = async () => (await call<DevicesResponse>('GET', '/devices')).json.devices.find((d) => d.serial === BLUEDOT)!.channels.find((c) => c.number === '1')!;
/** Until the notify queue has dealt with every message that is due (what the last poll queued, delivered). */
async function notifyQueueSettled(): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (stack.notifyQueue.busy > 0) {
    if (Date.now() > deadline) throw new Error('the notify queue did not settle');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const rule = async (alarmId: string) => (await call<{ alarms: AlarmView[] }>('GET', '/alarms')).json.alarms.find((a) => a.alarmId === alarmId)!;

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  stack = await startLocalStack({ port: 0, timeScale: 60, autoDispatch: false, seedDemoCooks: false });
  api = `${stack.url}/api`;
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  hooks = { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, received };
  const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'guest@pitwatch.local', password: 'pitwatch' }) });
  const body = (await login.json()) as { sessionToken: string; user: { userId: string } };
  guest = { token: body.sessionToken, userId: body.user.userId };
  await stack.pollNow([guest.userId]);
});

afterAll(async () => {
  await new Promise((r) => hooks?.server.close(r));
  await stack?.stop();
  delete process.env.POWERTOOLS_LOG_LEVEL;
});

describe('an alarm the cook crosses', () => {
  it('stays armed below the threshold, fires once on the crossing poll, and not again while the probe climbs on', async () => {
    const start = await chicken();
    expect(start.value).not.toBeNull();
    const webhook = await call<{ channelId: string; secret: string }>('POST', '/notification-channels', { type: 'webhook', url: hooks.url, name: 'crossing' });
    expect(webhook.status).toBe(201);
    const threshold = start.value! + 4;
    const created = await call<AlarmView>('POST', '/alarms', { serial: BLUEDOT, channel: '1', kind: 'above', threshold, units: 'F', notify: [webhook.json.channelId], hysteresis: 2 });
    expect(created.status).toBe(201);

    // Poll until a poll reads the crossing; every poll before it read below and left the rule armed, unfired.
    const seen: number[] = [];
    for (let polls = 0; ; polls++) {
      expect(polls, `the chicken never passed ${threshold} °F (read ${seen.join(', ')})`).toBeLessThan(120);
      await stack.pollNow([guest.userId]);
      const value = (await chicken()).value!;
      seen.push(value);
      const state = (await rule(created.json.alarmId)).state;
      if (value >= threshold) {
        expect(state).toMatchObject({ breached: true, lastValue: value });
        expect(state.lastFiredAt).not.toBeNull();
        break;
      }
      expect(state).toMatchObject({ armed: true, breached: false, lastFiredAt: null });
      await notifyQueueSettled(); // any delivery this poll queued has landed before we look
      expect(hooks.received, `a POST before the crossing (at ${value} °F)`).toEqual([]);
    }
    expect(seen.length).toBeGreaterThan(1); // it was armed below the threshold first

    await notifyQueueSettled();
    expect(hooks.received).toHaveLength(1);
    const [post] = hooks.received;
    expect(verifyWebhook(webhook.json.secret, post!.body, String(post!.headers['pitwatch-signature']), new Date())).toBe(true);
    const payload = JSON.parse(post!.body) as { serial: string; channel: string; temperature: { value: number } };
    expect(payload).toMatchObject({ serial: BLUEDOT, channel: '1' });
    expect(payload.temperature.value).toBeGreaterThanOrEqual(threshold);

    // The probe climbs on: more polls, no second alarm while it stays above.
    const firedAt = (await rule(created.json.alarmId)).state.lastFiredAt;
    let after = (await chicken()).value!;
    for (let polls = 0; after < threshold + 2; polls++) {
      expect(polls, 'the chicken stopped climbing').toBeLessThan(120);
      await stack.pollNow([guest.userId]);
      after = (await chicken()).value!;
    }
    expect((await rule(created.json.alarmId)).state.lastFiredAt).toBe(firedAt);
    await notifyQueueSettled();
    expect(hooks.received).toHaveLength(1);
  });
});
