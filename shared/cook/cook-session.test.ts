import { describe, expect, it } from 'vitest';
import { CookSession } from './cook-session';
import { newtonTemperatureAfter } from './prediction/newton-heating';

describe('CookSession', () => {
  const feed = (session: CookSession, pitF: (minute: number) => number): void => {
    for (let minute = 0; minute <= 60; minute += 1) {
      const atMs = minute * 60_000;
      session.ingest('pit', { atMs, temperatureF: pitF(minute) });
      session.ingest('meat1', { atMs, temperatureF: newtonTemperatureAfter(40, 325, 0.5, minute / 60) });
      session.ingest('meat2', { atMs, temperatureF: newtonTemperatureAfter(40, 325, 0.4, minute / 60) });
    }
  };

  it('predicts each watched probe toward its own target, heating toward the pit probe', () => {
    const session = new CookSession({
      pitProbe: 'pit',
      meatProbes: [
        { probe: 'meat1', targetF: 165 },
        { probe: 'meat2', targetF: 160, meat: 'chicken' },
      ],
    });
    feed(session, () => 325);
    const one = session.predict('meat1', 3_600_000);
    const two = session.predict('meat2', 3_600_000);
    expect(one.targetF).toBe(165);
    expect(two.targetF).toBe(160);
    const truthOne = (Math.log(285 / 160) / 0.5 - 1) * 3600;
    expect(Math.abs(one.eta!.seconds - truthOne) / truthOne).toBeLessThan(0.05);
    expect(() => session.predict('pit', 0)).toThrow(RangeError);
  });

  it('reads the pit through lid-open dips: a dip barely moves the ETA', () => {
    const steady = new CookSession({ pitProbe: 'pit', meatProbes: [{ probe: 'meat1', targetF: 165 }] });
    const dipping = new CookSession({ pitProbe: 'pit', meatProbes: [{ probe: 'meat1', targetF: 165 }] });
    feed(steady, () => 325);
    feed(dipping, (minute) => (minute >= 55 && minute <= 58 ? 240 : 325));
    const a = steady.predict('meat1', 3_600_000).eta!.seconds;
    const b = dipping.predict('meat1', 3_600_000).eta!.seconds;
    expect(Math.abs(a - b) / a).toBeLessThan(0.02);
  });
});
