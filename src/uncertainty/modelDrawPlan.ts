import { VbpInputError } from "../errors/VbpInputError.js";
import type { VbpIssue } from "../errors/issue.js";
import type { PathwayModel } from "../pathway/model.js";
import type { DistributionRegistry } from "./distributions/registry.js";
import type { DistributionSpec } from "./distributions/types.js";
import { createDrawPlan, type CorrelationSpec, type DrawPlan, type UncertainQuantitySpec } from "./draws/drawPlan.js";
import type { UncertaintySection } from "./schema.js";

/** The draw-matrix key of a model parameter. */
export const PARAMETER_KEY_PREFIX = "parameter:";

/**
 * The key of a model parameter in a draw plan: `parameter:<id>`.
 *
 * @example
 * ```ts
 * parameterKey("p_ssi"); //=> "parameter:p_ssi"
 * ```
 * @category Uncertainty
 */
export function parameterKey(id: string): string {
  return `${PARAMETER_KEY_PREFIX}${id}`;
}

/**
 * The draw plan of a model: every parameter with a distribution (its own `distribution`, or the one given in
 * the document's `uncertainty.distributions`, which takes precedence), Dirichlet rows (parameters whose
 * Dirichlet has the same `group`, or without a group the same counts, share one draw of the row) and
 * correlated groups. A `fixed` distribution without a value keeps the parameter at its base case.
 *
 * @param model - a parsed model
 * @param uncertainty - the document's uncertainty section (optional)
 * @param registry - distributions known by name
 * @returns the plan; its keys are `parameter:<id>`
 * @throws VbpInputError with the path of every invalid distribution, row or matrix
 * @example
 * ```ts
 * const model = { id: "ssi", currency: "GBP",
 *   parameters: [{ id: "p_ssi", value: "0.05" }, { id: "c_bed_day", value: 345 }, { id: "los", value: 3 }, { id: "los_ssi", value: 7 }],
 *   tree: { root: "surgery", nodes: [
 *     { id: "surgery", items: [{ id: "bed", category: "bed-days", quantity: { param: "los" }, unitCost: { param: "c_bed_day" } }],
 *       branches: [{ to: "ssi", probability: { param: "p_ssi" } }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: { param: "los_ssi" }, unitCost: { param: "c_bed_day" } }], qalys: "-0.02" },
 *     { id: "healed" },
 *   ] },
 *   options: [{ id: "standard", isComparator: true },
 *     { id: "npwt", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }], extraCosts: [{ id: "npwt", category: "consumables", amount: "15" }] }],
 * };
 * const plan = modelDrawPlan(model, { distributions: { p_ssi: { type: "beta", mean: 0.05, se: 0.01 } } });
 * plan.keys; //=> ["parameter:p_ssi"]
 * ```
 * @category Uncertainty
 */
export function modelDrawPlan(model: PathwayModel, uncertainty: UncertaintySection = {}, registry?: DistributionRegistry): DrawPlan {
  const issues: VbpIssue[] = [];
  const params = model.parameters ?? [];
  const ids = new Set(params.map((p) => p.id));
  const declared = uncertainty.distributions ?? {};
  for (const id of Object.keys(declared)) {
    if (!ids.has(id)) issues.push({ code: "unknown_reference", path: ["uncertainty", "distributions", id], message: `no parameter "${id}" in the model` });
  }
  const quantities: UncertainQuantitySpec[] = [];
  params.forEach((p, i) => {
    const own = Object.prototype.hasOwnProperty.call(declared, p.id);
    const spec = (own ? declared[p.id] : p.distribution) as DistributionSpec | undefined;
    if (spec === undefined) return;
    const path = own ? ["uncertainty", "distributions", p.id] : ["parameters", i, "distribution"];
    if (spec.type === "fixed" && spec.value === undefined) return;
    if (spec.type === "dirichlet") {
      const alpha = spec.alpha as readonly (number | string)[];
      const group = typeof spec.group === "string" ? spec.group : `counts:${JSON.stringify(Array.isArray(alpha) ? alpha.map(Number) : alpha)}`;
      quantities.push({ key: parameterKey(p.id), path, dirichlet: { group, alpha, index: spec.index as number } });
    } else quantities.push({ key: parameterKey(p.id), path, distribution: spec });
  });
  const correlations: CorrelationSpec[] = (uncertainty.correlations ?? []).map((c, i) => {
    c.parameters.forEach((id, j) => {
      if (!ids.has(id)) issues.push({ code: "unknown_reference", path: ["uncertainty", "correlations", i, "parameters", j], message: `no parameter "${id}" in the model` });
    });
    return { keys: c.parameters.map(parameterKey), matrix: c.matrix, path: ["uncertainty", "correlations", i] };
  });
  let plan: DrawPlan | undefined;
  try {
    plan = createDrawPlan({ quantities, correlations: issues.length > 0 ? [] : correlations, ...(registry !== undefined ? { registry } : {}) });
  } catch (e) {
    if (!(e instanceof VbpInputError)) throw e;
    issues.push(...e.issues);
  }
  if (issues.length > 0 || plan === undefined) throw new VbpInputError(issues);
  return plan;
}
