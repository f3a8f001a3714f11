import { describe, expect, it } from 'vitest';
import { CookSession } from '../cook-session';
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
});
