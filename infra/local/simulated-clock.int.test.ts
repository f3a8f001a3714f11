/**
 * `npm start -- --time-scale 30` tells the truth: the simulator, the HTTP handlers and the poll pipeline share one
 * simulated "now". Real parts throughout: the local stack (DynamoDB Local, the ThermoWorks simulator, the real
 * handlers behind the local gateway), a chicken cook started through `POST /api/cooks`, and polls through the real
 * worker at the poll cadence. The cook starts 50 simulated minutes into a hot (375 °F) roast, so the breast crosses
 * 165 °F about 20 simulated minutes (≈ 40 s of wall time) later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cooksResponseSchema, historyResponseSchema, loginResponseSchema, webConfigSchema, type CookView } from '../../shared/api/schemas';
import { ScaledClock } from '../../shared/clock';
import type { ScenarioInput } from '../../shared/thermoworks/simulator';
import { startLocalStack, type LocalStack } from './local-stack';

const TIME_SCALE = 30;
const POLL_INTERVAL_SECONDS = 5;
const SERIAL = 'M300001650';
const TARGET_F = 165;
/** The predictor's shortest trustworthy trend (done-time-predictor.ts): 6 one-minute points over 12 minutes. */
const ENOUGH_BINS = 6;
const ENOUGH_SPAN_MS = 12 * 60_000;
/** Polls after the crossing reading; the cook must be done long before (it is ≈ 8 polls away at the start). */
const MAX_POLLS = 24;

const scenario: ScenarioInput = {
  seed: 7,
  accounts: [
    {
      email: 'roast@pitwatch.local',
      password: 'pitwatch',
      uid: 'uid-roast-0001',
      accountId: 'acct-roast-0001',
      devices: [
        {
          serial: SERIAL,
          label: 'BlueDOT',
          device: 'bluedot',
          type: 'bluedot',
          recordingIntervalSeconds: 4,
          transmitIntervalSeconds: 4,
          cook: { startedSecondsAgo: 50 * 60, meat: 'chicken', ambientF: 72, pitTargetF: 375, meatStartF: 40, meats: 1 },
          channels: [{ number: '1', label: 'Chicken', source: { kind: 'meat', index: 0 } }],
        },
      ],
    },
  ],
};

let stack: LocalStack;
let api: string;

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  // No dispatcher: the test owns the poll cadence, so it can count polls.
  stack = await startLocalStack({ port: 0, scenario, timeScale: TIME_SCALE, pollIntervalSeconds: POLL_INTERVAL_SECONDS, autoDispatch: false });
  api = `${stack.url}/api`;
});

afterAll(async () => {
  await stack?.stop();
  delete process.env.POWERTOOLS_LOG_LEVEL;
});

async function call(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, json: (await res.json()) as unknown };
}

interface PollSeen {
  poll: number;
  /** Simulated now, read from the simulator right after the poll. */
  nowMs: number;
  /** One-minute bins of the chicken's stored readings since the cook started (what the cook series holds). */
  bins: number;
  spanMs: number;
  latestF: number | undefined;
  cook: CookView;
}

