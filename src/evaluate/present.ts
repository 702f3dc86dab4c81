/**
 * Presentation of an evaluation: the ranked value table (text, CSV, Markdown) and a Markdown report. Pure
 * functions over the result.
 *
 * @module
 */
import { Dec, decString } from "../_lib/decimal.js";
import type { PathwayResult } from "../pathway/types.js";
import type { EvaluationResult, RankedRow } from "./result.js";
import { cash, num } from "./_internal/explain.js";
import { escapeMarkdownText, spreadsheetSafeText } from "./_internal/escape.js";
import { formatAmount } from "../money/formatAmount.js";
import { roundToTotal } from "../scoring/display.js";

/**
 * A table as data: header labels, rows of string cells and per-column alignment.
 *
 * @example
 * ```ts
 * const t: EvaluationTable = { headers: ["Rank"], rows: [["1"]], align: ["right"] };
 * ```
 */
export interface EvaluationTable {
  /** Column labels. */
  readonly headers: readonly string[];
  /** Rows, one cell per header. */
  readonly rows: readonly (readonly string[])[];
  /** Alignment per column. */
  readonly align: readonly ("left" | "right")[];
}

function topCriteria(result: EvaluationResult): { id: string; label: string }[] {
  // Every row's criteria, in tree order: a bid excluded before price lacks the criteria it had no points on.
  const seen = new Map<string, string>();
  for (const r of result.ranking) for (const p of r.points) if (!seen.has(p.criterionId)) seen.set(p.criterionId, p.label);
  return [...seen].map(([id, label]) => ({ id, label }));
}

/**
 * The ranked value table as data. `exact: true` keeps every digit (for CSV); otherwise money is shown to the
 * penny, points to 2 places, QALYs to 4 and carbon to 2.
 *
 * Columns: rank, supplier, product, total points, points per top-level criterion, whole-pathway cost per
 * patient, QALYs per patient, NMB per patient (when a threshold is set), kgCO2e per patient, gate status.
 *
 * @example
 * ```ts
 * // A tender with several lots (the worked tender has two) starts with the lot; one lot starts with "Rank".
 * evaluationTable(result).headers[0]; //=> "Lot"
 * ```
 */
export function evaluationTable(result: EvaluationResult, options: { readonly exact?: boolean; readonly locale?: string | undefined } = {}): EvaluationTable {
  const exact = options.exact ?? false;
  const crit = topCriteria(result);
  const hasNmb = result.referenceData.threshold !== undefined;
  const lots = new Set(result.ranking.map((r) => r.lot));
  const showLot = lots.size > 1;
  const money = (v: string) => (exact ? v : options.locale !== undefined ? formatAmount(v, result.currency, { locale: options.locale }) : cash(v, result.currency));
  const headers = [
    ...(showLot ? ["Lot"] : []),
    "Rank",
    "Supplier",
    "Product",
    "Total",
    ...crit.map((c) => c.label),
    `Cost/patient${exact ? ` (${result.currency})` : ""}`,
    "QALYs/patient",
    ...(hasNmb ? [`NMB/patient${exact ? ` (${result.currency})` : ""}`] : []),
    "kgCO2e/patient",
    "Gates",
  ];
  const rows = result.ranking.map((r: RankedRow) => {
    // Shown points follow DISPLAY_RULE: the criterion columns add up exactly to the shown total.
    const shown = roundToTotal(r.points.map((p) => p.points));
    const isSum = r.total !== "" && r.points.length > 0 && new Dec(r.total).eq(r.points.reduce((a, p) => a.plus(new Dec(p.points)), new Dec(0)));
    const pts = new Map(r.points.map((p, i) => [p.criterionId, exact ? p.points : (shown.parts[i] as string)] as const));
    return [
      ...(showLot ? [r.lot] : []),
      r.rank !== undefined ? String(r.rank) : r.status === "comparator" ? "ref" : "-",
      r.supplier,
      r.label,
      r.total === "" ? (r.status === "excluded" ? "no total" : "") : exact ? r.total : isSum ? shown.total : num(r.total, 2),
      ...crit.map((c) => pts.get(c.id) ?? (r.status === "excluded" ? "not opened" : "")),
      r.wholePathwayCostPerPatient === "" ? "not opened" : money(r.wholePathwayCostPerPatient),
      exact ? r.qalysPerPatient : num(r.qalysPerPatient, 4),
      ...(hasNmb ? [r.netMonetaryBenefitPerPatient === undefined ? "" : money(r.netMonetaryBenefitPerPatient)] : []),
      exact ? r.carbonKgPerPatient : num(r.carbonKgPerPatient, 2),
      r.gates,
    ];
  });
  const left = new Set(["Lot", "Supplier", "Product", "Gates"]);
  return { headers, rows, align: headers.map((h) => (left.has(h) ? "left" : "right")) };
}

