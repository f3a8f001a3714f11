import { describe, expect, it } from 'vitest';
import { GlitchFilter, MEAT_GLITCH_OPTIONS, PIT_GLITCH_OPTIONS } from './glitch-filter';

const at = (minute: number, temperatureF: number) => ({ atMs: minute * 60_000, temperatureF });

function feed(filter: GlitchFilter, values: number[]): number[] {
  return values.flatMap((v, i) => filter.push(at(i, v)).map((r) => r.temperatureF));
}

describe('GlitchFilter', () => {
  it('passes a smoothly rising probe untouched', () => {
    const values = Array.from({ length: 30 }, (_, i) => 40 + i * 0.8);
    expect(feed(new GlitchFilter(MEAT_GLITCH_OPTIONS), values)).toEqual(values);
  });

  it('drops a lone spike and sensor sentinels', () => {
    const values = [100, 100.5, 101, 101.4, 180, 102, 102.5, -40, 103, 999, 103.4];
    expect(feed(new GlitchFilter(MEAT_GLITCH_OPTIONS), values)).toEqual([100, 100.5, 101, 101.4, 102, 102.5, 103, 103.4]);
  });

  it('accepts a real jump once the next readings confirm it (probe moved)', () => {
    const values = [150, 150.2, 150.4, 150.5, 120, 120.3, 120.5, 120.8];
    expect(feed(new GlitchFilter(MEAT_GLITCH_OPTIONS), values)).toEqual([150, 150.2, 150.4, 150.5, 120, 120.3, 120.5, 120.8]);
  });

  it('allows more change after a gap, in proportion to the time elapsed', () => {
    const filter = new GlitchFilter(MEAT_GLITCH_OPTIONS);
    for (let i = 0; i < 5; i += 1) filter.push(at(i, 100 + i));
    // 40 minutes of silence, then 60 °F higher: plausible for meat at 3 °F/min allowance.
    expect(filter.push(at(44, 164))).toHaveLength(1);
  });

  it('lets the pit drop 50 °F in a minute (lid open) but not jump 300 °F', () => {
    const filter = new GlitchFilter(PIT_GLITCH_OPTIONS);
    for (let i = 0; i < 5; i += 1) filter.push(at(i, 250));
    expect(filter.push(at(5, 200))).toHaveLength(1);
    expect(filter.push(at(6, 520))).toHaveLength(0);
    expect(filter.push(at(7, 210))).toHaveLength(1);
  });
});
