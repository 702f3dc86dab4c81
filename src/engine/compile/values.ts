/**
 * Model values compiled to codes: literals, parameter references, expressions, by-cycle steps and life-table
 * look-ups; and the sites that hold them (with the kind of quantity, for checks and effects).
 *
 * @module
 */
import type { VbpPath } from "../../errors/issue.js";
import type { ResourceItem, TimeValueInput } from "../../pathway/model.js";
import { compileCode, constantCode, OP, paramCode, type Code } from "../expression/code.js";
import { ExpressionError, parseExpression } from "../expression/parse.js";
import { evaluateScalar } from "../expression/scalar.js";
import type { CEvent, CItem, Site, SiteKind, Value } from "../program.js";
import type { CompileContext, ValueScope } from "./context.js";

function snippet(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);
}

/** Compiles a model value; records issues (with paths) and returns undefined when it cannot. */
export function compileValue(ctx: CompileContext, v: TimeValueInput | undefined, path: VbpPath, scope: ValueScope): Value | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "string" || typeof v === "number") {
    const text = String(v);
    if (!Number.isFinite(Number(text))) {
      ctx.issues.add(path, `must be within the range of a double (±1.8e308), got ${text}`, "too_big");
      return undefined;
    }
    return { k: "code", code: constantCode(text), text };
  }
  if ("param" in v) {
    const i = ctx.paramIndex.get(v.param);
    if (i === undefined) {
      ctx.issues.add([...path, "param"], `unknown parameter "${v.param}"`, "unknown_reference");
      return undefined;
    }
    return { k: "code", code: paramCode(i), text: v.param };
  }
  if ("expr" in v) {
    let code: Code;
    try {
      const ast = parseExpression(v.expr);
      code = compileCode(ast, {
        param: (name) => ctx.paramIndex.get(name),
        time: scope.time,
        table: (id) => ctx.tables.get(id),
      });
    } catch (e) {
      if (e instanceof ExpressionError) {
        const unknown = /^unknown (name|life table|look-up table)|only available inside/.test(e.message);
        ctx.issues.add([...path, "expr"], unknown ? e.message : `expression ${e.message}: ${snippet(v.expr)}`, unknown ? "unknown_reference" : "invalid_format");
        return undefined;
      }
      throw e;
    }
    if (code.ops.some((_, i) => i % 4 === 0 && code.ops[i] === OP.age) && scope.startAge !== true) {
      ctx.issues.add([...path, "expr"], `uses "age" but the Markov model has no startAge`, "unknown_reference");
      return undefined;
    }
    if (code.constant) {
      const r = evaluateScalar(code);
      if ("problem" in r) {
        ctx.issues.add([...path, "expr"], `cannot be evaluated: ${r.problem}`, "not_computable");
        return undefined;
      }
    }
    return { k: "code", code, text: v.expr };
  }
  if ("lifeTable" in v) {
    if (scope.lifeTable !== true) {
      ctx.issues.add(path, "a life-table lookup is only allowed for transition probabilities (or use lifeTable(\"id\", age) in an expression)", "invalid_value");
      return undefined;
    }
    const table = ctx.tables.get(v.lifeTable);
    if (table === undefined || table.kind === "value") {
      ctx.issues.add([...path, "lifeTable"], `unknown life table "${v.lifeTable}"`, "unknown_reference");
      return undefined;
    }
    if (scope.startAge !== true) {
      ctx.issues.add(path, "a life-table lookup needs the Markov model's startAge", "invalid_value");
      return undefined;
    }
    return compileValue(ctx, { expr: `lifeTable(${JSON.stringify(v.lifeTable)}, age)` }, path, scope);
  }
  if ("byCycle" in v) {
    if (!scope.time) {
      ctx.issues.add(path, "by-cycle values are only allowed inside a Markov model", "invalid_value");
      return undefined;
    }
    const steps: { from: number; value: Value }[] = [];
    v.byCycle.forEach((s, i) => {
      const value = compileValue(ctx, s.value, [...path, "byCycle", i, "value"], { ...scope, lifeTable: false });
      if (value !== undefined) steps.push({ from: s.fromCycle, value });
    });
    return steps.length === v.byCycle.length ? { k: "byCycle", steps } : undefined;
  }
  return undefined;
}

