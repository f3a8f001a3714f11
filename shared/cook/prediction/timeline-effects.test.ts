import { describe, expect, it } from 'vitest';
import { CookSession } from '../cook-session';
import { createCookSimulation } from '../physics';
import type { CookTimelineEvent } from '../timeline/cook-timeline-event';
import type { DoneTimePrediction } from './done-time-prediction';
import { DoneTimePredictor } from './done-time-predictor';
import { newtonHoursToReach, newtonTemperatureAfter } from './newton-heating';

const MINUTE = 60_000;

/** A simulated brisket fed once a minute with its pit probe, events applied at their instant; prediction at `atMs`. */
function replayBrisket(wrapAtF: number | undefined, events: (wrapMs: number) => CookTimelineEvent[], atMs: (wrapMs: number) => number) {
  const sim = createCookSimulation({ seed: 11, meat: 'brisket', pitSetpointF: 250, initialMeatF: 38, ambientF: 60, probes: 1, ...(wrapAtF ? { wrapAtF } : {}) });
  const wrapMs = (sim.groundTruth.wrapSeconds as number) * 1000;
  const session = new CookSession({ pitProbe: 'pit', meatProbes: [{ probe: 'meat', targetF: 203, meat: 'brisket' }] });
  const pending = [...events(wrapMs)];
  const until = atMs(wrapMs);
  for (let t = 0; t <= until; t += MINUTE) {
    while (pending[0] && pending[0].atMs <= t) session.applyEvent(pending.shift() as CookTimelineEvent);
    const sample = sim.sampleAt(t / 1000);
    session.ingest('pit', { atMs: t, temperatureF: sample.pitF });
    session.ingest('meat', { atMs: t, temperatureF: sample.meatF[0] as number });
  }
  const truthMs = (sim.groundTruth.reachSeconds(203, 0) as number) * 1000;
  return { prediction: session.predict('meat', until), remainingMs: truthMs - until };
}

const relativeError = (p: DoneTimePrediction, remainingMs: number): number => Math.abs(p.eta!.seconds * 1000 - remainingMs) / remainingMs;

describe('timeline events in the done-time prediction', () => {
  it('"wrapped" ends the stall and heats at the wrapped rate at once', () => {
    const at = (wrapMs: number) => wrapMs + 15 * MINUTE;
    const told = replayBrisket(162, (wrapMs) => [{ kind: 'wrapped', atMs: wrapMs }], at);
    const silent = replayBrisket(162, () => [], at);
    expect(told.prediction.phase).toBe('post_stall');
    expect(told.prediction.stall.endCause).toBe('wrap');
    // Fifteen minutes after the wrap the curve alone still reads as a stall; the event already knows better.
    expect(relativeError(told.prediction, told.remainingMs)).toBeLessThan(0.15);
    expect(relativeError(told.prediction, told.remainingMs)).toBeLessThan(relativeError(silent.prediction, silent.remainingMs) / 2);
  });

  const curve = (minute: number) => newtonTemperatureAfter(40, 300, 0.4, minute / 60);
  const feed = (predictor: DoneTimePredictor, minutes: number, value: (minute: number) => number) => {
    for (let minute = 0; minute <= minutes; minute += 1) predictor.observe({ atMs: minute * MINUTE, temperatureF: value(minute) }, 300);
  };

  it('"probe-moved" starts the trend afresh at the new spot', () => {
    // Moved at 90 min to a spot that reads 12 °F cooler (further in): the new spot's own curve is the old one shifted.
    const moved = (minute: number) => (minute < 90 ? curve(minute) : curve(minute) - 12);
    const told = new DoneTimePredictor({ targetF: 190, expectStall: false });
    told.observe({ atMs: 0, temperatureF: curve(0) }, 300);
    for (let minute = 1; minute <= 110; minute += 1) {
      if (minute === 90) told.applyEvent({ kind: 'probe-moved', atMs: 90 * MINUTE - 1 });
      told.observe({ atMs: minute * MINUTE, temperatureF: moved(minute) }, 300);
      if (minute === 95) expect(told.predict(95 * MINUTE, 300).reason).toMatch(/not enough data/);
    }
    const silent = new DoneTimePredictor({ targetF: 190, expectStall: false });
    feed(silent, 110, moved);
    // The new spot heats like the old with 12 °F less: it reaches 190 °F when the old curve would read 202 °F.
    const truthHours = newtonHoursToReach(40, 202, 300, 0.4) - 110 / 60;
    const error = (p: DoneTimePrediction) => Math.abs(p.eta!.seconds / 3600 - truthHours) / truthHours;
    expect(error(told.predict(110 * MINUTE, 300))).toBeLessThan(0.1);
    expect(error(silent.predict(110 * MINUTE, 300))).toBeGreaterThan(2 * error(told.predict(110 * MINUTE, 300)));
  });

  it('"lid-open" keeps the dip out of the fit', () => {
    // The probe is half pulled for a spritz at 100–104 min: it reads 25 °F low.
    const dip = (minute: number) => (minute >= 100 && minute <= 104 ? curve(minute) - 25 : curve(minute));
    const clean = new DoneTimePredictor({ targetF: 190, expectStall: false });
    feed(clean, 106, curve);
    const told = new DoneTimePredictor({ targetF: 190, expectStall: false });
    told.applyEvent({ kind: 'lid-open', atMs: 99.5 * MINUTE, endedAtMs: 104.5 * MINUTE, text: 'spritz' });
    feed(told, 106, dip);
    const silent = new DoneTimePredictor({ targetF: 190, expectStall: false });
    feed(silent, 106, dip);
    const eta = (p: DoneTimePredictor) => p.predict(106 * MINUTE, 300).eta!.seconds;
    expect(Math.abs(eta(told) - eta(clean)) / eta(clean)).toBeLessThan(0.01);
    expect(Math.abs(eta(silent) - eta(clean)) / eta(clean)).toBeGreaterThan(0.03);
  });

  it('"note", "fuel" and "spritzed" leave the prediction as it was', () => {
    const plain = new DoneTimePredictor({ targetF: 190, expectStall: false });
    feed(plain, 60, curve);
    const noted = new DoneTimePredictor({ targetF: 190, expectStall: false });
    for (const kind of ['note', 'fuel', 'spritzed'] as const) noted.applyEvent({ kind, atMs: 30 * MINUTE, text: 'x' });
    feed(noted, 60, curve);
    expect(noted.predict(60 * MINUTE, 300)).toEqual(plain.predict(60 * MINUTE, 300));
  });
});
