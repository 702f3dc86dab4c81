import { Decimal } from "decimal.js";
import { flatString } from "./flatString.js";

/**
 * The library's private Decimal constructor: an isolated clone, so a host that configures the global
 * `Decimal` (before or after importing vbp-score) sees no change and causes none.
 *
 * `defaults: true` resets every setting first, so settings a host gave the global Decimal earlier are not inherited.
 * 50 significant digits, half-even rounding (IEEE 754 "banker's rounding"); exponent notation never used
 * in `toString` for the magnitudes money takes.
 */
export const Dec = Decimal.clone({
  defaults: true,
  precision: 50,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -60,
  toExpPos: 60,
});

/** An instance of the private Decimal constructor. */
export type Dec = InstanceType<typeof Dec>;

/**
 * Anything the library accepts as an exact decimal value: a decimal string (kept digit for digit) or a finite
 * number.
 *
 * @example
 * ```ts
 * const price: DecimalInput = "1249.99";
 * ```
 */
export type DecimalInput = string | number;

/** @internal A decimal input or an already-converted private Decimal. */
export type DecLike = DecimalInput | Dec;

/**
 * Decimal places that amounts are held to in ledgers (a fixed-point scale far below a penny). Holding every
 * line at a fixed scale makes sums exact: with 50 significant digits, totals below 1e30 add without rounding.
 */
export const LEDGER_SCALE = 20;

/** Converts an input to the private Decimal; throws a RangeError on NaN or Infinity. */
export function toDec(value: DecLike): Dec {
  const d = value instanceof Dec ? value : new Dec(value);
  if (!d.isFinite()) throw new RangeError(`not a finite number: ${String(value)}`);
  return d;
}

/** Rounds to the ledger scale (half-even). */
export function toLedgerScale(value: Dec): Dec {
  return value.toDecimalPlaces(LEDGER_SCALE, Dec.ROUND_HALF_EVEN);
}

/** Canonical decimal string: no exponent (see `toExpPos`), no trailing zeros, "-0" folded to "0" (as `toFixed` writes it). */
export function decString(value: Dec): string {
  return flatString(value.toFixed());
}

/** Sums decimals exactly (within precision). */
export function sumDec(values: Iterable<Dec>): Dec {
  let total = new Dec(0);
  for (const v of values) total = total.plus(v);
  return total;
}