function width(s: string): number {
  return [...s].length;
}

/**
 * Renders a table as aligned plain text (two spaces between columns, a rule under the header).
 *
 * @example
 * ```ts
 * renderTextTable({ headers: ["A"], rows: [["1"]], align: ["right"] }); //=> "A\n-\n1\n"
 * ```
 */
export function renderTextTable(t: EvaluationTable): string {
  const widths = t.headers.map((h, i) => Math.max(width(h), ...t.rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    widths
      .map((w, i) => {
        const c = cells[i] ?? "";
        const fill = " ".repeat(Math.max(0, w - width(c)));
        return t.align[i] === "right" ? fill + c : c + fill;
      })
      .join("  ")
      .replace(/\s+$/, "");
  return `${[line(t.headers), widths.map((w) => "-".repeat(w)).join("  "), ...t.rows.map(line)].join("\n")}\n`;
}

/**
 * Renders a table as GitHub-flavoured Markdown. Raw HTML in a cell is escaped (shown as written, never
 * rendered), as are `|` and line breaks.
 *
 * @example
 * ```ts
 * renderMarkdownTable({ headers: ["A"], rows: [["1"]], align: ["right"] }); //=> "| A |\n| --: |\n| 1 |\n"
 * ```
 */
export function renderMarkdownTable(t: EvaluationTable): string {
  const esc = (c: string) => escapeMarkdownText(c).replace(/\|/g, "\\|").replace(/\r?\n|\r/g, " ");
  const out = [`| ${t.headers.map(esc).join(" | ")} |`, `| ${t.align.map((a) => (a === "right" ? "--:" : "---")).join(" | ")} |`, ...t.rows.map((r) => `| ${r.map(esc).join(" | ")} |`)];
  return `${out.join("\n")}\n`;
}

/**
 * Renders a table as RFC 4180 CSV (CRLF line ends; quotes where needed).
 *
 * @example
 * ```ts
 * renderCsvTable({ headers: ["A", "B"], rows: [["1", "x,y"]], align: ["left", "left"] }); //=> 'A,B\r\n1,"x,y"\r\n'
 * ```
 */
export function renderCsvTable(t: EvaluationTable): string {
  const cell = (c: string) => (/[",\r\n]|^\s|\s$/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return [t.headers, ...t.rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

/**
 * The ranked value table as aligned text, followed by a one-line note of the basis (horizon, patients,
 * discounting, threshold). With `locale`, money in the table follows that locale (`Intl.NumberFormat`, exact,
 * half-even); without, the library's fixed English form.
 *
 * @example
 * ```ts
 * const text = formatEvaluationTable(evaluate(doc)); // the ranked table, ready to print
 * ```
 */
export function formatEvaluationTable(result: EvaluationResult, options: { readonly locale?: string | undefined } = {}): string {
  return `${renderTextTable(evaluationTable(result, options))}\n${basisText(result)}\n`;
}

/**
 * The ranked value table as CSV, every digit kept, with an `Option id` column to join on. Text cells that a
 * spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or CR) are prefixed with `'`.
 *
 * @example
 * ```ts
 * writeFileSync("ranking.csv", evaluationCsv(result));
 * ```
 */
export function evaluationCsv(result: EvaluationResult): string {
  return renderCsvTable(evaluationCsvTable(result));
}

/** @internal The rows of {@link evaluationCsv} (the CLI streams them row by row). */
export function evaluationCsvTable(result: EvaluationResult): EvaluationTable {
  const t = evaluationTable(result, { exact: true });
  const text = new Set(["Lot", "Supplier", "Product", "Gates"]);
  const rows = t.rows.map((r, i) => [spreadsheetSafeText(result.ranking[i]!.optionId), ...r.map((c, j) => (text.has(t.headers[j]!) ? spreadsheetSafeText(c) : c))]);
  return { headers: ["Option id", ...t.headers], rows, align: ["left", ...t.align] };
}

/** One line saying what the figures rest on. */
function basisText(r: EvaluationResult): string {
  const d = r.referenceData.discounting;
  const t = r.referenceData.threshold;
  return (
    `Per patient, discounted to ${r.priceBaseDate} (costs: ${d.costs.label}; health: ${d.health.label}; ${d.timing.position} of year), ` +
    `${r.horizonYears} years × ${num(r.patientsPerYear, 0)} patients a year; amounts in ${r.currency}` +
    (t !== undefined ? `; NMB at ${cash(t.perQaly, r.currency)} per QALY (${t.id}${t.bound !== undefined ? `, ${t.bound} bound` : ""}${t.programme !== undefined ? `, ${t.programme} programme` : ""})` : "") +
    `. The comparator (current practice) is the reference and is not scored.`
  );
}

/**
 * The cost-effectiveness table (per patient): cost, QALYs, incremental status and ICER along the frontier,
 * and NMB.
 *
 * @example
 * ```ts
 * renderTextTable(costEffectivenessTable(result));
 * ```
 */
export function costEffectivenessTable(result: EvaluationResult): EvaluationTable {
  const byId = new Map(result.options.map((o) => [o.optionId, o] as const));
  const hasNmb = result.referenceData.threshold !== undefined;
  const headers = ["Option", "Supplier", "Cost/patient", "QALYs/patient", "Status", "ICER (£/QALY)", ...(hasNmb ? ["NMB/patient", "Incr. NMB"] : [])];
  const rows = result.costEffectiveness.incremental.options.map((x) => {
    const o = byId.get(x.id);
    const status = x.status === "dominated" && x.dominatedBy !== undefined ? `dominated by ${x.dominatedBy}` : x.status === "extendedly-dominated" ? "extendedly dominated" : x.status;
    return [
      x.label ?? x.id,
      o?.supplier ?? "",
      cash(x.cost, result.currency),
      num(x.effect, 4),
      status,
      x.icer !== undefined ? cash(x.icer, result.currency) : "",
      ...(hasNmb ? [o?.netMonetaryBenefitPerPatient !== undefined ? cash(o.netMonetaryBenefitPerPatient, result.currency) : "", o?.incrementalNetMonetaryBenefitPerPatient !== undefined ? cash(o.incrementalNetMonetaryBenefitPerPatient, result.currency) : ""] : []),
    ];
  });
  const headersOut = headers.map((h) => h.replace("£", result.currency === "GBP" ? "£" : `${result.currency} `));
  return { headers: headersOut, rows, align: headersOut.map((_, i) => (i < 2 || i === 4 ? "left" : "right")) };
}

/**
 * A Markdown report: the ranked value table, the cost-effectiveness table, the cost breakdown, each
 * option's explanation, warnings, the reference data used, and (optionally) the assessment summaries.
 * Text from the document is never passed through as HTML: `<` and `>` are written as `&lt;` and `&gt;`.
 *
 * @example
 * ```ts
 * writeFileSync("report.md", evaluationMarkdownReport(result, { summaries: true }));
 * ```
 */
export function evaluationMarkdownReport(result: EvaluationResult, options: { readonly summaries?: boolean } = {}): string {
  const out: string[] = [];
  const md = escapeMarkdownText;
  out.push(`# ${md(result.title)}`, "");
  out.push("## Ranked value table", "", renderMarkdownTable(evaluationTable(result)), basisText(result), "");
  out.push("## Cost-effectiveness (per patient)", "", renderMarkdownTable(costEffectivenessTable(result)));
  const breakdown: EvaluationTable = {
    headers: ["Option", "Lifecycle", "Pathway", "Carbon (monetised)", "Whole pathway", "kgCO2e pathway", "kgCO2e product", "kgCO2e total"],
    rows: result.options.map((o) => [
      `${o.supplier} — ${o.label}`,
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
  out.push("## Cost and carbon per patient, by part", "", renderMarkdownTable(breakdown));
  out.push("## Explanations", "");
  for (const e of result.explanations) {
    out.push(`### ${md(e.headline)}`, "");
    for (const l of e.lines) out.push(`- ${md(l)}`);
    out.push("");
  }
  if (result.warnings.length > 0) {
    out.push("## Warnings", "");
    for (const w of result.warnings) out.push(`- ${w.path.length > 0 ? `\`${pathText(w.path).replace(/`/g, "'")}\`: ` : ""}${md(w.message)}`);
    out.push("");
  }
  out.push("## Reference data", "");
  const refs = referenceDataLines(result);
  for (const r of refs) out.push(`- ${md(r)}`);
  out.push("");
  if (options.summaries === true) {
    out.push("## Assessment summaries", "");
    // Summaries arrive as Markdown built from supplier text; only their HTML is neutralised (no summary uses
    // a block quote, so ">" is escaped with the rest).
    for (const s of result.assessmentSummaries) out.push(md(s.markdown).replace(/^## /gm, "### "), "");
  }
  // The report writes no HTML of its own: any < or > came from the document, and is shown, never rendered.
  const text = out.join("\n").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return `${text.replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

function pathText(path: readonly (string | number)[]): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s === "" ? p : `.${p}`;
  return s;
}

/**
 * The results table of a plain pathway model run (issue 3's `vbp evaluate <pathway.json>`): per option,
 * discounted cost, QALYs and life years per patient, carbon, events, and the difference from the comparator.
 *
 * @example
 * ```ts
 * renderTextTable(pathwayResultsTable(runModel(model)));
 * ```
 */
export function pathwayResultsTable(result: PathwayResult): EvaluationTable {
  const comp = result.options.find((o) => o.optionId === result.comparatorId);
  const events = [...new Set(result.options.flatMap((o) => Object.keys(o.perPatient.events)))];
  const headers = ["Option", "Cost/patient", "QALYs/patient", "Life years/patient", "kgCO2e/patient", ...events.map((e) => `${e}/patient`), "Δ cost", "Δ QALYs"];
  const rows = result.options.map((o) => {
    const p = o.perPatient;
    const dc = comp === undefined ? undefined : new Dec(p.costs.discounted).minus(new Dec(comp.perPatient.costs.discounted));
    const dq = comp === undefined ? undefined : new Dec(p.qalys.discounted).minus(new Dec(comp.perPatient.qalys.discounted));
    return [
      o.isComparator ? `${o.label} (comparator)` : o.label,
      cash(p.costs.discounted, result.currency),
      num(p.qalys.discounted, 4),
      num(p.lifeYears.discounted, 4),
      num(p.carbonKg, 2),
      ...events.map((e) => num(p.events[e] ?? "0", 4)),
      o.isComparator || dc === undefined ? "" : `${dc.gt(0) ? "+" : ""}${cash(decString(dc), result.currency)}`,
      o.isComparator || dq === undefined ? "" : `${dq.gt(0) ? "+" : ""}${num(decString(dq), 4)}`,
    ];
  });
  return { headers, rows, align: headers.map((_, i) => (i === 0 ? "left" : "right")) };
}

/**
 * @internal One line per reference figure a result rests on (discounting, threshold, emission factors, carbon
 * values and their re-basing, weight policies, gates) and per assumption: the Markdown and HTML reports list them.
 */
export function referenceDataLines(result: EvaluationResult): string[] {
  const out: string[] = [];
  const d = result.referenceData.discounting;
  out.push(`Discounting: costs ${d.costs.label} (${d.costs.id}); health ${d.health.label} (${d.health.id}); ${d.timing.position} of period, ${d.timing.compounding} compounding.`);
  const t = result.referenceData.threshold;
  if (t !== undefined) out.push(`Threshold: ${cash(t.perQaly, result.currency)} per QALY (${t.id}${t.programme !== undefined ? `, ${t.programme} programme` : ""}${t.source !== undefined ? `; ${t.source.publisher}, ${t.source.title}` : ""}).`);
  for (const f of result.referenceData.carbonFactors) out.push(`Emission factor ${f.factorId} ${f.year}: ${f.kgCO2ePerUnit} kgCO2e/${f.unit} (${f.source.publisher}, ${f.source.title}).`);
  const cv = result.referenceData.carbonValues;
  if (cv !== undefined) {
    out.push(`Carbon values: ${cv.seriesId}, ${cv.scenario}, in ${cv.priceYear} prices, treated as ${cv.treatment}${cv.source !== undefined ? ` (${cv.source.publisher}, ${cv.source.title})` : ""}.`);
    const rb = cv.rebasing;
    if (rb !== undefined) {
      // The factor is shown to 6 places with the two index values it comes from; the result keeps it exact.
      const src = rb.indexSource;
      out.push(
        `Carbon values re-based from ${rb.fromPriceYear} to ${rb.toPriceYear} prices: × ${num(rb.factor, 6)} (= ${rb.toIndex} ÷ ${rb.fromIndex}, ${rb.indexLabel}${src !== undefined ? `; ${src.publisher}, ${src.title}, ${src.publishedOn}${src.note !== undefined ? `. ${src.note}` : ""}` : ""}).`,
      );
    }
  }
  for (const p of result.referenceData.weightPolicies) out.push(`Weight policy ${p.label}: ${p.source.publisher}, ${p.source.title} (${p.source.publishedOn}).`);
  for (const g of result.referenceData.sustainabilityGates) out.push(`Sustainability gate ${g.id}: ${g.label}${g.source !== undefined ? ` (${g.source.publisher})` : ""}.`);
  for (const a of result.assumptions) out.push(`Assumption: ${a}`);
  return out;
}
