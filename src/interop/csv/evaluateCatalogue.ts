import { safeEvaluate } from "../../evaluate/evaluate.js";
import type { EvaluationOption } from "../../evaluate/document.js";
import type { EvaluateOptions, EvaluationResult } from "../../evaluate/result.js";
import type { VbpIssue } from "../../errors/issue.js";
import { formatPath } from "../../errors/issue.js";
import { VbpInputError, type SafeResult } from "../../errors/VbpInputError.js";
import { readCatalogueCsv, type CatalogueRows } from "./catalogue.js";
import type { CsvRowProblem } from "./records.js";

/**
 * The outcome of evaluating a catalogue CSV against a tender: the evaluation of every valid row, and every
 * row left out with its line, id and the rules it broke.
 *
 * @category Interop
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
 * const tender = { ...doc, options: [doc.options[0]] }; // the comparator; the offers come from the CSV
 * const csvText = "id,supplier,label,price,effect:multiply:node=surgery&branch=ssi\np-1,Acme,Dressing A,100,0.6\np-2,Bramley,Dressing B,60,0.8\np-3,Cole,Dressing C,-1,0.7\n";
 * const run: CatalogueEvaluation = evaluateCatalogueCsv(tender, csvText);
 * run.excluded.length; //=> 1 (rows left out, each with its line)
 * ```
 */
export interface CatalogueEvaluation {
  /** The evaluation of the tender's own options plus every valid catalogue row. */
  readonly result: EvaluationResult;
  /** Rows in the file (blank lines not counted). */
  readonly rows: number;
  /** Catalogue rows evaluated. */
  readonly evaluated: number;
  /** Rows left out, one entry per row, ordered by line. */
  readonly excluded: readonly CatalogueExclusion[];
}

/**
 * A catalogue row left out of the evaluation.
 *
 * @category Interop
 * @example
 * ```ts
 * const x: CatalogueExclusion = { line: 7, id: "p-0006", problems: [{ line: 7, id: "p-0006", column: "price", message: "must be greater than 0, got -1" }] };
 * ```
 */
export interface CatalogueExclusion {
  /** File line of the row (1-based; the header is line 1). */
  readonly line: number;
  /** The row's id, when it has one. */
  readonly id?: string;
  /** Every rule the row broke. */
  readonly problems: readonly CsvRowProblem[];
}

/** Evaluation-level exclusions as reported by an evaluation that leaves invalid options out. */
interface ExcludedOption {
  readonly optionId: string;
  readonly index?: number;
  readonly issues: readonly VbpIssue[];
}

function exclusionsOf(problems: readonly CsvRowProblem[]): CatalogueExclusion[] {
  const byLine = new Map<number, CsvRowProblem[]>();
  for (const p of problems) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p]);
  return [...byLine.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([line, ps]) => {
      const id = ps.find((p) => p.id !== undefined)?.id;
      return { line, ...(id !== undefined ? { id } : {}), problems: ps };
    });
}

/** Where in the document an issue sits, as a catalogue row index (undefined: not inside a catalogue row). */
function rowIndexOf(issue: VbpIssue, firstRow: number, rowCount: number): number | undefined {
  const [head, index] = issue.path;
  if (head !== "options" || typeof index !== "number") return undefined;
  const row = index - firstRow;
  return row >= 0 && row < rowCount ? row : undefined;
}

/**
 * Evaluates the rows of a catalogue CSV (layout `catalogue`) as options of an evaluation document (the
 * tender: pathway, criteria, reference data, and its own options such as the comparator). Each row is
 * validated on its own first; a row whose option the evaluation then rejects (a reference to an unknown
 * pathway node, say) is also left out, and reported with its line. The valid rows are evaluated together.
 *
 * Throws (or, from {@link safeEvaluateCatalogueCsv}, returns) a VbpInputError when the tender itself is
 * invalid, the file cannot be read (no header, unknown columns), or no row is valid.
 *
 * @param tender - the evaluation document (parsed JSON); its `options` may hold just the comparator
 * @param csv - the catalogue CSV text
 * @category Interop
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
 * const tender = { ...doc, options: [doc.options[0]] }; // the comparator; the offers come from the CSV
 * const csvText = "id,supplier,label,price,effect:multiply:node=surgery&branch=ssi\np-1,Acme,Dressing A,100,0.6\np-2,Bramley,Dressing B,60,0.8\np-3,Cole,Dressing C,-1,0.7\n";
 * // in Node: evaluateCatalogueCsv(JSON.parse(readFileSync("tender.json", "utf8")), readFileSync("catalogue.csv", "utf8"))
 * const run = evaluateCatalogueCsv(tender, csvText);
 * for (const x of run.excluded) console.log(x.line, x.id, x.problems.map(formatCsvProblem));
 * run.excluded.map((x) => [x.line, x.id]); //=> [[4, "p-3"]]
 * ```
 */
