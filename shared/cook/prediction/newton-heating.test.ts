import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newtonHoursToReach, newtonRateConstant, newtonTemperatureAfter } from './newton-heating';

describe('Newton heating', () => {
  it('inverts its own curve', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 30, max: 150, noNaN: true }),
        fc.double({ min: 200, max: 350, noNaN: true }),
        fc.double({ min: 0.05, max: 3, noNaN: true }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (from, asymptote, k, hours) => {
          // Past ~8 time constants the curve is within float noise of the pit: nothing left to invert.
          fc.pre(k * hours < 8);
          const reached = newtonTemperatureAfter(from, asymptote, k, hours);
          expect(newtonHoursToReach(from, reached, asymptote, k)).toBeCloseTo(hours, 6);
        },
      ),
    );
  });

  it('needs longer than the straight line, and never reaches the pit temperature', () => {
    const k = newtonRateConstant(20, 150, 250); // 20 °F/h at 150 °F in a 250 °F pit
    expect(k).toBeCloseTo(0.2, 10);
    expect(newtonHoursToReach(150, 200, 250, k)).toBeCloseTo(Math.log(2) / 0.2, 10);
    expect(newtonHoursToReach(150, 200, 250, k)).toBeGreaterThan((200 - 150) / 20);
    expect(newtonHoursToReach(150, 250, 250, k)).toBe(Number.POSITIVE_INFINITY);
    expect(newtonHoursToReach(150, 140, 250, k)).toBe(0);
  });
});
