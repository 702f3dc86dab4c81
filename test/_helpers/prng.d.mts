/** mulberry32: deterministic pseudo-random numbers in [0, 1) from a 32-bit seed (see prng.mjs). */
export declare function mulberry32(seed: number): () => number;
