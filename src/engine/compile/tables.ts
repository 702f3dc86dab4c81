/**
 * Life tables (annual probabilities qx or rates mx by whole age) and look-up tables (any value by whole age or
 * cycle), compiled to table data both backends read.
 *
 * Conversion (constant hazard within each year of age): a table declared `mx` gives the annual probability
 * `q = 1 − e^(−m)`; a `qx` table gives the annual rate `m = −ln(1 − q)`.
 *
 * @module
 */
import type { PathwayModel } from "../../pathway/model.js";
import type { TableData } from "../backends/calculator.js";
import type { Issues } from "./context.js";

/** Compiles every table; ids are shared by life tables and look-up tables. */
export function compileTables(model: PathwayModel, issues: Issues): Map<string, TableData> {
  const out = new Map<string, TableData>();
  (model.lifeTables ?? []).forEach((lt, i) => {
    const p = ["lifeTables", i];
    if (out.has(lt.id)) issues.add([...p, "id"], `duplicate table id "${lt.id}"`, "duplicate_id");
    const kind = lt.kind ?? "qx";
    const keys: number[] = [];
    const values: string[] = [];
    const field = kind === "qx" ? "q" : "m";
    const take = (age: number, v: string | number | undefined, vp: (string | number)[], ap: (string | number)[]): void => {
      const prev = keys[keys.length - 1];
      if (prev !== undefined && age <= prev) issues.add(ap, `ages must increase, got ${age} after ${prev}`, "out_of_order");
      if (v === undefined) {
        issues.add(vp, `is required: a table declared ${kind} gives "${field}" for every age`, "invalid_type");
        return;
      }
      const x = Number(v);
      if (kind === "qx" && !(x >= 0 && x <= 1)) issues.add(vp, `must be a probability in [0, 1], got ${String(v)}`, "invalid_value");
      if (kind === "mx" && !(x >= 0 && Number.isFinite(x))) issues.add(vp, `must be a rate ≥ 0, got ${String(v)}`, "invalid_value");
      keys.push(age);
      values.push(String(v));
    };
    if (lt.rows !== undefined && lt.values !== undefined) issues.add(p, "give either rows or fromAge with values, not both", "invalid_value");
    if (lt.rows !== undefined) {
      lt.rows.forEach((r, j) => {
        const other = kind === "qx" ? r.m : r.q;
        if (other !== undefined) issues.add([...p, "rows", j, kind === "qx" ? "m" : "q"], `the table is declared ${kind}: give "${field}", not "${kind === "qx" ? "m" : "q"}" (set kind: "${kind === "qx" ? "mx" : "qx"}" for a table of ${kind === "qx" ? "rates" : "probabilities"})`, "invalid_value");
        take(r.age, kind === "qx" ? r.q : r.m, [...p, "rows", j, field], [...p, "rows", j, "age"]);
      });
    } else if (lt.values !== undefined) {
      const from = lt.fromAge ?? 0;
      lt.values.forEach((v, j) => take(from + j, v, [...p, "values", j], [...p, "fromAge"]));
    }
    if (keys.length === 0) issues.add(p, "needs at least one age: rows, or fromAge with values", "too_small");
    out.set(lt.id, { id: lt.id, kind, keys, values });
  });
  (model.lookupTables ?? []).forEach((t, i) => {
    const p = ["lookupTables", i];
    if (out.has(t.id)) issues.add([...p, "id"], `duplicate table id "${t.id}"`, "duplicate_id");
    const keys: number[] = [];
    const values: string[] = [];
    if (t.rows !== undefined && t.values !== undefined) issues.add(p, "give either rows or from with values, not both", "invalid_value");
    const take = (key: number, v: string | number, ap: (string | number)[]): void => {
      const prev = keys[keys.length - 1];
      if (prev !== undefined && key <= prev) issues.add(ap, `keys must increase, got ${key} after ${prev}`, "out_of_order");
      keys.push(key);
      values.push(String(v));
    };
    if (t.rows !== undefined) t.rows.forEach((r, j) => take(r.key, r.value, [...p, "rows", j, "key"]));
    else if (t.values !== undefined) t.values.forEach((v, j) => take((t.from ?? 0) + j, v, [...p, "from"]));
    if (keys.length === 0) issues.add(p, "needs at least one row: rows, or from with values", "too_small");
    out.set(t.id, { id: t.id, kind: "value", keys, values });
  });
  return out;
}
