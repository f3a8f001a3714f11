import { describe, expect, it } from 'vitest';
import { EMPTY_PERSONAL_PRIORS, learnFromCook } from '../cook/personal/personal-priors';
import { summariseEndedCook } from '../cook/personal/ended-cook-summary';
import { personalPrediction } from './personal-prediction';

/** A brisket that heated from 40 °F at a steady 250 °F pit: enough for a learned heating constant and a pit band. */
function pastBrisket(cookId: string, endedAtMs: number) {
  const readings = Array.from({ length: 8 * 60 }, (_, i) => ({ atMs: endedAtMs - (8 * 60 - i) * 60_000, temperatureF: 250 - 210 * Math.exp(-0.25 * (i / 60)) }));
  return summariseEndedCook({
    cookId,
    kind: { meat: 'brisket', targetF: 203 },
    meatProbes: [{ probe: '2', readings }],
    pitReadings: readings.map((r) => ({ atMs: r.atMs, temperatureF: 250 })),
    events: [],
    endedAtMs,
  });
}

describe('personalPrediction', () => {
  const state = [pastBrisket('c1', 1e12), pastBrisket('c2', 1e12 + 86_400_000)].reduce(learnFromCook, EMPTY_PERSONAL_PRIORS);
  const probe = { targetF: 203, meat: 'brisket' as const };

  it('without a pit probe, takes the past cooks\' pit as a hint and says so', () => {
    const personal = personalPrediction(state, probe, undefined);
    expect(personal.inputs.pitHint).toEqual({ pastPitBand: expect.objectContaining({ medianF: 250, cooks: 2 }) });
    expect(personal.shown.basedOn).toMatch(/^based on your last 2 briskets: .*pit about 250 °F$/);
  });

  it('with a pit probe, predicts from it and does not mention the past cooks\' pit', () => {
    const personal = personalPrediction(state, probe, [{ atMs: 1e12, temperatureF: 275 }]);
    expect(personal.inputs.pitHint).toBeUndefined();
    expect(personal.shown.basedOn).toMatch(/^based on your last 2 briskets: /);
    expect(personal.shown.basedOn).not.toMatch(/pit/);
  });
});
