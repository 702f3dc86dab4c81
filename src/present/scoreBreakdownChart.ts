/**
 * Score breakdown: each option's tender points as a stacked bar, one segment per top-level criterion.
 *
 * @module
 */
import type { EvaluationResult } from "../evaluate/result.js";
import { IssueList, spec, type ChartOptions, type VegaLiteSpec } from "./vegaLite.js";

/**
 * One segment of the score breakdown: the points an option scored on one top-level criterion.
 *
 * @example
 * ```ts
 * const row: ScoreBreakdownRow = { option: "Acme — PICO 7", criterion: "Whole-life cost", points: 38.5, maxPoints: 40 };
 * ```
 * @category Charts
 */
export interface ScoreBreakdownRow {
  /** The option as shown on the axis (one bar per distinct value, in first-seen order). */
  readonly option: string;
  /** The criterion (one colour per distinct value, in first-seen order). */
  readonly criterion: string;
  /** Points scored (a number or a decimal string). */
  readonly points: number | string;
  /** Points available on this criterion (shown in the tooltip). */
  readonly maxPoints?: number | string;
}

/**
 * The score breakdown rows of an evaluation: ranked options first (in rank order), then excluded ones; the
 * comparator is not scored and has no bar.
 *
 * @example
 * ```ts
 * const doc = { title: "Wound dressings", currency: "GBP", priceBaseDate: "2026-04-01", horizonYears: 1, discounting: {}, patientsPerYear: "100",
 *   pathway: { id: "ssi", parameters: [{ id: "p_ssi", value: "0.1" }], tree: { root: "surgery", nodes: [
 *     { id: "surgery", items: [{ id: "bed", category: "bed-days", quantity: 3, unitCost: 400, carbonKgPerUnit: 30 }],
 *       branches: [{ to: "ssi", probability: { param: "p_ssi" } }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: 7, unitCost: 400, carbonKgPerUnit: 30 }], qalys: "-0.02" },
 *     { id: "healed" },
 *   ] } },
 *   options: [
 *     { id: "current", supplier: "Current practice", label: "Standard dressing", isComparator: true, price: "5" },
 *     { id: "a", supplier: "Acme", label: "Dressing A", price: "100", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }] },
 *     { id: "b", supplier: "Bramley", label: "Dressing B", price: "60", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.8" }] },
 *   ],
 *   tender: { criteria: [
 *     { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 *     { id: "cost", label: "Whole-pathway cost", kind: "quantitative", weight: "60", valueFunction: { fn: "linear", direction: "lower-is-better", params: { lower: "1300", upper: "1500" } } },
 *   ] },
 *   criterionMetrics: { cost: "wholePathwayCostPerPatient" },
 * };
 * scoreBreakdownData(evaluate(doc))[0]; //=> { option: "1. Acme — Dressing A", criterion: "Price", points: 24, maxPoints: 40 }
 * ```
 * @category Charts
 */
export function scoreBreakdownData(result: EvaluationResult): ScoreBreakdownRow[] {
  const lots = new Set(result.ranking.map((r) => r.lot));
  const out: ScoreBreakdownRow[] = [];
  for (const r of result.ranking) {
    if (r.status === "comparator") continue;
    const name = `${lots.size > 1 ? `${r.lot}: ` : ""}${r.rank !== undefined ? `${r.rank}. ` : "(excluded) "}${r.supplier} — ${r.label}`;
    for (const p of r.points) out.push({ option: name, criterion: p.label, points: Number(p.points), maxPoints: Number(p.maxPoints) });
  }
  return out;
}

/**
 * A stacked horizontal bar chart of tender points: one bar per option (in the order given), one segment per
 * criterion, the bar's length the total.
 *
 * @param rows - the segments ({@link scoreBreakdownData} makes them from an evaluation)
 * @throws VbpInputError when a row has no option or criterion name, or points that are not a finite number
 * @example
 * ```ts
 * const doc = { title: "Wound dressings", currency: "GBP", priceBaseDate: "2026-04-01", horizonYears: 1, discounting: {}, patientsPerYear: "100",
 *   pathway: { id: "ssi", parameters: [{ id: "p_ssi", value: "0.1" }], tree: { root: "surgery", nodes: [
 *     { id: "surgery", items: [{ id: "bed", category: "bed-days", quantity: 3, unitCost: 400, carbonKgPerUnit: 30 }],
 *       branches: [{ to: "ssi", probability: { param: "p_ssi" } }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: 7, unitCost: 400, carbonKgPerUnit: 30 }], qalys: "-0.02" },
 *     { id: "healed" },
 *   ] } },
 *   options: [
 *     { id: "current", supplier: "Current practice", label: "Standard dressing", isComparator: true, price: "5" },
 *     { id: "a", supplier: "Acme", label: "Dressing A", price: "100", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }] },
 *     { id: "b", supplier: "Bramley", label: "Dressing B", price: "60", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.8" }] },
 *   ],
 *   tender: { criteria: [
 *     { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 *     { id: "cost", label: "Whole-pathway cost", kind: "quantitative", weight: "60", valueFunction: { fn: "linear", direction: "lower-is-better", params: { lower: "1300", upper: "1500" } } },
 *   ] },
 *   criterionMetrics: { cost: "wholePathwayCostPerPatient" },
 * };
 * const spec = scoreBreakdownChart(scoreBreakdownData(evaluate(doc)));
 * ```
 * @category Charts
 */
export function scoreBreakdownChart(rows: readonly ScoreBreakdownRow[], options: ChartOptions = {}): VegaLiteSpec {
  const issues = new IssueList();
  const list = issues.list(rows, [], "rows");
  const values = list.map((r, i) => {
    const row = (r ?? {}) as Partial<ScoreBreakdownRow>;
    return {
      option: issues.text(row.option, [i, "option"]),
      criterion: issues.text(row.criterion, [i, "criterion"]),
      points: issues.finite(row.points, [i, "points"]),
      ...(row.maxPoints !== undefined ? { maxPoints: issues.finite(row.maxPoints, [i, "maxPoints"]) } : {}),
    };
  });
  issues.throwIfAny();
  const optionOrder = [...new Set(values.map((v) => v.option))];
  const criterionOrder = [...new Set(values.map((v) => v.criterion))];
  return spec(
    options,
    { title: "Tender points by criterion", height: Math.max(60, 28 * optionOrder.length), description: "Stacked bars: points per option, one segment per criterion." },
    {
      data: { values: values.map((v) => ({ ...v, order: criterionOrder.indexOf(v.criterion) })) },
      mark: { type: "bar", tooltip: true },
      encoding: {
        y: { field: "option", type: "nominal", sort: optionOrder, title: null, axis: { labelLimit: 320 } },
        x: { field: "points", type: "quantitative", title: "Points", stack: "zero" },
        color: { field: "criterion", type: "nominal", sort: criterionOrder, title: "Criterion", legend: { orient: "bottom", columns: 2 } },
        order: { field: "order", type: "ordinal" },
        tooltip: [
          { field: "option", type: "nominal", title: "Option" },
          { field: "criterion", type: "nominal", title: "Criterion" },
          { field: "points", type: "quantitative", title: "Points", format: ".2f" },
          ...(values.some((v) => "maxPoints" in v) ? [{ field: "maxPoints", type: "quantitative", title: "Available", format: ".2f" }] : []),
        ],
      },
    },
  );
}
