import { describe, expect, it } from 'vitest';
import { cookKindKey, defaultCutPriors, expectsStall } from './cut-priors';
import { newtonHoursToReach } from './newton-heating';
import { capToWindow, physicalWindowHours } from './physical-window';

const brisket = defaultCutPriors({ meat: 'brisket', targetF: 203 });

describe('cut priors', () => {
  it('know which cooks stall and key cooks of a kind by cut, or by target class when the cut is not said', () => {
    expect(expectsStall({ meat: 'brisket', targetF: 150 })).toBe(true);
    expect(expectsStall({ meat: 'chicken', targetF: 180 })).toBe(false);
    expect(expectsStall({ targetF: 195 })).toBe(true);
    expect(cookKindKey({ meat: 'ribs', targetF: 198 })).toBe('ribs');
    expect(cookKindKey({ targetF: 203 })).toBe('collagen-target');
    expect(cookKindKey({ targetF: 165 })).toBe('poultry-target');
    expect(cookKindKey({ targetF: 130 })).toBe('quick-target');
    expect(defaultCutPriors({ meat: 'salmon', targetF: 130 }).stall.probability).toBe(0);
    expect(brisket.learnedFrom).toBe(0);
  });
});

describe('physicalWindowHours', () => {
  const base = { temperatureF: 155, targetF: 203, coolestPitF: 250, hottestPitF: 250, priors: brisket, stallExpected: true, stallPossible: true };

  it('runs from heating with no stall at the fastest rate to the longest stall then the slowest heating', () => {
    const w = physicalWindowHours(base);
    expect(w.minHours).toBeCloseTo(newtonHoursToReach(155, 203, 250, 0.22 * Math.exp(1.6448536269514722 * 0.5)), 6);
    expect(w.maxHours).toBeGreaterThan(10);
    // A brisket at the stall in a 250 °F pit has hours, not a day, to go — even at the window's far end.
    expect(w.maxHours).toBeLessThan(36);
  });

  it('narrows with the rate constant the cook itself showed, and when the stall is behind it', () => {
    const learned = physicalWindowHours({ ...base, learnedHeatingK: 0.2 });
    expect(learned.maxHours).toBeLessThan(physicalWindowHours(base).maxHours);
    const after = physicalWindowHours({ ...base, learnedHeatingK: 0.2, stallPossible: false, temperatureF: 175 });
    expect(after.maxHours).toBeLessThan(learned.maxHours);
    expect(physicalWindowHours({ ...base, temperatureF: 204 })).toEqual({ minHours: 0, maxHours: 0 });
  });

  it('caps quantiles into the window and leaves an unreachable target alone', () => {
    const window = { minHours: 2, maxHours: 12 };
    expect(capToWindow({ low: 1, mid: 16, high: 26 }, window)).toEqual({ low: 2, mid: 12, high: 12 });
    expect(capToWindow({ low: 3, mid: Infinity, high: Infinity }, window)).toEqual({ low: 3, mid: Infinity, high: Infinity });
  });
});
