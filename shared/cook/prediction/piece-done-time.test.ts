import { describe, expect, it } from 'vitest';
import { CookSession } from '../cook-session';
import { createCookSimulation } from '../physics';
import type { DoneTimePrediction } from './done-time-prediction';
import { groupIntoPieces, pieceDoneTime } from './piece-done-time';

const stall = { phase: 'heating' as const };
const cooking = (seconds: number, spread = 0.2): DoneTimePrediction => ({
  atMs: 0,
  phase: 'heating',
  targetF: 203,
  stall,
  eta: { seconds, lowSeconds: Math.round(seconds * (1 - spread)), highSeconds: Math.round(seconds * (1 + spread)) },
});

describe('groupIntoPieces', () => {
  it('puts probes marked as one piece together, then probes of the same preset, the rest alone', () => {
    const pieces = groupIntoPieces([
      { probe: '2', presetId: 'brisket' },
      { probe: '3', presetId: 'brisket' },
      { probe: '4', presetId: 'pork-butt', pieceId: 'big' },
      { probe: '5', pieceId: 'big' },
      { probe: '6' },
    ]);
    expect(pieces.map((p) => p.probes)).toEqual([['2', '3'], ['4', '5'], ['6']]);
  });
});

describe('pieceDoneTime', () => {
  const piece = { pieceId: 'preset:brisket', probes: ['2', '3', '4'] };

  it('is governed by the probe that finishes last, with the spread between the probes', () => {
    const p = pieceDoneTime(piece, new Map([['2', cooking(5 * 3600)], ['3', cooking(6 * 3600)], ['4', cooking(5.5 * 3600, 0.5)]]), 0);
    expect(p).toMatchObject({ phase: 'cooking', governingProbe: '3', spreadSeconds: 3600, probesWithoutEta: [] });
    expect(p.eta).toEqual({ seconds: 6 * 3600, lowSeconds: Math.round(6 * 3600 * 0.8), highSeconds: Math.round(5.5 * 3600 * 1.5) });
  });

  it('counts a done probe as finished and says which probes cannot tell yet', () => {
    const done: DoneTimePrediction = { atMs: 0, phase: 'done', targetF: 203, stall, eta: { seconds: 0, lowSeconds: 0, highSeconds: 0 } };
    const unknown: DoneTimePrediction = { atMs: 0, phase: 'unknown', targetF: 203, stall, reason: 'not enough data' };
    const p = pieceDoneTime(piece, new Map([['2', done], ['3', cooking(1800)], ['4', unknown]]), 0);
    expect(p).toMatchObject({ phase: 'cooking', governingProbe: '3', spreadSeconds: 1800, probesWithoutEta: ['4'] });
    expect(pieceDoneTime(piece, new Map([['2', done], ['3', done], ['4', done]]), 0).phase).toBe('done');
    expect(pieceDoneTime(piece, new Map([['2', unknown]]), 0)).toMatchObject({ phase: 'unknown', probesWithoutEta: ['2', '3', '4'] });
  });
});

describe('CookSession.predictPieces', () => {
  it('gives one answer for the three probes of one brisket', () => {
    const sim = createCookSimulation({ seed: 8, meat: 'brisket', pitSetpointF: 250, initialMeatF: 38, ambientF: 60, probes: 3 });
    const session = new CookSession({
      pitProbe: 'pit',
      meatProbes: ['a', 'b', 'c'].map((probe) => ({ probe, targetF: 203, meat: 'brisket' as const, presetId: 'brisket' })),
    });
    const atMs = 3 * 3_600_000;
    for (let t = 0; t <= atMs; t += 60_000) {
      const s = sim.sampleAt(t / 1000);
      session.ingest('pit', { atMs: t, temperatureF: s.pitF });
      ['a', 'b', 'c'].forEach((probe, i) => session.ingest(probe, { atMs: t, temperatureF: s.meatF[i] as number }));
    }
    const [piece] = session.predictPieces(atMs);
    const each = ['a', 'b', 'c'].map((probe) => session.predict(probe, atMs).eta!.seconds);
    expect(piece).toMatchObject({ probes: ['a', 'b', 'c'], phase: 'cooking' });
    expect(piece!.eta!.seconds).toBe(Math.max(...each));
    expect(piece!.spreadSeconds).toBe(Math.max(...each) - Math.min(...each));
  });
});
