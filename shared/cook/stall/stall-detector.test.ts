import { describe, expect, it } from 'vitest';
import { detectStall, StallDetector, type StallStatus } from './stall-detector';

const MINUTE = 60_000;
const PIT_F = 250;

/**
 * A synthetic cook integrated minute by minute: Newton heating at k = 0.2/h, with the rate constant collapsing to
 * `stallK` between `stallFrom` and `stallTo` minutes (the plateau), as the detector sees it (smoothed T and rate).
 */
function runCook(options: { stallFrom?: number; stallTo?: number; stallK?: number; minutes: number; wrapAt?: number }) {
  const detector = new StallDetector();
  let T = 40;
  const statuses: Array<{ minute: number; T: number; status: StallStatus }> = [];
  for (let minute = 0; minute <= options.minutes; minute += 1) {
    const stalled = options.stallFrom !== undefined && minute >= options.stallFrom && minute < (options.stallTo ?? Infinity);
    const k = stalled ? (options.stallK ?? 0.04) : 0.2;
    const rate = k * (PIT_F - T);
    if (options.wrapAt === minute) detector.markWrapped(minute * MINUTE);
    statuses.push({ minute, T, status: detector.update({ atMs: minute * MINUTE, temperatureF: T, ratePerHour: rate, pitF: PIT_F }) });
    T += rate / 60;
  }
  return statuses;
}

function firstMinute(statuses: ReturnType<typeof runCook>, phase: StallStatus['phase']): number | undefined {
  return statuses.find((s) => s.status.phase === phase)?.minute;
}

describe('StallDetector', () => {
  it('finds a plateau in the evaporative band, back-dates its start, and ends it when the rise recovers', () => {
    // Newton at 0.2/h from 40 °F reaches ~150 °F after ~4 h.
    const statuses = runCook({ stallFrom: 240, stallTo: 420, minutes: 600 });
    const detected = firstMinute(statuses, 'stall') as number;
    expect(detected).toBeGreaterThanOrEqual(240);
    expect(detected).toBeLessThanOrEqual(240 + 30);
    const last = statuses.at(-1)!.status;
    expect(last.startedAtMs).toBe(240 * MINUTE);
    expect(last.startTemperatureF).toBeGreaterThan(140);
    expect(last.startTemperatureF).toBeLessThan(160);
    expect(last.phase).toBe('post_stall');
    expect(last.endedAtMs! / MINUTE).toBeGreaterThanOrEqual(420);
    expect(last.endedAtMs! / MINUTE).toBeLessThanOrEqual(420 + 5);
    expect(last.heatingK).toBeCloseTo(0.2, 6);
  });

  it('infers a wrap from an abrupt recovery, and takes an announced wrap at its word', () => {
    const inferred = runCook({ stallFrom: 240, stallTo: 330, stallK: 0.02, minutes: 420 }).at(-1)!.status;
    expect(inferred.endCause).toBe('wrap-inferred');
    const announced = runCook({ stallFrom: 240, stallTo: 600, minutes: 420, wrapAt: 330 }).at(-1)!.status;
    expect(announced.phase).toBe('post_stall');
    expect(announced.endCause).toBe('wrap');
    expect(announced.endedAtMs).toBe(330 * MINUTE);
  });

  it('sees no stall in plain Newton heating, however slow it gets near the pit temperature', () => {
    const statuses = runCook({ minutes: 900 });
    expect(statuses.at(-1)!.T).toBeGreaterThan(200);
    expect(statuses.every((s) => s.status.phase === 'heating')).toBe(true);
  });

  it('does not call a slowdown below the evaporative band a stall', () => {
    const statuses = runCook({ stallFrom: 60, stallTo: 180, minutes: 200 });
    expect(statuses.some((s) => s.status.phase === 'stall')).toBe(false);
  });

  it('does not mistake a dying fire for a stall: the rate is judged against the pit it has', () => {
    const detector = new StallDetector();
    let T = 40;
    let pit = 250;
    for (let minute = 0; minute <= 600; minute += 1) {
      if (minute > 240) pit = Math.max(170, pit - 0.3); // fuel running out
      const rate = 0.2 * (pit - T);
      const status = detector.update({ atMs: minute * MINUTE, temperatureF: T, ratePerHour: rate, pitF: pit });
      expect(status.phase).toBe('heating');
      T += rate / 60;
    }
  });
});

describe('detectStall', () => {
  it('is the detector run over a whole series', () => {
    let T = 40;
    const observations = Array.from({ length: 500 }, (_, minute) => {
      const k = minute >= 240 && minute < 400 ? 0.04 : 0.2;
      const observation = { atMs: minute * MINUTE, temperatureF: T, ratePerHour: k * (PIT_F - T), pitF: PIT_F };
      T += observation.ratePerHour / 60;
      return observation;
    });
    const status = detectStall(observations);
    expect(status.phase).toBe('post_stall');
    expect(status.startedAtMs).toBe(240 * MINUTE);
  });
});

describe('StallDetector started mid-way', () => {
  it('takes the cut prior heating rate when the probe is first seen past where it learns one, and sees the stall', () => {
    const withPrior = new StallDetector({ heatingKPrior: 0.22 });
    const without = new StallDetector();
    let status = withPrior.status();
    for (let minute = 0; minute <= 60; minute += 1) {
      // A brisket met at 155 °F, creeping 2 °F an hour in a 250 °F pit.
      const observation = { atMs: minute * 60_000, temperatureF: 155 + (2 * minute) / 60, ratePerHour: 2, pitF: 250 };
      status = withPrior.update(observation);
      without.update(observation);
    }
    expect(status).toMatchObject({ phase: 'stall', heatingK: 0.22, heatingKFromPrior: true });
    expect(without.status().phase).toBe('heating');
    expect(without.status().heatingK).toBeUndefined();
  });
});

describe('StallDetector and the sag a stall begins with', () => {
  it('reports how long the rate constant has sagged, and dates the stall back to the sag', () => {
    const detector = new StallDetector();
    let T = 60;
    let status = detector.status();
    let sagSeenAt: number | undefined;
    for (let minute = 0; minute <= 300; minute += 1) {
      const atMs = minute * 60_000;
      // Heating (k = 0.3 in a 250 °F pit), then a long shallow sag from 150 °F (k at 0.6 of it), then a deep stall.
      const k = T < 150 ? 0.3 : minute < 220 ? 0.18 : 0.06;
      const rate = k * (250 - T);
      status = detector.update({ atMs, temperatureF: T, ratePerHour: rate, pitF: 250 });
      if (sagSeenAt === undefined && status.saggingSinceMs !== undefined) sagSeenAt = status.saggingSinceMs;
      T += rate / 60;
    }
    expect(status.phase).toBe('stall');
    expect(sagSeenAt).toBeDefined();
    expect(status.sagStartedAtMs).toBe(sagSeenAt);
    expect(status.sagStartedAtMs!).toBeLessThan(status.startedAtMs! - 60 * 60_000);
    expect(status.saggingSinceMs).toBeUndefined();
  });
});
