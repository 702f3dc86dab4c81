/**
 * The charts of an evaluation report.
 *
 * @module
 */
import type { EvaluationResult } from "../evaluate/result.js";
import { carbonBySourceChart, carbonBySourceData } from "./carbonChart.js";
import { scoreBreakdownChart, scoreBreakdownData } from "./scoreBreakdownChart.js";
import type { VegaLiteSpec } from "./vegaLite.js";
import { wholeLifeCostChart, wholeLifeCostData } from "./wholeLifeCostChart.js";

/**
 * A chart with its place in a report.
 *
 * @example
 * ```ts
 * const spec = scoreBreakdownChart([{ option: "A", criterion: "Price", points: 40 }]);
 * const c: EvaluationChart = { id: "score-breakdown", title: "Tender points by criterion", spec };
 * ```
 * @category Charts
 */
export interface EvaluationChart {
  /** Stable id, e.g. "score-breakdown". */
  readonly id: string;
  /** Title, also the figure caption. */
  readonly title: string;
  /** The Vega-Lite specification. */
  readonly spec: VegaLiteSpec;
}

/**
 * The charts of an evaluation: the score breakdown (when options were scored), whole-life cost by category
 * and year (when options have lifecycle costs and the result kept its ledger: `evaluate(doc, { ledger: true
 * })`), and carbon per patient by source.
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
 * evaluationCharts(evaluate(doc, { ledger: true })).map((c) => c.id);
 * //=> ["score-breakdown", "carbon-by-source"] (and "whole-life-cost" when the options have lifecycle costs)
 * ```
 * @category Charts
 */
export function evaluationCharts(result: EvaluationResult): EvaluationChart[] {
  const out: EvaluationChart[] = [];
  const scores = scoreBreakdownData(result);
  if (scores.length > 0) {
    const title = "Tender points by criterion";
    out.push({ id: "score-breakdown", title, spec: scoreBreakdownChart(scores, { title }) });
  }
  const lifecycle = result.stages?.lifecycle;
  if (lifecycle?.ledger !== undefined && lifecycle.ledger.length > 0) {
    const title = `Whole-life cost by category and year (present value, ${result.currency})`;
    out.push({ id: "whole-life-cost", title, spec: wholeLifeCostChart(wholeLifeCostData(lifecycle), { title, currency: result.currency }) });
  }
  const carbon = result.stages === undefined ? [] : carbonBySourceData(result);
  if (carbon.length > 0) {
    const title = "Carbon per patient by source (kgCO2e)";
    out.push({ id: "carbon-by-source", title, spec: carbonBySourceChart(carbon, { title }) });
  }
  return out;
}
