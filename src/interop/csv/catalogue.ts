import type * as z from "zod/mini";
import { getEvaluationDocumentSchema } from "../../evaluate/schema.js";
import type { EvaluationOption } from "../../evaluate/document.js";
import { fromZodIssues } from "../../schema/issues.js";
import { CATALOGUE_CARBON_STAGES, CATALOGUE_EFFECT_OPS, CSV_LAYOUTS } from "./layouts.js";
import { readCsvRecords, type CsvRowProblem } from "./records.js";
import { schemaPart } from "./schemaPart.js";

/**
 * A catalogue CSV read row by row: the options of the valid rows, the file line of every option id, and one
 * problem per rule broken by each invalid row.
 *
 * @category Interop
 * @example
 * ```ts
 * const c: CatalogueRows = readCatalogueCsv("id,supplier,label,price\np-1,Acme,Seal,12.50\np-2,Acme,Seal 2,-1\n");
 * c.options.length; //=> 1 (the valid rows)
 * ```
 */
export interface CatalogueRows {
  /** Options built from the valid rows, in file order. */
  readonly options: readonly EvaluationOption[];
  /** File line of each row's option id (valid and invalid rows), to report later problems where they are. */
  readonly lineOf: ReadonlyMap<string, number>;
  /** Every problem, one per rule broken; a row with any problem is left out of `options`. */
  readonly problems: readonly CsvRowProblem[];
  /** Rows read (valid and invalid, blank lines not counted). */
  readonly rowCount: number;
}

type ColumnRole =
  | { readonly kind: "fixed"; readonly key: string }
  | { readonly kind: "effect"; readonly op: string; readonly target: Readonly<Record<string, string>> }
  | { readonly kind: "lifecycle"; readonly itemKind: string; readonly basis: string }
  | { readonly kind: "carbon"; readonly stage: string }
  | { readonly kind: "value"; readonly criterionId: string };

const FIXED = new Set(CSV_LAYOUTS.catalogue.columns.filter((c) => !c.name.includes("<")).map((c) => c.name));
const TARGET_KEYS = new Set(["parameter", "node", "branch", "item", "field", "event", "state"]);
const BASES = new Set(["fixed", "per-use", "per-patient"]);

/** What a header names, or why it names nothing the layout knows. */
function roleOf(column: string): ColumnRole | string {
  if (FIXED.has(column)) return { kind: "fixed", key: column };
  const [family, ...rest] = column.split(":");
  if (family === "effect") {
    const [op, target] = rest;
    if (rest.length !== 2 || op === undefined || target === undefined) return "an effect column is effect:<op>:<target>, e.g. effect:multiply:node=surgery&branch=ssi";
    if (!CATALOGUE_EFFECT_OPS.includes(op)) return `unknown effect operation "${op}"; expected one of ${CATALOGUE_EFFECT_OPS.join(", ")}`;
    const t: Record<string, string> = {};
    for (const pair of target.split("&")) {
      const [k, v] = pair.split("=");
      if (k === undefined || v === undefined || v === "" || !TARGET_KEYS.has(k)) return `target "${target}" must be key=value pairs joined by & with keys ${[...TARGET_KEYS].join(", ")}`;
      Object.defineProperty(t, k, { value: v, enumerable: true });
    }
    return { kind: "effect", op, target: t };
  }
  if (family === "lifecycle") {
    const [itemKind, basis] = rest;
    if (rest.length !== 2 || itemKind === undefined || basis === undefined || !BASES.has(basis)) return "a lifecycle column is lifecycle:<kind>:<basis> with basis fixed, per-use or per-patient";
    return { kind: "lifecycle", itemKind, basis };
  }
  if (family === "carbon") {
    const [stage] = rest;
    if (rest.length !== 1 || stage === undefined || !CATALOGUE_CARBON_STAGES.includes(stage)) return `a carbon column is carbon:<stage> with stage one of ${CATALOGUE_CARBON_STAGES.join(", ")}`;
    return { kind: "carbon", stage };
  }
  if (family === "value" && rest.length === 1 && rest[0] !== "") return { kind: "value", criterionId: rest[0]! };
  return `unknown column; the catalogue layout has ${[...FIXED].join(", ")} and the families effect:<op>:<target>, lifecycle:<kind>:<basis>, carbon:<stage>, value:<criterionId> (vbp template catalogue)`;
}

