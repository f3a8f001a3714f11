/**
 * Deterministic randomness for simulations. Two flavours because the simulation needs both:
 * - a sequential stream (`SeededRandom`) for processes integrated forward in time (fire turbulence);
 * - a keyed hash (`keyedNormal`) for sensor noise, so a sample's noise depends only on (seed, channel, time)
 *   and random access gives the same value whatever order samples are asked in.
 */
export interface SeededRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal. */
  normal(): number;
}

/** mulberry32: tiny, fast, good enough statistically for simulation noise. */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, normal: () => boxMuller(next(), next()) };
}

/** A standard normal determined only by its keys. */
export function keyedNormal(seed: number, channel: number, key: number): number {
  const u1 = hashToUnit(seed, channel, key, 0x9e3779b9);
  const u2 = hashToUnit(seed, channel, key, 0x85ebca6b);
  return boxMuller(u1, u2);
}

function hashToUnit(seed: number, channel: number, key: number, salt: number): number {
  // Integer avalanche over the three keys (murmur3 finaliser); `key` may exceed 32 bits, so fold its high part in.
  let h = (seed ^ salt) >>> 0;
  h = mix(h ^ Math.imul(channel + 1, 0xcc9e2d51));
  h = mix(h ^ (key >>> 0));
  h = mix(h ^ Math.floor(key / 4294967296));
  return (h + 0.5) / 4294967296;
}

function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function boxMuller(u1: number, u2: number): number {
  const safe = Math.max(u1, 1e-12);
  return Math.sqrt(-2 * Math.log(safe)) * Math.cos(2 * Math.PI * u2);
}
