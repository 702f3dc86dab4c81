/**
 * Carbon by source: each option's kgCO2e per patient as a stacked bar, one segment per source.
 *
 * @module
 */
import { Dec } from "../_lib/decimal.js";
import { VbpInputError } from "../errors/VbpInputError.js";
import type { EvaluationResult } from "../evaluate/result.js";
import { IssueList, spec, type ChartOptions, type VegaLiteSpec } from "./vegaLite.js";

/**
 * One bar segment: an option's carbon from one source.
 *
 * @example
 * ```ts
 * const row: CarbonBySourceRow = { option: "Acme — PICO 7", source: "embodied", kgCO2e: 1.2 };
 * ```
 * @category Charts
 */
export interface CarbonBySourceRow {
  /** The option (one bar per distinct value, in first-seen order). */
  readonly option: string;
  /** Where the emissions come from (one colour per distinct value). */
  readonly source: string;
  /** kgCO2e (a number or a decimal string). */
  readonly kgCO2e: number | string;
}

/** The source name used for the patient pathway's carbon (bed days, theatre time, visits…). */
const PATHWAY_SOURCE = "patient pathway";

/**
 * Carbon rows per patient from an evaluation: the patient pathway's carbon as one source, and the product
 * footprint split by its sources (embodied, transport, use, waste…). A product source's share per patient is
 * its share of the product's total footprint times the product's kgCO2e per patient, so each option's
 * segments add up to its kgCO2e per patient.
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
 * carbonBySourceData(evaluate(doc))[0];
 * //=> { option: "Current practice — Standard dressing (comparator)", source: "patient pathway", kgCO2e: 111 }
 * ```
 * @category Charts
 */
export function carbonBySourceData(result: EvaluationResult): CarbonBySourceRow[] {
  if (result.stages === undefined) {
    throw new VbpInputError([{ code: "invalid_value", path: ["stages"], message: 'carbon by source needs a result evaluated with detail "full" (a compact catalogue result has no stage detail)' }]);
  }
  const footprints = new Map(result.stages.carbon.options.map((o) => [o.optionId, o] as const));
  const out: CarbonBySourceRow[] = [];
  for (const o of result.options) {
    const option = `${o.supplier} — ${o.label}${o.isComparator ? " (comparator)" : ""}`;
    out.push({ option, source: PATHWAY_SOURCE, kgCO2e: Number(o.carbon.pathwayKgPerPatient) });
    const f = footprints.get(o.optionId);
    const total = f === undefined ? undefined : new Dec(f.totalKgCO2e);
    if (f === undefined || total === undefined || total.isZero()) continue;
    const perPatient = new Dec(o.carbon.productKgPerPatient);
    for (const s of f.bySource) out.push({ option, source: s.source, kgCO2e: new Dec(s.kgCO2e).div(total).times(perPatient).toNumber() });
  }
  return out;
}

/**
 * Stacked horizontal bars of carbon per option, one segment per source.
 *
 * @param rows - the segments ({@link carbonBySourceData} makes them from an evaluation)
 * @param options - title, size, and `unit` for the axis title (default "kgCO2e per patient")
 * @throws VbpInputError when a row has no option or source, or kgCO2e that is not a finite number
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
 * carbonBySourceChart(carbonBySourceData(evaluate(doc))).$schema; //=> "https://vega.github.io/schema/vega-lite/v5.json"
 * ```
 * @category Charts
 */
export function carbonBySourceChart(rows: readonly CarbonBySourceRow[], options: ChartOptions & { readonly unit?: string } = {}): VegaLiteSpec {
  const issues = new IssueList();
  const values = issues.list(rows, [], "rows").map((r, i) => {
    const row = (r ?? {}) as Partial<CarbonBySourceRow>;
    return { option: issues.text(row.option, [i, "option"]), source: issues.text(row.source, [i, "source"]), kgCO2e: issues.finite(row.kgCO2e, [i, "kgCO2e"]) };
  });
  issues.throwIfAny();
  const optionOrder = [...new Set(values.map((v) => v.option))];
  const sourceOrder = [...new Set(values.map((v) => v.source))];
  const unit = options.unit ?? "kgCO2e per patient";
  return spec(
    options,
    { title: "Carbon by source", height: Math.max(60, 28 * optionOrder.length), description: "Stacked bars: kgCO2e per option, one segment per source." },
    {
      data: { values: values.map((v) => ({ ...v, order: sourceOrder.indexOf(v.source) })) },
      mark: { type: "bar", tooltip: true },
      encoding: {
        y: { field: "option", type: "nominal", sort: optionOrder, title: null, axis: { labelLimit: 320 } },
        x: { field: "kgCO2e", type: "quantitative", title: unit, stack: "zero" },
        color: { field: "source", type: "nominal", sort: sourceOrder, title: "Source", legend: { orient: "bottom", columns: 3 } },
        order: { field: "order", type: "ordinal" },
        tooltip: [
          { field: "option", type: "nominal", title: "Option" },
          { field: "source", type: "nominal", title: "Source" },
          { field: "kgCO2e", type: "quantitative", title: unit, format: ",.3f" },
        ],
      },
    },
  );
}
