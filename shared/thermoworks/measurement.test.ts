import { describe, expect, it } from 'vitest';
import { normaliseUnits, probeValue, roundToTenth } from './measurement';

describe('measurement', () => {
  it('rounds float32 noise to the 0.1° resolution', () => {
    expect(roundToTenth(251.89999389648438)).toBe(251.9);
    expect(roundToTenth(-5.1999998092651367)).toBe(-5.2);
    expect(roundToTenth(55.300000000000004)).toBe(55.3);
    expect(Object.is(roundToTenth(-0.04), 0)).toBe(true);
  });

  it('normalises unit spellings and rejects unknown ones', () => {
    expect(normaliseUnits('f')).toBe('F');
    expect(normaliseUnits('°C')).toBe('C');
    expect(normaliseUnits('%RH')).toBe('H');
    expect(normaliseUnits('K')).toBeUndefined();
  });

  it('treats sentinels and missing values as no reading', () => {
    expect(probeValue(undefined, 'F')).toBeNull();
    expect(probeValue(-999, 'F')).toBeNull();
    expect(probeValue(3276.7, 'F')).toBeNull();
    expect(probeValue(101, 'H')).toBeNull();
    expect(probeValue(600, 'C')).toBeNull();
    expect(probeValue(Number.NaN, 'F')).toBeNull();
    expect(probeValue(-40.04, 'F')).toBe(-40);
  });
});
