import { describe, expect, it } from 'vitest';
import { ManualClock, ScaledClock } from './clock';

describe('ScaledClock', () => {
  it('reads simulatedOrigin + (real now − realOrigin) × scale', () => {
    const real = new ManualClock('2026-03-01T12:00:00.000Z');
    const realOriginMs = real.now().getTime();
    const simulatedOriginMs = Date.parse('2026-03-01T07:00:00.000Z');
    const clock = new ScaledClock({ scale: 30, realOriginMs, simulatedOriginMs }, real);
    expect(clock.now().toISOString()).toBe('2026-03-01T07:00:00.000Z');
    real.advance(2 * 60_000); // 2 real minutes = 1 simulated hour at 30×
    expect(clock.now().toISOString()).toBe('2026-03-01T08:00:00.000Z');
    expect(clock.nowMs()).toBe(clock.now().getTime());
    real.advance(1);
    expect(clock.nowMs() - Date.parse('2026-03-01T08:00:00.000Z')).toBe(30);
    expect(clock.scale).toBe(30);
  });

  it('gives the same now wherever it is rebuilt from its settings (handlers, browser)', () => {
    const real = new ManualClock('2026-03-01T12:00:00.000Z');
    const clock = ScaledClock.startingNow(60, Date.parse('2026-01-01T00:00:00.000Z'), real);
    real.advance(12_345);
    const copy = new ScaledClock(JSON.parse(JSON.stringify(clock.settings)) as ScaledClock['settings'], real);
    expect(copy.nowMs()).toBe(clock.nowMs());
    expect(clock.nowMs()).toBe(Date.parse('2026-01-01T00:00:00.000Z') + 12_345 * 60);
  });

  it('starts at the real now unless told otherwise; scale 1 is real time', () => {
    const real = new ManualClock('2026-03-01T12:00:00.000Z');
    const clock = ScaledClock.startingNow(1, undefined, real);
    real.advance(5000);
    expect(clock.now()).toEqual(real.now());
  });

  it('refuses settings that make no clock', () => {
    expect(() => ScaledClock.startingNow(0)).toThrow(/scale/);
    expect(() => ScaledClock.startingNow(-2)).toThrow(/scale/);
    expect(() => ScaledClock.startingNow(Number.NaN)).toThrow(/scale/);
    expect(() => new ScaledClock({ scale: 2, realOriginMs: 1.5, simulatedOriginMs: 0 })).toThrow(/realOriginMs/);
  });
});
