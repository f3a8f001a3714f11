import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../ids';
import type { CookEvent } from '../api/cook-schemas';
import { newCookEvent, predictorEventsFor } from './cook-events';
import type { CookProbe } from './cook-record';
import { updateCook } from './update-cook';
import type { ActiveCook } from './cook-record';
import { createCookSimulation } from '../cook/physics';
import type { Reading } from '../readings/reading';

const probes: CookProbe[] = ['2', '3'].map((channel) => ({ channel, label: null, targetF: 203, presetId: 'brisket', meat: 'brisket', units: 'F' }));
const events: CookEvent[] = [
  { eventId: 'e3', kind: 'note', at: '2026-11-01T09:00:00.000Z', probe: '3', text: 'moved' },
  { eventId: 'e2', kind: 'wrapped', at: '2026-11-01T08:00:00.000Z' },
  { eventId: 'e1', kind: 'lid-open', at: '2026-11-01T07:00:00.000Z', endedAt: '2026-11-01T07:05:00.000Z' },
];

describe('cook events', () => {
  it('hands each probe its own and the cook-wide events in time order, in the predictor timeline shape', () => {
    expect(predictorEventsFor(events, '2')).toEqual([
      { kind: 'lid-open', atMs: Date.parse('2026-11-01T07:00:00Z'), endedAtMs: Date.parse('2026-11-01T07:05:00Z') },
      { kind: 'wrapped', atMs: Date.parse('2026-11-01T08:00:00Z') },
    ]);
    expect(predictorEventsFor(events, '3').map((e) => e.kind)).toEqual(['lid-open', 'wrapped', 'note']);
  });

  it('defaults the time to now, and refuses a probe the cook does not have or a time before the cook', () => {
    const now = new Date('2026-11-01T10:00:00Z');
    const deps = { ids: sequentialIds('ev'), now };
    expect(newCookEvent({ kind: 'spritzed' }, probes, '2026-11-01T06:00:00.000Z', deps)).toEqual({ eventId: 'ev-1', kind: 'spritzed', at: now.toISOString() });
    expect(() => newCookEvent({ kind: 'note', probe: '9' }, probes, '2026-11-01T06:00:00.000Z', deps)).toThrow(/Request is invalid/);
    expect(() => newCookEvent({ kind: 'note', at: '2026-11-01T05:00:00Z' }, probes, '2026-11-01T06:00:00.000Z', deps)).toThrow(/Request is invalid/);
  });

  it('a wrapped event tells the poll worker’s prediction the stall is over, before the curve can show it', () => {
    const START = Date.UTC(2026, 10, 1, 6);
    const sim = createCookSimulation({ seed: 5, meat: 'brisket', pitSetpointF: 250, initialMeatF: 38, ambientF: 60, probes: 1, wrapAtF: 163 });
    const wrapS = sim.groundTruth.wrapSeconds!;
    const readings: Reading[] = [];
    const untilS = wrapS + 10 * 60;
    for (let s = 0; s < untilS; s += 30) {
      const sample = sim.sampleAt(s);
      readings.push({ accountId: 'a', serial: 'S', channel: '2', value: sample.meatF[0]!, units: 'F', at: new Date(START + s * 1000) });
      readings.push({ accountId: 'a', serial: 'S', channel: '1', value: sample.pitF, units: 'F', at: new Date(START + s * 1000) });
    }
    const base: ActiveCook = { accountId: 'a', cookId: 'c', serial: 'S', startedAt: new Date(START).toISOString(), pitChannel: '1', probes: [probes[0]!], events: [], series: {}, predictions: [], updatedAt: new Date(START).toISOString() };
    const now = new Date(START + untilS * 1000);
    const without = updateCook(base, readings, now).cook.predictions[0]!;
    const wrap: CookEvent = { eventId: 'w', kind: 'wrapped', at: new Date(START + wrapS * 1000).toISOString() };
    const withWrap = updateCook({ ...base, events: [wrap] }, readings, now).cook.predictions[0]!;
    expect(without.phase).toBe('stall');
    expect(withWrap.phase).toBe('post_stall');
    expect(withWrap.etaAt).not.toBe(without.etaAt);
  });
});
