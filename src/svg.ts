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

export type { RenderedChart, HtmlReportOptions } from "./present/htmlReport.js";
export type { VegaLiteSpec } from "./present/vegaLite.js";
export type { EvaluationResult } from "./evaluate/result.js";

/**
 * Renders a Vega-Lite specification to an SVG string with vega's headless view (no browser, no canvas: text
 * widths are estimated). The specification must carry its data inline, as the library's chart builders do;
 * the view is given no loader, so nothing is fetched.
 *
 * @param spec - a Vega-Lite specification (from any of the chart builders)
 * @returns one `<svg>` element
 * @example
 * ```ts
 * import { renderChartSvg } from "vbp-score/svg";
 * const svg = await renderChartSvg(scoreBreakdownChart(scoreBreakdownData(result)));
 * ```
 * @category Charts
 */
export async function renderChartSvg(spec: VegaLiteSpec): Promise<string> {
  const vega = compile(spec as never).spec;
  const view = new View(parse(vega), { renderer: "none", loader: noLoader() as never });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
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
 * const charts = await renderEvaluationCharts(evaluate(doc, { ledger: true }));
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
 * import { writeFileSync } from "node:fs";
 * writeFileSync("report.html", await evaluationHtmlReportWithCharts(evaluate(doc, { ledger: true, summaries: true })));
 * ```
 * @category Reports
 */
export async function evaluationHtmlReportWithCharts(result: EvaluationResult, options: HtmlReportOptions = {}): Promise<string> {
  const charts = options.charts ?? (await renderEvaluationCharts(result));
  return evaluationHtmlReport(result, { ...options, charts });
}
