import { describe, expect, it } from 'vitest';
import { createCookSimulation } from './cook-simulation';
import type { CookScenario } from './cook-scenario';

const brisket: CookScenario = { seed: 42, meat: 'brisket', pitSetpointF: 250, initialMeatF: 38, ambientF: 60, probes: 2 };
const chicken: CookScenario = { seed: 42, meat: 'chicken', pitSetpointF: 325, initialMeatF: 38, ambientF: 60, probes: 1 };

/** Noise-free-ish rise per hour around a time, from samples ±15 min apart. */
function risePerHour(sim: ReturnType<typeof createCookSimulation>, seconds: number): number {
  const before = sim.sampleAt(seconds - 900).meatF[0] as number;
  const after = sim.sampleAt(seconds + 900).meatF[0] as number;
  return (after - before) * 2;
}

describe('createCookSimulation', () => {
  it('stalls a brisket for hours on a plateau in the 145–175 °F band', () => {
    const sim = createCookSimulation(brisket);
    const { stallStartSeconds, stallEndSeconds } = sim.groundTruth;
    expect(stallStartSeconds).toBeDefined();
    expect(stallEndSeconds).toBeDefined();
    const start = stallStartSeconds as number;
    const end = stallEndSeconds as number;
    expect(end - start).toBeGreaterThan(2 * 3600);
    const atStart = sim.sampleAt(start).meatF[0] as number;
    const atEnd = sim.sampleAt(end).meatF[0] as number;
    expect(atStart).toBeGreaterThan(140);
    expect(atEnd).toBeLessThan(175);
    // Plateau: the middle of the stall rises far slower than the heating before it.
    expect(risePerHour(sim, (start + end) / 2)).toBeLessThan(risePerHour(sim, 2 * 3600) / 4);
    expect(sim.sampleAt((start + end) / 2).phase).toBe('stall');
    expect(sim.sampleAt(end + 600).phase).toBe('post_stall');
  });

  it('does not stall a chicken, which cooks through in under three hours', () => {
    const sim = createCookSimulation(chicken);
    expect(sim.groundTruth.stallStartSeconds).toBeUndefined();
    const reach = sim.groundTruth.reachSeconds(165, 0);
    expect(reach).toBeDefined();
    expect(reach as number).toBeLessThan(3 * 3600);
    expect(reach as number).toBeGreaterThan(0.75 * 3600);
  });

  it('is deterministic for a seed, whatever order samples are taken in', () => {
    const a = createCookSimulation({ ...brisket, lidOpenEveryMinutes: 45 });
    const b = createCookSimulation({ ...brisket, lidOpenEveryMinutes: 45 });
    const times = [0, 5, 7.5, 600, 3600, 7201, 20000, 40000];
    const forward = times.map((t) => a.sampleAt(t));
    const backward = [...times].reverse().map((t) => b.sampleAt(t)).reverse();
    expect(backward).toEqual(forward);
    const other = createCookSimulation({ ...brisket, seed: 43, lidOpenEveryMinutes: 45 });
    expect(other.sampleAt(3600).meatF).not.toEqual(forward[4]?.meatF);
  });

  it('heats monotonically apart from sensor noise until the meat is pulled', () => {
    const sim = createCookSimulation({ ...brisket, pullAtF: 200 });
    const pull = sim.groundTruth.pullSeconds as number;
    expect(pull).toBeGreaterThan(0);
    let highest = -Infinity;
    for (let t = 0; t < pull; t += 60) {
      const value = sim.sampleAt(t).meatF[0] as number;
      expect(value).toBeGreaterThan(highest - 1);
      highest = Math.max(highest, value);
    }
    // After the pull: a little carry-over at most, then cooling.
    expect(sim.sampleAt(pull + 3 * 3600).meatF[0] as number).toBeLessThan(195);
    expect(sim.sampleAt(pull + 600).phase).toBe('rest');
  });

  it('ends the stall when the cook wraps', () => {
    const unwrapped = createCookSimulation(brisket);
    const wrapped = createCookSimulation({ ...brisket, wrapAtF: 158 });
    const wrapAt = wrapped.groundTruth.wrapSeconds as number;
    expect(wrapAt).toBeGreaterThan(0);
    expect(wrapped.groundTruth.stallEndSeconds as number).toBeLessThan(wrapAt + 1800);
    expect(wrapped.groundTruth.reachSeconds(203, 0) as number).toBeLessThan(
      (unwrapped.groundTruth.reachSeconds(203, 0) as number) - 3600,
    );
  });

  it('holds the pit near its setpoint, dips it when the lid opens, and lets it drift down when fuel runs out', () => {
    const sim = createCookSimulation({ ...brisket, lidOpenEveryMinutes: 60, fuelHalfLifeHours: 5 });
    const opening = sim.eventsBetween(0, 3 * 3600).find((e) => e.kind === 'lid-open');
    expect(opening).toBeDefined();
    const openAt = (opening as { atSeconds: number }).atSeconds;
    expect(sim.sampleAt(openAt + 40).lidOpen).toBe(true);
    expect(sim.sampleAt(openAt + 44).pitF).toBeLessThan(sim.sampleAt(openAt - 60).pitF - 15);
    expect(Math.abs(sim.sampleAt(openAt + 20 * 60).pitF - 250)).toBeLessThan(15);
    const fuelLow = sim.groundTruth.fuelLowSeconds as number;
    expect(fuelLow).toBeGreaterThan(3600);
    expect(sim.sampleAt(fuelLow + 3 * 3600).pitF).toBeLessThan(225);
  });

  it('reports events cumulatively and between two polls', () => {
    const sim = createCookSimulation({ ...brisket, lidOpenEveryMinutes: 30, wrapAtF: 160 });
    const all = sim.sampleAt(20 * 3600).events;
    const kinds = new Set(all.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['lid-open', 'lid-closed', 'wrap', 'stall-start', 'stall-end']));
    expect([...all].sort((a, b) => a.atSeconds - b.atSeconds)).toEqual(all);
    expect(sim.eventsBetween(3600, 7200).every((e) => e.atSeconds > 3600 && e.atSeconds <= 7200)).toBe(true);
  });

  it('makes probes in one cut differ slightly', () => {
    const sim = createCookSimulation({ ...brisket, probes: 3 });
    const [a, b, c] = sim.sampleAt(3 * 3600).meatF as [number, number, number];
    expect(Math.abs(a - b) + Math.abs(a - c)).toBeGreaterThan(0.5);
    expect(Math.abs(a - b)).toBeLessThan(20);
  });

  it('rejects impossible scenarios', () => {
    expect(() => createCookSimulation({ ...brisket, probes: 0 })).toThrow(RangeError);
    expect(() => createCookSimulation({ ...brisket, pitSetpointF: 50 })).toThrow(RangeError);
  });
});
