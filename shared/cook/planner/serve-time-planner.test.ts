import { describe, expect, it } from 'vitest';
import { planRequestSchema, planResponseSchema } from '../../api/plan-schemas';
import { ValidationError } from '../../errors';
import { EMPTY_PERSONAL_PRIORS, learnFromCook } from '../personal/personal-priors';
import { createCookSimulation } from '../physics';
import { defaultCutPriors } from '../prediction/cut-priors';
import { findDonenessPreset } from '../presets/doneness-presets';
import { planFromRequest } from './plan-from-request';
import { checkServeTime, MAX_PIT_F, planServeTime } from './serve-time-planner';

const HOUR = 3_600_000;
const serveAtMs = Date.UTC(2026, 10, 8, 18);
const nowMs = serveAtMs - 30 * HOUR;
const brisket = findDonenessPreset('brisket')!;

describe('planServeTime', () => {
  it('works back from the serve time through the rest and the cook, rounded to 5 minutes', () => {
    const plan = planServeTime({ preset: brisket, weightKg: 6, pitF: 250, serveAtMs, nowMs });
    expect(plan.restMinutes).toBe(60);
    expect(plan.pullAtF).toBe(brisket.pullAtF);
    expect(plan.startByMs % (5 * 60_000)).toBe(0);
    expect(serveAtMs - HOUR - plan.startByMs).toBeGreaterThanOrEqual(plan.cookHours.mid * HOUR);
    expect(serveAtMs - HOUR - plan.startByMs).toBeLessThan(plan.cookHours.mid * HOUR + 5 * 60_000);
    expect(plan.startEarliestMs).toBeLessThan(plan.startByMs);
    expect(plan.startLatestMs).toBeGreaterThan(plan.startByMs);
    // A 13 lb packer at 250 °F: pitmasters plan 8–16 hours.
    expect(plan.cookHours.mid).toBeGreaterThan(8);
    expect(plan.cookHours.mid).toBeLessThan(16);
    expect(plan.status).toBe('ok');
    expect(plan.text).toMatch(/^start by \d\d:\d\d \(80 %: \d\d:\d\d–\d\d:\d\d\) to eat at 18:00, including a 1 h rest$/);
    expect(planServeTime({ preset: brisket, pitF: 250, serveAtMs, nowMs, timeZone: 'America/Chicago' }).text).toMatch(/to eat at 12:00/);
  });

  it('plans longer for a heavier piece or a cooler pit, and with a long personal stall', () => {
    const at = (weightKg: number, pitF: number, priors = defaultCutPriors({ meat: 'brisket', targetF: 203 })) =>
      planServeTime({ preset: brisket, weightKg, pitF, serveAtMs, nowMs, priors }).cookHours.mid;
    expect(at(8, 250)).toBeGreaterThan(at(4, 250));
    expect(at(6, 225)).toBeGreaterThan(at(6, 275));
    const long = { ...defaultCutPriors({ meat: 'brisket', targetF: 203 }), stall: { probability: 0.95, lengthFactor: 2, sigma: 0.5 } };
    expect(at(6, 250, long)).toBeGreaterThan(at(6, 250) + 1);
  });

  it('holds the simulated cooks’ real durations within its 80 % range', () => {
    let inside = 0;
    const cooks = [225, 250, 275].flatMap((pitF) => [0.3, 1, 1.4].map((stallStrength) => ({ pitF, stallStrength })));
    for (const { pitF, stallStrength } of cooks) {
      const sim = createCookSimulation({ seed: 3, meat: 'brisket', pitSetpointF: pitF, initialMeatF: 38, ambientF: 60, probes: 1, stallStrength });
      const hours = sim.groundTruth.reachSeconds(brisket.pullAtF, 0)! / 3600;
      const plan = planServeTime({ preset: brisket, pitF, serveAtMs, nowMs });
      if (hours >= plan.cookHours.low && hours <= plan.cookHours.high) inside += 1;
    }
    expect(inside).toBeGreaterThanOrEqual(7);
  });

  it('says to start now when the start is already past', () => {
    const plan = planServeTime({ preset: brisket, pitF: 250, serveAtMs, nowMs: serveAtMs - 4 * HOUR });
    expect(plan.status).toBe('start-now');
    expect(plan.text).toMatch(/^start now: even so it is likely ready about \d\d:\d\d, .+ after 18:00, including a 1 h rest$/);
  });
});

