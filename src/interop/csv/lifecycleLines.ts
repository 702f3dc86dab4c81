import type * as z from "zod/mini";
import { getLifecycleDocumentSchema } from "../../lifecycle/schema.js";
import type { LifecycleCostItemInput } from "../../lifecycle/document.js";
import type { CsvRowProblem } from "./records.js";
import { rowsOfLayout } from "./rowsOfLayout.js";
import { fromZodIssues } from "../../schema/issues.js";
import { schemaPart } from "./schemaPart.js";

/**
 * Lifecycle cost lines read from CSV (layout `lifecycle-lines`): the valid lines grouped by option id, and a
 * problem per rule broken by each invalid line.
 *
 * @category Interop
 * @example
 * ```ts
 * const l: LifecycleLines = readLifecycleLinesCsv("optionId,id,kind,label,unitCost,basis\np-0001,apply,staff-time,Nurse time,48,per-patient\n");
 * l.byOption.get("p-0001")?.map((i) => i.id); //=> ["apply"] (that option's cost items)
 * ```
 */
export interface LifecycleLines {
  /** Valid cost items by option id, in file order. */
  readonly byOption: ReadonlyMap<string, readonly LifecycleCostItemInput[]>;
  /** Every problem, by line. */
  readonly problems: readonly CsvRowProblem[];
  /** Rows read. */
  readonly rowCount: number;
}

const WHOLE = ["everyYears", "year", "startYear", "endYear"] as const;

/**
 * Reads lifecycle cost lines from CSV (layout `lifecycle-lines`, see {@link CSV_LAYOUTS}); each line is
 * checked against the lifecycle document's cost item schema, and a bad line is reported by file line and
 * left out. Lines with the same option id and line id are reported as duplicates.
 *
 * @category Interop
 * @example
 * ```ts
 * const l = readLifecycleLinesCsv("optionId,id,kind,label,unitCost,basis\np-1,apply,staff-time,Nurse time,48,per-patient\n");
 * l.byOption.get("p-1")?.length; //=> 1
 * ```
 */
export function readLifecycleLinesCsv(text: string): LifecycleLines {
  const item = schemaPart(getLifecycleDocumentSchema() as unknown as z.ZodMiniType, ["options", "[]", "items", "[]"]);
  const { items, problems, rowCount } = rowsOfLayout<{ optionId: string; item: LifecycleCostItemInput }>(
    text,
    "lifecycle-lines",
    // The option id travels beside the item; the item itself is checked by the lifecycle schema.
    (v) => {
      const { optionId, ...rest } = v;
      if (typeof optionId !== "string" || optionId === "") return { ok: false, issues: [{ code: "invalid_type", path: ["optionId"], message: "is required" }] };
      const r = item.safeParse(rest);
      return r.success ? { ok: true, value: { optionId, item: rest as unknown as LifecycleCostItemInput } } : { ok: false, issues: fromZodIssues(r.error.issues) };
    },
    (rec) => ({ ...rec.cells }),
    (rec) => rec.cells.id,
    WHOLE,
  );
  const byOption = new Map<string, LifecycleCostItemInput[]>();
  const seen = new Map<string, number>();
  const all: CsvRowProblem[] = [...problems];
  for (const { line, value } of items) {
    const key = `${value.optionId}\u0000${value.item.id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      all.push({ line, id: value.item.id, column: "id", message: `line id "${value.item.id}" of option "${value.optionId}" is already used on line ${first}` });
      continue;
    }
    seen.set(key, line);
    byOption.set(value.optionId, [...(byOption.get(value.optionId) ?? []), value.item]);
  }
  all.sort((a, b) => a.line - b.line);
  return { byOption, problems: all, rowCount };
}