describe('one clock under --time-scale 30', () => {
  it('serves the clock to the web app: rebuilt from /config.json it reads the simulator\'s now', async () => {
    const config = webConfigSchema.parse(await (await fetch(`${stack.url}/config.json`)).json());
    expect(config.clock).toEqual(stack.clock.settings);
    expect(config.clock?.scale).toBe(TIME_SCALE);
    const page = new ScaledClock(config.clock!);
    // Read a few real milliseconds apart: at 30× they may differ by a few simulated seconds, never by minutes.
    expect(Math.abs(page.nowMs() - stack.simulator.now().getTime())).toBeLessThan(5_000);
  });

  it('a chicken cook gets a prediction, the target-reached alert, and alert times inside the cook', { timeout: 90_000 }, async () => {
    const login = await fetch(`${api}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'roast@pitwatch.local', password: 'pitwatch' }),
    });
    expect(login.status).toBe(200);
    const { sessionToken: token, user } = loginResponseSchema.parse(await login.json());
    await stack.pollNow([user.userId]); // the device is known once polled

    const before = stack.simulator.now().getTime();
    const started = await call('POST', '/cooks', token, { serial: SERIAL, probes: [{ channel: '1', presetId: 'chicken' }] });
    const after = stack.simulator.now().getTime();
    expect(started.status).toBe(201);
    const startedAtMs = Date.parse((started.json as CookView).startedAt);
    // The handler's "now" is the simulator's.
    expect(startedAtMs).toBeGreaterThanOrEqual(before);
    expect(startedAtMs).toBeLessThanOrEqual(after);

    const seen: PollSeen[] = [];
    let lastPollAt = 0;
    let crossedAt: number | undefined;
    for (let poll = 1; poll <= MAX_POLLS; poll++) {
      // The poll cadence (5 s of wall time), not a guess at how long something takes.
      const wait = lastPollAt + POLL_INTERVAL_SECONDS * 1000 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      lastPollAt = Date.now();
      await stack.pollNow([user.userId]);
      const nowMs = stack.simulator.now().getTime();
      const history = historyResponseSchema.parse(
        (await call('GET', `/devices/${encodeURIComponent(SERIAL)}/history?channel=1&from=${new Date(startedAtMs).toISOString()}&to=${new Date(nowMs + 60_000).toISOString()}`, token)).json,
      );
      const minutes = [...new Set(history.points.map((p) => Math.floor(Date.parse(p.at) / 60_000)))];
      const cooks = cooksResponseSchema.parse((await call('GET', '/cooks', token)).json);
      expect(cooks.cooks).toHaveLength(1);
      const entry: PollSeen = {
        poll,
        nowMs,
        bins: minutes.length,
        spanMs: minutes.length > 0 ? (Math.max(...minutes) - Math.min(...minutes)) * 60_000 : 0,
        latestF: history.points.at(-1)?.value,
        cook: cooks.cooks[0]!,
      };
      seen.push(entry);
      if (crossedAt === undefined && entry.latestF !== undefined && entry.latestF >= TARGET_F) crossedAt = poll;
      if (crossedAt !== undefined && poll >= crossedAt + 1) break;
    }
    const trace = seen.map((s) => `#${s.poll} ${s.bins} bins ${s.latestF ?? '-'}°F ${s.cook.predictions[0]?.phase ?? '-'} ${s.cook.predictions[0]?.reason ?? ''} eta=${s.cook.predictions[0]?.etaAt ?? '-'} alerts=${s.cook.alerts.map((a) => a.kind).join(',')}`).join('\n');

    // A prediction within 2 polls of the series holding enough data for a trend.
    const enough = seen.find((s) => s.bins >= ENOUGH_BINS && s.spanMs >= ENOUGH_SPAN_MS);
    expect(enough, `the series never held enough data:\n${trace}`).toBeDefined();
    const predicted = seen.find((s) => s.poll <= enough!.poll + 2 && s.cook.predictions.some((p) => p.channel === '1' && (p.etaAt !== null || p.phase === 'done')));
    expect(predicted, `no prediction within 2 polls of poll #${enough!.poll}:\n${trace}`).toBeDefined();

    // The target-reached alert when the probe crosses 165 °F: not before, and by the next poll at the latest.
    expect(crossedAt, `the chicken never reached ${TARGET_F} °F:\n${trace}`).toBeDefined();
    const reachedIn = (s: PollSeen) => s.cook.alerts.some((a) => a.kind === 'target-reached' && a.channel === '1');
    expect(seen.filter((s) => s.poll < crossedAt! && reachedIn(s)).map((s) => s.poll), trace).toEqual([]);
    expect(seen.find((s) => s.poll <= crossedAt! + 1 && reachedIn(s)), `no target-reached alert:\n${trace}`).toBeDefined();

    // Readings 2.5 simulated minutes apart are the poll cadence at 30×, not a gap to look for in the archives.
    expect(stack.simulator.requests().filter((r) => r.path.includes('/archive')).map((r) => r.path)).toEqual([]);

    // Every alert and prediction time lies between the cook's start and the current simulated now.
    const last = seen.at(-1)!;
    const nowMs = stack.simulator.now().getTime();
    expect(last.cook.alerts.length).toBeGreaterThan(0);
    for (const stamped of [...last.cook.alerts, ...last.cook.predictions]) {
      const atMs = Date.parse(stamped.at);
      expect(atMs, `${JSON.stringify(stamped)} before the cook started at ${new Date(startedAtMs).toISOString()}`).toBeGreaterThanOrEqual(startedAtMs);
      expect(atMs, `${JSON.stringify(stamped)} after now ${new Date(nowMs).toISOString()}`).toBeLessThanOrEqual(nowMs);
    }
  });
});
