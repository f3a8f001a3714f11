import { describe, expect, it } from 'vitest';
import { DoneTimePredictor } from './done-time-predictor';
import { newtonTemperatureAfter } from './newton-heating';
import { pitMixture } from './pit-hint';


describe('pitMixture', () => {
  it('is the usual pit ±50 °F with nothing to go on, the set-point ±17 °F when the cook gave one', () => {
    expect(pitMixture(undefined, 275)).toEqual({ centreF: 275, offsetF: 50 });
    const set = pitMixture({ setPointF: 240, pastPitBand: { medianF: 300, spreadF: 5, cooks: 9 } }, 275);
    expect(set.centreF).toBe(240);
    expect(set.offsetF).toBeCloseTo(12 * Math.SQRT2, 6);
  });

  it('follows the past cooks’ pit band, the more of them the closer and the narrower', () => {
    const one = pitMixture({ pastPitBand: { medianF: 240, spreadF: 0, cooks: 1 } }, 275);
    const ten = pitMixture({ pastPitBand: { medianF: 240, spreadF: 8, cooks: 10 } }, 275);
    expect(one.centreF).toBeGreaterThan(240);
    expect(one.centreF).toBeLessThan(257.5);
    expect(ten.centreF).toBeLessThan(one.centreF);
    expect(ten.centreF).toBeGreaterThan(240);
    expect(ten.offsetF).toBeLessThan(one.offsetF);
    expect(one.offsetF).toBeLessThan(50);
    // A person whose cooks spread widely keeps a wide mixture.
    expect(pitMixture({ pastPitBand: { medianF: 250, spreadF: 60, cooks: 5 } }, 275).offsetF).toBe(50);
  });
});

describe('a pit hint in the prediction (no pit probe)', () => {
  it('moves the answer to the pit the cook set (near the target, a pit ±17 °F still leaves a wide interval)', () => {
    // A collagen cut heating toward a 235 °F pit, read for two hours with no pit probe.
    const predict = (pitHint?: { setPointF: number }) => {
      const p = new DoneTimePredictor({ targetF: 195, expectStall: false, ...(pitHint ? { pitHint } : {}) });
      for (let minute = 0; minute <= 120; minute += 1) p.observe({ atMs: minute * 60_000, temperatureF: newtonTemperatureAfter(40, 235, 0.3, minute / 60) });
      return p.predict(120 * 60_000, undefined).eta!;
    };
    const truth = (Math.log((235 - 40) / (235 - 195)) / 0.3 - 2) * 3600;
    const blind = predict();
    const hinted = predict({ setPointF: 235 });
    expect(Math.abs(hinted.seconds - truth) / truth).toBeLessThan(0.05);
    expect(Math.abs(blind.seconds - truth) / truth).toBeGreaterThan(0.1);
    expect(hinted.lowSeconds).toBeLessThan(truth);
    expect(hinted.highSeconds).toBeGreaterThan(truth);
  });
});
