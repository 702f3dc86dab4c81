import { VbpInputError } from "../../errors/VbpInputError.js";
import type { PathwayModel } from "../../pathway/model.js";
import { evaluateFigures, prepareDsa, type DsaModel, type OptionFigures } from "./figures.js";

/**
 * A named set of parameter overrides.
 *
 * @example
 * ```ts
 * const s: Scenario = { id: "pessimistic", overrides: { p_ssi: 0.08, c_bed_day: 420 } };
 * ```
 * @category Uncertainty
 */
export interface Scenario {
  /** Scenario id. */
  readonly id: string;
  /** Human name. */
  readonly label?: string;
  /** Parameter values by id. */
  readonly overrides: Readonly<Record<string, number>>;
}

/**
 * Every option's figures under each scenario, with the base case.
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
 * const r: ScenarioResult = scenarioAnalysis(doc, [{ id: "high-cost", overrides: { c_bed_day: 450 } }]);
 * ```
 * @category Uncertainty
 */
export interface ScenarioResult {
  /** The comparator. */
  readonly comparatorId: string;
  /** Base case. */
  readonly base: readonly OptionFigures[];
  /** One entry per scenario. */
  readonly scenarios: readonly {
    /** Scenario id. */
    readonly id: string;
    /** Human name. */
    readonly label: string;
    /** The overrides applied. */
    readonly overrides: Readonly<Record<string, number>>;
    /** Every option's figures. */
    readonly figures: readonly OptionFigures[];
  }[];
}

/** @internal Scenarios on a prepared model; every unknown parameter and broken rule is reported at once. */
export function scenariosOn(m: DsaModel, scenarios: readonly Scenario[]): ScenarioResult {
  const ids = new Set<string>();
  const out: ScenarioResult["scenarios"][number][] = [];
  const problems = [];
  for (const [i, s] of scenarios.entries()) {
    if (ids.has(s.id)) problems.push({ code: "duplicate_id" as const, path: ["scenarios", i, "id"], message: `scenario "${s.id}" is declared twice` });
    ids.add(s.id);
    try {
      out.push({ id: s.id, label: s.label ?? s.id, overrides: s.overrides, figures: evaluateFigures(m, s.overrides) });
    } catch (e) {
      if (!(e instanceof VbpInputError)) throw e;
      problems.push(...e.issues.map((x) => ({ ...x, path: ["scenarios", i, ...x.path] })));
    }
  }
  if (problems.length > 0) throw new VbpInputError(problems);
  return { comparatorId: m.comparatorId, base: m.base, scenarios: out };
}

/**
 * Scenario analysis: the compiled model evaluated under named sets of overrides (a document's
 * `uncertainty.scenarios` unless given).
 *
 * @param model - a model document or parsed model
 * @param scenarios - the scenarios (default: the document's)
 * @returns base case and figures per scenario
 * @throws VbpInputError for an unknown parameter, a non-finite value or a value that breaks a model rule, with the scenario's path
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
 * scenarioAnalysis(doc, [{ id: "short-stay", overrides: { los: 2 } }]).scenarios[0].figures;
 * ```
 * @category Uncertainty
 */
export function scenarioAnalysis(model: PathwayModel | unknown, scenarios?: readonly Scenario[]): ScenarioResult {
  const m = prepareDsa(model);
  return scenariosOn(m, scenarios ?? ((m.uncertainty.scenarios ?? []) as readonly Scenario[]));
}
