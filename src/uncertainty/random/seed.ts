import { VbpInputError } from "../../errors/VbpInputError.js";
import type { VbpPath } from "../../errors/issue.js";

/** The largest seed accepted: 2^53 − 1, so every seed is an exact integer in JSON and JavaScript. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

/**
 * Checks a seed: an integer in [0, 2^53 − 1]. Throws a VbpInputError naming `path` otherwise.
 *
 * @param seed - the value given
 * @param path - where it was given (default `["seed"]`)
 * @returns the seed as a number
 * @throws VbpInputError when the seed is not a whole number in range
 * @example
 * ```ts
 * checkSeed(2026); //=> 2026
 * ```
 * @category Uncertainty
 */
export function checkSeed(seed: unknown, path: VbpPath = ["seed"]): number {
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new VbpInputError([
      {
        code: typeof seed === "number" ? "invalid_value" : "invalid_type",
        path,
        message: `must be a whole number from 0 to ${MAX_SEED} (2^53 − 1), got ${typeof seed === "number" ? String(seed) : typeof seed}`,
      },
    ]);
  }
  return seed;
}

/** @internal The 64-bit Philox key of a seed: low and high 32-bit words. */
export function seedKey(seed: number): readonly [number, number] {
  return [seed % 4294967296 >>> 0, Math.floor(seed / 4294967296) >>> 0];
}
