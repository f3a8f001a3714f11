/**
 * Personal priors against DynamoDB Local, through the real adapters: the item's conditional put; two briskets of one
 * account ending at the same moment on two devices both land in the priors (the race is real: two endCook calls in
 * flight together); then the planner and the next brisket's live prediction (the poll path, its priors read with
 * the account partition) use them: they say "based on your last 2 briskets: stall about …", and, this smoker
 * stalling far longer than the usual priors expect, the plan's cook and the prediction's ETA are longer/later than
 * with the usual priors. A priors store that fails never stops a cook from ending.
 */
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { freshTable } from '../../infra/local/testing/local-table';
import { DynamoCookStore } from '../aws/dynamo-cook-store';
import { DynamoDeviceStore } from '../aws/dynamo-device-store';
import { DynamoPersonalPriorsStore } from '../aws/dynamo-personal-priors-store';
import { DynamoReadingStore } from '../aws/dynamo-reading-store';
import { ManualClock } from '../clock';
import { describePersonalPriors, EMPTY_PERSONAL_PRIORS } from '../cook/personal/personal-priors';
import { planFromRequest } from '../cook/planner/plan-from-request';
import type { PredictionMessage } from '../api/schemas';
import { randomIds } from '../ids';
import { updateCooks } from '../polling/cook-updates';
import type { CookProbe } from './cook-record';
import { deleteCook, endCook } from './manage-cook';
import type { PersonalPriorsStore } from './personal-priors-store';
import { physicsCookReadings } from './testing/physics-cook-readings';
import { seedActiveCook } from './testing/seed-active-cook';

const HOUR_MS = 3_600_000;
const ACCOUNT = 'acct-priors';
const T0 = Date.parse('2026-11-01T06:00:00.000Z');
const brisket: CookProbe = { channel: '2', label: 'Flat', targetF: 203, presetId: 'brisket', meat: 'brisket', units: 'F' };
const brisketKind = { meat: 'brisket' as const, targetF: 203 };
/** A wet smoker: the physics stalls for about 9 hours, where the usual priors expect 2–3. */
const WET = 1.8;

let db: DynamoDBDocumentClient;
let tableName: string;

beforeAll(async () => {
  ({ db, tableName } = await freshTable(inject('dynamoEndpoint')));
});

function stores(clock: ManualClock, personalPriors?: PersonalPriorsStore) {
  return {
    cooks: new DynamoCookStore(db, tableName),
    readings: new DynamoReadingStore(db, tableName),
    devices: new DynamoDeviceStore(db, tableName),
    personalPriors: personalPriors ?? new DynamoPersonalPriorsStore(db, tableName),
    clock,
    ids: randomIds,
  };
}

/** A brisket on `serial` started at `startMs`, its readings in history for `hours`; returns the active cook. */
async function brisketInHistory(deps: ReturnType<typeof stores>, serial: string, startMs: number, hours: number, seed: number) {
  const { readings, simulation } = physicsCookReadings({ accountId: ACCOUNT, serial, startMs, hours, pitChannel: '1', meatChannels: ['2'], stepSeconds: 120, scenario: { seed, meat: 'brisket', stallStrength: WET } });
  await deps.readings.write(readings);
  const startedAt = new Date(startMs).toISOString();
  const active = await seedActiveCook(deps.cooks, { accountId: ACCOUNT, serial, startedAt, pitChannel: '1', probes: [brisket], series: {}, predictions: [], updatedAt: startedAt }, `Brisket ${seed}`);
  return { active, readings, simulation };
}

describe('DynamoPersonalPriorsStore', () => {
  it('writes only over the revision it read', async () => {
    const store = new DynamoPersonalPriorsStore(db, tableName);
    const at = '2026-11-01T00:00:00.000Z';
    expect(await store.get('acct-cas')).toBeUndefined();
    expect(await store.put('acct-cas', EMPTY_PERSONAL_PRIORS, undefined, at)).toBe(true);
    expect(await store.put('acct-cas', EMPTY_PERSONAL_PRIORS, undefined, at)).toBe(false);
    expect(await store.put('acct-cas', EMPTY_PERSONAL_PRIORS, 1, at)).toBe(true);
    expect(await store.put('acct-cas', EMPTY_PERSONAL_PRIORS, 1, at)).toBe(false);
    expect(await store.get('acct-cas')).toEqual({ priors: EMPTY_PERSONAL_PRIORS, revision: 2 });
  });
});

