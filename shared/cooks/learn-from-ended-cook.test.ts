import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { describePersonalPriors, EMPTY_PERSONAL_PRIORS, learnFromCook, type PersonalPriors } from '../cook/personal/personal-priors';
import type { Reading } from '../readings/reading';
import type { ActiveCook, CookProbe, CookRecord } from './cook-record';
import { newCookRecord } from './cook-record';
import { endedCookSummaries, forgetDeletedCook, learnFromEndedCook } from './learn-from-ended-cook';
import { updatePersonalPriors, type PersonalPriorsStore } from './personal-priors-store';
import { physicsCookReadings } from './testing/physics-cook-readings';
import { InMemoryPersonalPriorsStore } from './testing/in-memory-personal-priors-store';
import { updateCook } from './update-cook';

const HOUR_MS = 3_600_000;
const T0 = Date.parse('2026-11-01T06:00:00.000Z');
const brisket: CookProbe = { channel: '2', label: 'Flat', targetF: 203, presetId: 'brisket', meat: 'brisket', units: 'F' };
const chicken: CookProbe = { channel: '3', label: 'Bird', targetF: 165, presetId: 'chicken', meat: 'chicken', units: 'F' };
const brisketKind = { meat: 'brisket' as const, targetF: 203 };

/** A wet smoker's brisket: a stall far longer than the usual priors expect (≈ 9 h of physics stall). */
function pastBrisket(i: number, hours = 16): { record: CookRecord; readings: Map<string, Reading[]> } {
  const startMs = T0 + i * 7 * 24 * HOUR_MS;
  const { readings } = physicsCookReadings({ accountId: 'a1', serial: 'S1', startMs, hours, pitChannel: '1', meatChannels: ['2'], scenario: { seed: 10 + i, meat: 'brisket', stallStrength: 1.8 } });
  const startedAt = new Date(startMs).toISOString();
  const active: ActiveCook = { accountId: 'a1', cookId: `cook-${i}`, serial: 'S1', startedAt, pitChannel: '1', probes: [brisket], events: [], series: {}, predictions: [], updatedAt: startedAt };
  const endedAt = new Date(startMs + hours * HOUR_MS).toISOString();
  return { record: { ...newCookRecord(active, `Brisket ${i}`), status: 'ended', endedAt }, readings: new Map(['1', '2'].map((c) => [c, readings.filter((r) => r.channel === c)])) };
}

const deps = (store: PersonalPriorsStore, warnings: unknown[] = []) => ({ personalPriors: store, clock: new ManualClock(new Date(T0)), log: { warn: (message: string, detail: Record<string, unknown>) => warnings.push({ message, ...detail }) } });

