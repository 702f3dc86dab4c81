import type * as z from "zod/mini";
import type { VbpIssue } from "../../errors/issue.js";
import { fromZodIssues } from "../../schema/issues.js";
import { CSV_LAYOUTS, type CsvLayoutId } from "./layouts.js";
import { readCsvRecords, type CsvRecord, type CsvRowProblem } from "./records.js";

/** Checks one row's value: the checked value, or the issues (paths relative to the row). */
export type RowCheck<T> = (value: Record<string, unknown>) => { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly VbpIssue[] };

/** A row check by a zod schema. */
export function bySchema<T>(schema: z.ZodMiniType): RowCheck<T> {
  return (value) => {
    const r = schema.safeParse(value);
    return r.success ? { ok: true, value: r.data as T } : { ok: false, issues: fromZodIssues(r.error.issues) };
  };
}

/**
 * Rows of a fixed-column CSV layout, each built into a document part and checked against that part's schema.
 * Unknown columns and missing required columns refuse the file (line 1); each bad row is reported by line
 * (and id where the layout has one) and left out.
 */
export function rowsOfLayout<T>(
  text: string,
  layout: CsvLayoutId,
  check: RowCheck<T>,
  build: (rec: CsvRecord) => Record<string, unknown>,
  idOf: (rec: CsvRecord) => string | undefined,
  numericColumns: readonly string[] = [],
): { readonly items: readonly { readonly line: number; readonly value: T }[]; readonly problems: readonly CsvRowProblem[]; readonly rowCount: number } {
  const def = CSV_LAYOUTS[layout];
  const known = new Set(def.columns.map((c) => c.name));
  const { columns, records, problems: readProblems } = readCsvRecords(text);
  const problems: CsvRowProblem[] = [...readProblems];
  for (const c of columns) if (!known.has(c)) problems.push({ line: 1, column: c, message: `unknown column; the ${layout} layout has ${[...known].join(", ")} (vbp template ${layout})` });
  for (const c of def.columns) if (c.required && columns.length > 0 && !columns.includes(c.name)) problems.push({ line: 1, column: c.name, message: "required column is missing" });
  if (problems.some((p) => p.line <= 1)) return { items: [], problems, rowCount: records.length };
  const items: { line: number; value: T }[] = [];
  for (const rec of records) {
    const id = idOf(rec);
    const row: CsvRowProblem[] = [];
    const value = build(rec);
    for (const col of numericColumns) {
      const cell = rec.cells[col];
      if (cell !== undefined && /^[+-]?(\d+)$/.test(cell)) value[col] = Number(cell);
    }
    const parsed = check(value);
    if (!parsed.ok) {
      for (const issue of parsed.issues) {
        row.push({ line: rec.line, ...(id !== undefined ? { id } : {}), ...(issue.path.length > 0 ? { column: String(issue.path[0]) } : {}), message: issue.message });
      }
    } else items.push({ line: rec.line, value: parsed.value });
    problems.push(...row);
  }
  problems.sort((a, b) => a.line - b.line);
  return { items, problems, rowCount: records.length + readProblems.filter((p) => p.line > 1).length };
}
