/**
 * Deterministic randomness: the same seed gives the same tokens, noise and injected failures, so a failing
 * test can be replayed. Noise is a pure function of (seed, keys), not a stream, so any instant can be
 * sampled in any order and still read the same.
 */

/** FNV-1a over the text, 32-bit. */
function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** mulberry32's mixing step: a well-spread 32-bit value from any 32-bit state. */
function mix(state: number): number {
  let t = (state + 0x6d2b79f5) >>> 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** Uniform in [-1, 1), fixed for given seed and keys. */
export function noiseAt(seed: number, ...keys: Array<string | number>): number {
  return (mix(hash32(keys.join('|'), seed)) / 2 ** 32) * 2 - 1;
}

/** A seeded stream of uniforms in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Hex characters from the stream (tokens that look random but replay). */
export function randomHex(random: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += Math.floor(random() * 16).toString(16);
  return out;
}
