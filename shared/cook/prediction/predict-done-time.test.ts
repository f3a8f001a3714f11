import { describe, expect, it } from 'vitest';
import { CookSession } from '../cook-session';
import { createCookSimulation } from '../physics';
import { newtonTemperatureAfter } from './newton-heating';
import { predictDoneTime } from './predict-done-time';

describe('predictDoneTime', () => {
  const meatReadings = Array.from({ length: 91 }, (_, minute) => ({
    atMs: minute * 60_000,
    temperatureF: newtonTemperatureAfter(40, 300, 0.45, minute / 60),
  }));
  const pitReadings = meatReadings.map((r) => ({ atMs: r.atMs, temperatureF: 300 }));

  it('answers like a streaming session fed the same readings, whatever order they come in', () => {
    const session = new CookSession({ pitProbe: 'pit', meatProbes: [{ probe: 'meat', targetF: 165 }] });
    for (let i = 0; i <= 60; i += 1) {
      session.ingest('pit', pitReadings[i]!);
      session.ingest('meat', meatReadings[i]!);
    }
    const streamed = session.predict('meat', 60 * 60_000);
    const once = predictDoneTime({
      meatReadings: [...meatReadings].reverse(),
      pitReadings,
      targetF: 165,
      atMs: 60 * 60_000,
    });
    expect(once).toEqual(streamed);
    expect(once.eta).toBeDefined();
  });

  it('ignores readings after the instant asked about', () => {
    const early = predictDoneTime({ meatReadings, pitReadings, targetF: 165, atMs: 45 * 60_000 });
    const earlyOnly = predictDoneTime({
      meatReadings: meatReadings.slice(0, 46),
      pitReadings: pitReadings.slice(0, 46),
      targetF: 165,
      atMs: 45 * 60_000,
    });
    expect(early).toEqual(earlyOnly);
  });

  it('sees a stall from the history alone, as a session asked after every reading does (the poll worker replays)', () => {
    const sim = createCookSimulation({ seed: 5, meat: 'brisket', pitSetpointF: 250, initialMeatF: 38, ambientF: 60, probes: 1 });
    const stallStart = sim.groundTruth.stallStartSeconds as number;
    const stallEnd = sim.groundTruth.stallEndSeconds as number;
    const atSeconds = Math.round((stallStart + stallEnd) / 2 / 60) * 60;
    const meat: Array<{ atMs: number; temperatureF: number }> = [];
    const pit: Array<{ atMs: number; temperatureF: number }> = [];
    const live = new CookSession({ pitProbe: 'pit', meatProbes: [{ probe: 'meat', targetF: 203 }] });
    let streamed: ReturnType<CookSession['predict']> | undefined;
    for (let s = 0; s <= atSeconds; s += 60) {
      const sample = sim.sampleAt(s);
      meat.push({ atMs: s * 1000, temperatureF: sample.meatF[0] as number });
      pit.push({ atMs: s * 1000, temperatureF: sample.pitF });
      live.ingest('pit', pit.at(-1)!);
      live.ingest('meat', meat.at(-1)!);
      streamed = live.predict('meat', s * 1000);
    }
    const once = predictDoneTime({ meatReadings: meat, pitReadings: pit, targetF: 203, atMs: atSeconds * 1000 });
    expect(streamed!.phase).toBe('stall');
    expect(once.phase).toBe('stall');
    expect(once.stall.startedAtMs).toBe(streamed!.stall.startedAtMs);
    expect(once.eta).toEqual(streamed!.eta);
  });
});
