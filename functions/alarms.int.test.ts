/**
 * Alarms end to end on the local stack: a rule on a simulator probe fires on a poll, the poll worker queues the event,
 * the notifier delivers it. A local webhook receiver gets exactly one POST whose Pitwatch-Signature verifies; a local
 * push service gets the Web Push request, whose aes128gcm payload this test decrypts with the subscription keys it
 * generated (RFC 8291); the email lands in the stack's SMTP catcher; the open page gets the `alarm` message. Faults:
 * the notify message redelivered sends nothing twice; an acknowledged event's next escalation round sends nothing; a
 * failing webhook's alarm is retried later (the delayed retry is seen queued, not waited for: 10 s to 5 min apart), and
 * the webhook is disabled after 10 failures in a row.
 */
import { createECDH, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AlarmEventView, AlarmView, ChannelView } from '../shared/api/alarm-schemas';
import type { DevicesResponse } from '../shared/api/schemas';
import { createDocumentClient } from '../shared/aws/dynamo-document-client';
import { verifyWebhook } from '../shared/notify/webhook-signature';
import { startLocalStack, type LocalStack } from '../infra/local/local-stack';
import { createThermoWorksClient } from '../shared/thermoworks/client';
import { thermoWorksConfigFromEnv } from '../shared/thermoworks/config';
import { signLocalLink } from './testing/alarm-fixtures';

const DEMO = { email: 'demo@pitwatch.local', userId: 'uid-demo-0001', accountId: 'acct-demo-0001' };
const SIGNALS = '12:34:56:78:90:AB';

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** A loopback HTTP server that records every request and answers `status()`. */
async function receiver(status: () => number = () => 200): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(status()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** RFC 8291 + RFC 8188: the user agent's side of Web Push decryption (one record). */
function decryptWebPush(body: Buffer, ua: { ecdh: ReturnType<typeof createECDH>; auth: Buffer }): string {
  const salt = body.subarray(0, 16);
  const idLength = body.readUInt8(20);
  const serverPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  const shared = ua.ecdh.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ua.ecdh.getPublicKey(), serverPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, ua.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then optional zero padding.
  const end = plain.lastIndexOf(2);
  return plain.subarray(0, end).toString('utf8');
}

let stack: LocalStack;
let api: string;
let token: string;
let hooks: Awaited<ReturnType<typeof receiver>>;
let push: Awaited<ReturnType<typeof receiver>>;
const servers: Server[] = [];
const sockets: WebSocket[] = [];
const pageMessages: Array<{ type: string; change?: string; event?: AlarmEventView }> = [];
const ua = { ecdh: createECDH('prime256v1'), auth: randomBytes(16) };
ua.ecdh.generateKeys();

async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

/** Until the notify queue has dealt with every message that is due (delayed escalation rounds wait in it). */
const notifyQueueSettled = () => until('the notify queue to settle', () => (stack.notifyQueue.busy === 0 ? true : undefined));

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  stack = await startLocalStack({ port: 0, autoDispatch: false });
  api = `${stack.url}/api`;
  hooks = await receiver();
  push = await receiver(() => 201);
  servers.push(hooks.server, push.server);
  const res = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO.email, password: 'pitwatch' }) });
  token = ((await res.json()) as { sessionToken: string }).sessionToken;
  const ws = new WebSocket(`${stack.url.replace('http', 'ws')}/ws?token=${token}`);
  ws.on('message', (data) => pageMessages.push(JSON.parse(data.toString()) as (typeof pageMessages)[number]));
  await new Promise((resolve) => ws.once('open', resolve));
  sockets.push(ws);
  await stack.pollNow([DEMO.userId]);
});

afterAll(async () => {
  for (const ws of sockets) ws.close();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await stack?.stop();
  delete process.env.POWERTOOLS_LOG_LEVEL;
});

