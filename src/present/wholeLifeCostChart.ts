/**
 * Whole-life cost by category and year: stacked bars per year, one colour per cost category, one panel per
 * option.
 *
 * @module
 */
import { Dec } from "../_lib/decimal.js";
import { VbpInputError } from "../errors/VbpInputError.js";
import type { LifecycleResult } from "../lifecycle/result.js";
import { IssueList, spec, type ChartOptions, type VegaLiteSpec } from "./vegaLite.js";

/**
 * One bar segment: an option's cost of one category in one year.
 *
 * @example
 * ```ts
 * const row: WholeLifeCostRow = { option: "Scanner A", category: "maintenance", year: 2, amount: 18250.5 };
 * ```
 * @category Charts
 */
export interface WholeLifeCostRow {
  /** The option (one panel per distinct value, in first-seen order). */
  readonly option: string;
  /** Cost category, e.g. acquisition, maintenance, energy (one colour per distinct value). */
  readonly category: string;
  /** Year of the horizon, 1 for the first. */
  readonly year: number;
  /** Cost in that year (a number or a decimal string). */
  readonly amount: number | string;
}

/**
 * Options of {@link wholeLifeCostData}.
 *
 * @example
 * ```ts
 * const o: WholeLifeCostDataOptions = { discounted: false };
 * ```
 * @category Charts
 */
export interface WholeLifeCostDataOptions {
  /** Present values (default `true`) or cash amounts as paid (`false`). */
  readonly discounted?: boolean;
}

/**
 * Whole-life cost rows from a lifecycle result's ledger, summed exactly per option, cost kind and year
 * (monthly periods are gathered into years: months 1–12 are year 1). The result must carry its ledger:
 * `evaluateLifecycle(doc, { ledger: true })` or `evaluate(doc, { ledger: true })`.
 *
 * @throws VbpInputError (`ledger`) when the result has no ledger
 * @example
 * ```ts
 * const doc = { currency: "GBP", priceBaseDate: "2026-04-01", horizonYears: 2, discounting: { schedule: "nice-3.5" }, volumes: { usesPerYear: 1000 }, comparatorId: "a",
 *   options: [
 *     { id: "a", name: "Scanner A", items: [{ id: "capital", kind: "acquisition", label: "Purchase", unitCost: "250000" }, { id: "service", kind: "maintenance", label: "Service", unitCost: "18000", startYear: 2 }] },
 *     { id: "b", name: "Scanner B", items: [{ id: "capital", kind: "acquisition", label: "Purchase", unitCost: "300000" }] },
 *   ] };
 * wholeLifeCostData(evaluateLifecycle(doc, { ledger: true }))[0];
 * //=> { option: "Scanner A", category: "acquisition", year: 1, amount: 250000 }
 * ```
 * @category Charts
 */
export function wholeLifeCostData(lifecycle: LifecycleResult, options: WholeLifeCostDataOptions = {}): WholeLifeCostRow[] {
  if (lifecycle.ledger === undefined) {
    throw new VbpInputError([{ code: "invalid_value", path: ["ledger"], message: "the lifecycle result has no ledger: evaluate it with { ledger: true } to chart costs by category and year" }]);
  }
  const discounted = options.discounted ?? true;
  const names = new Map(lifecycle.options.map((o) => [o.optionId, o.supplier !== undefined ? `${o.supplier} — ${o.name}` : o.name] as const));
  const perYear = lifecycle.period === "month" ? 12 : 1;
  const sums = new Map<string, { option: string; category: string; year: number; amount: Dec }>();
  for (const row of lifecycle.ledger) {
    const year = Math.ceil(row.period / perYear);
    const key = JSON.stringify([row.optionId, row.kind, year]);
    const amount = new Dec(discounted ? row.discounted : row.undiscounted);
    const s = sums.get(key);
    if (s === undefined) sums.set(key, { option: names.get(row.optionId) ?? row.optionId, category: row.kind, year, amount });
    else s.amount = s.amount.plus(amount);
  }
  return [...sums.values()].map((s) => ({ option: s.option, category: s.category, year: s.year, amount: s.amount.toNumber() }));
}

