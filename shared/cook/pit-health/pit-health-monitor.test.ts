import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../physics/seeded-random';
import { PitHealthMonitor } from './pit-health-monitor';
import type { PitEvent } from './pit-event';

const SECOND = 1000;

/** Feeds a pit curve sampled every 15 s with ±1 °F noise; returns every event. */
function run(pitAt: (seconds: number) => number, hours: number, seed = 1): PitEvent[] {
  const monitor = new PitHealthMonitor();
  const random = createSeededRandom(seed);
  const events: PitEvent[] = [];
  for (let s = 0; s <= hours * 3600; s += 15) {
    events.push(...monitor.observe({ atMs: s * SECOND, temperatureF: pitAt(s) + random.normal() }));
  }
  return events;
}

describe('PitHealthMonitor', () => {
  it('stays quiet for a pit holding its setpoint', () => {
    expect(run(() => 250, 6)).toEqual([]);
  });

  it('reports each lid opening once, on recovery, with its depth', () => {
    // Lid open for 90 s at 1 h and 2.5 h: air falls ~60 °F, then recovers over a few minutes.
    const dip = (s: number, start: number): number => {
      if (s < start) return 0;
      if (s < start + 90) return -60 * ((s - start) / 90);
      return -60 * Math.exp(-(s - start - 90) / 120);
    };
    const events = run((s) => 250 + dip(s, 3600) + dip(s, 9000), 4);
    expect(events.map((e) => e.kind)).toEqual(['lid-open', 'lid-open']);
    const first = events[0] as Extract<PitEvent, { kind: 'lid-open' }>;
    expect(first.atMs / SECOND).toBeGreaterThan(3600);
    expect(first.atMs / SECOND).toBeLessThan(3600 + 90);
    expect(first.dropF).toBeGreaterThan(45);
    expect(first.dropF).toBeLessThan(75);
  });

  it('reports a sustained decline once, then its recovery after a refuel', () => {
    // Holds 250 for 3 h, loses 30 °F/h for 2 h (fuel running out), refuelled at 5 h back to 250.
    const pit = (s: number): number => {
      const h = s / 3600;
      if (h < 3) return 250;
      if (h < 5) return 250 - 30 * (h - 3);
      return 250;
    };
    const events = run(pit, 7);
    expect(events.map((e) => e.kind)).toEqual(['pit-dropping', 'pit-recovered']);
    const dropping = events[0] as Extract<PitEvent, { kind: 'pit-dropping' }>;
    expect(dropping.atMs / 3_600_000).toBeGreaterThan(3.3);
    expect(dropping.atMs / 3_600_000).toBeLessThan(4.3);
    expect(dropping.holdingF).toBeCloseTo(250, 0);
    expect(dropping.ratePerHour).toBeLessThan(-15);
    expect(events[1]!.atMs / 3_600_000).toBeGreaterThan(5);
  });
});
