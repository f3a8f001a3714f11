/**
 * The MCP server as an assistant's client runs it: `mcp/main.ts` spawned over stdio by the SDK's own client, talking
 * to the local stack with a read API token from its environment. Each tool is called and its answer compared with
 * what the HTTP API says.
 */
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookView, DeviceView } from '../shared/api/schemas';
import { createDocumentClient } from '../shared/aws/dynamo-document-client';
import { DynamoCookStore } from '../shared/aws/dynamo-cook-store';
import { seedActiveCook } from '../shared/cooks/testing/seed-active-cook';
import { startLocalStack, type LocalStack } from '../infra/local/local-stack';

const DEMO = { email: 'demo@pitwatch.local', userId: 'uid-demo-0001', accountId: 'acct-demo-0001' };
const SIGNALS = '12:34:56:78:90:AB';
const repoRoot = join(import.meta.dirname, '..');

let stack: LocalStack;
let client: Client;
let devices: DeviceView[];
let cooks: CookView[];

async function tool(name: string, args: Record<string, unknown> = {}): Promise<{ isError: boolean; data: Record<string, unknown>; text: string }> {
  const result = (await client.callTool({ name, arguments: args })) as { isError?: boolean; structuredContent?: Record<string, unknown>; content: Array<{ type: string; text: string }> };
  return { isError: result.isError === true, data: result.structuredContent ?? {}, text: result.content.map((c) => c.text).join('\n') };
}

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  stack = await startLocalStack({ port: 0, autoDispatch: false });
  const api = `${stack.url}/api`;
  await stack.pollNow([DEMO.userId]);
  const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: DEMO.email, password: 'pitwatch' }) });
  const { sessionToken } = (await login.json()) as { sessionToken: string };
  const created = await fetch(`${api}/api-tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sessionToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'assistant', scopes: ['read'] }),
  });
  const { token } = (await created.json()) as { token: string };

  // A brisket well into its cook, in the stall, as the poll worker leaves it.
  const now = Date.now();
  const iso = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
  await seedActiveCook(new DynamoCookStore(createDocumentClient({ region: 'us-east-1', endpoint: stack.dynamoEndpoint }), 'pitwatch-local'), {
    accountId: DEMO.accountId, serial: SIGNALS, startedAt: iso(-300), pitChannel: '1',
    probes: [{ channel: '2', label: null, units: 'F', targetF: 203, presetId: 'brisket', meat: 'brisket' }],
    series: {},
    predictions: [{ channel: '2', phase: 'stall', etaAt: iso(240), etaLowAt: iso(180), etaHighAt: iso(330), reason: null, stallStartedAt: iso(-45), at: iso(0) }],
    alerts: [{ kind: 'stall-started', channel: '2', message: 'Brisket flat has stalled at 158 °F', at: iso(-45) }],
    updatedAt: iso(0),
  });
  const read = async (path: string) => (await fetch(`${api}${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
  devices = ((await read('/devices')) as { devices: DeviceView[] }).devices;
  cooks = ((await read('/cooks')) as { cooks: CookView[] }).cooks;

  client = new Client({ name: 'pitwatch-test', version: '1.0.0' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'mcp', 'main.ts')],
      env: { PATH: process.env.PATH ?? '', PITWATCH_URL: api, PITWATCH_TOKEN: token },
      cwd: repoRoot,
      stderr: 'ignore',
    }),
  );
});

afterAll(async () => {
  await client?.close();
  await stack?.stop();
  delete process.env.POWERTOOLS_LOG_LEVEL;
});

describe('the Pitwatch MCP server', () => {
  it('offers the five tools', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['cook_history_summary', 'get_cook', 'get_live_readings', 'list_cooks', 'list_devices']);
    for (const t of tools) expect(t.description?.length, t.name).toBeGreaterThan(20);
  });

  it('list_devices: every thermometer, as the API shows it', async () => {
    const { data } = await tool('list_devices');
    const listed = data.devices as Array<{ serial: string; name: string; batteryPercent: number | null; online: boolean }>;
    expect(listed.map((d) => d.serial).sort()).toEqual(devices.map((d) => d.serial).sort());
    for (const d of devices) expect(listed.find((x) => x.serial === d.serial)).toMatchObject({ name: d.label, batteryPercent: d.battery, online: d.online });
  });

  it('get_live_readings: each channel’s latest value, for one thermometer or all', async () => {
    const all = (await tool('get_live_readings')).data.readings as Array<{ serial: string; channel: string; value: number | null }>;
    expect(all).toHaveLength(devices.reduce((n, d) => n + d.channels.length, 0));
    const one = (await tool('get_live_readings', { serial: SIGNALS })).data.readings as Array<{ channel: string; value: number | null; units: string }>;
    const signals = devices.find((d) => d.serial === SIGNALS)!;
    expect(one.map((r) => [r.channel, r.value, r.units])).toEqual(signals.channels.map((c) => [c.number, c.value, c.units]));
    const missing = await tool('get_live_readings', { serial: 'NO-SUCH' });
    expect(missing.isError).toBe(true);
  });

  it('list_cooks and get_cook: when the brisket will be done, and that it is stalled', async () => {
    const listed = (await tool('list_cooks')).data.cooks as Array<{ serial: string; probes: Array<{ stalled: boolean; doneInMinutes: number }> }>;
    expect(listed).toHaveLength(cooks.length);
    expect(listed[0]).toMatchObject({ serial: SIGNALS, probes: [{ stalled: true }] });
    const { data } = await tool('get_cook');
    const [probe] = data.probes as Array<Record<string, unknown>>;
    expect(probe).toMatchObject({ channel: '2', meat: 'brisket', targetF: 203, phase: 'stall', stalled: true, etaAt: cooks[0]!.predictions[0]!.etaAt });
    expect(Math.abs((probe!.doneInMinutes as number) - 240)).toBeLessThanOrEqual(1);
    expect(probe!.doneInMinutesRange).toEqual([expect.any(Number), expect.any(Number)]);
    expect(Math.abs((probe!.stalledForMinutes as number) - 45)).toBeLessThanOrEqual(1);
    expect(data.alerts).toEqual(cooks[0]!.alerts);
    expect((await tool('get_cook', { serial: 'M100009168' })).isError).toBe(true);
  });

  it('cook_history_summary: the cook’s channels from the stored history', async () => {
    const { data } = await tool('cook_history_summary', { serial: SIGNALS, hours: 1 });
    const channels = data.channels as Array<{ channel: string; points: number; latest?: { value: number }; lowest?: number; highest?: number }>;
    const signals = devices.find((d) => d.serial === SIGNALS)!;
    expect(channels.map((c) => c.channel)).toEqual(signals.channels.map((c) => c.number));
    for (const c of channels) {
      expect(c.points, c.channel).toBeGreaterThan(0);
      expect(c.latest!.value, c.channel).toBe(signals.channels.find((x) => x.number === c.channel)!.value);
      expect(c.lowest!).toBeLessThanOrEqual(c.highest!);
    }
    expect(data.cookInProgress).toBe(true);
  });
});
