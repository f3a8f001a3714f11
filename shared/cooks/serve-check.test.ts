import { describe, expect, it } from 'vitest';
import { serveCheckSchema } from '../api/schemas';
import { MAX_PIT_F } from '../cook/planner/serve-time-planner';
import type { DoneTimePrediction, PredictionPhase } from '../cook/prediction/done-time-prediction';
import { ValidationError } from '../errors';
import type { CookProbe } from './cook-record';
import { assertServeAtAhead, pitLevelAt, serveCheck, SERVE_AT_MAX_AHEAD_MS } from './serve-check';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 10, 8, 10);
const brisket = (channel: string): CookProbe => ({ channel, label: null, targetF: 203, presetId: 'brisket', meat: 'brisket', units: 'F' });
const chicken: CookProbe = { channel: '4', label: null, targetF: 165, presetId: null, meat: null, units: 'F' };

function predicted(hours: number | undefined, phase: PredictionPhase = 'stall', temperatureF = 160): DoneTimePrediction {
  const eta = hours === undefined ? undefined : { seconds: hours * 3600, lowSeconds: hours * 2700, highSeconds: hours * 4800 };
  return { atMs: NOW, phase, targetF: 203, temperatureF, ...(eta ? { eta } : {}), stall: { phase: phase === 'stall' ? 'stall' : 'heating' } };
}

const check = (over: Partial<Parameters<typeof serveCheck>[0]> & { serveInHours: number }) =>
  serveCheck({
    serveAt: new Date(NOW + over.serveInHours * HOUR).toISOString(),
    probes: [brisket('2')],
    predictions: new Map([['2', predicted(6)]]),
    wrapped: new Set(),
    pitF: 250,
    atMs: NOW,
    ...over,
  });

describe('serveCheck: the cook-level done time against the serve time', () => {
  it('on track: done plus the preset rest lands at the serve time', () => {
    // Done in 6 h, a brisket rests at least 1 h: ready at +7 h for a +7 h serve time.
    const answer = check({ serveInHours: 7 });
    expect(serveCheckSchema.parse(answer)).toEqual(answer);
    expect(answer).toMatchObject({ status: 'on-track', minutesLate: 0, channel: '2', restMinutes: 60, restMaxMinutes: 240, pitF: null, wrap: false });
    expect(answer.doneAt).toBe(new Date(NOW + 6 * HOUR).toISOString());
    expect(answer.readyAt).toBe(new Date(NOW + 7 * HOUR).toISOString());
  });

  it('late: how late, the pit that makes up the time (a measured one) and a wrap at the stall', () => {
    const answer = check({ serveInHours: 7 - 40 / 60 });
    expect(answer).toMatchObject({ status: 'late', minutesLate: 40, wrap: true, pitEnough: true });
    expect(answer.pitF).toBeGreaterThan(250);
    expect(answer.pitF).toBeLessThanOrEqual(MAX_PIT_F);
    // Wrapped already: no stall left to wrap at.
    expect(check({ serveInHours: 7 - 40 / 60, wrapped: new Set(['2']) }).wrap).toBe(false);
    // Hopeless at the hottest advised pit: it says so.
    const hopeless = check({ serveInHours: 1.5, pitF: 290, predictions: new Map([['2', predicted(6, 'post_stall', 190)]]) });
    expect(hopeless).toMatchObject({ status: 'late', pitF: MAX_PIT_F, pitEnough: false, wrap: false });
  });

  it('gives no pit advice without a pit probe (the pit is only a guess)', () => {
    const { pitF: _measured, ...noPit } = { pitF: 250 };
    const answer = serveCheck({ serveAt: new Date(NOW + 6 * HOUR).toISOString(), probes: [brisket('2')], predictions: new Map([['2', predicted(6)]]), wrapped: new Set(), atMs: NOW, ...noPit });
    expect(answer).toMatchObject({ status: 'late', minutesLate: 60, pitF: null, pitEnough: false });
  });

  it('early beyond what the longest rest holds: a cooler pit', () => {
    const answer = check({ serveInHours: 14 });
    expect(answer.status).toBe('early');
    expect(answer.minutesLate).toBe(-7 * 60);
    expect(answer.pitF).toBeLessThan(250);
  });

  it('the last piece to be ready governs: two brisket probes are one piece, the chicken another', () => {
    const predictions = new Map([
      ['2', predicted(5)],
      ['3', predicted(6)],
      ['4', predicted(6.5, 'heating', 120)],
    ]);
    // The brisket is ready at 6 h + 1 h rest; the chicken (no preset, no rest) at 6.5 h: the brisket governs.
    const answer = check({ serveInHours: 7, probes: [brisket('2'), brisket('3'), chicken], predictions });
    expect(answer).toMatchObject({ status: 'on-track', channel: '3' });
    const slowChicken = check({ serveInHours: 7, probes: [brisket('2'), chicken], predictions: new Map([...predictions, ['4', predicted(8, 'heating', 120)]]) });
    expect(slowChicken).toMatchObject({ status: 'late', channel: '4', minutesLate: 60, restMinutes: 0 });
  });

  it('waiting while no probe has a done time yet', () => {
    const answer = check({ serveInHours: 7, predictions: new Map([['2', predicted(undefined, 'unknown')]]) });
    expect(serveCheckSchema.parse(answer)).toEqual(answer);
    expect(answer).toMatchObject({ status: 'waiting', minutesLate: null, doneAt: null, readyAt: null, channel: null });
  });

  it('a piece already done waits on its rest alone: no pit to move', () => {
    const done: DoneTimePrediction = { ...predicted(undefined, 'done', 204), phase: 'done' };
    const answer = check({ serveInHours: 0.25, predictions: new Map([['2', done]]) });
    expect(answer).toMatchObject({ status: 'late', minutesLate: 45, pitF: null, wrap: false });
  });
});

describe('assertServeAtAhead', () => {
  const now = new Date(NOW);
  it('takes a time ahead within two days, and refuses the past and the far future with a 400 naming serveAt', () => {
    expect(() => assertServeAtAhead(new Date(NOW + HOUR).toISOString(), now)).not.toThrow();
    for (const ms of [NOW, NOW - HOUR, NOW + SERVE_AT_MAX_AHEAD_MS + 60_000]) {
      const error = (() => {
        try {
          assertServeAtAhead(new Date(ms).toISOString(), now);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).details).toMatchObject({ issues: [{ path: 'serveAt' }] });
    }
  });
});

describe('pitLevelAt', () => {
  it('is the pit the meat heats toward (a lid-open dip does not move it), and nothing without readings', () => {
    const readings = Array.from({ length: 60 }, (_, i) => ({ atMs: NOW - (60 - i) * 60_000, temperatureF: i >= 50 && i < 54 ? 200 : 250 }));
    expect(pitLevelAt(readings, NOW)).toBe(250);
    expect(pitLevelAt([], NOW)).toBeUndefined();
  });
});
