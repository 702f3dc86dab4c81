import { Dec, decString } from "../_lib/decimal.js";
import { VbpInputError } from "../errors/VbpInputError.js";
import type { Money } from "../money/money.js";
import type { Source } from "../reference/source.js";

/**
 * A price index series (e.g. the NHS Cost Inflation Index, or a supplier's contract index): index values by
 * price year. Years are labels, so financial years such as `"2024/25"` work as well as `"2024"`.
 *
 * @example
 * ```ts
 * const series: PriceIndexSeries = { id: "my-index", label: "Illustrative index", values: { "2023": "100", "2026": "108.5" } };
 * ```
 */
export interface PriceIndexSeries {
  /** Identifier recorded with results. */
  readonly id: string;
  /** Human name. */
  readonly label: string;
  /** Index value by price year (decimal strings or numbers, > 0). */
  readonly values: Readonly<Record<string, string | number>>;
  /** Where the index comes from. */
  readonly source?: Source;
}

/** @internal Exact ratio index[to] / index[from], with path-named errors. */
export function indexRatio(series: PriceIndexSeries, fromYear: string, toYear: string, path: readonly (string | number)[] = []): Dec {
  const read = (year: string, key: string): Dec => {
    if (!Object.prototype.hasOwnProperty.call(series.values, year)) {
      throw new VbpInputError([
        { code: "unknown_reference", path: [...path, key], message: `price year "${year}" is not in index "${series.id}" (it has ${Object.keys(series.values).join(", ") || "no years"})` },
      ]);
    }
    const raw = series.values[year]!;
    let v: Dec;
    try {
      v = new Dec(raw);
    } catch {
      throw new VbpInputError([{ code: "invalid_value", path: ["values", year], message: `index value must be a decimal number, got ${JSON.stringify(raw)}` }]);
    }
    if (!v.isFinite() || v.lte(0)) throw new VbpInputError([{ code: "too_small", path: ["values", year], message: `index value must be > 0, got ${String(raw)}` }]);
    return v;
  };
  if (fromYear === toYear) return new Dec(1);
  return read(toYear, "toYear").div(read(fromYear, "fromYear"));
}

/**
 * Restates a cost from its price year to another (the evaluation's price base) with an index series:
 * `cost × index[to] / index[from]`. Exact; no rounding.
 *
 * @throws VbpInputError when either year is missing from the series
 * @example
 * ```ts
 * const series = { id: "ix", label: "Index", values: { "2023": "100", "2026": "108.5" } };
 * indexCost(money("200", "GBP"), "2023", "2026", series).amount; //=> "217"
 * ```
 */
export function indexCost(cost: Money, fromYear: string, toYear: string, series: PriceIndexSeries): Money {
  return Object.freeze({ amount: decString(new Dec(cost.amount).times(indexRatio(series, fromYear, toYear))), currency: cost.currency });
}
