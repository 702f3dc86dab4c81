/**
 * Parameters compiled to an indexed vector in dependency order: a parameter defined from others comes after
 * them; a cycle is an error. Distributions are checked here (they are sampled elsewhere).
 *
 * @module
 */
import type { VbpPath } from "../../errors/issue.js";
import type { PathwayModel } from "../../pathway/model.js";
import { expressionNames, parseExpression } from "../expression/parse.js";
import type { CParameter } from "../program.js";
import type { CompileContext, Issues } from "./context.js";
import { compileValue } from "./values.js";

/** Variables available inside Markov expressions (reserved: no parameter may take these ids). */
export const TIME_VARIABLES: ReadonlySet<string> = Object.freeze(new Set(["cycle", "time", "age"]));

/** The parameters' dependency order (ids), with duplicate, reserved-id and cycle issues recorded. */
export function parameterOrder(model: PathwayModel, issues: Issues): { readonly order: readonly string[]; readonly paths: ReadonlyMap<string, VbpPath> } {
  const params = model.parameters ?? [];
  const ids = new Set<string>();
  const paths = new Map<string, VbpPath>();
  const deps = new Map<string, string[]>();
  params.forEach((p, i) => {
    if (ids.has(p.id)) issues.add(["parameters", i, "id"], `duplicate parameter id "${p.id}"`, "duplicate_id");
    if (TIME_VARIABLES.has(p.id)) issues.add(["parameters", i, "id"], `"${p.id}" is reserved for the cycle variables (cycle, time, age); choose another id`, "invalid_value");
    ids.add(p.id);
    paths.set(p.id, ["parameters", i]);
  });
  params.forEach((p) => {
    const v = p.value;
    if (typeof v === "object" && "param" in v) deps.set(p.id, [v.param]);
    else if (typeof v === "object" && "expr" in v) {
      try {
        deps.set(p.id, [...expressionNames(parseExpression(v.expr))].filter((n) => ids.has(n)));
      } catch {
        // reported when the value is compiled
      }
    }
  });
  const order: string[] = [];
  const state = new Map<string, 1 | 2>();
  const visit = (id: string, stack: string[]): void => {
    const s = state.get(id);
    if (s === 2) return;
    if (s === 1) {
      const cyc = [...stack.slice(stack.indexOf(id)), id];
      issues.add([...(paths.get(id) ?? []), "value"], `parameters refer to each other in a cycle: ${cyc.join(" → ")}`, "cycle");
      return;
    }
    state.set(id, 1);
    for (const d of deps.get(id) ?? []) if (ids.has(d)) visit(d, [...stack, id]);
    state.set(id, 2);
    order.push(id);
  };
  for (const id of ids) visit(id, []);
  return { order, paths };
}

/** Compiles every parameter's value into the vector (in dependency order). */
export function compileParameters(ctx: CompileContext, model: PathwayModel, order: readonly string[], paths: ReadonlyMap<string, VbpPath>): CParameter[] {
  const byId = new Map((model.parameters ?? []).map((p) => [p.id, p] as const));
  const out: CParameter[] = [];
  order.forEach((id, index) => {
    const p = byId.get(id)!;
    const path = paths.get(id)!;
    const value = compileValue(ctx, p.value, [...path, "value"], { time: false });
    if (value !== undefined) out.push({ id, index, path, value });
  });
  (model.parameters ?? []).forEach((p, i) => checkDistribution(ctx.issues, p.distribution, ["parameters", i, "distribution"]));
  return out;
}

function checkDistribution(issues: Issues, d: NonNullable<PathwayModel["parameters"]>[number]["distribution"], dp: VbpPath): void {
  if (d === undefined) return;
  const positive = (key: string, v: string | number): void => {
    if (!(Number(v) > 0)) issues.add([...dp, key], `must be > 0, got ${String(v)}`, "too_small");
  };
  if (d.type === "beta") {
    positive("alpha", d.alpha);
    positive("beta", d.beta);
  } else if (d.type === "gamma") {
    positive("shape", d.shape);
    positive("scale", d.scale);
  } else if (d.type === "lognormal") positive("sdlog", d.sdlog);
  else if (d.type === "normal") positive("sd", d.sd);
  else if (d.type === "dirichlet") {
    d.alpha.forEach((a, j) => {
      if (!(Number(a) > 0)) issues.add([...dp, "alpha", j], `must be > 0, got ${String(a)}`, "too_small");
    });
    if (d.index >= d.alpha.length) issues.add([...dp, "index"], `must be less than the number of components (${d.alpha.length}), got ${d.index}`, "too_big");
  }
}
