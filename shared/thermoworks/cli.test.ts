import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_BAD_CREDENTIALS, EXIT_FAILURE, EXIT_OK, runCli } from './cli';
import { demoScenario, startSimulator, type RunningSimulator } from './simulator';

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, scenario: { ...demoScenario, startAt: '2026-11-01T20:00:00Z' } });
});
afterAll(() => sim.stop());

async function run(args: string[], password = 'pitwatch') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    env: { ...sim.env, THERMOWORKS_EMAIL: 'demo@pitwatch.local', THERMOWORKS_PASSWORD: password },
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
  });
  return { code, json: out.length ? (JSON.parse(out.join('\n')) as unknown) : undefined, err: err.join('\n') };
}

describe('thermoworks CLI', () => {
  it('login prints the user, without tokens unless asked', async () => {
    const r = await run(['login']);
    expect(r.code).toBe(EXIT_OK);
    expect(r.json).toMatchObject({ uid: 'uid-demo-0001', user: { accountId: 'acct-demo-0001' } });
    expect(JSON.stringify(r.json)).not.toContain('AMf-');
    expect(JSON.stringify((await run(['login', '--show-tokens'])).json)).toContain('AMf-');
  });

  it('devices, channels and archives print parsed domain objects', async () => {
    expect(((await run(['devices'])).json as Array<{ kind: string }>).map((d) => d.kind)).toEqual(['signals', 'rfx', 'node']);
    const channels = (await run(['channels', '12:34:56:78:90:AB'])).json as Array<{ label: string; value: number }>;
    expect(channels.map((c) => c.label)).toEqual(['Pit', 'Brisket flat', 'Brisket point', 'Brisket middle']);
    const archives = (await run(['archives', 'M100009168', '--download'])).json as Array<{ readings: unknown[] }>;
    expect(archives.length).toBeGreaterThan(0);
    expect(archives[0]?.readings.length).toBeGreaterThan(0);
  });

  it('exits 2 on bad or missing credentials, 1 on other failures', async () => {
    const bad = await run(['devices'], 'wrong');
    expect(bad.code).toBe(EXIT_BAD_CREDENTIALS);
    expect(bad.err).toContain('THERMOWORKS_INVALID_CREDENTIALS');
    expect(await runCli(['devices'], { env: {}, out: () => {}, err: () => {} })).toBe(EXIT_BAD_CREDENTIALS);
    expect((await run(['channels', 'nope'])).code).toBe(EXIT_FAILURE);
    expect((await run(['channels'])).code).toBe(EXIT_FAILURE);
    expect((await run(['frobnicate'])).code).toBe(EXIT_FAILURE);
  });
});
