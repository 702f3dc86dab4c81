/**
 * `vbp-score/svg`: renders the library's Vega-Lite charts to SVG in Node, through vega's headless view, and
 * writes the HTML report with its charts. Node-only: it loads `vega` and `vega-lite`, which the browser-safe
 * core never imports (a browser page draws the same specifications with vega-embed).
 *
 * @packageDocumentation
 */
import { parse, View } from "vega";
import { compile } from "vega-lite";
import { evaluationCharts } from "./present/evaluationCharts.js";
import { evaluationHtmlReport, type HtmlReportOptions, type RenderedChart } from "./present/htmlReport.js";
import type { VegaLiteSpec } from "./present/vegaLite.js";
import type { EvaluationResult } from "./evaluate/result.js";
import { VbpInputError } from "./errors/VbpInputError.js";

export type { RenderedChart, HtmlReportOptions } from "./present/htmlReport.js";
export type { VegaLiteSpec } from "./present/vegaLite.js";
export type { EvaluationResult } from "./evaluate/result.js";

/**
 * Renders a Vega-Lite specification to an SVG string with vega's headless view (no browser, no canvas: text
 * widths are estimated). The specification must carry its data inline, as the library's chart builders do;
 * one that points at a URL is refused, and the view's loader refuses every request, so nothing is fetched.
 *
 * @param spec - a Vega-Lite specification (from any of the chart builders)
 * @returns one `<svg>` element
 * @throws VbpInputError (at the `data.url` path) when the specification points at data to load
 * @example
 * ```ts
 * import { renderChartSvg } from "vbp-score/svg";
 * const svg = await renderChartSvg(scoreBreakdownChart([{ option: "A", criterion: "Price", points: 40, maxPoints: 40 }]));
 * svg.startsWith("<svg"); //=> true
 * ```
 * @category Charts
 */
export async function renderChartSvg(spec: VegaLiteSpec): Promise<string> {
  const url = findDataUrl(spec, []);
  if (url !== undefined) {
    throw new VbpInputError([{ code: "invalid_value", path: url, message: "charts must carry their data inline (data.values): rendering never loads anything" }]);
  }
  const problems: string[] = [];
  const vega = compile(spec as never, { logger: collect(problems) as never }).spec;
  const view = new View(parse(vega), { renderer: "none", loader: noLoader() as never, logger: collect(problems) as never });
  try {
    const svg = await view.toSVG();
    const errors = problems.filter((p) => p.startsWith("error"));
    if (errors.length > 0) throw new Error(`vbp-score/svg: the chart did not render: ${errors.join("; ")}`);
    return svg;
  } finally {
    view.finalize();
  }
}

/** The path of the first `data.url` in a specification, if any. */
function findDataUrl(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findDataUrl(value[i], [...path, i]);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value !== "object" || value === null) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (k === "data" && typeof v === "object" && v !== null && "url" in v) return [...path, "data", "url"];
    const found = findDataUrl(v, [...path, k]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** A vega logger that keeps warnings and errors instead of printing them. */
function collect(into: string[]) {
  const logger = {
    level: () => logger,
    error: (...m: unknown[]) => (into.push(`error: ${m.map(String).join(" ")}`), logger),
    warn: (...m: unknown[]) => (into.push(`warn: ${m.map(String).join(" ")}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/** A vega loader that refuses every request: charts carry their data, so any load is a mistake. */
function noLoader() {
  const refuse = (what: string) => Promise.reject(new Error(`vbp-score/svg: charts must carry their data inline; refused to load ${what}`));
  return { load: (uri: string) => refuse(uri), sanitize: (uri: string) => refuse(uri), http: (uri: string) => refuse(uri), file: (path: string) => refuse(path) };
}

/**
 * The charts of an evaluation ({@link evaluationCharts}) rendered to SVG, ready for
 * {@link evaluationHtmlReport}.
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
 * const charts = await renderEvaluationCharts(evaluate(doc, { ledger: true }));
 * charts.map((c) => c.id); //=> ["score-breakdown", "carbon-by-source"]
 * ```
 * @category Charts
 */
export async function renderEvaluationCharts(result: EvaluationResult): Promise<RenderedChart[]> {
  const out: RenderedChart[] = [];
  for (const c of evaluationCharts(result)) out.push({ id: c.id, title: c.title, svg: await renderChartSvg(c.spec) });
  return out;
}

/**
 * The standalone HTML report of an evaluation with its charts rendered to inline SVG: one printable page,
 * no scripts, nothing to load at view time.
 *
 * @param result - an evaluation; `evaluate(doc, { ledger: true, summaries: true })` gives every chart and the
 *   assessment summaries
 * @param options - `summaries` (default `true`); `charts` replaces the rendered ones
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
 * const html = await evaluationHtmlReportWithCharts(evaluate(doc, { ledger: true, summaries: true }));
 * // in Node: writeFileSync("report.html", html) (import { writeFileSync } from "node:fs")
 * html.startsWith("<!DOCTYPE html>"); //=> true
 * ```
 * @category Reports
 */
export async function evaluationHtmlReportWithCharts(result: EvaluationResult, options: HtmlReportOptions = {}): Promise<string> {
  const charts = options.charts ?? (await renderEvaluationCharts(result));
  return evaluationHtmlReport(result, { ...options, charts });
}
