/**
 * The standalone HTML report of an evaluation: one printable page with no scripts and nothing to load.
 *
 * @module
 */
import { costEffectivenessTable, evaluationTable, referenceDataLines, type EvaluationTable } from "../evaluate/present.js";
import type { EvaluationResult } from "../evaluate/result.js";
import { cash, num } from "../evaluate/_internal/explain.js";
import { overviewWithLot, type AssessmentSummary } from "../scoring/summary.js";
import { checkInlineSvg, escapeHtml as esc, renderHtmlTable } from "./html.js";

/**
 * A chart rendered to SVG, ready to inline in a report.
 *
 * @example
 * ```ts
 * // the svg comes from renderChartSvg(spec) of "vbp-score/svg"
 * const c: RenderedChart = { id: "score-breakdown", title: "Tender points", svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>' };
 * ```
 * @category Reports
 */
export interface RenderedChart {
  /** Stable id (the figure's HTML id). */
  readonly id: string;
  /** Caption. */
  readonly title: string;
  /** One inert `<svg>` element (no scripts, links or external references: checked). */
  readonly svg: string;
}

/**
 * Options of {@link evaluationHtmlReport}.
 *
 * @example
 * ```ts
 * // charts: await renderEvaluationCharts(result) from "vbp-score/svg" renders every chart of the evaluation
 * const o: HtmlReportOptions = { charts: [{ id: "points", title: "Tender points", svg: '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>' }], summaries: true };
 * ```
 * @category Reports
 */
export interface HtmlReportOptions {
  /**
   * Charts to show, already rendered to SVG (`renderEvaluationCharts` from `vbp-score/svg` renders
   * {@link evaluationCharts} in Node). Without them the report has tables only.
   */
  readonly charts?: readonly RenderedChart[];
  /** Include the assessment summaries (default `true`). */
  readonly summaries?: boolean;
}

const STYLE = `
:root{color-scheme:light;--ink:#111827;--muted:#4b5563;--rule:#d1d5db;--band:#f3f4f6;--accent:#1d4ed8}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:1200px;margin:0 auto;padding:24px 32px 48px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:2px solid var(--rule);padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}
p.basis,p.note{color:var(--muted)}
nav ol{columns:2;margin:8px 0 0;padding-left:20px}
nav a{color:var(--accent);text-decoration:none}
div.wide{overflow-x:auto}
table{border-collapse:collapse;font-size:13px;margin:8px 0 12px;width:auto;max-width:100%;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{padding:4px 8px;border-bottom:1px solid var(--rule);text-align:left;vertical-align:top}
th{background:var(--band);font-weight:600}
td.num,th.num{text-align:right;white-space:nowrap}
figure{margin:12px 0 20px;break-inside:avoid}
figure svg{max-width:100%;height:auto}
ul{padding-left:20px}li{margin:2px 0}
section.summary{border:1px solid var(--rule);border-radius:6px;padding:4px 16px 8px;margin:12px 0;break-inside:avoid-page}
.pass{color:#166534}.fail{color:#991b1b}
footer{margin-top:32px;color:var(--muted);font-size:12px}
@media print{main{max-width:none;padding:0}div.wide{overflow:visible}table{font-size:10px}h2{break-after:avoid}table,figure{break-inside:avoid}nav{display:none}a{color:inherit}}
@page{size:A4;margin:15mm}
`;

/**
 * One standalone, printable HTML page of an evaluation: the ranked value table, charts (when given), the
 * cost-effectiveness table, cost and carbon by part, each option's explanation, warnings, assumptions and
 * data sources, and the Procurement Act 2023 s50 assessment summaries. Inline CSS, no scripts, no external
 * resources: it opens offline and prints as it shows. Every text from the document is escaped.
 *
 * @param result - an evaluation ({@link evaluate}; pass `{ summaries: true }` there for the summaries)
 * @param options - rendered charts, and whether to include the summaries
 * @throws VbpInputError (`charts[i].svg`) when a chart is not one inert `<svg>` element
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
 * const result = evaluate(doc, { ledger: true });
 * // with charts: evaluationHtmlReport(result, { charts: await renderEvaluationCharts(result) }), renderEvaluationCharts from "vbp-score/svg"
 * const html = evaluationHtmlReport(result);
 * html.startsWith("<!DOCTYPE html>"); //=> true
 * ```
 * @category Reports
 */
