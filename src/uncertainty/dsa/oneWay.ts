import { VbpInputError } from "../../errors/VbpInputError.js";
import type { VbpIssue } from "../../errors/issue.js";
import type { PathwayModel } from "../../pathway/model.js";
import type { DistributionRegistry } from "../distributions/registry.js";
import { evaluateFigures, marginOf, prepareDsa, type DsaModel, type OptionFigures } from "./figures.js";

/**
 * Settings of {@link oneWaySensitivity} (also read from a document's `uncertainty.oneWay`).
 *
 * @example
 * ```ts
 * const s: OneWaySettings = { parameters: ["p_ssi", "c_bed_day"], ranges: { c_bed_day: [250, 450] } };
 * ```
 * @category Uncertainty
 */
export interface OneWaySettings {
  /** Parameters to vary (default: every parameter with a distribution or a given range). */
  readonly parameters?: readonly string[];
  /** Low and high values by parameter (otherwise the distribution's percentiles). */
  readonly ranges?: Readonly<Record<string, readonly [number, number]>>;
  /** Percentiles for low/high from distributions (default [0.025, 0.975]). */
  readonly percentiles?: readonly [number, number];
  /** Distributions known by name. */
  readonly registry?: DistributionRegistry;
}

/**
 * One-way sensitivity analysis: every option's figures with each parameter at its low and at its high value.
 *
 * @example
 * ```ts
 * const doc = { id: "ssi", currency: "GBP",
 *   parameters: [{ id: "p_ssi", value: "0.05" }, { id: "c_bed_day", value: 345 }, { id: "los", value: 3 }, { id: "los_ssi", value: 7 }],
 *   tree: { root: "surgery", nodes: [
 *     { id: "surgery", items: [{ id: "bed", category: "bed-days", quantity: { param: "los" }, unitCost: { param: "c_bed_day" } }],
 *       branches: [{ to: "ssi", probability: { param: "p_ssi" } }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: { param: "los_ssi" }, unitCost: { param: "c_bed_day" } }], qalys: "-0.02" },
 *     { id: "healed" },
 *   ] },
 *   options: [{ id: "standard", isComparator: true },
 *     { id: "npwt", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }], extraCosts: [{ id: "npwt", category: "consumables", amount: "15" }] }],
 *   uncertainty: { distributions: { p_ssi: { type: "beta", mean: 0.05, se: 0.01 }, c_bed_day: { type: "gamma", mean: 345, se: 50 }, los_ssi: { type: "gamma", mean: 7, se: 2 } } },
 * };
 * const r: OneWayResult = oneWaySensitivity(doc);
 * r.parameters[0].atHigh[1].costs;
 * ```
 * @category Uncertainty
 */
export interface OneWayResult {
  /** The comparator. */
  readonly comparatorId: string;
  /** Base case figures. */
  readonly base: readonly OptionFigures[];
  /** One entry per parameter varied. */
  readonly parameters: readonly {
    /** Parameter id. */
    readonly id: string;
    /** Base-case value (absent when the parameter is defined by an expression). */
    readonly baseValue?: number;
    /** Low value. */
    readonly low: number;
    /** High value. */
    readonly high: number;
    /** Where the low/high values came from. */
    readonly from: "range" | "distribution";
    /** Figures at the low value (absent when that value breaks a model rule; see `problem`). */
    readonly atLow?: readonly OptionFigures[];
    /** Figures at the high value. */
    readonly atHigh?: readonly OptionFigures[];
    /** The rule broken at low or high, if any. */
    readonly problem?: string;
  }[];
}

