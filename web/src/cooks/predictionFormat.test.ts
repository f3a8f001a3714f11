import { describe, expect, it } from 'vitest';
import type { ProbePrediction } from '../../../shared/api/schemas';
import {
  describeProbeCook,
  formatClock,
  formatCountdown,
  formatDuration,
  formatPhase,
  formatRange,
  formatTarget,
  type ClockOptions,
} from './predictionFormat';

const utc: ClockOptions = { locale: 'en-GB', timeZone: 'UTC' };
const now = Date.parse('2026-03-07T14:30:00.000Z'); // a Saturday
const at = (hhmm: string, day = '2026-03-07') => Date.parse(`${day}T${hhmm}:00.000Z`);
const MIN = 60_000;

describe('formatDuration', () => {
  it('reads in hours and minutes, rounded to the minute', () => {
    expect(formatDuration(130 * MIN)).toBe('2 h 10 min');
    expect(formatDuration(129 * MIN + 40_000)).toBe('2 h 10 min');
    expect(formatDuration(45 * MIN)).toBe('45 min');
    expect(formatDuration(120 * MIN + 20_000)).toBe('2 h');
    expect(formatDuration(26 * 60 * MIN + 5 * MIN)).toBe('26 h 5 min');
    expect(formatDuration(20_000)).toBe('less than a minute');
  });
});

describe('formatCountdown', () => {
  it('counts down to the ETA', () => {
    expect(formatCountdown(now + 130 * MIN, now)).toBe('in 2 h 10 min');
    expect(formatCountdown(now + 5 * MIN, now)).toBe('in 5 min');
  });

  it('says "any minute now" when the ETA is close or already passed', () => {
    expect(formatCountdown(now + 30_000, now)).toBe('any minute now');
    expect(formatCountdown(now - 10 * MIN, now)).toBe('any minute now');
  });
});

describe('formatClock', () => {
  it('gives the time of day, in the requested zone and locale', () => {
    expect(formatClock(at('16:40'), now, utc)).toBe('16:40');
    expect(formatClock(at('16:40'), now, { locale: 'en-GB', timeZone: 'Europe/Berlin' })).toBe('17:40');
    expect(formatClock(at('16:40'), now, { locale: 'en-US', timeZone: 'UTC' })).toMatch(/^4:40\sPM$/);
  });

  it('names the day when it is not today', () => {
    expect(formatClock(at('02:15', '2026-03-08'), now, utc)).toBe('tomorrow 02:15');
    expect(formatClock(at('23:50', '2026-03-06'), now, utc)).toBe('yesterday 23:50');
    expect(formatClock(at('09:00', '2026-03-10'), now, utc)).toBe('Tue 10 Mar 09:00');
  });

  it('decides "tomorrow" by the calendar of the chosen zone', () => {
    // 23:30 UTC is already the next day in Berlin.
    expect(formatClock(at('23:30'), now, { locale: 'en-GB', timeZone: 'Europe/Berlin' })).toBe('tomorrow 00:30');
  });
});

describe('formatRange', () => {
  it('gives the 80 % interval as two clock times, low first', () => {
    expect(formatRange('2026-03-07T16:40:00.000Z', '2026-03-07T18:05:00.000Z', now, utc)).toBe('between 16:40 and 18:05');
    expect(formatRange('2026-03-07T18:05:00.000Z', '2026-03-07T16:40:00.000Z', now, utc)).toBe('between 16:40 and 18:05');
    expect(formatRange('2026-03-07T22:40:00.000Z', '2026-03-08T01:05:00.000Z', now, utc)).toBe('between 22:40 and tomorrow 01:05');
  });

  it('says nothing when an end is missing or both ends read the same', () => {
    expect(formatRange(null, '2026-03-07T18:05:00.000Z', now, utc)).toBeNull();
    expect(formatRange('2026-03-07T18:05:00.000Z', 'garbage', now, utc)).toBeNull();
    expect(formatRange('2026-03-07T18:05:10.000Z', '2026-03-07T18:05:40.000Z', now, utc)).toBeNull();
  });
});

describe('formatTarget', () => {
  it('shows the target in the probe’s unit', () => {
    expect(formatTarget(203, 'F')).toBe('→ 203 °F');
    expect(formatTarget(203, 'C')).toBe('→ 95 °C');
    expect(formatTarget(134.6, 'F')).toBe('→ 135 °F');
  });
});

