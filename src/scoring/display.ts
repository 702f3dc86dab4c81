import { Dec, decString, sumDec } from "../_lib/decimal.js";
import type { CurrencyCode } from "../money/currencies.js";
import { formatMoneyFixed } from "../money/money.js";

/**
 * The one display rule for scores, used by every summary, table and report: points are shown to 2 decimal
 * places; the total shown is the exact total rounded half-even; the parts shown are rounded by the largest
 * remainder method so that they add up exactly to the total shown; money carries its currency symbol and two
 * places; a share (0–1) is shown as a percentage to 2 places.
 *
 * @example
 * ```ts
 * DISPLAY_RULE.startsWith("Points are shown to 2 decimal places"); //=> true
 * ```
 * @category Presentation
 */
export const DISPLAY_RULE =
  "Points are shown to 2 decimal places. The total shown is the exact total rounded half-even; the parts shown are rounded by the largest remainder method, so they add up exactly to the total shown. Money is shown with its currency and 2 decimal places; shares as percentages to 2 decimal places.";

/**
 * Parts and total as shown under {@link DISPLAY_RULE}.
 *
 * @example
 * ```ts
 * const r: ShownParts = { parts: ["0.34", "0.33", "0.33"], total: "1.00" };
 * ```
 * @category Presentation
 */
export interface ShownParts {
  /** The shown parts, in input order (fixed-point strings). */
  readonly parts: string[];
  /** The shown total (fixed-point string); the parts add up to it exactly. */
  readonly total: string;
}

/**
 * Rounds parts so that the shown parts add up exactly to the shown total (largest remainder method, Hamilton):
 * the total is rounded half-even to `places`; each part is rounded down to `places`; the units still missing
 * go, one each, to the parts with the largest remainders (earlier parts first on equal remainders).
 *
 * @param parts - exact decimal strings
 * @param places - decimal places shown (default 2)
 * @returns `{ parts, total }`: the shown parts (same order) and the shown total, as fixed-point strings
 * @example
 * ```ts
 * roundToTotal(["10.146789", "9.862125", "5.731"]);
 * //=> { parts: ["10.15", "9.86", "5.73"], total: "25.74" }
 * roundToTotal(["0.335", "0.335", "0.33"]); //=> { parts: ["0.34", "0.33", "0.33"], total: "1.00" }
 * ```
 * @category Presentation
 */
export function roundToTotal(parts: readonly string[], places = 2): ShownParts {
  const exact = parts.map((p) => new Dec(p));
  const total = sumDec(exact).toDecimalPlaces(places, Dec.ROUND_HALF_EVEN);
  const unit = new Dec(10).pow(-places);
  const floors = exact.map((d) => d.toDecimalPlaces(places, Dec.ROUND_FLOOR));
  let missing = total.minus(sumDec(floors)).div(unit).round().toNumber();
  const order = exact.map((d, i) => ({ i, rem: d.minus(floors[i] as Dec) })).sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  const shown = [...floors];
  for (const { i } of order) {
    if (missing <= 0) break;
    shown[i] = (shown[i] as Dec).plus(unit);
    missing--;
  }
  return { parts: shown.map((d) => d.toFixed(places)), total: total.toFixed(places) };
}

/**
 * Points for people: 2 decimal places, half-even.
 *
 * @example
 * ```ts
 * showPoints("88.78975"); //=> "88.79"
 * ```
 * @category Presentation
 */
export function showPoints(points: string): string {
  return new Dec(points).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toFixed(2);
}

/**
 * A raw criterion value for people, by its display kind: money with the currency symbol, a 0–1 share as a
 * percentage, or a number (to at most 2 decimal places) with its unit.
 *
 * @param value - exact decimal string
 * @param display - `"money"`, `"share"` or `"number"`
 * @param currency - the tender currency
 * @param unit - the criterion's unit, shown after a number
 * @returns the text
 * @example
 * ```ts
 * showValue("3387.98", "money", "GBP");  //=> "£3,387.98"
 * showValue("0.8875", "share", "GBP");   //=> "88.75%"
 * showValue("136.39", "number", "GBP", "kgCO2e"); //=> "136.39 kgCO2e"
 * ```
 * @category Presentation
 */
export function showValue(value: string, display: "money" | "share" | "number", currency: CurrencyCode, unit?: string): string {
  const d = new Dec(value);
  if (display === "money") return formatMoneyFixed({ amount: decString(d.toDecimalPlaces(2, Dec.ROUND_HALF_EVEN)), currency });
  if (display === "share") return `${d.times(100).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toFixed(2)}%`;
  const dp = Math.min(d.decimalPlaces(), 2);
  return `${d.toDecimalPlaces(dp, Dec.ROUND_HALF_EVEN).toFixed(dp)}${unit !== undefined ? ` ${unit}` : ""}`;
}
