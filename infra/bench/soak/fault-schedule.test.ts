import { describe, expect, it } from 'vitest';
import { faultSchedule, type FaultKind } from './fault-schedule';

const twelveHours = { runSeconds: 720, pollIntervalSeconds: 15, hours: 12, accounts: 2, seed: 15 };
const kinds: FaultKind[] = ['thermoworks-5xx', 'thermoworks-429', 'thermoworks-latency', 'thermoworks-resets', 'token-revoked', 'dynamodb-restart', 'worker-crash', 'websocket-churn', 'webhook-failing', 'probe-unplugged'];

describe('the soak fault schedule', () => {
  it('replays from its seed, and another seed gives another schedule', () => {
    expect(faultSchedule(twelveHours)).toEqual(faultSchedule(twelveHours));
    expect(faultSchedule({ ...twelveHours, seed: 16 })).not.toEqual(faultSchedule(twelveHours));
  });

  it('plays every kind once per round (three rounds in 12 h), inside the run, one at a time per lane', () => {
    const schedule = faultSchedule(twelveHours);
    for (const kind of kinds) expect(schedule.filter((f) => f.kind === kind)).toHaveLength(3);
    for (const f of schedule) expect(f.atSeconds).toBeGreaterThan(0);
    // Nothing starts in the last 15 % of the run: the quiet end the last faults heal in.
    for (const f of schedule) expect(f.atSeconds).toBeLessThan(720 * 0.85);
    for (const lane of new Set(schedule.map((f) => f.lane))) {
      const inLane = schedule.filter((f) => f.lane === lane);
      for (let i = 1; i < inLane.length; i++) expect(inLane[i]!.atSeconds).toBeGreaterThanOrEqual(inLane[i - 1]!.atSeconds + inLane[i - 1]!.seconds);
    }
  });
});