export function evaluationHtmlReport(result: EvaluationResult, options: HtmlReportOptions = {}): string {
  const charts = (options.charts ?? []).map((c, i) => ({ id: String(c.id).replace(/[^A-Za-z0-9_-]/g, "-"), title: c.title, svg: checkInlineSvg(c.svg, ["charts", i, "svg"]) }));
  const withSummaries = options.summaries ?? true;
  const sections: { id: string; title: string; html: string }[] = [];
  const add = (id: string, title: string, html: string) => sections.push({ id, title, html });

  add("ranking", "Ranked value table", `${table(evaluationTable(result))}<p class="basis">${esc(basis(result))}</p>`);
  if (charts.length > 0) {
    add(
      "charts",
      "Charts",
      charts.map((c) => `<figure id="chart-${esc(c.id)}" role="img" aria-label="${esc(c.title)}">${c.svg}</figure>`).join(""),
    );
  }
  add("cost-effectiveness", "Cost-effectiveness (per patient)", table(costEffectivenessTable(result)));
  add("breakdown", "Cost and carbon per patient, by part", table(breakdownTable(result)));
  add("explanations", "Why each option scored as it did", result.explanations.map((e) => `<h3>${esc(e.headline)}</h3>${list(e.lines)}`).join(""));
  if (result.warnings.length > 0) add("warnings", "Warnings", list(result.warnings.map((w) => (w.path.length > 0 ? `${pathText(w.path)}: ${w.message}` : w.message))));
  add("sources", "Assumptions and data sources", list(referenceDataLines(result)));
  if (withSummaries && result.assessmentSummaries.length > 0) {
    add("summaries", "Assessment summaries (Procurement Act 2023 s50)", result.assessmentSummaries.map((s) => summaryHtml(s.summary)).join(""));
  }

  const nav = `<nav aria-label="Contents"><ol>${sections.map((s) => `<li><a href="#${s.id}">${esc(s.title)}</a></li>`).join("")}</ol></nav>`;
  const body = sections.map((s) => `<section id="${s.id}"><h2>${esc(s.title)}</h2>${s.html}</section>`).join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="generator" content="vbp-score">
<title>${esc(result.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header><h1>${esc(result.title)}</h1><p class="basis">${esc(`${result.currency} · price base ${result.priceBaseDate} · ${result.horizonYears}-year horizon · ${num(result.patientsPerYear, 0)} patients a year`)}</p>${nav}</header>
${body}
<footer>Made by vbp-score from the evaluation document. Every figure is reproducible from the document and the reference data listed above.</footer>
</main>
</body>
</html>
`;
}

function table(t: EvaluationTable): string {
  return `<div class="wide">${renderHtmlTable(t)}</div>`;
}

function list(lines: readonly string[]): string {
  return lines.length === 0 ? "" : `<ul>${lines.map((l) => `<li>${esc(l)}</li>`).join("")}</ul>`;
}

function breakdownTable(result: EvaluationResult): EvaluationTable {
  return {
    headers: ["Option", "Lifecycle", "Pathway", "Carbon (monetised)", "Whole pathway", "kgCO2e pathway", "kgCO2e product", "kgCO2e total"],
    rows: result.options.map((o) => [
      `${o.supplier} — ${o.label}${o.isComparator ? " (comparator)" : ""}`,
      o.costs.lifecycle === undefined ? "not opened" : cash(o.costs.lifecycle, result.currency),
      cash(o.costs.pathway, result.currency),
      cash(o.costs.carbonExternality, result.currency),
      o.costs.wholePathway === undefined ? "not opened" : cash(o.costs.wholePathway, result.currency),
      num(o.carbon.pathwayKgPerPatient, 2),
      num(o.carbon.productKgPerPatient, 2),
      num(o.carbon.kgPerPatient, 2),
    ]),
    align: ["left", "right", "right", "right", "right", "right", "right", "right"],
  };
}

function basis(r: EvaluationResult): string {
  const d = r.referenceData.discounting;
  const t = r.referenceData.threshold;
  return (
    `Per patient, discounted to ${r.priceBaseDate} (costs: ${d.costs.label}; health: ${d.health.label}; ${d.timing.position} of year), ` +
    `${r.horizonYears} years × ${num(r.patientsPerYear, 0)} patients a year; amounts in ${r.currency}` +
    (t !== undefined ? `; NMB at ${cash(t.perQaly, r.currency)} per QALY (${t.id}${t.bound !== undefined ? `, ${t.bound} bound` : ""}${t.programme !== undefined ? `, ${t.programme} programme` : ""})` : "") +
    ". The comparator (current practice) is the reference and is not scored."
  );
}

function summaryHtml(s: AssessmentSummary): string {
  const out: string[] = [];
  out.push(`<section class="summary" id="summary-${esc(s.optionId)}"><h3>${esc(`${s.supplier} — ${s.label}`)}</h3>`);
  out.push(`<p>${esc(overviewWithLot(s))}</p>`);
  const scored = s.lines.filter((l) => l.kind !== "pass-fail");
  const vs = s.winner !== undefined && !s.isWinner;
  if (scored.length > 0) {
    const headers = ["Criterion", "Max", "Your points", "Your assessment", ...(vs ? ["Winner's points", "Winner's assessment"] : [])];
    const rows = scored.map((l) => [l.label, num(l.maxPoints, 2), num(l.points, 2), l.assessed ?? "", ...(vs ? [l.winnerPoints !== undefined ? num(l.winnerPoints, 2) : "", l.winnerAssessed ?? ""] : [])]);
    rows.push(["Total", "100.00", s.totalPoints === undefined ? "no total" : num(s.totalPoints, 2), "", ...(vs ? [num(s.winner?.totalPoints ?? "0", 2), ""] : [])]);
    out.push(renderHtmlTable({ headers, rows, align: headers.map((h) => (h === "Max" || h.endsWith("points") ? "right" : "left")) }));
  }
  out.push("<h4>Reasons</h4><ul>");
  for (const l of s.lines) {
    const sub: string[] = [];
    if (l.kind === "qualitative" && l.reason !== undefined) sub.push(`Moderated reason: ${l.reason}`);
    if ((l.kind === "price" || l.kind === "quantitative") && l.reason !== undefined) sub.push(`How scored: ${l.reason}`);
    for (const e of l.evaluatorReasons) sub.push(`Evaluator ${e.evaluatorId} (level ${e.level}): ${e.reason}`);
    if (l.winnerReason !== undefined) sub.push(`Most advantageous tender: ${l.winnerReason}`);
    out.push(`<li><strong>${esc(l.label)}</strong>: ${esc(l.comparison)}${list(sub)}</li>`);
  }
  out.push("</ul>");
  if (s.gates.length > 0) {
    out.push(`<h4>Gates</h4><ul>${s.gates.map((g) => `<li class="${g.passed ? "pass" : "fail"}">${g.passed ? "Passed" : "Failed"}: ${esc(g.reason)}</li>`).join("")}</ul>`);
  }
  out.push("</section>");
  return out.join("");
}

function pathText(path: readonly (string | number)[]): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s === "" ? p : `.${p}`;
  return s;
}
