import ExcelJS from "exceljs";
import type { EvaluationResult } from "../evaluate/result.js";
import { dedupeScores, type EvaluatorScoreRows } from "../interop/csv/evaluatorScores.js";
import { schemaPart } from "../interop/csv/schemaPart.js";
import { CSV_LAYOUTS } from "../interop/csv/layouts.js";
import type { CsvRowProblem } from "../interop/csv/records.js";
import { getTenderSchema } from "../scoring/schema.js";
import type { EvaluatorScoreRecord } from "../scoring/tender.js";
import { fromZodIssues } from "../schema/issues.js";
import type * as z from "zod/mini";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1F4E79" } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" } };

/** One column of a sheet: header, width, and how its cells are shown. */
interface Column {
  readonly header: string;
  readonly width: number;
  readonly kind: "text" | "money" | "number" | "integer";
}

/** One sheet of a workbook: its name, columns and rows (cells in column order; undefined or "" is blank). */
interface SheetSpec {
  readonly name: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly (string | number | undefined)[])[];
}

/**
 * The one workbook writer: every sheet laid out by {@link addSheet}, money formatted in `currency`; returns the
 * `.xlsx` bytes.
 */
async function writeWorkbook(sheets: readonly SheetSpec[], options: { readonly currency: string; readonly title?: string }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "vbp-score";
  if (options.title !== undefined) wb.title = options.title;
  for (const sheet of sheets) addSheet(wb, sheet, options.currency);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/**
 * A sheet with a bold, frozen, filtered header row. Money and numbers are written as numbers with a display
 * format (so a procurement officer can sort and sum them), and the exact decimal string goes into the cell's
 * note when the number cannot hold every digit; text is written as text (never a formula).
 */
function addSheet(wb: ExcelJS.Workbook, { name, columns, rows }: SheetSpec, currency: string): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  const head = ws.getRow(1);
  head.font = HEADER_FONT;
  head.fill = HEADER_FILL;
  head.alignment = { vertical: "middle", wrapText: true };
  head.height = 30;
  const moneyFormat = `#,##0.00 "${currency.replace(/"/g, "")}"`;
  for (const values of rows) {
    const row = ws.addRow([]);
    columns.forEach((c, i) => {
      const v = values[i];
      const cell = row.getCell(i + 1);
      if (v === undefined || v === "") return;
      if (c.kind === "text" || typeof v === "number") {
        cell.value = typeof v === "number" ? v : { richText: [{ text: String(v) }] };
        if (c.kind === "integer") cell.numFmt = "0";
        return;
      }
      const n = Number(v);
      if (!Number.isFinite(n)) {
        cell.value = { richText: [{ text: v }] };
        return;
      }
      cell.value = n;
      cell.numFmt = c.kind === "money" ? moneyFormat : c.kind === "integer" ? "0" : "0.0000";
      if (String(n) !== v.replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "")) cell.note = `exact: ${v}`;
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/**
 * An XLSX workbook of an evaluation for a procurement officer: **Ranking** (rank, option id, supplier,
 * product, total, points per criterion, cost, QALYs, NMB, carbon, gates), **Score breakdown** (one row per
 * option and criterion: points and points available), **Ledger** (the cost lines per option that sum to the
 * whole-pathway cost, and every lifecycle cash flow when the result kept its ledger) and **Assumptions**
 * (the basis, reference data and assumptions). Headers are frozen and filtered; money has a currency
 * format, and a number that cannot hold every digit keeps the exact decimal in the cell's note. Node only.
 *
 * @param result - an evaluation result (`evaluate(doc)`, with `{ ledger: true }` for the cash flows)
 * @returns the `.xlsx` file's bytes
 * @category Interop
 * @example
 * ```ts
 * import { evaluationWorkbook } from "vbp-score/node";
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
 * const bytes = await evaluationWorkbook(evaluate(doc, { ledger: true }));
 * // writeFileSync("evaluation.xlsx", bytes);
 * [bytes[0], bytes[1]]; //=> [0x50, 0x4b] (an .xlsx file is a zip archive)
 * ```
 */
export async function evaluationWorkbook(result: EvaluationResult): Promise<Uint8Array> {
  const cur = result.currency;
  const criteria = result.ranking.find((r) => r.points.length > 0)?.points.map((p) => ({ id: p.criterionId, label: p.label })) ?? [];
  const ranking: SheetSpec = {
    name: "Ranking",
    columns: [
      { header: "Lot", width: 10, kind: "text" },
      { header: "Rank", width: 7, kind: "integer" },
      { header: "Option id", width: 14, kind: "text" },
      { header: "Supplier", width: 28, kind: "text" },
      { header: "Product", width: 32, kind: "text" },
      { header: "Total points", width: 12, kind: "number" },
      ...criteria.map((c) => ({ header: c.label, width: 14, kind: "number" as const })),
      { header: `Whole-pathway cost per patient (${cur})`, width: 18, kind: "money" },
      { header: "QALYs per patient", width: 12, kind: "number" },
      { header: `NMB per patient (${cur})`, width: 16, kind: "money" },
      { header: "kgCO2e per patient", width: 12, kind: "number" },
      { header: "Gates", width: 30, kind: "text" },
    ],
    rows: result.ranking.map((r) => {
      const pts = new Map(r.points.map((p) => [p.criterionId, p.points]));
      return [r.lot, r.rank ?? (r.status === "comparator" ? "comparator" : "excluded"), r.optionId, r.supplier, r.label, r.total, ...criteria.map((c) => pts.get(c.id)), r.wholePathwayCostPerPatient, r.qalysPerPatient, r.netMonetaryBenefitPerPatient, r.carbonKgPerPatient, r.gates];
    }),
  };
  const breakdown: SheetSpec = {
    name: "Score breakdown",
    columns: [
      { header: "Option id", width: 14, kind: "text" },
      { header: "Supplier", width: 28, kind: "text" },
      { header: "Product", width: 32, kind: "text" },
      { header: "Criterion id", width: 18, kind: "text" },
      { header: "Criterion", width: 40, kind: "text" },
      { header: "Points", width: 10, kind: "number" },
      { header: "Points available", width: 12, kind: "number" },
    ],
    rows: result.ranking.flatMap((r) => r.points.map((p) => [r.optionId, r.supplier, r.label, p.criterionId, p.label, p.points, p.maxPoints])),
  };
  const ledgerRows: (string | number | undefined)[][] = [];
  for (const o of result.options) {
    const c = o.costs;
    ledgerRows.push([o.optionId, o.supplier, o.label, "lifecycle", "Lifecycle cost per patient (discounted)", c.lifecycle]);
    ledgerRows.push([o.optionId, o.supplier, o.label, "pathway", "Pathway cost per patient (discounted)", c.pathway]);
    ledgerRows.push([o.optionId, o.supplier, o.label, "carbon", "Monetised carbon per patient (externality)", c.carbonExternality]);
    ledgerRows.push([o.optionId, o.supplier, o.label, "total", "Whole-pathway cost per patient", c.wholePathway]);
    for (const [category, amount] of Object.entries(c.byCategory)) ledgerRows.push([o.optionId, o.supplier, o.label, `pathway: ${category}`, "of which, by pathway cost category", amount]);
  }
  for (const l of result.stages?.lifecycle?.ledger ?? []) {
    ledgerRows.push([l.optionId, "", "", `cash flow: ${l.itemId} (${l.kind})`, `period ${l.period} from ${l.periodStart}, ${l.quantity} ${l.unit} × ${l.unitCost}, factor ${l.discountFactor}`, l.discounted]);
  }
  const ledger: SheetSpec = {
    name: "Ledger",
    columns: [
      { header: "Option id", width: 14, kind: "text" },
      { header: "Supplier", width: 28, kind: "text" },
      { header: "Product", width: 32, kind: "text" },
      { header: "Line", width: 30, kind: "text" },
      { header: "What", width: 60, kind: "text" },
      { header: `Amount (${cur})`, width: 18, kind: "money" },
    ],
    rows: ledgerRows,
  };
  const d = result.referenceData.discounting;
  const t = result.referenceData.threshold;
  const facts: [string, string][] = [
    ["Evaluation", result.title],
    ["Currency", cur],
    ["Price base date", result.priceBaseDate],
    ["Horizon (years)", String(result.horizonYears)],
    ["Patients a year", result.patientsPerYear],
    ["Discounting", `costs ${d.costs.label} (${d.costs.id}); health ${d.health.label} (${d.health.id}); ${d.timing.position} of period, ${d.timing.compounding}`],
    ...(t !== undefined ? [["Threshold per QALY", `${t.perQaly} (${t.id})`] as [string, string]] : []),
    ...result.referenceData.carbonFactors.map((f) => [`Emission factor ${f.factorId} ${f.year}`, `${f.kgCO2ePerUnit} kgCO2e/${f.unit} (${f.source.publisher}, ${f.source.title})`] as [string, string]),
    ...result.referenceData.weightPolicies.map((p) => [`Weight policy ${p.label}`, `${p.source.publisher}, ${p.source.title} (${p.source.publishedOn})`] as [string, string]),
    ...result.assumptions.map((a) => ["Assumption", a] as [string, string]),
    ...result.warnings.map((w) => ["Warning", w.message] as [string, string]),
  ];
  const assumptions: SheetSpec = { name: "Assumptions", columns: [{ header: "Item", width: 36, kind: "text" }, { header: "Value", width: 110, kind: "text" }], rows: facts };
  return writeWorkbook([ranking, breakdown, ledger, assumptions], { currency: cur, title: result.title });
}

/**
 * An evaluator score sheet to send to the panel: the `evaluator-scores` layout's columns as a table, one row
 * per evaluator, qualitative criterion and option, levels and reasons left blank.
 *
 * @category Interop
 * @example
 * ```ts
 * const bytes = await evaluatorScoreWorkbook([{ criterionId: "ease-of-use", optionId: "p-1", evaluatorId: "ann" }]);
 * // writeFileSync("scores.xlsx", bytes);
 * (await readEvaluatorScoresXlsx(bytes)).problems.length; //=> 2 (level and reason are still blank)
 * ```
 */
export async function evaluatorScoreWorkbook(rows: readonly { readonly criterionId: string; readonly optionId: string; readonly evaluatorId: string }[]): Promise<Uint8Array> {
  const header = CSV_LAYOUTS["evaluator-scores"].columns.map((c) => c.name);
  const columns = header.map((h) => ({ header: h, width: h === "reason" ? 80 : 20, kind: "text" as const }));
  return writeWorkbook([{ name: "Scores", columns, rows: rows.map((r) => [r.criterionId, r.optionId, r.evaluatorId, "", ""]) }], { currency: "GBP" });
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "richText" in v) return v.richText.map((r) => r.text).join("").trim();
  if (typeof v === "object" && "result" in v) return String(v.result ?? "").trim();
  if (typeof v === "object" && "text" in v) return String(v.text).trim();
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/**
 * Reads evaluator scores back from an XLSX workbook (the first sheet, or `sheet`), in the
 * `evaluator-scores` layout. Each row is checked against the tender's evaluator score schema; every problem
 * names its cell as `Sheet!C7` (in `column`), with the row's line and option id, and the bad row is left out.
 * A formula cell is refused: scores must be typed values.
 *
 * @param bytes - the `.xlsx` file
 * @param options - `sheet`: the worksheet name (default: the first)
 * @category Interop
 * @example
 * ```ts
 * import { readEvaluatorScoresXlsx } from "vbp-score/node";
 * const sheet = await evaluatorScoreWorkbook([{ criterionId: "ease-of-use", optionId: "p-1", evaluatorId: "ann" }]);
 * const s = await readEvaluatorScoresXlsx(sheet); // in Node: readEvaluatorScoresXlsx(readFileSync("scores.xlsx"))
 * for (const p of s.problems) console.error(formatCsvProblem(p));
 * s.problems.map(formatCsvProblem); // a sheet sent back unfilled:
 * //=> ["line 2 (id p-1) Scores!D2: is required", "line 2 (id p-1) Scores!E2: is required (string)"]
 * ```
 */
export async function readEvaluatorScoresXlsx(bytes: Uint8Array, options: { readonly sheet?: string } = {}): Promise<EvaluatorScoreRows> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return { records: [], problems: [{ line: 0, message: `not a readable XLSX workbook: ${(e as Error).message}` }], rowCount: 0 };
  }
  const ws = options.sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(options.sheet);
  if (ws === undefined) return { records: [], problems: [{ line: 0, message: options.sheet === undefined ? "the workbook has no sheet" : `no sheet named "${options.sheet}"` }], rowCount: 0 };
  const name = ws.name;
  const ref = (row: number, col: number) => `${/^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`}!${columnLetters(col)}${row}`;
  const layout = CSV_LAYOUTS["evaluator-scores"].columns;
  const header = new Map<string, number>();
  const problems: CsvRowProblem[] = [];
  ws.getRow(1).eachCell((cell, col) => {
    const h = cellText(cell);
    if (!layout.some((c) => c.name === h)) problems.push({ line: 1, column: ref(1, col), message: `unknown column "${h}"; the evaluator-scores layout has ${layout.map((c) => c.name).join(", ")}` });
    else header.set(h, col);
  });
  for (const c of layout) if (c.required && !header.has(c.name)) problems.push({ line: 1, column: c.name, message: "required column is missing" });
  if (problems.length > 0) return { records: [], problems, rowCount: 0 };
  const record = schemaPart(getTenderSchema() as unknown as z.ZodMiniType, ["evaluatorScores", "[]"]);
  const items: { line: number; value: EvaluatorScoreRecord }[] = [];
  let rowCount = 0;
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const value: Record<string, string> = {};
    const rowProblems: CsvRowProblem[] = [];
    for (const [h, col] of header) {
      const cell = row.getCell(col);
      if (cell.formula !== undefined || (typeof cell.value === "object" && cell.value !== null && "formula" in cell.value)) {
        rowProblems.push({ line: r, column: ref(r, col), message: "is a formula; type the value" });
        continue;
      }
      const text = cellText(cell);
      if (text !== "") value[h] = text;
    }
    if (Object.keys(value).length === 0 && rowProblems.length === 0) continue;
    rowCount++;
    const id = value.optionId;
    const parsed = record.safeParse(value);
    if (!parsed.success) {
      const reported = new Set(rowProblems.map((p) => p.column));
      for (const issue of fromZodIssues(parsed.error.issues)) {
        const col = header.get(String(issue.path[0]));
        if (col !== undefined && reported.has(ref(r, col))) continue;
        rowProblems.push({ line: r, column: col === undefined ? String(issue.path[0] ?? "") : ref(r, col), message: issue.message });
      }
    }
    if (rowProblems.length > 0) problems.push(...rowProblems.map((p) => (id !== undefined ? { ...p, id } : p)));
    else if (parsed.success) items.push({ line: r, value: parsed.data as EvaluatorScoreRecord });
  }
  return dedupeScores(items, problems, rowCount);
}

function columnLetters(n: number): string {
  let s = "";
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}