describe('an alarm on a probe, through every channel', () => {
  let secret: string;
  let webhookId: string;
  let event: AlarmEventView;

  it('fires on the poll, and each channel gets it once', async () => {
    const listed = await call<{ vapidPublicKey: string; email: { available: boolean } }>('GET', '/notification-channels');
    expect(listed.status).toBe(200);
    expect(Buffer.from(listed.json.vapidPublicKey, 'base64url')).toHaveLength(65);
    expect(listed.json.email.available).toBe(true);

    const webhook = await call<ChannelView & { secret: string }>('POST', '/notification-channels', { type: 'webhook', url: `${hooks.url}/hook`, name: 'my receiver' });
    expect(webhook.status).toBe(201);
    expect(webhook.json.secret).toMatch(/^whsec_/);
    secret = webhook.json.secret;
    webhookId = webhook.json.channelId;
    const again = await call<{ channels: Array<Record<string, unknown>> }>('GET', '/notification-channels');
    expect(JSON.stringify(again.json)).not.toContain(secret); // shown once

    const subscription = { endpoint: `${push.url}/push/this-browser`, keys: { p256dh: ua.ecdh.getPublicKey().toString('base64url'), auth: ua.auth.toString('base64url') } };
    const pushChannel = await call<ChannelView>('POST', '/notification-channels', { type: 'web-push', subscription });
    expect(pushChannel.status).toBe(201);
    const email = await call<ChannelView>('POST', '/notification-channels', { type: 'email', address: 'cook@example.com' });
    expect(email.status).toBe(201);
    // An email address gets nothing but its verification until someone follows the link in it.
    expect(email.json.status).toBe('pending-verification');
    const verification = await stack.mail.waitFor((m) => m.to.includes('cook@example.com') && /Confirm/.test(m.subject));
    const verifyUrl = /(http\S+\/alarm-links\?token=(\S+))/.exec(verification.text);
    expect(verifyUrl, verification.text).not.toBeNull();
    expect(verifyUrl![1]).toMatch(new RegExp(`^${stack.url.replace('127.0.0.1', 'localhost')}/alarm-links\\?token=`)); // the web app's page
    const verifyToken = decodeURIComponent(verifyUrl![2]!);
    const preview = await fetch(`${api}/alarm-links?token=${encodeURIComponent(verifyToken)}`);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ act: 'verify', done: false, channel: { channelId: email.json.channelId, status: 'pending-verification' } });
    const verified = await fetch(`${api}/alarm-links`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: verifyToken }) });
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({ action: 'verified', channelId: email.json.channelId });
    const channelsNow = await call<{ channels: ChannelView[] }>('GET', '/notification-channels');
    expect(channelsNow.json.channels.find((c) => c.channelId === email.json.channelId)!.status).toBe('active');

    // A rule already breached when it is created fires on the next poll: below a level far above the probe.
    const devices = await call<DevicesResponse>('GET', '/devices');
    const probe = devices.json.devices.find((d) => d.serial === SIGNALS)!.channels.find((c) => c.value !== null && c.units === 'F')!;
    const created = await call<AlarmView>('POST', '/alarms', {
      serial: SIGNALS,
      channel: probe.number,
      kind: 'below',
      threshold: 900,
      units: 'F',
      notify: [webhookId, pushChannel.json.channelId, email.json.channelId],
      urgent: true,
    });
    expect(created.status).toBe(201);

    await stack.pollNow([DEMO.userId]);
    const delivered = await until('the webhook POST', () => hooks.received[0]);
    await notifyQueueSettled();
    expect(hooks.received).toHaveLength(1);

    // The signature verifies over the raw body with the secret shown at creation, and only with it.
    const header = String(delivered.headers['pitwatch-signature']);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhook(secret, delivered.body.toString('utf8'), header, new Date())).toBe(true);
    expect(verifyWebhook(`${secret}x`, delivered.body.toString('utf8'), header, new Date())).toBe(false);
    const body = JSON.parse(delivered.body.toString('utf8')) as Record<string, unknown> & { rule: { alarmId: string }; event: { eventId: string }; temperature: { value: number; units: string } };
    expect(body).toMatchObject({ type: 'alarm', serial: SIGNALS, channel: probe.number, label: probe.label, urgent: true, round: 0 });
    expect(body.rule.alarmId).toBe(created.json.alarmId);
    expect(body.temperature.units).toBe('F');
    expect(Math.abs(body.temperature.value - probe.value!)).toBeLessThan(50);
    expect(delivered.headers['idempotency-key']).toBe(`${body.event.eventId}:${webhookId}:0`);

    // The push service got an aes128gcm request with VAPID; the payload opens with the keys the "browser" made.
    const pushed = await until('the push request', () => push.received[0]);
    expect(pushed.headers['content-encoding']).toBe('aes128gcm');
    expect(String(pushed.headers.authorization)).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
    expect(pushed.headers.urgency).toBe('high');
    const payload = JSON.parse(decryptWebPush(pushed.body, ua)) as { title: string; eventId: string; body: string };
    expect(payload.eventId).toBe(body.event.eventId);
    expect(payload.body).toContain(probe.label);

    const mail = await stack.mail.waitFor((m) => m.to.includes('cook@example.com') && m.subject.includes('Alarm'));
    expect(mail.subject).toMatch(/^\[URGENT\] Alarm: /);
    expect(mail.text).toContain(probe.label);

    const inApp = await until('the alarm message', () => pageMessages.find((m) => m.type === 'alarm'));
    expect(inApp.change).toBe('fired');
    expect(inApp.event!.eventId).toBe(body.event.eventId);

    const events = await call<{ events: AlarmEventView[] }>('GET', '/alarm-events');
    event = events.json.events.find((e) => e.eventId === body.event.eventId)!;
    expect(event.state).toBe('delivered');
    expect(event.deliveries.map((d) => d.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('a redelivered notify message sends nothing twice', async () => {
    const sqs = new SQSClient({ region: 'us-east-1', endpoint: stack.url, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await sqs.send(new SendMessageCommand({ QueueUrl: stack.notifyQueue.queueUrl, MessageBody: JSON.stringify({ kind: 'alarm', accountId: DEMO.accountId, eventId: event.eventId, round: 0 }) }));
    await notifyQueueSettled();
    expect(hooks.received).toHaveLength(1);
    expect(push.received).toHaveLength(1);
    expect(stack.mail.messages.filter((m) => m.to.includes('cook@example.com') && m.subject.includes('Alarm'))).toHaveLength(1);
  });

  it('acknowledging stops the escalation: the next round sends nothing, and the open page hears of it', async () => {
    const acked = await call<AlarmEventView>('POST', `/alarm-events/${event.eventId}/ack`);
    expect(acked.status).toBe(200);
    expect(acked.json.state).toBe('acknowledged');
    expect(acked.json.acknowledgedVia).toBe('web');
    // Every open page of the account takes the banner down, not only the one that acknowledged.
    const heard = await until('the page to hear the acknowledgement', () =>
      pageMessages.find((m) => m.type === 'alarm' && m.change === 'acknowledged' && m.event?.eventId === event.eventId),
    );
    expect(heard.event).toMatchObject({ state: 'acknowledged', acknowledgedVia: 'web', acknowledgedAt: acked.json.acknowledgedAt });
    // Round 1 is already queued with a delay; sent now, it must find the event acknowledged.
    const sqs = new SQSClient({ region: 'us-east-1', endpoint: stack.url, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await sqs.send(new SendMessageCommand({ QueueUrl: stack.notifyQueue.queueUrl, MessageBody: JSON.stringify({ kind: 'alarm', accountId: DEMO.accountId, eventId: event.eventId, round: 1 }) }));
    await notifyQueueSettled();
    expect(hooks.received).toHaveLength(1);
    expect(push.received).toHaveLength(1);
    // A second acknowledgement changes nothing.
    const twice = await call<AlarmEventView>('POST', `/alarm-events/${event.eventId}/ack`);
    expect(twice.json.acknowledgedAt).toBe(acked.json.acknowledgedAt);
  });
});

describe('signed links in notifications, followed without a session', () => {
  const db = () => ({ db: createDocumentClient({ region: 'us-east-1', endpoint: stack.dynamoEndpoint }), tableName: 'pitwatch-local' });
  const post = (url: string, body: unknown) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  let eventId: string;
  let alarmId: string;

  it('the webhook body’s acknowledge call previews, acknowledges (once), and the escalation stops', async () => {
    const listed = await call<{ channels: ChannelView[] }>('GET', '/notification-channels');
    const webhook = listed.json.channels.find((c) => c.name === 'my receiver')!;
    const rule = await call<AlarmView>('POST', '/alarms', { serial: SIGNALS, channel: '1', kind: 'below', threshold: 900, units: 'F', notify: [webhook.channelId], urgent: true, name: 'link test' });
    expect(rule.status).toBe(201);
    alarmId = rule.json.alarmId;
    await stack.pollNow([DEMO.userId]);
    const ours = (r: Received) => (JSON.parse(r.body.toString('utf8')) as { rule?: { alarmId: string } }).rule?.alarmId === alarmId;
    const delivered = await until('the webhook POST of the link test', () => hooks.received.find(ours));
    await notifyQueueSettled();
    const body = JSON.parse(delivered.body.toString('utf8')) as { event: { eventId: string }; acknowledge: { url: string; method: string; body: { token: string } } };
    eventId = body.event.eventId;
    expect(body.acknowledge).toMatchObject({ url: `${api.replace('127.0.0.1', 'localhost')}/alarm-links`, method: 'POST' });

    const preview = await fetch(`${body.acknowledge.url}?token=${encodeURIComponent(body.acknowledge.body.token)}`);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ act: 'ack', done: false, alarm: { alarmId, name: 'link test' }, event: { eventId, state: 'delivered', acknowledgedAt: null } });
    const still = await call<{ events: AlarmEventView[] }>('GET', '/alarm-events');
    expect(still.json.events.find((e) => e.eventId === eventId)!.state).toBe('delivered'); // the preview changed nothing

    const acked = await post(body.acknowledge.url, body.acknowledge.body);
    expect(acked.status).toBe(200);
    const ackBody = (await acked.json()) as { action: string; eventId: string };
    expect(ackBody).toMatchObject({ action: 'acknowledged', eventId });
    const events = await call<{ events: AlarmEventView[] }>('GET', '/alarm-events');
    const event = events.json.events.find((e) => e.eventId === eventId)!;
    expect(event).toMatchObject({ state: 'acknowledged', acknowledgedVia: 'link' });
    // The open page takes its banner down too: acknowledged from an email, a webhook receiver or a push action.
    const heard = await until('the page to hear the link\'s acknowledgement', () =>
      pageMessages.find((m) => m.type === 'alarm' && m.change === 'acknowledged' && m.event?.eventId === eventId),
    );
    expect(heard.event).toMatchObject({ state: 'acknowledged', acknowledgedVia: 'link' });
    // Twice is fine, and changes nothing.
    const again = await post(body.acknowledge.url, body.acknowledge.body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(ackBody);
    const after = await call<{ events: AlarmEventView[] }>('GET', '/alarm-events');
    expect(after.json.events.find((e) => e.eventId === eventId)!.acknowledgedAt).toBe(event.acknowledgedAt);

    // The next escalation round (queued with a delay) sent now finds the event acknowledged: nothing goes out.
    const sqs = new SQSClient({ region: 'us-east-1', endpoint: stack.url, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await sqs.send(new SendMessageCommand({ QueueUrl: stack.notifyQueue.queueUrl, MessageBody: JSON.stringify({ kind: 'alarm', accountId: DEMO.accountId, eventId, round: 1 }) }));
    await notifyQueueSettled();
    expect(hooks.received.filter(ours)).toHaveLength(1);
  });

  it('a snooze link quiets the rule for 10 minutes', async () => {
    const token = await signLocalLink(db(), { act: 'snooze', acct: DEMO.accountId, id: eventId, exp: Math.floor(stack.clock.now().getTime() / 1000) + 3600 });
    const res = await post(`${api}/alarm-links`, { token });
    expect(res.status).toBe(200);
    const snoozed = (await res.json()) as { action: string; snoozedUntil: string };
    expect(snoozed.action).toBe('snoozed');
    const minutes = (Date.parse(snoozed.snoozedUntil) - stack.clock.now().getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(9);
    expect(minutes).toBeLessThanOrEqual(10);
    const rules = await call<{ alarms: AlarmView[] }>('GET', '/alarms');
    expect(rules.json.alarms.find((a) => a.alarmId === alarmId)!.snoozedUntil).toBe(snoozed.snoozedUntil);
  });

  it('refuses: an altered token 403 LINK_INVALID, an expired one 410 LINK_EXPIRED, a deleted event or rule 404', async () => {
    const exp = Math.floor(stack.clock.now().getTime() / 1000) + 3600;
    const expect4xx = async (token: string, status: number, code: string) => {
      for (const res of [await fetch(`${api}/alarm-links?token=${encodeURIComponent(token)}`), await post(`${api}/alarm-links`, { token })]) {
        expect(res.status).toBe(status);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
      }
    };
    const genuine = await signLocalLink(db(), { act: 'ack', acct: DEMO.accountId, id: eventId, exp });
    const [, signature] = genuine.split('.');
    const altered = `${Buffer.from(JSON.stringify({ act: 'ack', acct: DEMO.accountId, id: eventId, exp: exp + 86_400 })).toString('base64url')}.${signature}`;
    await expect4xx(altered, 403, 'LINK_INVALID');
    await expect4xx(await signLocalLink(db(), { act: 'ack', acct: DEMO.accountId, id: eventId, exp: Math.floor(stack.clock.now().getTime() / 1000) - 60 }), 410, 'LINK_EXPIRED');
    await expect4xx(await signLocalLink(db(), { act: 'ack', acct: DEMO.accountId, id: '0000000000000-gone', exp }), 404, 'NOT_FOUND');
    await expect4xx(await signLocalLink(db(), { act: 'verify', acct: DEMO.accountId, id: 'no-such-channel', exp }), 404, 'NOT_FOUND');
    expect((await call('DELETE', `/alarms/${alarmId}`)).status).toBe(200);
    await expect4xx(await signLocalLink(db(), { act: 'snooze', acct: DEMO.accountId, id: eventId, exp }), 404, 'NOT_FOUND');
  });
});

describe('the thermometer’s own alarm', () => {
  it('a rule with deviceAlarm is written to the channel by the next poll, and the simulator’s channel document shows it', async () => {
    const rule = await call<AlarmView>('POST', '/alarms', { serial: SIGNALS, channel: '3', kind: 'outside', low: 150, high: 250, units: 'F', deviceAlarm: true });
    expect(rule.status).toBe(201);
    expect(rule.json.deviceAlarm).toMatchObject({ status: 'pending' });
    await stack.pollNow([DEMO.userId]);
    const listed = await call<{ alarms: AlarmView[] }>('GET', `/alarms?serial=${encodeURIComponent(SIGNALS)}`);
    expect(listed.json.alarms.find((a) => a.alarmId === rule.json.alarmId)!.deviceAlarm).toMatchObject({ status: 'written', detail: null });
    // What ThermoWorks (the simulator) now holds, read back as any ThermoWorks client would.
    const client = createThermoWorksClient({ config: thermoWorksConfigFromEnv(stack.simulator.env) });
    const session = client.session(await client.signIn(DEMO.email, 'pitwatch'));
    const channel = await session.getChannel(SIGNALS, '3');
    expect(channel.alarmHigh).toMatchObject({ enabled: true, value: 250 });
    expect(channel.alarmLow).toMatchObject({ enabled: true, value: 150 });
    expect((await call('DELETE', `/alarms/${rule.json.alarmId}`)).status).toBe(200);
    // Deleting the rule turns the thermometer's alarm off at the next poll (only the worker holds the session).
    expect(await session.getChannel(SIGNALS, '3')).toMatchObject({ alarmHigh: { enabled: true }, alarmLow: { enabled: true } });
    await stack.pollNow([DEMO.userId]);
    const after = await session.getChannel(SIGNALS, '3');
    expect(after.alarmHigh).toMatchObject({ enabled: false, value: 250 });
    expect(after.alarmLow).toMatchObject({ enabled: false, value: 150 });
  });

  it('deleting one of two rules that set the same channel turns off the field the other does not hold, and gives back the one it does', async () => {
    const high = await call<AlarmView>('POST', '/alarms', { serial: SIGNALS, channel: '4', kind: 'above', threshold: 205, units: 'F', deviceAlarm: true });
    const range = await call<AlarmView>('POST', '/alarms', { serial: SIGNALS, channel: '4', kind: 'outside', low: 140, high: 210, units: 'F', deviceAlarm: true });
    await stack.pollNow([DEMO.userId]);
    const client = createThermoWorksClient({ config: thermoWorksConfigFromEnv(stack.simulator.env) });
    const session = client.session(await client.signIn(DEMO.email, 'pitwatch'));
    expect((await call('DELETE', `/alarms/${range.json.alarmId}`)).status).toBe(200);
    await stack.pollNow([DEMO.userId]);
    const channel = await session.getChannel(SIGNALS, '4');
    expect(channel.alarmLow).toMatchObject({ enabled: false, value: 140 });
    expect(channel.alarmHigh).toMatchObject({ enabled: true, value: 205 });
    expect((await call('DELETE', `/alarms/${high.json.alarmId}`)).status).toBe(200);
    await stack.pollNow([DEMO.userId]);
    expect((await session.getChannel(SIGNALS, '4')).alarmHigh).toMatchObject({ enabled: false, value: 205 });
  });

  it('a rule turned off turns its thermometer alarm off at the next poll, and back on when it is turned on', async () => {
    const rule = await call<AlarmView>('POST', '/alarms', { serial: SIGNALS, channel: '1', kind: 'above', threshold: 260, units: 'F', deviceAlarm: true });
    await stack.pollNow([DEMO.userId]);
    const client = createThermoWorksClient({ config: thermoWorksConfigFromEnv(stack.simulator.env) });
    const session = client.session(await client.signIn(DEMO.email, 'pitwatch'));
    const status = async () => (await call<{ alarms: AlarmView[] }>('GET', `/alarms?serial=${encodeURIComponent(SIGNALS)}`)).json.alarms.find((a) => a.alarmId === rule.json.alarmId)!.deviceAlarm;
    expect(await status()).toMatchObject({ status: 'written' });

    const off = await call<AlarmView>('PATCH', `/alarms/${rule.json.alarmId}`, { enabled: false });
    expect(off.json.deviceAlarm).toMatchObject({ status: 'removing' });
    await stack.pollNow([DEMO.userId]);
    expect((await session.getChannel(SIGNALS, '1')).alarmHigh).toMatchObject({ enabled: false, value: 260 });
    expect(await status()).toMatchObject({ status: 'off' });
    // New thresholds while off are not written: the thermometer stays quiet until the rule is on.
    await call('PATCH', `/alarms/${rule.json.alarmId}`, { threshold: 262 });
    await stack.pollNow([DEMO.userId]);
    expect((await session.getChannel(SIGNALS, '1')).alarmHigh).toMatchObject({ enabled: false, value: 260 });

    const on = await call<AlarmView>('PATCH', `/alarms/${rule.json.alarmId}`, { enabled: true });
    expect(on.json.deviceAlarm).toMatchObject({ status: 'pending' });
    await stack.pollNow([DEMO.userId]);
    expect((await session.getChannel(SIGNALS, '1')).alarmHigh).toMatchObject({ enabled: true, value: 262 });
    expect(await status()).toMatchObject({ status: 'written' });
    expect((await call('DELETE', `/alarms/${rule.json.alarmId}`)).status).toBe(200);
    await stack.pollNow([DEMO.userId]);
    expect((await session.getChannel(SIGNALS, '1')).alarmHigh).toMatchObject({ enabled: false });
  });

  it('two rules deleted before the next poll both come off the channel: their clears add up', async () => {
    const above = await call<AlarmView>('POST', '/alarms', { serial: SIGNALS, channel: '2', kind: 'above', threshold: 201, units: 'F', deviceAlarm: true });
    const below = await call<AlarmView>('POST', '/alarms', { serial: SIGNALS, channel: '2', kind: 'below', threshold: 120, units: 'F', deviceAlarm: true });
    await stack.pollNow([DEMO.userId]);
    const client = createThermoWorksClient({ config: thermoWorksConfigFromEnv(stack.simulator.env) });
    const session = client.session(await client.signIn(DEMO.email, 'pitwatch'));
    expect(await session.getChannel(SIGNALS, '2')).toMatchObject({ alarmHigh: { enabled: true, value: 201 }, alarmLow: { enabled: true, value: 120 } });
    for (const rule of [above, below]) expect((await call('DELETE', `/alarms/${rule.json.alarmId}`)).status).toBe(200);
    await stack.pollNow([DEMO.userId]);
    expect(await session.getChannel(SIGNALS, '2')).toMatchObject({ alarmHigh: { enabled: false, value: 201 }, alarmLow: { enabled: false, value: 120 } });
  });

  it('an RFX meat probe cannot hold one: 422 DEVICE_ALARM_UNSUPPORTED, in plain words', async () => {
    const res = await call<{ error: { code: string; message: string } }>('POST', '/alarms', { serial: 'AB:CD:EF:01:23:45', channel: '2', kind: 'above', threshold: 165, units: 'F', deviceAlarm: true });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('DEVICE_ALARM_UNSUPPORTED');
    expect(res.json.error.message).toMatch(/RFX/);
    // Without the device alarm, the same rule is fine: Pitwatch alarms instead.
    const plain = await call<AlarmView>('POST', '/alarms', { serial: 'AB:CD:EF:01:23:45', channel: '2', kind: 'above', threshold: 165, units: 'F' });
    expect(plain.status).toBe(201);
    expect((await call('DELETE', `/alarms/${plain.json.alarmId}`)).status).toBe(200);
  });
});

describe('a failing webhook', () => {
  it('gets an alarm retried later: its delivery is retrying and a delayed retry waits on the queue', async () => {
    const failing = await receiver(() => 503);
    servers.push(failing.server);
    const channel = await call<ChannelView>('POST', '/notification-channels', { type: 'webhook', url: `${failing.url}/flaky`, name: 'flaky' });
    const queuedBefore = stack.notifyQueue.depth;
    const rule = await call<AlarmView>('POST', '/alarms', { serial: SIGNALS, channel: '1', kind: 'below', threshold: 900, units: 'F', notify: [channel.json.channelId] });
    expect(rule.status).toBe(201);
    await stack.pollNow([DEMO.userId]);
    await until('the first attempt', () => failing.received[0]);
    await notifyQueueSettled();
    const events = await call<{ events: AlarmEventView[] }>('GET', '/alarm-events');
    const fired = events.json.events.find((e) => e.alarmId === rule.json.alarmId)!;
    expect(fired.deliveries).toEqual([expect.objectContaining({ channelId: channel.json.channelId, status: 'retrying', attempts: 1, detail: 'HTTP 503' })]);
    expect(stack.notifyQueue.depth).toBe(queuedBefore + 1); // attempt 2, 10 s later
    expect(hooks.received.filter((r) => JSON.parse(r.body.toString('utf8')).rule?.alarmId === rule.json.alarmId)).toEqual([]); // not on the other webhook
    expect((await call('DELETE', `/alarms/${rule.json.alarmId}`)).status).toBe(200);
  });

  it('is disabled after 10 failed deliveries in a row, and the user told through the other channels', async () => {
    const failing = await receiver(() => 500);
    servers.push(failing.server);
    const channel = await call<ChannelView & { secret: string }>('POST', '/notification-channels', { type: 'webhook', url: `${failing.url}/down`, name: 'down' });
    expect(channel.status).toBe(201);
    const id = channel.json.channelId;
    for (let i = 1; i <= 10; i++) {
      expect((await call<{ queued: true }>('POST', `/notification-channels/${id}/test`)).status).toBe(202);
      await until(`attempt ${i}`, () => (failing.received.length >= i ? true : undefined));
      await notifyQueueSettled();
    }
    const listed = await call<{ channels: ChannelView[] }>('GET', '/notification-channels');
    const down = listed.json.channels.find((c) => c.channelId === id)!;
    expect(down.status).toBe('disabled');
    expect(down.consecutiveFailures).toBe(10);
    expect(down.lastDelivery).toMatchObject({ status: 'failed', detail: 'HTTP 500' });
    // The other webhook hears about it; the disabled one is not tried again.
    const notice = await until('the disabled notice', () => hooks.received.find((r) => JSON.parse(r.body.toString('utf8')).type === 'channel-disabled'));
    expect(JSON.parse(notice.body.toString('utf8')).title).toContain('down');
  });
});

describe('a rule deleted, turned off or given a new condition while its alarm rings', () => {
  it('ends the alarm: resolved, its banner down on the open page, and its next escalation round sends nothing', async () => {
    const listed = await call<{ channels: ChannelView[] }>('GET', '/notification-channels');
    const webhook = listed.json.channels.find((c) => c.name === 'my receiver')!;
    const rule = await call<AlarmView>('POST', '/alarms', { serial: SIGNALS, channel: '2', kind: 'below', threshold: 900, units: 'F', notify: [webhook.channelId], urgent: true, name: 'deleted while ringing' });
    expect(rule.status).toBe(201);
    await stack.pollNow([DEMO.userId]);
    const ours = (r: Received) => (JSON.parse(r.body.toString('utf8')) as { rule?: { alarmId: string } }).rule?.alarmId === rule.json.alarmId;
    await until('the webhook POST of the rule', () => hooks.received.find(ours));
    await notifyQueueSettled();
    const fired = (await call<{ events: AlarmEventView[] }>('GET', '/alarm-events')).json.events.find((e) => e.alarmId === rule.json.alarmId)!;
    expect(fired.state).toBe('delivered');

    expect((await call('DELETE', `/alarms/${rule.json.alarmId}`)).status).toBe(200);
    const ended = (await call<{ events: AlarmEventView[] }>('GET', '/alarm-events')).json.events.find((e) => e.eventId === fired.eventId)!;
    expect(ended.state).toBe('resolved');
    await until('the page to hear it ended', () => pageMessages.find((m) => m.type === 'alarm' && m.change === 'resolved' && m.event?.eventId === fired.eventId));
    // Its escalation round, already queued with a delay, sent now: nothing goes out.
    const sqs = new SQSClient({ region: 'us-east-1', endpoint: stack.url, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    await sqs.send(new SendMessageCommand({ QueueUrl: stack.notifyQueue.queueUrl, MessageBody: JSON.stringify({ kind: 'alarm', accountId: DEMO.accountId, eventId: fired.eventId, round: 1 }) }));
    await notifyQueueSettled();
    expect(hooks.received.filter(ours)).toHaveLength(1);
  });

  it('ends the alarm when the rule is turned off, or its condition changes (the rule starts afresh)', async () => {
    const listed = await call<{ channels: ChannelView[] }>('GET', '/notification-channels');
    const webhook = listed.json.channels.find((c) => c.name === 'my receiver')!;
    for (const patch of [{ enabled: false }, { threshold: 800 }]) {
      const rule = await call<AlarmView>('POST', '/alarms', { serial: SIGNALS, channel: '2', kind: 'below', threshold: 900, units: 'F', notify: [webhook.channelId], urgent: true });
      await stack.pollNow([DEMO.userId]);
      const fired = await until('the event', async () => (await call<{ events: AlarmEventView[] }>('GET', '/alarm-events')).json.events.find((e) => e.alarmId === rule.json.alarmId));
      await notifyQueueSettled();
      expect((await call('PATCH', `/alarms/${rule.json.alarmId}`, patch)).status).toBe(200);
      const ended = (await call<{ events: AlarmEventView[] }>('GET', '/alarm-events')).json.events.find((e) => e.eventId === fired.eventId)!;
      expect({ patch, state: ended.state }).toEqual({ patch, state: 'resolved' });
      expect((await call('DELETE', `/alarms/${rule.json.alarmId}`)).status).toBe(200);
    }
  });
});