describe('learning from an ended cook', () => {
  it('summarises each kind of meat in the cook once, from its stored readings, and skips a cook that showed nothing', () => {
    const { record, readings } = pastBrisket(0);
    const [summary, ...more] = endedCookSummaries(record, {}, readings);
    expect(more).toEqual([]);
    expect(summary).toMatchObject({ cookId: 'cook-0', kind: brisketKind, stalled: true, stall: { censored: false } });
    // The physics stalled for about 9 hours: far more than the usual 2–3.
    expect(summary?.stall?.hours).toBeGreaterThan(6);
    expect(summary?.pitF).toBeCloseTo(250, -1);

    const both = endedCookSummaries({ ...record, probes: [brisket, chicken] }, {}, new Map([...readings, ['3', readings.get('2') ?? []]]));
    expect(both.map((s) => s.kind.meat)).toEqual(['brisket', 'chicken']);

    const minutesIn = new Map([...readings].map(([c, r]) => [c, r.slice(0, 5)]));
    expect(endedCookSummaries(record, {}, minutesIn)).toEqual([]);
  });

  it('reads the per-minute series first: it holds the hours before a cook started mid-way', () => {
    const { record, readings } = pastBrisket(0);
    const series = updateCook({ ...record, series: {}, predictions: [], updatedAt: record.startedAt } as ActiveCook, [...readings.values()].flat(), new Date(record.endedAt!)).cook.series;
    const fromSeries = endedCookSummaries(record, series, new Map());
    expect(fromSeries).toHaveLength(1);
    expect(fromSeries[0]?.stall?.hours).toBeCloseTo(endedCookSummaries(record, {}, readings)[0]?.stall?.hours ?? 0, 0);
  });

  it('learns into the account’s priors, the same cook twice replacing itself', async () => {
    const store = new InMemoryPersonalPriorsStore();
    const first = pastBrisket(0);
    await learnFromEndedCook(first.record, {}, first.readings, deps(store));
    await learnFromEndedCook(first.record, {}, first.readings, deps(store));
    expect(store.items.get('a1')?.priors.kinds.brisket).toHaveLength(1);
    const second = pastBrisket(1);
    const learned = await learnFromEndedCook(second.record, {}, second.readings, deps(store));
    expect(learned?.kinds.brisket?.map((c) => c.cookId)).toEqual(['cook-0', 'cook-1']);
    expect(store.items.get('a1')?.revision).toBe(3);
    expect(describePersonalPriors(learned, brisketKind)).toMatch(/^based on your last 2 briskets: stall about \d+ h/);
  });

  it('forgets a deleted cook, writing only when the priors hold it', async () => {
    const store = new InMemoryPersonalPriorsStore();
    for (const i of [0, 1]) {
      const { record, readings } = pastBrisket(i);
      await learnFromEndedCook(record, {}, readings, deps(store));
    }
    await forgetDeletedCook('a1', 'cook-0', deps(store));
    expect(store.items.get('a1')?.priors.kinds.brisket?.map((c) => c.cookId)).toEqual(['cook-1']);
    const puts = store.puts;
    await forgetDeletedCook('a1', 'cook-0', deps(store));
    await forgetDeletedCook('a1', 'never-learned', deps(store));
    expect(store.puts).toBe(puts);
    await forgetDeletedCook('a1', 'cook-1', deps(store));
    expect(store.items.get('a1')?.priors).toEqual(EMPTY_PERSONAL_PRIORS);
  });

  it('never throws: a store that fails is logged, and the priors stay as they were', async () => {
    const warnings: unknown[] = [];
    const broken: PersonalPriorsStore = {
      get: async () => undefined,
      put: async () => {
        throw new Error('DynamoDB is down');
      },
    };
    const { record, readings } = pastBrisket(0);
    await expect(learnFromEndedCook(record, {}, readings, deps(broken, warnings))).resolves.toBeUndefined();
    expect(warnings).toEqual([expect.objectContaining({ cookId: 'cook-0', error: 'DynamoDB is down' })]);
  });
});

describe('updatePersonalPriors', () => {
  it('re-applies its change on top of a write that came first, so two cooks ending together both land', async () => {
    const store = new InMemoryPersonalPriorsStore();
    const a = endedCookSummaries(pastBrisket(0).record, {}, pastBrisket(0).readings)[0]!;
    const b = endedCookSummaries(pastBrisket(1).record, {}, pastBrisket(1).readings)[0]!;
    // The other cook's end writes between this one's read and its write.
    let raced = false;
    const racing: PersonalPriorsStore = {
      get: (id) => store.get(id),
      put: async (id, priors, expected, at) => {
        if (!raced) {
          raced = true;
          await store.put(id, learnFromCook(EMPTY_PERSONAL_PRIORS, b), undefined);
        }
        return store.put(id, priors, expected, at);
      },
    };
    await updatePersonalPriors('a1', (p) => learnFromCook(p, a), { personalPriors: racing, now: () => new Date(T0) });
    expect(store.items.get('a1')?.priors.kinds.brisket?.map((c) => c.cookId).sort()).toEqual(['cook-0', 'cook-1']);
    expect(store.puts).toBe(3);
  });

  it('writes on what its caller already read, and reads again only after losing a race', async () => {
    const store = new InMemoryPersonalPriorsStore();
    const a = endedCookSummaries(pastBrisket(0).record, {}, pastBrisket(0).readings)[0]!;
    let reads = 0;
    const counting: PersonalPriorsStore = { get: (id) => ((reads += 1), store.get(id)), put: (...args) => store.put(...args) };
    await updatePersonalPriors('a1', (p) => learnFromCook(p, a), { personalPriors: counting, now: () => new Date(T0) }, { stored: undefined });
    expect({ reads, cooks: store.items.get('a1')?.priors.kinds.brisket?.length }).toEqual({ reads: 0, cooks: 1 });
    // A stale read (another write came since) loses the conditional put, and the retry reads what won.
    await updatePersonalPriors('a1', (p) => learnFromCook(p, { ...a, cookId: 'again' }), { personalPriors: counting, now: () => new Date(T0) }, { stored: undefined });
    expect({ reads, cooks: store.items.get('a1')?.priors.kinds.brisket?.length }).toEqual({ reads: 1, cooks: 2 });
  });

  it('gives up after a few lost races rather than hold the cook’s end', async () => {
    const losing: PersonalPriorsStore = { get: async () => ({ priors: EMPTY_PERSONAL_PRIORS, revision: 1 }), put: async () => false };
    await expect(updatePersonalPriors('a1', (p) => p, { personalPriors: losing, now: () => new Date(T0) })).rejects.toThrow(/lost/);
  });
});