export function evaluateCatalogueCsv(tender: unknown, csv: string, options: EvaluateOptions = {}): CatalogueEvaluation {
  const rows = readCatalogueCsv(csv);
  return evaluateCatalogueRows(tender, rows, options);
}

/**
 * {@link evaluateCatalogueCsv} that never throws for bad input.
 *
 * @category Interop
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
 * const tender = { ...doc, options: [doc.options[0]] }; // the comparator; the offers come from the CSV
 * const csvText = "id,supplier,label,price,effect:multiply:node=surgery&branch=ssi\np-1,Acme,Dressing A,100,0.6\np-2,Bramley,Dressing B,60,0.8\np-3,Cole,Dressing C,-1,0.7\n";
 * const r = safeEvaluateCatalogueCsv(tender, csvText);
 * if (!r.success) console.error(r.error.issues.map(formatIssue));
 * r.success; //=> true
 * ```
 */
export function safeEvaluateCatalogueCsv(tender: unknown, csv: string, options: EvaluateOptions = {}): SafeResult<CatalogueEvaluation> {
  try {
    return { success: true, data: evaluateCatalogueCsv(tender, csv, options) };
  } catch (e) {
    if (e instanceof VbpInputError) return { success: false, error: e };
    throw e;
  }
}

/**
 * Evaluates catalogue rows already read by {@link readCatalogueCsv} (see {@link evaluateCatalogueCsv}).
 *
 * @category Interop
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
 * const tender = { ...doc, options: [doc.options[0]] }; // the comparator; the offers come from the CSV
 * const csvText = "id,supplier,label,price,effect:multiply:node=surgery&branch=ssi\np-1,Acme,Dressing A,100,0.6\np-2,Bramley,Dressing B,60,0.8\np-3,Cole,Dressing C,-1,0.7\n";
 * const run = evaluateCatalogueRows(tender, readCatalogueCsv(csvText));
 * run.excluded.length; //=> 1
 * ```
 */
export function evaluateCatalogueRows(tender: unknown, rows: CatalogueRows, options: EvaluateOptions = {}): CatalogueEvaluation {
  const fileProblems = rows.problems.filter((p) => p.line <= 1);
  if (fileProblems.length > 0) {
    throw new VbpInputError(fileProblems.map((p) => ({ code: "invalid_value", path: ["csv", p.column ?? ""], message: `${p.line === 1 ? "header" : "file"}: ${p.message}` })));
  }
  if (typeof tender !== "object" || tender === null || Array.isArray(tender)) {
    throw new VbpInputError([{ code: "invalid_type", path: [], message: "the tender must be an evaluation document (a JSON object)" }]);
  }
  const doc = tender as Record<string, unknown>;
  const own = Array.isArray(doc.options) ? (doc.options as unknown[]) : [];
  const problems: CsvRowProblem[] = [...rows.problems];
  let candidates: EvaluationOption[] = [...rows.options];
  const lineOfId = (id: string) => rows.lineOf.get(id) ?? 0;

  for (let attempt = 0; ; attempt++) {
    if (candidates.length === 0) {
      throw new VbpInputError([{ code: "invalid_value", path: ["csv"], message: `no valid row to evaluate: ${problems.length} problems in ${rows.rowCount} rows` }]);
    }
    const r = safeEvaluate({ ...doc, options: [...own, ...candidates] }, options);
    if (r.success) {
      // An evaluation that itself leaves invalid options out reports them as `excluded`: map each to its line.
      const evaluationExcluded = (r.data as EvaluationResult & { readonly excluded?: readonly ExcludedOption[] }).excluded ?? [];
      for (const x of evaluationExcluded) {
        const line = lineOfId(x.optionId);
        for (const i of x.issues) {
          const rest = i.path.slice(2);
          problems.push({ line, id: x.optionId, ...(rest.length > 0 ? { column: formatPath(rest) } : {}), message: i.message });
        }
      }
      const excluded = exclusionsOf(problems);
      const excludedIds = new Set(evaluationExcluded.map((x) => x.optionId));
      return { result: r.data, rows: rows.rowCount, evaluated: candidates.filter((c) => !excludedIds.has(c.id)).length, excluded };
    }
    // Options the evaluation rejects (cross-references the row alone cannot check): leave those rows out and
    // evaluate the rest. Any other problem is the tender's own, and fails the run with every issue.
    const issues = r.error.issues;
    const rowOf = issues.map((i) => rowIndexOf(i, own.length, candidates.length));
    if (attempt > 2 || rowOf.some((x) => x === undefined)) throw r.error;
    const bad = new Set(rowOf as number[]);
    issues.forEach((issue, k) => {
      const option = candidates[rowOf[k]!]!;
      const rest = issue.path.slice(2);
      problems.push({ line: lineOfId(option.id), id: option.id, ...(rest.length > 0 ? { column: formatPath(rest) } : {}), message: issue.message });
    });
    candidates = candidates.filter((_, i) => !bad.has(i));
  }
}