describe('formatPhase', () => {
  it('names each phase', () => {
    expect(formatPhase({ phase: 'heating', stallStartedAt: null }, now, utc)).toBe('Heating');
    expect(formatPhase({ phase: 'stall', stallStartedAt: '2026-03-07T14:05:00.000Z' }, now, utc)).toBe('Stall since 14:05');
    expect(formatPhase({ phase: 'stall', stallStartedAt: null }, now, utc)).toBe('In the stall');
    expect(formatPhase({ phase: 'post_stall', stallStartedAt: '2026-03-07T11:00:00.000Z' }, now, utc)).toBe('Past the stall');
    expect(formatPhase({ phase: 'done', stallStartedAt: null }, now, utc)).toBe('Done');
    expect(formatPhase({ phase: 'unknown', stallStartedAt: null }, now, utc)).toBeNull();
  });
});

describe('describeProbeCook', () => {
  const prediction = (overrides: Partial<ProbePrediction>): ProbePrediction => ({
    channel: '2',
    phase: 'stall',
    etaAt: '2026-03-07T16:40:00.000Z',
    etaLowAt: '2026-03-07T16:00:00.000Z',
    etaHighAt: '2026-03-07T18:05:00.000Z',
    reason: null,
    stallStartedAt: '2026-03-07T14:05:00.000Z',
    at: '2026-03-07T14:29:00.000Z',
    ...overrides,
  });

  it('puts target, phase and ETA together', () => {
    expect(describeProbeCook({ targetF: 203, units: 'F', prediction: prediction({}) }, now, utc)).toEqual({
      target: '→ 203 °F',
      targetTemperature: '203 °F',
      phase: 'Stall since 14:05',
      eta: { kind: 'eta', clock: '16:40', countdown: 'in 2 h 10 min', range: 'between 16:00 and 18:05' },
      basedOn: null,
    });
  });

  it('says what the account’s past cooks taught the prediction, as a sentence, until the probe is done', () => {
    const basedOn = 'based on your last 3 briskets: stall about 3 h 10 m, pit about 250 °F';
    expect(describeProbeCook({ targetF: 203, units: 'F', prediction: prediction({ basedOn }) }, now, utc).basedOn).toBe(
      'Based on your last 3 briskets: stall about 3 h 10 m, pit about 250 °F.',
    );
    const early = prediction({ phase: 'unknown', etaAt: null, etaLowAt: null, etaHighAt: null, basedOn });
    expect(describeProbeCook({ targetF: 203, units: 'F', prediction: early }, now, utc).basedOn).toMatch(/^Based on your last 3 briskets/);
    expect(describeProbeCook({ targetF: 203, units: 'F', prediction: prediction({ phase: 'done', basedOn }) }, now, utc).basedOn).toBeNull();
  });

  it('says "Not enough data yet" before any prediction, and with the reason when the predictor gives one', () => {
    expect(describeProbeCook({ targetF: 165, units: 'C', prediction: null }, now, utc)).toEqual({
      target: '→ 74 °C',
      targetTemperature: '74 °C',
      phase: null,
      eta: { kind: 'none', message: 'Not enough data yet', reason: null },
      basedOn: null,
    });
    const early = prediction({ phase: 'unknown', etaAt: null, etaLowAt: null, etaHighAt: null, stallStartedAt: null });
    expect(describeProbeCook({ targetF: 203, units: 'F', prediction: { ...early, reason: 'probe silent' } }, now, utc).eta).toEqual({
      kind: 'none',
      message: 'Not enough data yet',
      reason: 'probe silent',
    });
    // The message already says "not enough data": the reason does not repeat it.
    const lagging = { ...early, reason: 'not enough data: the probe is still coming up to speed' };
    expect(describeProbeCook({ targetF: 203, units: 'F', prediction: lagging }, now, utc).eta).toMatchObject({
      reason: 'the probe is still coming up to speed',
    });
    expect(describeProbeCook({ targetF: 203, units: 'F', prediction: { ...early, reason: 'not enough data' } }, now, utc).eta).toMatchObject({
      reason: null,
    });
  });

  it('explains a known phase without an ETA', () => {
    const stuck = prediction({ phase: 'heating', etaAt: null, etaLowAt: null, etaHighAt: null, reason: 'pit is below the target' });
    expect(describeProbeCook({ targetF: 203, units: 'F', prediction: stuck }, now, utc)).toMatchObject({
      phase: 'Heating',
      eta: { kind: 'none', message: 'No estimate yet', reason: 'pit is below the target' },
    });
  });

  it('shows a finished probe as done, whatever ETA came with it', () => {
    const done = prediction({ phase: 'done', etaAt: '2026-03-07T14:29:00.000Z', reason: 'done' });
    expect(describeProbeCook({ targetF: 203, units: 'F', prediction: done }, now, utc)).toMatchObject({ phase: 'Done', eta: { kind: 'done' } });
  });
});
