import { describe, expect, it } from 'vitest';
import type { ServeCheck } from '../../../shared/api/schemas';
import type { ClockOptions } from './predictionFormat';
import { serveCheckText } from './serveCheckText';

const utc24: ClockOptions = { locale: 'en-GB', timeZone: 'UTC', hour12: false };
const now = Date.parse('2026-03-07T10:00:00.000Z');
const SERVE_AT = '2026-03-07T18:00:00.000Z';
const F = { units: 'F' as const, clock: utc24 };
const check = (over: Partial<ServeCheck>): ServeCheck => ({
  status: 'on-track',
  minutesLate: 0,
  doneAt: '2026-03-07T17:00:00.000Z',
  readyAt: '2026-03-07T18:00:00.000Z',
  channel: '2',
  restMinutes: 60,
  restMaxMinutes: 240,
  pitF: null,
  pitEnough: false,
  wrap: false,
  at: '2026-03-07T10:00:00.000Z',
  ...over,
});

describe('serveCheckText', () => {
  it('on track: the serve time, and when it is done and rested', () => {
    expect(serveCheckText(SERVE_AT, check({}), now, F)).toEqual({ headline: 'On track to eat at 18:00', detail: 'Done about 17:00, then a 1 h rest: ready about 18:00.' });
  });

  it('running late: how late and what would make up the time, in the user units', () => {
    const late = check({ status: 'late', minutesLate: 40, readyAt: '2026-03-07T18:40:00.000Z', pitF: 275, pitEnough: true, wrap: true });
    expect(serveCheckText(SERVE_AT, late, now, F).headline).toBe('Running 40 min late: raise the pit to 275 °F or wrap at the stall');
    expect(serveCheckText(SERVE_AT, late, now, { units: 'C', clock: utc24 }).headline).toBe('Running 40 min late: raise the pit to 135 °C or wrap at the stall');
    expect(serveCheckText(SERVE_AT, { ...late, pitF: 300, pitEnough: false, wrap: false }, now, F).headline).toBe('Running 40 min late: raise the pit to 300 °F (it will still be late)');
    expect(serveCheckText(SERVE_AT, { ...late, pitF: null, wrap: false }, now, F).headline).toBe('Running 40 min late: serve later, about 18:40');
  });

  it('running early: a cooler pit or a longer rest', () => {
    const early = check({ status: 'early', minutesLate: -300, pitF: 235 });
    expect(serveCheckText(SERVE_AT, early, now, F).headline).toBe('Running 5 h early: lower the pit to 235 °F or rest it longer (up to 4 h)');
    expect(serveCheckText(SERVE_AT, { ...early, pitF: null, restMaxMinutes: 60 }, now, F).headline).toBe('Running 5 h early');
  });

  it('no prediction yet (or no check yet): the serve time alone', () => {
    const waiting = check({ status: 'waiting', minutesLate: null, doneAt: null, readyAt: null, channel: null });
    expect(serveCheckText(SERVE_AT, waiting, now, F)).toEqual({ headline: 'Serving at 18:00', detail: 'No done time yet to check it against.' });
    expect(serveCheckText(SERVE_AT, undefined, now, F).headline).toBe('Serving at 18:00');
  });

  it('in the user clock and zone, saying the day when it is not today', () => {
    const chicago12: ClockOptions = { locale: 'en-US', timeZone: 'America/Chicago', hour12: true };
    expect(serveCheckText(SERVE_AT, check({}), now, { units: 'F', clock: chicago12 }).headline).toBe('On track to eat at 12:00 PM');
    expect(serveCheckText('2026-03-08T18:00:00.000Z', check({}), now, F).headline).toBe('On track to eat at tomorrow 18:00');
  });
});
