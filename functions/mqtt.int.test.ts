/**
 * Home Assistant through MQTT discovery, end to end on the local stack with a real broker (Debian's mosquitto on a
 * free loopback port, with a password file): set up through the API, poll, then read what a Home Assistant would
 * from the broker. Checks: each discovery payload has what HA requires of its component, configs are retained at
 * QoS 1, states follow the simulator's readings, a cook's entities appear and go, removal clears every config, a
 * bad password and a broker that is down are recorded on the status while the poll goes on unaffected.
 */
import { connectAsync, type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceView } from '../shared/api/schemas';
import type { MqttIntegrationView, MqttTestResult } from '../shared/api/integration-schemas';
import { startLocalStack, type LocalStack } from '../infra/local/local-stack';
import { startMosquitto, type RunningMosquitto } from '../infra/local/testing/mosquitto';

const DEMO = { email: 'demo@pitwatch.local', userId: 'uid-demo-0001' };
const SIGNALS = '12:34:56:78:90:AB';
const SIGNALS_ID = '12_34_56_78_90_ab';

let broker: RunningMosquitto;
let stack: LocalStack;
let api: string;
let token: string;
const clients: MqttClient[] = [];

interface Received { topic: string; payload: string; retain: boolean; qos: number }

async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

/** What a Home Assistant connecting now would get: every retained message under the topics, with its flags. */
async function retainedNow(): Promise<Map<string, Received>> {
  const client = await connectAsync(broker.url, { username: broker.username, password: broker.password, reconnectPeriod: 0 });
  const got = new Map<string, Received>();
  client.on('message', (topic, payload, packet) => {
    if (payload.length > 0) got.set(topic, { topic, payload: payload.toString(), retain: packet.retain, qos: packet.qos });
  });
  await client.subscribeAsync(['homeassistant/#', 'pitwatch/#'], { qos: 1 });
  // Retained messages arrive right after SUBACK; a round trip of our own marks the end of them.
  await client.publishAsync('pitwatch-test/marker', 'x', { qos: 1 });
  await new Promise((r) => setTimeout(r, 300));
  await client.endAsync();
  return got;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const integration = async () => (await call<{ mqtt: MqttIntegrationView | null }>('GET', '/integrations/mqtt')).json.mqtt;
/** Polls, then waits until the publisher has recorded an attempt after it. */
async function pollAndPublish(): Promise<MqttIntegrationView> {
  const before = (await integration())?.status.lastAttemptAt ?? '';
  const result = (await stack.pollNow([DEMO.userId])) as { batchItemFailures: unknown[] };
  expect(result.batchItemFailures).toEqual([]);
  return until('a publish attempt', async () => {
    const now = await integration();
    return now && now.status.lastAttemptAt !== null && now.status.lastAttemptAt > before ? now : undefined;
  });
}

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  broker = await startMosquitto();
  stack = await startLocalStack({ port: 0, autoDispatch: false });
  api = `${stack.url}/api`;
  const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO.email, password: 'pitwatch' }) });
  token = ((await login.json()) as { sessionToken: string }).sessionToken;
  await stack.pollNow([DEMO.userId]);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.endAsync()));
  await stack?.stop();
  await broker?.stop();
  delete process.env.POWERTOOLS_LOG_LEVEL;
});

describe('setting up', () => {
  it('a broker on a private, link-local or metadata address: 400 URL_REFUSED, nothing stored (loopback is allowed locally)', async () => {
    for (const url of ['mqtt://10.0.0.5:1883', 'mqtt://192.168.1.10', 'mqtt://169.254.169.254', 'mqtts://[fe80::1]:8883']) {
      const put = await call<{ error: { code: string; details?: unknown } }>('PUT', '/integrations/mqtt', { url });
      expect(put.status, url).toBe(400);
      expect(put.json.error, url).toMatchObject({ code: 'URL_REFUSED', details: { field: 'url' } });
    }
    expect(await integration()).toBeNull();
  });

  it('a wrong password: the test says so, and the status shows it', async () => {
    const put = await call<MqttIntegrationView>('PUT', '/integrations/mqtt', { url: broker.url, username: broker.username, password: 'wrong' });
    expect(put.status).toBe(200);
    const test = await call<MqttTestResult>('POST', '/integrations/mqtt/test');
    expect(test.json).toMatchObject({ ok: false, message: 'The broker refused the username or password.', latencyMs: null });
    expect((await integration())!.status).toMatchObject({ state: 'failing', message: 'The broker refused the username or password.', consecutiveFailures: 1 });
  });

  it('the right one: stored sealed, never shown, and the test connects and publishes', async () => {
    const put = await call<MqttIntegrationView>('PUT', '/integrations/mqtt', { url: broker.url, username: broker.username, password: broker.password });
    expect(put.json).toMatchObject({ url: broker.url, username: broker.username, hasPassword: true, discoveryPrefix: 'homeassistant', status: { state: 'pending' } });
    expect(JSON.stringify(await integration())).not.toContain(broker.password);
    const test = await call<MqttTestResult>('POST', '/integrations/mqtt/test');
    expect(test.json.ok, test.json.message).toBe(true);
    expect(test.json.latencyMs).toBeGreaterThanOrEqual(0);
  });
});

