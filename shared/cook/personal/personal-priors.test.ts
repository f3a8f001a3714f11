import { describe, expect, it } from 'vitest';
import { defaultCutPriors } from '../prediction/cut-priors';
import {
  describePersonalPriors,
  EMPTY_PERSONAL_PRIORS,
  learnFromCook,
  MAX_COOKS_PER_KIND,
  personalCutPriors,
  personalPitBand,
  personalPriorsSchema,
  type EndedCookSummary,
} from './personal-priors';

const brisket = { meat: 'brisket' as const, targetF: 203 };
const cook = (i: number, stallRatio: number, extra: Partial<EndedCookSummary> = {}): EndedCookSummary => ({
  kind: brisket,
  cookId: `c${i}`,
  endedAtMs: 1_700_000_000_000 + i * 86_400_000,
  pitF: 250,
  heatingK: 0.2,
  stalled: true,
  stall: { hours: 2.5 * stallRatio, censored: false, physicsMedianHours: 2.5 },
  postStallKRatio: 0.8,
  ...extra,
});
const learn = (...cooks: EndedCookSummary[]) => cooks.reduce(learnFromCook, EMPTY_PERSONAL_PRIORS);

describe('personal priors', () => {
  it('are exactly today’s priors with no past cook of the kind', () => {
    expect(personalCutPriors(undefined, brisket)).toEqual(defaultCutPriors(brisket));
    expect(personalCutPriors(learn(cook(1, 2, { kind: { meat: 'chicken', targetF: 165 } })), brisket)).toEqual(defaultCutPriors(brisket));
    expect(describePersonalPriors(EMPTY_PERSONAL_PRIORS, brisket)).toBeUndefined();
  });

  it('move toward what past cooks showed, more with more cooks, and narrow', () => {
    const one = personalCutPriors(learn(cook(1, 2)), brisket);
    const ten = personalCutPriors(learn(...Array.from({ length: 10 }, (_, i) => cook(i, 2))), brisket);
    expect(one.stall.lengthFactor).toBeGreaterThan(1.2);
    expect(one.stall.lengthFactor).toBeLessThan(2);
    expect(ten.stall.lengthFactor).toBeGreaterThan(one.stall.lengthFactor);
    expect(ten.stall.lengthFactor).toBeGreaterThan(1.8);
    expect(ten.stall.sigma).toBeLessThan(one.stall.sigma);
    expect(one.stall.sigma).toBeLessThan(defaultCutPriors(brisket).stall.sigma);
    // The cook-to-cook spread stays: ten cooks do not make the next stall certain.
    expect(ten.stall.sigma).toBeGreaterThan(0.5);
    expect(ten.learnedFrom).toBe(10);
  });

  it('read a stall still going at the end as "at least that long"', () => {
    const observed = personalCutPriors(learn(cook(1, 1.5), cook(2, 1.5)), brisket);
    const censored = personalCutPriors(learn(cook(1, 1.5, { stall: { hours: 3.75, censored: true, physicsMedianHours: 2.5 } }), cook(2, 1.5)), brisket);
    expect(censored.stall.lengthFactor).toBeGreaterThan(observed.stall.lengthFactor);
  });

  it('learn how often the cook stalls, and what its cut heats like after', () => {
    const none = learn(
      ...[1, 2, 3].map((i) => cook(i, 1, { stalled: false, postStallKRatio: 0.5 })).map(({ stall: _none, ...c }) => c),
    );
    const priors = personalCutPriors(none, brisket);
    expect(priors.stall.probability).toBeLessThan(0.5);
    expect(priors.stall.probability).toBeGreaterThan(0);
    expect(priors.postStallKRatio.median).toBeLessThan(0.8);
    expect(priors.postStallKRatio.median).toBeGreaterThan(0.5);
  });

  it('learn the cut priors from past cooks of the kind only, and count another pit band at half', () => {
    const pork = (i: number) => cook(i, 2, { kind: { meat: 'pork-butt', targetF: 200 } });
    expect(personalCutPriors(learn(pork(1), pork(2)), brisket)).toEqual(defaultCutPriors(brisket));
    const fromBrisket = personalCutPriors(learn(cook(1, 2)), brisket).stall.lengthFactor;
    expect(personalCutPriors(learn(cook(1, 2), pork(2), pork(3)), brisket).stall.lengthFactor).toBe(fromBrisket);
    const elsewhere = personalCutPriors(learn(cook(1, 2, { pitF: 300 })), brisket, 225).stall.lengthFactor;
    expect(elsewhere).toBeGreaterThan(1);
    expect(elsewhere).toBeLessThan(fromBrisket);
  });

  it('learn a cook that named no cut from every cook of its class, and only of its class', () => {
    const state = learn(cook(1, 2), cook(2, 2, { kind: { meat: 'pork-butt', targetF: 200 } }));
    const unnamed = personalCutPriors(state, { targetF: 195 });
    expect(unnamed.learnedFrom).toBe(2);
    expect(unnamed.stall.lengthFactor).toBeGreaterThan(1.3);
    expect(personalCutPriors(state, { targetF: 165 })).toEqual(defaultCutPriors({ targetF: 165 }));
  });

  it('take a named cut’s pit band from its own cooks, and an unnamed cook’s from its class only', () => {
    const pork = { meat: 'pork-butt' as const, targetF: 200 };
    const state = learn(cook(1, 1, { pitF: 240 }), cook(2, 1, { kind: pork, pitF: 330 }), cook(3, 1, { kind: { meat: 'chicken', targetF: 165 }, pitF: 350 }));
    // The brisket's 240 °F says nothing of the pork butt run hot and fast, nor the other way round.
    expect(personalPitBand(state, brisket)).toEqual({ medianF: 240, spreadF: 0, cooks: 1 });
    expect(personalPitBand(state, pork)).toEqual({ medianF: 330, spreadF: 0, cooks: 1 });
    expect(personalPitBand(state, { meat: 'ribs', targetF: 198 })).toBeUndefined();
    expect(personalPitBand(state, { meat: 'turkey', targetF: 165 })).toBeUndefined();
    // A cook that named no cut is known by its class: every low-and-slow cook is as much like it as any other.
    expect(personalPitBand(state, { targetF: 195 })).toMatchObject({ medianF: 240, cooks: 2 });
    expect(personalPitBand(state, { targetF: 165 })).toMatchObject({ medianF: 350, cooks: 1 });
  });

  it('keep the last cooks of a kind, replace a cook learned twice, and survive storage', () => {
    const many = learn(...Array.from({ length: MAX_COOKS_PER_KIND + 3 }, (_, i) => cook(i, 1)));
    expect(many.kinds.brisket).toHaveLength(MAX_COOKS_PER_KIND);
    expect(many.kinds.brisket?.[0]?.cookId).toBe('c3');
    const again = learnFromCook(many, cook(14, 3));
    expect(again.kinds.brisket).toHaveLength(MAX_COOKS_PER_KIND);
    expect(again.kinds.brisket?.at(-1)?.stall?.hours).toBe(7.5);
    const stored = JSON.parse(JSON.stringify(again)) as unknown;
    expect(personalPriorsSchema.parse(stored)).toEqual(again);
    expect(personalPriorsSchema.safeParse({ version: 2, kinds: {} }).success).toBe(false);
    expect(personalPriorsSchema.safeParse({ version: 1, kinds: { brisket: [{ endedAtMs: 1, heatingK: -1 }] } }).success).toBe(false);
    expect(JSON.stringify(again).length).toBeLessThan(4000);
  });

  it('say what they are based on, in words', () => {
    const state = learn(cook(1, 1.2, { pitF: 240 }), cook(2, 1.3, { pitF: 250 }), cook(3, 1.25, { pitF: 245 }));
    expect(describePersonalPriors(state, brisket)).toMatch(/^based on your last 3 briskets: stall about \d+ h( \d\d m)?, pit about 245 °F$/);
    expect(describePersonalPriors(learn(cook(1, 1)), brisket)).toMatch(/^based on your last brisket: /);
    // No pork butt yet: nothing is personal (the briskets' pit is not the pork butt's).
    expect(describePersonalPriors(state, { meat: 'pork-butt', targetF: 200 })).toBeUndefined();
    // A cook that named no cut learns from (and names) every cook of its class.
    expect(describePersonalPriors(state, { targetF: 200 })).toMatch(/^based on your last 3 low-and-slow cooks: stall about \d+ h( \d\d m)?, pit about 245 °F$/);
    expect(describePersonalPriors(learn(cook(1, 1, { pitF: 240 })), { targetF: 198 })).toMatch(/^based on your last low-and-slow cook: stall .*, pit about 240 °F$/);
    expect(describePersonalPriors(state, { meat: 'chicken', targetF: 165 })).toBeUndefined();
    expect(personalPitBand(state, brisket)).toEqual({ medianF: 245, spreadF: 5, cooks: 3 });
    // A cook with a pit probe of its own predicts from it: the past cooks' pit is not mentioned.
    expect(describePersonalPriors(state, brisket, { mentionPit: false })).toMatch(/^based on your last 3 briskets: stall about \d+ h( \d\d m)?$/);
  });
});
