import type * as z from "zod/mini";
import { getTenderSchema } from "../../scoring/schema.js";
import type { EvaluatorScoreRecord } from "../../scoring/tender.js";
import type { CsvRowProblem } from "./records.js";
import { bySchema, rowsOfLayout } from "./rowsOfLayout.js";
import { schemaPart } from "./schemaPart.js";

/**
 * Evaluator score records read from a table (CSV, or an XLSX sheet): the valid records and a problem per
 * rule broken by each invalid row.
 *
 * @category Interop
 * @example
 * ```ts
 * const s: EvaluatorScoreRows = readEvaluatorScoresCsv("criterionId,optionId,evaluatorId,level,reason\nease,p-1,ann,3,Clear instructions\n");
 * s.records.length; //=> 1
 * ```
 */
export interface EvaluatorScoreRows {
  /** Valid records, in file order: the tender's `evaluatorScores`. */
  readonly records: readonly EvaluatorScoreRecord[];
  /** Every problem, by line. */
  readonly problems: readonly CsvRowProblem[];
  /** Rows read. */
  readonly rowCount: number;
}

/**
 * Reads evaluator scores from CSV (layout `evaluator-scores`, see {@link CSV_LAYOUTS}); each row is checked
 * against the tender's evaluator score schema and a bad row is reported by file line and left out. A second
 * score by the same evaluator for the same criterion and option is reported as a duplicate.
 *
 * @category Interop
 * @example
 * ```ts
 * const s = readEvaluatorScoresCsv("criterionId,optionId,evaluatorId,level,reason\nease,p-1,ann,3,Clear instructions\n");
 * s.records[0].level; //=> "3"
 * ```
 */
export function readEvaluatorScoresCsv(text: string): EvaluatorScoreRows {
  const record = schemaPart(getTenderSchema() as unknown as z.ZodMiniType, ["evaluatorScores", "[]"]);
  const { items, problems, rowCount } = rowsOfLayout<EvaluatorScoreRecord>(text, "evaluator-scores", bySchema(record), (rec) => ({ ...rec.cells }), (rec) => rec.cells.optionId);
  return dedupeScores(items, problems, rowCount);
}

/** @internal Reports a second score by one evaluator for one criterion and option. */
export function dedupeScores(items: readonly { readonly line: number; readonly value: EvaluatorScoreRecord }[], problems: readonly CsvRowProblem[], rowCount: number): EvaluatorScoreRows {
  const seen = new Map<string, number>();
  const records: EvaluatorScoreRecord[] = [];
  const all = [...problems];
  for (const { line, value } of items) {
    const key = `${value.criterionId}\u0000${value.optionId}\u0000${value.evaluatorId}`;
    const first = seen.get(key);
    if (first !== undefined) all.push({ line, id: value.optionId, message: `${value.evaluatorId} already scored ${value.criterionId} for ${value.optionId} on line ${first}` });
    else {
      seen.set(key, line);
      records.push(value);
    }
  }
  all.sort((a, b) => a.line - b.line);
  return { records, problems: all, rowCount };
}