describe('discovery and states', () => {
  let retained: Map<string, Received>;
  let devices: DeviceView[];
  let cookId: string;

  beforeAll(async () => {
    const cook = await call<{ cookId: string }>('POST', '/cooks', { serial: SIGNALS, pitChannel: '1', probes: [{ channel: '2', presetId: 'brisket' }] });
    expect(cook.status).toBe(201);
    cookId = cook.json.cookId;
    await new Promise((r) => setTimeout(r, 3100)); // the demo Signals uploads every 3 s: new readings to poll
    expect((await pollAndPublish()).status.state).toBe('ok');
    retained = await retainedNow();
    devices = (await call<{ devices: DeviceView[] }>('GET', '/devices')).json.devices;
  });

  const configs = () => [...retained.values()].filter((m) => m.topic.startsWith('homeassistant/')).map((m) => ({ ...m, config: JSON.parse(m.payload) as Record<string, unknown> }));

  it('retains every config and state at QoS 1', () => {
    expect(configs().length).toBeGreaterThan(10);
    for (const m of retained.values()) {
      expect(m.retain, m.topic).toBe(true);
      expect(m.qos, m.topic).toBe(1);
    }
  });

  it('gives every config what Home Assistant requires of its component, and one device per thermometer', () => {
    for (const { topic, config } of configs()) {
      const [, component, objectId, last] = topic.split('/');
      expect(['sensor', 'binary_sensor'], topic).toContain(component);
      expect(last, topic).toBe('config');
      expect(config.unique_id, topic).toBe(objectId);
      expect(config.state_topic, topic).toMatch(/^pitwatch\/[a-z0-9_]+\/(state|cook)$/);
      expect(config.value_template, topic).toMatch(/^\{\{ value_json\.[a-z0-9_]+ \}\}$/);
      expect(config.name, topic).toEqual(expect.any(String));
      const device = config.device as Record<string, unknown>;
      expect(device, topic).toMatchObject({ manufacturer: 'ThermoWorks', identifiers: [expect.stringMatching(/^thermoworks_/)], name: expect.any(String), model: expect.any(String) });
      expect(config.origin, topic).toMatchObject({ name: 'Pitwatch' });
      if (config.device_class !== 'connectivity') expect(config.availability_topic, topic).toMatch(/\/availability$/);
      if (config.device_class === 'enum') expect(config.options, topic).toEqual(['heating', 'stall', 'post_stall', 'done', 'unknown']);
      if (component === 'binary_sensor') expect(config, topic).toMatchObject({ payload_on: 'ON', payload_off: 'OFF' });
    }
    const signals = configs().filter((c) => c.topic.includes(`pitwatch_${SIGNALS_ID}_`));
    const byId = new Map(signals.map((c) => [String(c.config.unique_id).replace(`pitwatch_${SIGNALS_ID}_`, ''), c.config]));
    expect(byId.get('ch1')).toMatchObject({ device_class: 'temperature', state_class: 'measurement', unit_of_measurement: '°F', suggested_display_precision: 1, name: 'Pit' });
    expect(byId.get('battery')).toMatchObject({ device_class: 'battery', unit_of_measurement: '%' });
    expect(byId.get('wifi')).toMatchObject({ device_class: 'signal_strength', unit_of_measurement: 'dBm' });
    expect(byId.get('online')).toMatchObject({ device_class: 'connectivity' });
    expect(byId.get('ch2_target')).toMatchObject({ device_class: 'temperature', unit_of_measurement: '°F' });
    expect(byId.get('ch2_done')).toMatchObject({ device_class: 'timestamp' });
    expect(byId.get('ch2_phase')).toMatchObject({ device_class: 'enum' });
    expect(byId.get('alarm')).toMatchObject({ device_class: 'problem' });
    expect(byId.get('ch1')!.device).toEqual({ identifiers: [`thermoworks_${SIGNALS_ID}`], manufacturer: 'ThermoWorks', model: 'Signals', name: 'Offset smoker', serial_number: SIGNALS, sw_version: '2.1.0' });
    // The humidity channel of the Node is a humidity sensor, not a temperature.
    expect(configs().find((c) => c.config.unique_id === 'pitwatch_m100009168_ch2')!.config).toMatchObject({ device_class: 'humidity', unit_of_measurement: '%' });
    // Three thermometers, three devices.
    expect(new Set(configs().map((c) => JSON.stringify(c.config.device))).size).toBe(3);
  });

  it('publishes states that follow the simulator’s readings as polled', () => {
    for (const d of devices) {
      const state = JSON.parse(retained.get(`pitwatch/${d.serial.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}/state`)!.payload) as Record<string, unknown>;
      for (const c of d.channels) expect(state[`ch${c.number}`], `${d.serial} ${c.number}`).toBe(c.probeConnected ? c.value : null);
      expect(state).toMatchObject({ battery: d.battery, wifi: d.wifiDbm, online: d.online ? 'ON' : 'OFF' });
    }
    expect(retained.get(`pitwatch/${SIGNALS_ID}/availability`)!.payload).toBe('online');
    const cook = JSON.parse(retained.get(`pitwatch/${SIGNALS_ID}/cook`)!.payload) as Record<string, unknown>;
    expect(cook).toMatchObject({ ch2_target: 203, ch2_phase: expect.any(String), alarm: expect.stringMatching(/^(ON|OFF)$/) });
  });

  it('shows a device going offline as unavailable, and its connectivity sensor as off', async () => {
    stack.simulator.setDeviceOnline(SIGNALS, false);
    await pollAndPublish();
    const now = await retainedNow();
    expect(now.get(`pitwatch/${SIGNALS_ID}/availability`)!.payload).toBe('offline');
    expect(JSON.parse(now.get(`pitwatch/${SIGNALS_ID}/state`)!.payload)).toMatchObject({ online: 'OFF' });
    stack.simulator.setDeviceOnline(SIGNALS, true);
  });

  it('clears the cook’s entities when the cook ends', async () => {
    expect((await call('POST', `/cooks/${cookId}/end`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 3100));
    await pollAndPublish();
    const now = await retainedNow();
    expect([...now.keys()].filter((t) => /_ch2_(target|done|phase)\/config$|_alarm\/config$/.test(t) || t.endsWith('/cook'))).toEqual([]);
    expect(now.has(`homeassistant/sensor/pitwatch_${SIGNALS_ID}_ch2/config`)).toBe(true);
  });
});

describe('failures never touch the poll', () => {
  it('a broker that is down: the poll stores and pushes as usual, the status says why, with backoff', async () => {
    await broker.stop();
    const before = (await call<{ devices: DeviceView[] }>('GET', '/devices')).json.devices.find((d) => d.serial === SIGNALS)!.channels[0]!.at;
    await new Promise((r) => setTimeout(r, 3100));
    const status = (await pollAndPublish()).status;
    expect(status).toMatchObject({ state: 'failing', consecutiveFailures: 1, message: expect.stringMatching(/refused|reached|time/) });
    expect(Date.parse(status.retryAt!)).toBeGreaterThan(Date.parse(status.lastAttemptAt!));
    // The poll itself went on: the newer reading is stored.
    const after = (await call<{ devices: DeviceView[] }>('GET', '/devices')).json.devices.find((d) => d.serial === SIGNALS)!.channels[0]!.at;
    expect(after! > before!).toBe(true);
    // While backing off, polls do not even hand off.
    const depth = stack.mqttQueue.depth;
    await stack.pollNow([DEMO.userId]);
    expect(stack.mqttQueue.depth).toBe(depth);
    expect((await integration())!.status.consecutiveFailures).toBe(1);
    // Bring it back for the last test, on the same port.
    broker = await startMosquittoOnPort(broker.port);
  });

  it('removal clears every retained config and state from the broker', async () => {
    // The backoff ends, the next poll republishes everything; then the integration goes.
    await until('the backoff to end', async () => (Date.parse((await integration())!.status.retryAt ?? '0') <= Date.now() ? true : undefined), 20_000);
    await new Promise((r) => setTimeout(r, 3100));
    expect((await pollAndPublish()).status.state).toBe('ok');
    expect([...(await retainedNow()).keys()].length).toBeGreaterThan(10);
    const removed = await call<{ removed: true; cleared: number; message: string | null }>('DELETE', '/integrations/mqtt');
    expect(removed.json).toMatchObject({ removed: true, message: null });
    expect(removed.json.cleared).toBeGreaterThan(10);
    expect([...(await retainedNow()).keys()]).toEqual([]);
    expect(await integration()).toBeNull();
  });
});

async function startMosquittoOnPort(port: number): Promise<RunningMosquitto> {
  // The integration stores the URL, so the broker comes back where it was.
  for (let i = 0; i < 20; i++) {
    const next = await startMosquitto({ username: broker.username, password: broker.password, port });
    if (next.port === port) return next;
    await next.stop();
  }
  throw new Error(`could not restart mosquitto on ${port}`);
}
