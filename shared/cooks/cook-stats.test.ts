import { describe, expect, it } from 'vitest';
import { createCookSimulation } from '../cook/physics';
import type { Reading } from '../readings/reading';
import type { CookProbe } from './cook-record';
import { computeCookStats } from './cook-stats';

const START = Date.UTC(2026, 10, 1, 6);
const probe = (channel: string, targetF: number, meat: CookProbe['meat'] = null): CookProbe => ({ channel, label: null, targetF, presetId: null, meat, units: 'F' });
const reading = (channel: string, s: number, value: number, units: Reading['units'] = 'F'): Reading => ({ accountId: 'a', serial: 'S', channel, value, units, at: new Date(START + s * 1000) });

describe('computeCookStats', () => {
  it('on a Newton curve: time to target, max, and the pit mean and SD of a known square wave', () => {
    // Meat: 250 − 210·e^(−t/4h), reaching 165 °F at 4h·ln(210/85) ≈ 3.62 h; pit alternates 240 / 260 (mean 250, SD 10).
    const meat: Reading[] = [];
    const pit: Reading[] = [];
    for (let s = 0; s <= 6 * 3600; s += 15) {
      meat.push(reading('2', s, Math.round((250 - 210 * Math.exp(-s / (4 * 3600))) * 10) / 10));
      pit.push(reading('1', s, (s / 15) % 2 === 0 ? 240 : 260));
    }
    pit.pop(); // an even count: exactly half at each level
    const stats = computeCookStats({ startedAt: new Date(START).toISOString(), probes: [probe('2', 165, 'chicken')], pitChannel: '1', events: [] }, new Date(START + 6 * 3600_000).toISOString(), new Map([['2', meat], ['1', pit]]));
    const expected = 4 * 3600 * Math.log(210 / 85);
    expect(Math.abs(stats.probes[0]!.timeToTargetSeconds! - expected)).toBeLessThanOrEqual(30);
    expect(stats.probes[0]!.maxF).toBe(meat.at(-1)!.value);
    expect(stats.probes[0]!.stallStartedAt).toBeNull(); // poultry, no plateau: no stall
    expect(stats.pit).toEqual({ meanF: 250, sdF: 10 });
    expect(stats.durationSeconds).toBe(6 * 3600);
    expect(stats.readings).toBe(meat.length + pit.length);
  });

  it('reads °C channels in °F, and says null for a target never reached and no pit', () => {
    const meat = [reading('3', 0, 20, 'C'), reading('3', 60, 50, 'C')];
    const stats = computeCookStats({ startedAt: new Date(START).toISOString(), probes: [probe('3', 203)], pitChannel: null, events: [] }, new Date(START + 120_000).toISOString(), new Map([['3', meat]]));
    expect(stats.probes[0]).toMatchObject({ timeToTargetSeconds: null, maxF: 122 });
    expect(stats.pit).toBeNull();
  });

  it('finds a brisket stall from the physics: its start near the true one, and its length', () => {
    const sim = createCookSimulation({ seed: 5, meat: 'brisket', pitSetpointF: 250, initialMeatF: 38, ambientF: 60, probes: 1 });
    const truth = sim.groundTruth;
    const hours = 16;
    const meat: Reading[] = [];
    const pit: Reading[] = [];
    for (let s = 0; s < hours * 3600; s += 30) {
      const sample = sim.sampleAt(s);
      meat.push(reading('2', s, sample.meatF[0]!));
      pit.push(reading('1', s, sample.pitF));
    }
    const stats = computeCookStats({ startedAt: new Date(START).toISOString(), probes: [probe('2', 203, 'brisket')], pitChannel: '1', events: [] }, new Date(START + hours * 3600_000).toISOString(), new Map([['2', meat], ['1', pit]]));
    const found = stats.probes[0]!;
    expect(found.stallStartedAt).not.toBeNull();
    const startErrorS = Math.abs((Date.parse(found.stallStartedAt!) - START) / 1000 - truth.stallStartSeconds!);
    expect(startErrorS).toBeLessThan(1.5 * 3600);
    expect(found.stallSeconds!).toBeGreaterThan(3600);
    const reach = truth.reachSeconds(203, 0);
    if (reach !== undefined) expect(Math.abs(found.timeToTargetSeconds! - reach)).toBeLessThan(30 * 60);
  });
});
