import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cToF, deltaCToF, deltaFToC, fToC, fromFahrenheit, parseTemperatureUnit, toFahrenheit } from './units';

describe('temperature units', () => {
  it('maps the fixed points of water', () => {
    expect(fToC(32)).toBeCloseTo(0, 10);
    expect(fToC(212)).toBeCloseTo(100, 10);
    expect(cToF(-40)).toBeCloseTo(-40, 10);
  });

  it('round-trips any temperature', () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 1000, noNaN: true }), (f) => {
        expect(cToF(fToC(f))).toBeCloseTo(f, 9);
        expect(toFahrenheit(fromFahrenheit(f, 'C'), 'C')).toBeCloseTo(f, 9);
      }),
    );
  });

  it('converts differences without the 32° offset', () => {
    expect(deltaFToC(9)).toBeCloseTo(5, 10);
    expect(deltaCToF(5)).toBeCloseTo(9, 10);
  });

  it('parses the unit spellings found in logs', () => {
    expect(parseTemperatureUnit('F')).toBe('F');
    expect(parseTemperatureUnit(' °C ')).toBe('C');
    expect(parseTemperatureUnit('degF')).toBe('F');
    expect(parseTemperatureUnit('Celsius')).toBe('C');
    expect(parseTemperatureUnit('K')).toBeUndefined();
  });
});
