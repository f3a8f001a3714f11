import { describe, expect, it } from 'vitest';
import { MEAT_KINDS } from '../meat-kind';
import { DONENESS_PRESETS, findDonenessPreset, isBelowUsdaMinimum, presetInUnit, presetsForMeat } from './doneness-presets';

describe('doneness presets', () => {
  it('covers every cut, with unique ids', () => {
    for (const meat of MEAT_KINDS) expect(presetsForMeat(meat).length).toBeGreaterThan(0);
    expect(new Set(DONENESS_PRESETS.map((p) => p.id)).size).toBe(DONENESS_PRESETS.length);
  });

  it('is internally consistent: pull ≤ target within its range, carry-over bridging the gap', () => {
    for (const p of DONENESS_PRESETS) {
      expect(p.targetRangeF[0]).toBeLessThanOrEqual(p.targetF);
      expect(p.targetRangeF[1]).toBeGreaterThanOrEqual(p.targetF);
      expect(p.pullAtF).toBeLessThanOrEqual(p.targetF);
      expect(p.pullAtF + p.carryOverF[1]).toBeGreaterThanOrEqual(p.targetF);
      expect(p.restMinutes[0]).toBeLessThanOrEqual(p.restMinutes[1]);
    }
  });

  it('uses the USDA minimums: poultry 165 °F, whole cuts and fish 145 °F', () => {
    for (const p of DONENESS_PRESETS) {
      const expected = p.meat === 'chicken' || p.meat === 'turkey' ? 165 : 145;
      expect(p.usdaSafeMinimumF).toBe(expected);
    }
  });

  it('orders steak doneness rare → well-done and flags the ones below the USDA minimum', () => {
    const steaks = ['rare', 'medium-rare', 'medium', 'medium-well', 'well-done'].map(
      (d) => findDonenessPreset(`steak-${d}`)?.targetF,
    );
    expect(steaks.every((t) => t !== undefined)).toBe(true);
    expect([...(steaks as number[])].sort((a, b) => a - b)).toEqual(steaks);
    expect(isBelowUsdaMinimum(findDonenessPreset('steak-rare')!)).toBe(true);
    expect(isBelowUsdaMinimum(findDonenessPreset('steak-medium')!)).toBe(false);
    expect(isBelowUsdaMinimum(findDonenessPreset('brisket')!)).toBe(false);
  });

  it('converts to °C, temperatures with the offset and carry-over without it', () => {
    const view = presetInUnit(findDonenessPreset('chicken')!, 'C');
    expect(view.unit).toBe('C');
    expect(view.usdaSafeMinimum).toBe(74); // 165 °F
    expect(view.target).toBe(74);
    expect(view.carryOver).toEqual([2, 3]); // 3–5 °F
    const brisket = presetInUnit(findDonenessPreset('brisket')!, 'F');
    expect(brisket.target).toBe(203);
  });
});
