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
 * evaluationCharts(evaluate(doc, { ledger: true })).map((c) => c.id);
 * //=> ["score-breakdown", "whole-life-cost", "carbon-by-source"]
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
  const carbon = carbonBySourceData(result);
  if (carbon.length > 0) {
    const title = "Carbon per patient by source (kgCO2e)";
    out.push({ id: "carbon-by-source", title, spec: carbonBySourceChart(carbon, { title }) });
  }
  return out;
}
