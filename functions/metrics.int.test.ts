/**
 * GET /metrics on the local stack, scraped with a read API token as Prometheus would: the answer parses with an
 * independent Prometheus text-format parser, and every value is the one GET /devices and GET /cooks show for the
 * same moment (no poll runs in between).
 */
import parsePrometheusTextFormat, { type ParsedFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookView, DeviceView } from '../shared/api/schemas';
import { createDocumentClient } from '../shared/aws/dynamo-document-client';
import { DynamoCookStore } from '../shared/aws/dynamo-cook-store';
import { seedActiveCook } from '../shared/cooks/testing/seed-active-cook';
import { startLocalStack, type LocalStack } from '../infra/local/local-stack';

const DEMO = { email: 'demo@pitwatch.local', userId: 'uid-demo-0001', accountId: 'acct-demo-0001' };
const SIGNALS = '12:34:56:78:90:AB';

let stack: LocalStack;
let api: string;
let readToken: string;
let families: Map<string, ParsedFamily>;
let devices: DeviceView[];
let cooks: CookView[];
let scrapedAt: number;
let contentType: string | null;

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  stack = await startLocalStack({ port: 0, autoDispatch: false });
  api = `${stack.url}/api`;
  await stack.pollNow([DEMO.userId]);
  const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO.email, password: 'pitwatch' }) });
  const { sessionToken } = (await login.json()) as { sessionToken: string };
  const created = await fetch(`${api}/api-tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sessionToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Prometheus', scopes: ['read'] }),
  });
  readToken = ((await created.json()) as { token: string }).token;

  // A cook well under way, as the poll worker leaves it: predictions with ETAs (one probe in the stall) and alerts.
  const now = Date.now();
  const iso = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
  const prediction = (channel: string, phase: 'heating' | 'stall', etaMinutes: number | null) => ({
    channel, phase, etaAt: etaMinutes === null ? null : iso(etaMinutes), etaLowAt: etaMinutes === null ? null : iso(etaMinutes - 40),
    etaHighAt: etaMinutes === null ? null : iso(etaMinutes + 90), reason: etaMinutes === null ? 'not enough data' : null,
    stallStartedAt: phase === 'stall' ? iso(-50) : null, at: iso(0),
  });
  await seedActiveCook(new DynamoCookStore(createDocumentClient({ region: 'us-east-1', endpoint: stack.dynamoEndpoint }), 'pitwatch-local'), {
    accountId: DEMO.accountId,
    serial: SIGNALS,
    startedAt: iso(-300),
    pitChannel: '1',
    probes: [
      { channel: '2', label: null, units: 'F', targetF: 203, presetId: 'brisket', meat: 'brisket' },
      { channel: '3', label: null, units: 'F', targetF: 205, presetId: null, meat: null },
      { channel: '4', label: null, units: 'F', targetF: 203, presetId: 'brisket', meat: 'brisket' },
    ],
    series: {},
    predictions: [prediction('2', 'stall', 260), prediction('3', 'heating', 200), prediction('4', 'heating', null)],
    alerts: [
      { kind: 'stall-started', channel: '2', message: 'Brisket flat has stalled', at: iso(-50) },
      { kind: 'pit-dropping', channel: null, message: 'The pit is dropping', at: iso(-5) },
    ],
    updatedAt: iso(0),
  });

  const read = async (path: string) => (await fetch(`${api}${path}`, { headers: { authorization: `Bearer ${readToken}` } })).json();
  devices = ((await read('/devices')) as { devices: DeviceView[] }).devices;
  cooks = ((await read('/cooks')) as { cooks: CookView[] }).cooks;
  scrapedAt = Date.now();
  const res = await fetch(`${api}/metrics`, { headers: { authorization: `Bearer ${readToken}` } });
  expect(res.status).toBe(200);
  contentType = res.headers.get('content-type');
  families = new Map(parsePrometheusTextFormat(await res.text()).map((f) => [f.name, f]));
});

afterAll(async () => {
  await stack?.stop();
  delete process.env.POWERTOOLS_LOG_LEVEL;
});

const sample = (family: string, labels: Record<string, string>) =>
  families.get(family)?.metrics.filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v)) ?? [];
const valueOf = (family: string, labels: Record<string, string>) => {
  const found = sample(family, labels);
  expect(found, `${family} ${JSON.stringify(labels)}`).toHaveLength(1);
  return Number(found[0]!.value);
};

describe('GET /metrics', () => {
  it('answers the text exposition format, every family a gauge with help', () => {
    expect(contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect([...families.keys()]).toEqual(expect.arrayContaining([
      'pitwatch_probe_temperature', 'pitwatch_device_battery_percent', 'pitwatch_device_signal_dbm', 'pitwatch_device_online',
      'pitwatch_cook_eta_seconds', 'pitwatch_cook_stalled',
    ]));
    for (const family of families.values()) {
      expect(family.type, family.name).toBe('GAUGE');
      expect(family.help.length, family.name).toBeGreaterThan(10);
    }
  });

  it('has each temperature channel’s latest reading, in its unit, and nothing for humidity or an unplugged probe', () => {
    const temperatures = devices.flatMap((d) => d.channels.filter((c) => c.units !== 'H' && c.value !== null).map((c) => ({ d, c })));
    expect(temperatures.length).toBeGreaterThan(4);
    for (const { d, c } of temperatures) {
      expect(valueOf('pitwatch_probe_temperature', { device: d.serial, channel: c.number, label: c.label, unit: c.units === 'F' ? 'fahrenheit' : 'celsius' })).toBe(c.value);
    }
    expect(families.get('pitwatch_probe_temperature')!.metrics).toHaveLength(temperatures.length);
    expect(sample('pitwatch_probe_temperature', { device: 'M100009168', channel: '2' })).toEqual([]); // humidity
    expect(sample('pitwatch_probe_temperature', { device: 'AB:CD:EF:01:23:45', channel: '2' })).toEqual([]); // reads null
  });

  it('has each device’s battery, Wi-Fi signal and online state', () => {
    expect(devices).toHaveLength(3);
    for (const d of devices) {
      expect(valueOf('pitwatch_device_battery_percent', { device: d.serial, device_label: d.label })).toBe(d.battery);
      expect(valueOf('pitwatch_device_signal_dbm', { device: d.serial })).toBe(d.wifiDbm);
      expect(valueOf('pitwatch_device_online', { device: d.serial })).toBe(d.online ? 1 : 0);
    }
  });

  it('has each probe’s ETA (seconds from the scrape, with its interval), target, stall and the cook’s alarm', () => {
    expect(cooks).toHaveLength(1);
    const [cook] = cooks;
    for (const p of cook!.predictions) {
      for (const [bound, at] of [['estimate', p.etaAt], ['low', p.etaLowAt], ['high', p.etaHighAt]] as const) {
        const found = sample('pitwatch_cook_eta_seconds', { device: cook!.serial, channel: p.channel, bound });
        if (at === null) expect(found, `${p.channel} ${bound}`).toEqual([]);
        else expect(Math.abs(Number(found[0]!.value) - (Date.parse(at) - scrapedAt) / 1000), `${p.channel} ${bound}`).toBeLessThan(5);
      }
      expect(valueOf('pitwatch_cook_stalled', { device: cook!.serial, channel: p.channel })).toBe(p.phase === 'stall' ? 1 : 0);
    }
    for (const probe of cook!.probes) expect(valueOf('pitwatch_cook_target_fahrenheit', { device: cook!.serial, channel: probe.channel })).toBe(probe.targetF);
    expect(valueOf('pitwatch_cook_stalled', { device: SIGNALS, channel: '2' })).toBe(1);
    expect(valueOf('pitwatch_cook_alarm', { device: SIGNALS })).toBe(1); // the pit is dropping
  });

  it('refuses a scrape without a token, or with a revoked one', async () => {
    expect((await fetch(`${api}/metrics`)).status).toBe(401);
    expect((await fetch(`${api}/metrics`, { headers: { authorization: 'Bearer pw_' + 'x'.repeat(43) } })).status).toBe(401);
  });
});