/** True when a value depends on the cycle. */
export function valueIsTimeDependent(v: Value): boolean {
  return v.k === "byCycle" || v.code.timeDependent;
}

/** Compiles a value into a new site; `fallback` (decimal text) when the value is absent. */
export function site(
  ctx: CompileContext,
  v: TimeValueInput | undefined,
  path: VbpPath,
  kind: SiteKind,
  describe: string,
  scope: ValueScope,
  fallback?: string,
): Site | undefined {
  let value = compileValue(ctx, v, path, scope);
  if (value === undefined) {
    if (v !== undefined || fallback === undefined) return undefined;
    value = { k: "code", code: constantCode(fallback), text: fallback };
  }
  const s: Site = {
    id: ctx.sites.length,
    value,
    path,
    kind,
    describe,
    timeDependent: valueIsTimeDependent(value),
    ...(scope.markov !== undefined ? { markov: scope.markov } : {}),
    ...(v !== null && typeof v === "object" && "lifeTable" in v ? { annualProbability: true } : {}),
  };
  ctx.sites.push(s);
  return s;
}

/** A site that holds zero (a stand-in after an error, or an id for replaceItem effects). */
export function placeholder(ctx: CompileContext, path: VbpPath): Site {
  const s: Site = { id: ctx.sites.length, value: { k: "code", code: constantCode("0"), text: "0" }, path, kind: "any", describe: "", timeDependent: false };
  ctx.sites.push(s);
  return s;
}

/** Compiles a list of resource items, checking ids are unique. */
export function compileItems(ctx: CompileContext, items: readonly ResourceItem<TimeValueInput>[] | undefined, path: VbpPath, where: string, scope: ValueScope): CItem[] {
  const out: CItem[] = [];
  const seen = new Set<string>();
  (items ?? []).forEach((item, i) => {
    const p = [...path, i];
    if (seen.has(item.id)) ctx.issues.add([...p, "id"], `duplicate item id "${item.id}" in ${where}`, "duplicate_id");
    seen.add(item.id);
    out.push(compileItem(ctx, item, p, where, scope));
  });
  return out;
}

/** Compiles one resource item. */
export function compileItem(ctx: CompileContext, item: ResourceItem<TimeValueInput>, p: VbpPath, where: string, scope: ValueScope): CItem {
  const quantity = site(ctx, item.quantity, [...p, "quantity"], "nonNegative", `quantity of item "${item.id}" in ${where}`, scope) ?? placeholder(ctx, p);
  const unitCost = site(ctx, item.unitCost, [...p, "unitCost"], "any", `unit cost of item "${item.id}" in ${where}`, scope) ?? placeholder(ctx, p);
  const carbon = item.carbonKgPerUnit === undefined ? undefined : site(ctx, item.carbonKgPerUnit, [...p, "carbonKgPerUnit"], "any", `carbon per unit of item "${item.id}" in ${where}`, scope);
  return { id: item.id, category: item.category, quantity, unitCost, carbon, replaceSite: placeholder(ctx, p).id, path: p };
}

/** Compiles event counts, checking names are unique. */
export function compileEvents(ctx: CompileContext, events: readonly { name: string; count: TimeValueInput }[] | undefined, path: VbpPath, where: string, scope: ValueScope): CEvent[] {
  const out: CEvent[] = [];
  const seen = new Set<string>();
  (events ?? []).forEach((e, i) => {
    if (seen.has(e.name)) ctx.issues.add([...path, i, "name"], `duplicate event "${e.name}" in ${where}`, "duplicate_id");
    seen.add(e.name);
    const count = site(ctx, e.count, [...path, i, "count"], "nonNegative", `count of event "${e.name}" in ${where}`, scope);
    if (count !== undefined) out.push({ name: e.name, count });
  });
  return out;
}
