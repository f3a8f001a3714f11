import { describe, expect, it } from 'vitest';
import { createSeededRandom, keyedNormal } from './seeded-random';

describe('seeded randomness', () => {
  it('repeats a stream for a seed and differs across seeds', () => {
    const a = createSeededRandom(7);
    const b = createSeededRandom(7);
    const c = createSeededRandom(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('draws roughly standard normals', () => {
    const random = createSeededRandom(1);
    const draws = Array.from({ length: 20_000 }, () => random.normal());
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
    const keyed = Array.from({ length: 20_000 }, (_, i) => keyedNormal(3, 1, i * 5000));
    const keyedMean = keyed.reduce((s, x) => s + x, 0) / keyed.length;
    expect(Math.abs(keyedMean)).toBeLessThan(0.05);
  });

  it('gives keyed noise that depends only on its keys', () => {
    expect(keyedNormal(1, 2, 3)).toBe(keyedNormal(1, 2, 3));
    expect(keyedNormal(1, 2, 3)).not.toBe(keyedNormal(1, 2, 4));
    expect(keyedNormal(1, 2, 3)).not.toBe(keyedNormal(1, 3, 3));
    expect(keyedNormal(1, 2, 2 ** 40)).not.toBe(keyedNormal(1, 2, 2 ** 40 + 2 ** 32));
  });
});
