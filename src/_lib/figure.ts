/**
 * @internal An option's exact figure between the stages of a run: a whole number of 10^−20 units (what the
 * lifecycle and carbon engines hold their amounts in), or a Decimal when the figure has more than 20 places
 * (a pathway figure can). Figures are added as Decimal's `plus` adds them (`addLedger` for two whole numbers)
 * and written as Decimal writes them, so the held form never shows in a result.
 *
 * @module
 */
import { Dec, decString, LEDGER_SCALE } from "./decimal.js";
import { addLedger, type Fixed, fixedFromString, fixedOf, fixedString, roundToLedger, unitsDec } from "./fixed.js";

/** @internal An exact figure: ledger units, or a Decimal. */
export type Figure = bigint | Dec;

/** @internal A decimal text (as the engines write them) as a figure: ledger units when it has at most 20 places. */
export function figureOfText(text: string): Figure {
  const f = fixedFromString(text);
  return f !== undefined && f.s <= LEDGER_SCALE ? roundToLedger(f.m, f.s) : new Dec(text);
}

/** @internal A figure as a Decimal. */
export function figureDec(a: Figure): Dec {
  return typeof a === "bigint" ? unitsDec(a) : a;
}

/** @internal A figure as an exact Fixed. */
export function figureFixed(a: Figure): Fixed {
  return typeof a === "bigint" ? { m: a, s: LEDGER_SCALE } : fixedOf(a);
}

/** @internal `a + b` as Decimal's `plus` gives it. */
export function plusFigure(a: Figure, b: Figure): Figure {
  return typeof a === "bigint" && typeof b === "bigint" ? addLedger(a, b) : figureDec(a).plus(figureDec(b));
}

/** @internal A figure's canonical text (as `decString` writes its Decimal). */
export function figureText(a: Figure): string {
  return typeof a === "bigint" ? fixedString(a) : decString(a);
}

/**
 * @internal A figure rounded half-even to `places`, as text (as `decString(d.toDecimalPlaces(places))` writes it).
 * Ledger units a, read as a × 10^−(40 − places), held to 20 places are a rounded to 10^−places units.
 */
export function figureTextAt(a: Figure, places: number): string {
  return typeof a === "bigint" ? fixedString(roundToLedger(a, 2 * LEDGER_SCALE - places), places) : decString(a.toDecimalPlaces(places, Dec.ROUND_HALF_EVEN));
}