/**
 * Stacked bars of whole-life cost per year, one colour per category, one panel (row) per option, sharing the
 * cost axis so panels compare at a glance.
 *
 * @param rows - the segments ({@link wholeLifeCostData} makes them from a lifecycle result)
 * @param options - title, size (the height is per panel), and `currency` for the axis title
 * @throws VbpInputError when a row has no option or category, a year that is not a whole number ≥ 1, or an
 *   amount that is not finite
 * @example
 * ```ts
 * const doc = { currency: "GBP", priceBaseDate: "2026-04-01", horizonYears: 2, discounting: { schedule: "nice-3.5" }, volumes: { usesPerYear: 1000 }, comparatorId: "a",
 *   options: [
 *     { id: "a", name: "Scanner A", items: [{ id: "capital", kind: "acquisition", label: "Purchase", unitCost: "250000" }, { id: "service", kind: "maintenance", label: "Service", unitCost: "18000", startYear: 2 }] },
 *     { id: "b", name: "Scanner B", items: [{ id: "capital", kind: "acquisition", label: "Purchase", unitCost: "300000" }] },
 *   ] };
 * const result = evaluateLifecycle(doc, { ledger: true });
 * wholeLifeCostChart(wholeLifeCostData(result), { currency: "GBP" }).$schema; //=> "https://vega.github.io/schema/vega-lite/v5.json"
 * ```
 * @category Charts
 */
export function wholeLifeCostChart(rows: readonly WholeLifeCostRow[], options: ChartOptions & { readonly currency?: string } = {}): VegaLiteSpec {
  const issues = new IssueList();
  const values = issues.list(rows, [], "rows").map((r, i) => {
    const row = (r ?? {}) as Partial<WholeLifeCostRow>;
    const year = row.year;
    if (typeof year !== "number" || !Number.isInteger(year) || year < 1) issues.add("invalid_value", [i, "year"], `must be a whole number of years ≥ 1, got ${String(year)}`);
    return { option: issues.text(row.option, [i, "option"]), category: issues.text(row.category, [i, "category"]), year: Number(year), amount: issues.finite(row.amount, [i, "amount"]) };
  });
  issues.throwIfAny();
  const optionOrder = [...new Set(values.map((v) => v.option))];
  const unit = options.currency !== undefined ? ` (${options.currency})` : "";
  const base = spec(options, { title: "Whole-life cost by category and year", height: 140, description: "Stacked bars: cost per year by category, one panel per option." }, {});
  const { width, height, ...rest } = base;
  return {
    ...rest,
    data: { values },
    facet: { row: { field: "option", type: "nominal", sort: optionOrder, title: null, header: { labelAngle: 0, labelAlign: "left", labelAnchor: "start", labelOrient: "top", labelFontWeight: "bold", labelLimit: 480 } } },
    spec: {
      width: width ?? null,
      height: height ?? null,
      mark: { type: "bar", tooltip: true },
      encoding: {
        x: { field: "year", type: "ordinal", title: "Year", axis: { labelAngle: 0 } },
        y: { field: "amount", type: "quantitative", title: `Cost${unit}`, stack: "zero", axis: { format: "~s" } },
        color: { field: "category", type: "nominal", title: "Category", legend: { orient: "bottom", columns: 4 } },
        tooltip: [
          { field: "option", type: "nominal", title: "Option" },
          { field: "year", type: "ordinal", title: "Year" },
          { field: "category", type: "nominal", title: "Category" },
          { field: "amount", type: "quantitative", title: `Cost${unit}`, format: ",.2f" },
        ],
      },
    },
    resolve: { scale: { y: "shared" } },
  };
}