/** @internal One-way on a prepared model. */
export function oneWayOn(m: DsaModel, settings: OneWaySettings = {}): OneWayResult {
  const issues: VbpIssue[] = [];
  const all = m.compiled.model.parameters ?? [];
  const known = new Set(all.map((p) => p.id));
  const ranges = settings.ranges ?? {};
  const [pl, ph] = settings.percentiles ?? [0.025, 0.975];
  if (!(pl > 0 && pl < ph && ph < 1)) issues.push({ code: "invalid_value", path: ["percentiles"], message: `must be two percentiles with 0 < low < high < 1, got [${pl}, ${ph}]` });
  for (const [id, r] of Object.entries(ranges)) {
    if (!known.has(id)) issues.push({ code: "unknown_reference", path: ["ranges", id], message: `no parameter "${id}" in the model` });
    else if (!(Array.isArray(r) && r.length === 2 && r.every(Number.isFinite))) issues.push({ code: "invalid_value", path: ["ranges", id], message: "must be [low, high], two finite numbers" });
  }
  const ids = settings.parameters ?? all.map((p) => p.id).filter((id) => Object.prototype.hasOwnProperty.call(ranges, id) || (marginOf(m, id)?.variance ?? 0) > 0);
  ids.forEach((id, i) => {
    if (!known.has(id)) issues.push({ code: "unknown_reference", path: ["parameters", i], message: `no parameter "${id}" in the model` });
    else if (!Object.prototype.hasOwnProperty.call(ranges, id) && marginOf(m, id) === undefined) {
      issues.push({ code: "invalid_value", path: ["parameters", i], message: `"${id}" has neither a distribution nor a range: give ranges["${id}"] = [low, high]` });
    }
  });
  if (issues.length > 0) throw new VbpInputError(issues);
  const parameters = ids.map((id) => {
    const given = ranges[id];
    const margin = marginOf(m, id);
    const low = given !== undefined ? given[0] : margin!.quantile(pl);
    const high = given !== undefined ? given[1] : margin!.quantile(ph);
    const baseValue = baseValueOf(m, id);
    const at = (v: number): { figures?: OptionFigures[]; problem?: string } => {
      try {
        return { figures: evaluateFigures(m, { [id]: v }) };
      } catch (e) {
        if (e instanceof VbpInputError) return { problem: `at ${v}: ${e.issues[0]!.message}` };
        throw e;
      }
    };
    const lo = at(low);
    const hi = at(high);
    const problem = [lo.problem, hi.problem].filter((x) => x !== undefined).join("; ");
    return {
      id,
      ...(baseValue !== undefined ? { baseValue } : {}),
      low,
      high,
      from: given !== undefined ? ("range" as const) : ("distribution" as const),
      ...(lo.figures !== undefined ? { atLow: lo.figures } : {}),
      ...(hi.figures !== undefined ? { atHigh: hi.figures } : {}),
      ...(problem !== "" ? { problem } : {}),
    };
  });
  return { comparatorId: m.comparatorId, base: m.base, parameters };
}

/** @internal A parameter's base-case value when it is a literal. */
function baseValueOf(m: DsaModel, id: string): number | undefined {
  const v = (m.compiled.model.parameters ?? []).find((x) => x.id === id)!.value;
  return typeof v === "number" ? v : typeof v === "string" ? Number(v) : undefined;
}

/**
 * One-way sensitivity analysis on the compiled model (compiled once; each value is one Float64 evaluation):
 * each parameter alone at its low and high value, taken from the given range or from its distribution's
 * percentiles (2.5th and 97.5th by default; a Dirichlet component uses its beta marginal). A value that
 * breaks a model rule is reported on that parameter, not thrown.
 *
 * @param model - a model document (its `uncertainty.oneWay` settings are used unless `settings` are given)
 * @param settings - parameters, ranges, percentiles
 * @returns the base case and, per parameter, every option's figures at low and high
 * @throws VbpInputError for an unknown parameter or one with neither a distribution nor a range
 * @example
 * ```ts
 * const doc = { id: "ssi", currency: "GBP",
 *   parameters: [{ id: "p_ssi", value: "0.05" }, { id: "c_bed_day", value: 345 }, { id: "los", value: 3 }, { id: "los_ssi", value: 7 }],
 *   tree: { root: "surgery", nodes: [
 *     { id: "surgery", items: [{ id: "bed", category: "bed-days", quantity: { param: "los" }, unitCost: { param: "c_bed_day" } }],
 *       branches: [{ to: "ssi", probability: { param: "p_ssi" } }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: { param: "los_ssi" }, unitCost: { param: "c_bed_day" } }], qalys: "-0.02" },
 *     { id: "healed" },
 *   ] },
 *   options: [{ id: "standard", isComparator: true },
 *     { id: "npwt", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }], extraCosts: [{ id: "npwt", category: "consumables", amount: "15" }] }],
 *   uncertainty: { distributions: { p_ssi: { type: "beta", mean: 0.05, se: 0.01 }, c_bed_day: { type: "gamma", mean: 345, se: 50 }, los_ssi: { type: "gamma", mean: 7, se: 2 } } },
 * };
 * const ow = oneWaySensitivity(doc, { ranges: { c_bed_day: [250, 450] }, parameters: ["c_bed_day"] });
 * ```
 * @category Uncertainty
 */
export function oneWaySensitivity(model: PathwayModel | unknown, settings?: OneWaySettings): OneWayResult {
  const m = prepareDsa(model, settings?.registry);
  const declared = m.uncertainty.oneWay;
  return oneWayOn(m, settings ?? (declared as OneWaySettings | undefined) ?? {});
}
