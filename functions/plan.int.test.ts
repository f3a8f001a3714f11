/**
 * The serve-time planner through the API on the local stack: POST /cooks/plan answers when to start (with its 80 %
 * range) for a preset or a target, in the caller's units and time zone; a read API token may plan (it stores
 * nothing); impossible requests are 400 with the field named, never 500.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planResponseSchema, type PlanResponse } from '../shared/api/plan-schemas';
import { errorBodySchema } from '../shared/api/schemas';
import { startLocalStack, type LocalStack } from '../infra/local/local-stack';

let stack: LocalStack;
let api: string;
let session: string;

async function call(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

beforeAll(async () => {
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  stack = await startLocalStack({ port: 0, autoDispatch: false, seedDemoCooks: false });
  api = `${stack.url}/api`;
  const login = await fetch(`${api}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'demo@pitwatch.local', password: 'pitwatch' }) });
  session = ((await login.json()) as { sessionToken: string }).sessionToken;
});

afterAll(async () => {
  await stack?.stop();
  delete process.env.POWERTOOLS_LOG_LEVEL;
});

/** Tomorrow 18:00 in Chicago, far enough ahead for any brisket. */
function serveTomorrowEvening(): string {
  const now = new Date(Date.now() + 36 * 3_600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 24, 0)).toISOString(); // 18:00 CST
}

describe('POST /cooks/plan', () => {
  it('plans a brisket backwards from serving time, rest included, with an 80 % start window', async () => {
    const serveAt = serveTomorrowEvening();
    const res = await call('POST', '/cooks/plan', session, { presetId: 'brisket', weightKg: 6, pitTemp: 250, serveAt, timeZone: 'America/Chicago' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const plan: PlanResponse = planResponseSchema.parse(res.body);
    const [earliest, startBy, latest, doneBy, serve] = [plan.startEarliest, plan.startBy, plan.startLatest, plan.doneBy, plan.serveAt].map(Date.parse) as [number, number, number, number, number];
    expect(serve).toBe(Date.parse(serveAt));
    expect(earliest).toBeLessThanOrEqual(startBy);
    expect(startBy).toBeLessThanOrEqual(latest);
    // Started at startBy it is done, then rests, before people eat.
    expect(doneBy + plan.restMinutes * 60_000).toBeLessThanOrEqual(serve + 60_000);
    expect(plan.restMinutes).toBeGreaterThan(0);
    expect(plan.cookHours.low).toBeLessThanOrEqual(plan.cookHours.mid);
    expect(plan.cookHours.mid).toBeLessThanOrEqual(plan.cookHours.high);
    // A 6 kg brisket at 250 °F takes hours, not minutes or days.
    expect(plan.cookHours.mid).toBeGreaterThan(6);
    expect(plan.cookHours.mid).toBeLessThan(24);
    expect(plan).toMatchObject({ units: 'F', status: 'ok' });
    expect(plan.text).toMatch(/^start by .+ \(80 %: .+\) to eat at 18:00, including a .*rest/);
    expect(plan.basedOn).toBeNull(); // no cook of this account has ended yet: nothing learned
  });

  it('takes a target in °C instead of a preset and answers in °C', async () => {
    const res = await call('POST', '/cooks/plan', session, { target: 93, units: 'C', pitTemp: 120, serveAt: serveTomorrowEvening() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const plan = planResponseSchema.parse(res.body);
    expect(plan).toMatchObject({ units: 'C', target: 93, restMinutes: 0 });
  });

  it('is allowed to a read-only API token (it changes nothing)', async () => {
    const made = await call('POST', '/api-tokens', session, { name: 'planner', scopes: ['read'] });
    expect(made.status).toBe(201);
    const res = await call('POST', '/cooks/plan', (made.body as { token: string }).token, { presetId: 'pork-butt', pitTemp: 250, serveAt: serveTomorrowEvening() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });

  it.each([
    [{ presetId: 'brisket', target: 200, pitTemp: 250 }, 'presetId'],
    [{ pitTemp: 250 }, 'presetId'],
    [{ presetId: 'no-such-cut', pitTemp: 250 }, 'presetId'],
    [{ presetId: 'brisket', pitTemp: 200 }, 'pitTemp'],
    [{ presetId: 'brisket', pitTemp: 250, serveAt: '2020-01-01T18:00:00Z' }, 'serveAt'],
    [{ presetId: 'brisket', pitTemp: 250, timeZone: 'Mars/Olympus' }, 'timeZone'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const res = await call('POST', '/cooks/plan', session, { serveAt: serveTomorrowEvening(), ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    const error = errorBodySchema.parse(res.body).error;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(error.details)).toContain(field);
  });
});
