/**
 * Rich display in notebooks: objects that Deno's Jupyter kernel (and any kernel honouring
 * `Symbol.for("Jupyter.display")`) shows as HTML tables and Vega-Lite charts instead of raw objects.
 *
 * @module
 */
import { evaluationTable, renderTextTable, type EvaluationTable } from "../evaluate/present.js";
import type { EvaluationResult } from "../evaluate/result.js";
import { escapeHtml, renderHtmlTable } from "./html.js";
import { VEGA_LITE_MIME, type VegaLiteSpec } from "./vegaLite.js";

/**
 * The symbol a notebook kernel calls to get an object's MIME bundle (`Symbol.for("Jupyter.display")`).
 *
 * @example
 * ```ts
 * const t = { headers: ["A"], rows: [["1"]], align: ["left"] } as const;
 * typeof richTable(t)[JUPYTER_DISPLAY]; //=> "function"
 * ```
 * @category Notebooks
 */
export const JUPYTER_DISPLAY: unique symbol = Symbol.for("Jupyter.display");

/**
 * A MIME bundle: representations of one value by MIME type (`text/plain` always present).
 *
 * @example
 * ```ts
 * const b: MimeBundle = { "text/plain": "A", "text/html": "<b>A</b>" };
 * ```
 * @category Notebooks
 */
export interface MimeBundle {
  /** Plain text, for consoles and for notebooks that show nothing richer. */
  readonly "text/plain": string;
  /** Other representations: `text/html`, `application/vnd.vegalite.v5+json`, … */
  readonly [mime: string]: unknown;
}

/**
 * A value that displays itself richly in a notebook: the last expression of a cell, or passed to
 * `Deno.jupyter.display(…)`. `bundle` is the same MIME bundle, for other front ends.
 *
 * @example
 * ```ts
 * const d: RichDisplay = richTable({ headers: ["A"], rows: [["1"]], align: ["left"] });
 * d.bundle["text/html"]; //=> "<table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
 * ```
 * @category Notebooks
 */
export interface RichDisplay {
  /** The MIME bundle shown. */
  readonly bundle: MimeBundle;
  /** Called by the notebook kernel. */
  readonly [JUPYTER_DISPLAY]: () => MimeBundle;
}

function rich(bundle: MimeBundle): RichDisplay {
  return Object.freeze({ bundle, [JUPYTER_DISPLAY]: () => bundle });
}

/**
 * A table that shows as an HTML table in a notebook (plain aligned text elsewhere).
 *
 * @param caption - optional caption
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
 * const result = evaluate(doc);
 * richTable(evaluationTable(result), "Ranked value table"); // last expression of a cell: an HTML table
 * ```
 * @category Notebooks
 */
export function richTable(table: EvaluationTable, caption?: string): RichDisplay {
  return rich({ "text/plain": `${caption !== undefined ? `${caption}\n\n` : ""}${renderTextTable(table)}`, "text/html": renderHtmlTable(table, caption) });
}

/**
 * A Vega-Lite chart that a notebook draws (JupyterLab, VS Code and nbconvert's HTML keep the
 * `application/vnd.vegalite.v5+json` output); the plain-text fallback names the chart.
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
 * const result = evaluate(doc);
 * richChart(scoreBreakdownChart(scoreBreakdownData(result)));
 * ```
 * @category Notebooks
 */
export function richChart(spec: VegaLiteSpec): RichDisplay {
  const title = typeof spec.title === "string" ? spec.title : "chart";
  return rich({ "text/plain": `[Vega-Lite chart: ${title}]`, [VEGA_LITE_MIME]: spec });
}

/**
 * An evaluation as a notebook shows it: the ranked value table and each option's explanation as HTML,
 * instead of the whole result object.
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
 * richEvaluation(evaluate(doc)); // last expression of a cell
 * ```
 * @category Notebooks
 */
export function richEvaluation(result: EvaluationResult): RichDisplay {
  const table = evaluationTable(result);
  const explanations = result.explanations.map((e) => `<details><summary>${escapeHtml(e.headline)}</summary><ul>${e.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul></details>`).join("");
  const text = `${result.title}\n\n${renderTextTable(table)}\n${result.explanations.map((e) => `${e.headline}\n${e.lines.map((l) => `  - ${l}`).join("\n")}`).join("\n\n")}\n`;
  return rich({ "text/plain": text, "text/html": `<div><strong>${escapeHtml(result.title)}</strong>${renderHtmlTable(table)}${explanations}</div>` });
}
