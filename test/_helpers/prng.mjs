// The one seeded generator of the tests, benchmarks and example generators (not part of the published
// library): plain JavaScript, so Node scripts (bench/*.mjs, examples/*/generate.mjs) import it as they are.

/**
 * mulberry32 (public domain): deterministic pseudo-random numbers in [0, 1) from a 32-bit seed, so the
 * generated inputs and perturbations are the same on every run (never Math.random).
 *
 * @param {number} seed
 * @returns {() => number}
 */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