describe('checkServeTime', () => {
  const base = { nowMs: serveAtMs - 8 * HOUR, serveAtMs, preset: brisket, targetF: 203, meat: 'brisket' as const, temperatureF: 150, pitF: 250, stallAhead: true, heatingK: 0.2 };
  const eta = (hours: number) => ({ seconds: hours * 3600, lowSeconds: hours * 2400, highSeconds: hours * 5400 });

  it('is on track when it will be ready by the serve time, with the rest as slack', () => {
    expect(checkServeTime({ ...base, eta: eta(7) })).toMatchObject({ status: 'on-track', minutesLate: 0 });
    expect(checkServeTime({ ...base, eta: eta(5) }).status).toBe('on-track');
  });

  it('running late: the pit that makes up the time, or a wrap at the stall', () => {
    const late = checkServeTime({ ...base, eta: eta(7 + 40 / 60) });
    expect(late).toMatchObject({ status: 'late', minutesLate: 40, wrap: true });
    expect(late.pitF).toBeGreaterThan(250);
    expect(late.pitF).toBeLessThanOrEqual(MAX_PIT_F);
    expect(late.text).toBe(`running 40 min late: raise the pit to ${late.pitF} °F or wrap at the stall`);
    const pastStall = checkServeTime({ ...base, eta: eta(9), stallAhead: false, temperatureF: 185 });
    expect(pastStall.wrap).toBeUndefined();
    const hopeless = checkServeTime({ ...base, eta: eta(20), pitF: MAX_PIT_F, stallAhead: false });
    expect(hopeless.text).toMatch(/^running 13 h late: serve later, about \d\d:\d\d$/);
  });

  it('running early beyond what the rest can hold: a cooler pit or a longer rest', () => {
    const early = checkServeTime({ ...base, eta: eta(2) });
    expect(early.status).toBe('early');
    expect(early.pitF).toBeLessThan(250);
    expect(early.text).toMatch(/^running 5 h early: lower the pit to \d+ °F or rest it longer \(up to 4 h\)$/);
  });
});

describe('planFromRequest (POST /cooks/plan)', () => {
  const parse = (body: unknown) => planRequestSchema.parse(body);

  it('answers a preset plan in the request units, valid against the response schema', () => {
    const answer = planFromRequest(parse({ presetId: 'brisket', weightKg: 6, pitTemp: 121, units: 'C', serveAt: '2026-11-08T18:00:00Z' }), { nowMs });
    expect(planResponseSchema.parse(answer)).toEqual(answer);
    expect(answer).toMatchObject({ units: 'C', restMinutes: 60, status: 'ok', basedOn: null, serveAt: '2026-11-08T18:00:00.000Z' });
    expect(answer.target).toBeCloseTo(95, 0);
    expect(answer.text).toMatch(/to eat at 18:00, including a 1 h rest$/);
  });

  it('says what it learned from the account’s past cooks', () => {
    const priors = learnFromCook(EMPTY_PERSONAL_PRIORS, {
      kind: { meat: 'brisket', targetF: 203 },
      endedAtMs: nowMs - 86_400_000,
      pitF: 250,
      heatingK: 0.2,
      stalled: true,
      stall: { hours: 5, censored: false, physicsMedianHours: 2.5 },
    });
    const plain = planFromRequest(parse({ presetId: 'brisket', pitTemp: 250, serveAt: '2026-11-08T18:00:00Z' }), { nowMs });
    const personal = planFromRequest(parse({ presetId: 'brisket', pitTemp: 250, serveAt: '2026-11-08T18:00:00Z' }), { nowMs, priors });
    expect(personal.basedOn).toMatch(/^based on your last brisket: stall about/);
    expect(Date.parse(personal.startBy)).toBeLessThan(Date.parse(plain.startBy));
  });

  it('refuses what cannot be planned, with the field named', () => {
    const refuse = (body: unknown) => {
      try {
        planFromRequest(parse(body), { nowMs });
      } catch (error) {
        expect(error).toBeInstanceOf(ValidationError);
        return JSON.stringify((error as ValidationError).details);
      }
      throw new Error('expected a ValidationError');
    };
    expect(refuse({ presetId: 'haggis', pitTemp: 250, serveAt: '2026-11-08T18:00:00Z' })).toMatch(/presetId/);
    expect(refuse({ target: 203, pitTemp: 210, serveAt: '2026-11-08T18:00:00Z' })).toMatch(/pitTemp/);
    expect(refuse({ target: 203, pitTemp: 250, serveAt: '2026-11-06T18:00:00Z' })).toMatch(/serveAt/);
    const bad = (body: unknown) => planRequestSchema.safeParse(body).success;
    expect(bad({ presetId: 'brisket', target: 203, pitTemp: 250, serveAt: '2026-11-08T18:00:00Z' })).toBe(false);
    expect(bad({ pitTemp: 250, serveAt: '2026-11-08T18:00:00Z' })).toBe(false);
    expect(bad({ presetId: 'brisket', pitTemp: 250, serveAt: '2026-11-08T18:00:00' })).toBe(false);
    expect(bad({ presetId: 'brisket', pitTemp: 250, serveAt: '2026-11-08T18:00:00Z', timeZone: 'Mars/Olympus' })).toBe(false);
    expect(bad({ presetId: 'brisket', pitTemp: 250, serveAt: '2026-11-08T18:00:00Z', extra: 1 })).toBe(false);
  });
});