describe('personal priors learned from ended cooks', () => {
  it('two briskets ending together both land; the plan and the next brisket’s prediction use them and say so', async () => {
    const clock = new ManualClock(T0);
    const deps = stores(clock);
    const [a, b] = await Promise.all([brisketInHistory(deps, 'S1', T0, 16, 11), brisketInHistory(deps, 'S2', T0, 16, 12)]);
    clock.set(T0 + 16 * HOUR_MS);
    // Both at once: when one conditional write loses, it is re-applied on the other's state.
    const ended = await Promise.all([endCook(ACCOUNT, a.active.cookId, deps), endCook(ACCOUNT, b.active.cookId, deps)]);
    expect(ended.map((c) => c.status)).toEqual(['ended', 'ended']);
    const stored = await deps.personalPriors.get(ACCOUNT);
    expect(stored?.priors.kinds.brisket?.map((c) => c.cookId).sort()).toEqual([a.active.cookId, b.active.cookId].sort());
    const basedOn = describePersonalPriors(stored?.priors, brisketKind);
    expect(basedOn).toMatch(/^based on your last 2 briskets: stall about \d+ h( \d+ m)?, pit about 250 °F$/);

    // No active cook: the poll's read of the account partition leaves the priors out.
    expect((await deps.devices.listAccountDevices(ACCOUNT)).personalPriors).toBeUndefined();

    // The planner: a longer cook than the usual priors plan, and why.
    const nowMs = T0 + 20 * 24 * HOUR_MS;
    const request = { presetId: 'brisket', weightKg: 6, pitTemp: 250, units: 'F' as const, serveAt: new Date(nowMs + 48 * HOUR_MS).toISOString() };
    const usualPlan = planFromRequest(request, { nowMs });
    const myPlan = planFromRequest(request, { priors: stored?.priors, nowMs });
    expect(usualPlan.basedOn).toBeNull();
    expect(myPlan.basedOn).toBe(basedOn);
    expect(myPlan.cookHours.mid).toBeGreaterThan(usualPlan.cookHours.mid + 1);
    expect(Date.parse(myPlan.startBy)).toBeLessThan(Date.parse(usualPlan.startBy));

    // The next brisket, 7 h in (mid-stall), polled: its priors come with the account partition's one Query.
    const startMs = T0 + 30 * 24 * HOUR_MS;
    const next = await brisketInHistory(deps, 'S1', startMs, 7, 42);
    clock.set(startMs + 7 * HOUR_MS);
    const partition = await deps.devices.listAccountDevices(ACCOUNT);
    expect(partition.personalPriors).toEqual(stored?.priors);
    const predictionOf = (messages: unknown[]) => messages.find((m): m is PredictionMessage => (m as PredictionMessage).type === 'prediction');
    const usual = predictionOf(await updateCooks(partition.cooks, next.readings, { cooks: deps.cooks, clock }));
    const mine = predictionOf(await updateCooks(partition.cooks, next.readings, { cooks: deps.cooks, clock }, partition.personalPriors));
    expect(usual?.basedOn).toBeUndefined();
    // This brisket has a pit probe of its own: the prediction says what it learned, not the past cooks' pit.
    const shownWithPitProbe = describePersonalPriors(stored?.priors, brisketKind, { mentionPit: false });
    expect(shownWithPitProbe).toMatch(/^based on your last 2 briskets: stall about \d+ h( \d+ m)?$/);
    expect(mine?.basedOn).toBe(shownWithPitProbe);
    expect(mine?.phase).toBe('stall');
    // Later, as this smoker's long stalls say, and nearer when the physics gets there.
    const truth = startMs + next.simulation.groundTruth.reachSeconds(203, 0)! * 1000;
    expect(Date.parse(mine!.etaAt!)).toBeGreaterThan(Date.parse(usual!.etaAt!) + HOUR_MS);
    expect(Math.abs(Date.parse(mine!.etaAt!) - truth)).toBeLessThan(Math.abs(Date.parse(usual!.etaAt!) - truth));
    // What was stored (and what a reload of the page shows) is the personal one.
    const saved = await deps.cooks.getActive(ACCOUNT, 'S1');
    expect(saved?.predictions[0]?.basedOn).toBe(shownWithPitProbe);

    // Deleting an ended cook forgets what it taught.
    await deleteCook(ACCOUNT, a.active.cookId, deps);
    expect((await deps.personalPriors.get(ACCOUNT))?.priors.kinds.brisket?.map((c) => c.cookId)).toEqual([b.active.cookId]);
  }, 120_000);

  it('a cook still ends when its priors cannot be read or written', async () => {
    const clock = new ManualClock(T0 + 60 * 24 * HOUR_MS);
    const broken: PersonalPriorsStore = {
      get: () => Promise.reject(new Error('throttled')),
      put: () => Promise.reject(new Error('throttled')),
    };
    const warnings: string[] = [];
    const deps = { ...stores(clock, broken), log: { warn: (message: string) => warnings.push(message) } };
    const { active } = await brisketInHistory(deps, 'S3', clock.now().getTime(), 3, 5);
    clock.advance(3 * HOUR_MS);
    const ended = await endCook(ACCOUNT, active.cookId, deps);
    expect(ended.status).toBe('ended');
    expect(ended.stats?.probes).toHaveLength(1);
    expect(warnings).toEqual(['Personal priors not read; using the usual priors', 'Personal priors not updated; the cook ended all the same']);
  }, 60_000);
});
