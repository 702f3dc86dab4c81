/**
 * @internal Points in ledger units. A criterion's points are held to 20 decimal places, so a score keeps them
 * as the integer number of 10^−20 points: sums of points are integer sums, rounded as Decimal's `plus` rounds
 * them (`addLedger`), and texts (`fixedString`) and fractions are made from the integer, each exactly as the
 * same points held as a decimal would give them (`unitsDec` gives that decimal).
 *
 * @module
 */
import type { Figure } from "../_lib/figure.js";
import { fixedFromString, roundToLedger, type Fixed } from "../_lib/fixed.js";

/** @internal An aggregate measure: total points in ledger units (weighted sum), or a decimal (price per quality point, monetised price). */
export type Measure = Figure;

/** @internal Points written as text (a trace's points, held to 20 places) in ledger units. */
export function unitsOfText(text: string): bigint {
  const f = fixedFromString(text) as Fixed;
  return roundToLedger(f.m, f.s);
}