describe('predictions with the learned priors', () => {
  async function learnedFromTwo(): Promise<PersonalPriors> {
    const store = new InMemoryPersonalPriorsStore();
    for (const i of [0, 1]) {
      const { record, readings } = pastBrisket(i);
      await learnFromEndedCook(record, {}, readings, deps(store));
    }
    return store.items.get('a1')!.priors;
  }

  it('the next brisket, mid-stall, is predicted later than with the usual priors, and says why', async () => {
    const personal = await learnedFromTwo();
    const startMs = T0 + 30 * 24 * HOUR_MS;
    const { readings, simulation } = physicsCookReadings({ accountId: 'a1', serial: 'S1', startMs, hours: 7, pitChannel: '1', meatChannels: ['2'], scenario: { seed: 42, meat: 'brisket', stallStrength: 1.8 } });
    const startedAt = new Date(startMs).toISOString();
    const active: ActiveCook = { accountId: 'a1', cookId: 'next', serial: 'S1', startedAt, pitChannel: '1', probes: [brisket], events: [], series: {}, predictions: [], updatedAt: startedAt };
    const now = new Date(startMs + 7 * HOUR_MS);
    const usual = updateCook(active, readings, now).cook.predictions[0]!;
    const mine = updateCook(active, readings, now, 'F', personal).cook.predictions[0]!;
    expect(usual.basedOn).toBeUndefined();
    expect(mine.basedOn).toMatch(/^based on your last 2 briskets: stall about \d+ h/);
    expect(mine.phase).toBe('stall');
    const truth = startMs + simulation.groundTruth.reachSeconds(203, 0)! * 1000;
    // This smoker stalls long: the learned ETA moves later, toward when the physics really gets there.
    expect(Date.parse(mine.etaAt!)).toBeGreaterThan(Date.parse(usual.etaAt!) + HOUR_MS);
    expect(Math.abs(Date.parse(mine.etaAt!) - truth)).toBeLessThan(Math.abs(Date.parse(usual.etaAt!) - truth));
  });

  it('a cook with no past cook of its kind (a chicken) is predicted as before', async () => {
    const personal = await learnedFromTwo();
    const startMs = T0 + 30 * 24 * HOUR_MS;
    const { readings } = physicsCookReadings({ accountId: 'a1', serial: 'S1', startMs, hours: 1, pitChannel: '1', meatChannels: ['3'], scenario: { seed: 7, meat: 'chicken', pitSetpointF: 325 } });
    const startedAt = new Date(startMs).toISOString();
    const active: ActiveCook = { accountId: 'a1', cookId: 'bird', serial: 'S1', startedAt, pitChannel: '1', probes: [chicken], events: [], series: {}, predictions: [], updatedAt: startedAt };
    const now = new Date(startMs + HOUR_MS);
    expect(updateCook(active, readings, now, 'F', personal).cook.predictions).toEqual(updateCook(active, readings, now).cook.predictions);
  });
});