/** The evaluation document's option schema (one option on its own), taken from the document schema. */
function optionSchema(): z.ZodMiniType {
  return schemaPart(getEvaluationDocumentSchema() as unknown as z.ZodMiniType, ["options", "[]"]);
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const YES = new Set(["yes", "true", "y", "1"]);
const NO = new Set(["no", "false", "n", "0"]);

/**
 * Reads an option catalogue CSV (layout `catalogue`, see {@link CSV_LAYOUTS}): one option per row, each
 * checked on its own against the evaluation document's option schema. Every invalid row is reported with
 * its file line, its id and each rule it breaks, and left out; nothing is dropped silently. Unknown or
 * malformed column names refuse the whole file (a misspelt column would otherwise lose its data).
 *
 * @param text - the CSV text (UTF-8, a BOM is ignored; RFC 4180 quoting)
 * @category Interop
 * @example
 * ```ts
 * const c = readCatalogueCsv("id,supplier,label,price\np-1,Acme,Seal,12.50\np-2,Acme,Seal 2,-1\n");
 * c.options.length; //=> 1
 * formatCsvProblem(c.problems[0]); //=> "line 3 (id p-2) price: must be > 0, got -1"
 * ```
 */
export function readCatalogueCsv(text: string): CatalogueRows {
  const { columns, records, problems: readProblems } = readCsvRecords(text);
  const problems: CsvRowProblem[] = [...readProblems];
  const roles: (ColumnRole | undefined)[] = [];
  for (const c of columns) {
    const role = roleOf(c);
    if (typeof role === "string") problems.push({ line: 1, column: c, message: role });
    roles.push(typeof role === "string" ? undefined : role);
  }
  for (const req of CSV_LAYOUTS.catalogue.columns.filter((c) => c.required)) {
    if (columns.length > 0 && !columns.includes(req.name)) problems.push({ line: 1, column: req.name, message: "required column is missing" });
  }
  const lineOf = new Map<string, number>();
  if (problems.some((p) => p.line <= 1)) return { options: [], lineOf, problems, rowCount: records.length };

  const options: EvaluationOption[] = [];
  const schema = optionSchema();
  const badLines = new Set(readProblems.map((p) => p.line));
  for (const r of readProblems) if (r.id !== undefined && !lineOf.has(r.id)) lineOf.set(r.id, r.line);
  for (const rec of records) {
    const id = rec.cells.id;
    const rowProblems: CsvRowProblem[] = [];
    const at = (column: string | undefined, message: string) => rowProblems.push({ line: rec.line, ...(id !== undefined ? { id } : {}), ...(column !== undefined ? { column } : {}), message });
    if (id !== undefined) {
      const first = lineOf.get(id);
      if (first !== undefined) at("id", `id "${id}" is already used on line ${first}`);
      else lineOf.set(id, rec.line);
    }
    const option: Record<string, unknown> = {};
    const effects: unknown[] = [];
    const effectColumn: string[] = [];
    const items: unknown[] = [];
    const itemColumn: string[] = [];
    const carbon: Record<string, unknown[]> = {};
    const values: Record<string, string> = {};
    columns.forEach((column, i) => {
      const cell = rec.cells[column];
      const role = roles[i]!;
      if (cell === undefined) return;
      if (role.kind === "fixed") {
        if (role.key === "comparator") {
          const v = cell.toLowerCase();
          if (YES.has(v)) option.isComparator = true;
          else if (!NO.has(v)) at(column, `must be yes or no, got ${JSON.stringify(cell)}`);
        } else if (role.key === "serviceLifeYears") {
          option.lifecycle = { serviceLifeYears: /^\d+$/.test(cell) ? Number(cell) : cell, items };
        } else option[role.key] = cell;
      } else if (role.kind === "effect") {
        effects.push({ op: role.op, target: role.target, value: cell });
        effectColumn.push(column);
      } else if (role.kind === "lifecycle") {
        if (!DECIMAL.test(cell)) return void at(column, `must be a decimal number (the unit cost), got ${JSON.stringify(cell)}`);
        items.push({ id: `${role.itemKind}-${role.basis}`, kind: role.itemKind, label: `${role.itemKind} (${role.basis})`, unitCost: cell, basis: role.basis, source: `catalogue CSV, column ${column}` });
        itemColumn.push(column);
      } else if (role.kind === "carbon") {
        if (!DECIMAL.test(cell) || cell.startsWith("-")) return void at(column, `must be a decimal number ≥ 0 (kgCO2e per patient), got ${JSON.stringify(cell)}`);
        carbon[role.stage] = [{ id: role.stage, quantity: { perPatient: "1" }, unit: "patient", factor: { kgCO2ePerUnit: cell, note: `Supplier's stated kgCO2e per patient (catalogue CSV, column ${column})` } }];
      } else {
        Object.defineProperty(values, role.criterionId, { value: cell, enumerable: true });
      }
    });
    if (effects.length > 0) option.effects = effects;
    if (items.length > 0 && option.lifecycle === undefined) option.lifecycle = { items };
    if (Object.keys(carbon).length > 0) option.carbon = carbon;
    if (Object.keys(values).length > 0) option.values = values;
    {
      const parsed = schema.safeParse(option);
      if (!parsed.success) {
        for (const issue of fromZodIssues(parsed.error.issues)) {
          const [head, second, third] = issue.path;
          let column: string = head === undefined ? "" : String(head);
          if (head === "effects" && typeof second === "number") column = effectColumn[second] ?? column;
          else if (head === "lifecycle" && second === "items" && typeof third === "number") column = itemColumn[third] ?? column;
          else if (head === "lifecycle" && second === "serviceLifeYears") column = "serviceLifeYears";
          else if (head === "carbon" && typeof second === "string") column = `carbon:${second}`;
          else if (head === "values" && typeof second === "string") column = `value:${second}`;
          else if (head === "isComparator") column = "comparator";
          at(column === "" ? undefined : column, issue.message);
        }
      } else if (rowProblems.length === 0 && !badLines.has(rec.line)) options.push(parsed.data as EvaluationOption);
    }
    problems.push(...rowProblems);
  }
  problems.sort((a, b) => a.line - b.line);
  return { options, lineOf, problems, rowCount: records.length + readProblems.filter((p) => p.line > 1).length };
}
