import type { PathwayModel } from "../../pathway/model.js";
import { prepareDsa } from "./figures.js";
import { oneWayOn, type OneWayResult, type OneWaySettings } from "./oneWay.js";
import { scenariosOn, type Scenario, type ScenarioResult } from "./scenarios.js";
import { thresholdOn, type ThresholdResult, type ThresholdSpec } from "./threshold.js";
import { tornado, type Tornado } from "./tornado.js";
import { twoWayOn, type TwoWayResult } from "./twoWay.js";

/**
 * Every deterministic analysis a document declares in its `uncertainty` section.
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
 *   uncertainty: {
 *     distributions: { p_ssi: { type: "beta", mean: 0.05, se: 0.01 } },
 *     thresholds: [{ id: "npwt-bed-day", parameter: "c_bed_day", range: [0, 2000], option: "npwt", target: { measure: "cost" } }],
 *   },
 * };
 * const r: DeclaredAnalyses = runDeclaredAnalyses(doc);
 * r.thresholds.map((t) => t.summary);
 * ```
 * @category Uncertainty
 */
export interface DeclaredAnalyses {
  /** One-way results (when `oneWay` is declared). */
  readonly oneWay?: OneWayResult;
  /** Tornado data on incremental NMB (at the first PSA threshold, else 0) for each option against the comparator. */
  readonly tornadoes: readonly Tornado[];
  /** Two-way grids by id. */
  readonly twoWay: readonly (TwoWayResult & {
    /** The grid's id. */
    readonly id: string;
  })[];
  /** Scenarios (when declared). */
  readonly scenarios?: ScenarioResult;
  /** Threshold analyses. */
  readonly thresholds: readonly ThresholdResult[];
}

/**
 * Runs the deterministic analyses declared in a document's `uncertainty` section (one-way with tornado data,
 * two-way grids, scenarios, thresholds) on one compiled model: what `vbp dsa` prints.
 *
 * @param model - a model document with an `uncertainty` section
 * @returns the results
 * @throws VbpInputError with paths into the `uncertainty` section
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
 *   uncertainty: {
 *     distributions: { p_ssi: { type: "beta", mean: 0.05, se: 0.01 } },
 *     psa: { iterations: 1000, seed: 1, thresholds: [25000] },
 *     oneWay: { ranges: { los: [2, 5], c_bed_day: [250, 450] } },
 *   },
 * };
 * runDeclaredAnalyses(doc).tornadoes[0].bars[0].parameter;
 * ```
 * @category Uncertainty
 */
export function runDeclaredAnalyses(model: PathwayModel | unknown): DeclaredAnalyses {
  const m = prepareDsa(model);
  const u = m.uncertainty;
  const oneWay = u.oneWay !== undefined ? oneWayOn(m, u.oneWay as OneWaySettings) : undefined;
  const lambda = u.psa?.thresholds?.[0] ?? 0;
  const tornadoes = oneWay === undefined ? [] : m.compiled.optionIds.filter((id) => id !== m.comparatorId).map((optionId) => tornado(oneWay, { measure: "incrementalNmb", optionId, threshold: lambda }));
  const twoWay = (u.twoWay ?? []).map((t) => ({ id: t.id, ...twoWayOn(m, { x: t.x as never, y: t.y as never }) }));
  const scenarios = u.scenarios !== undefined ? scenariosOn(m, u.scenarios as readonly Scenario[]) : undefined;
  const thresholds = (u.thresholds ?? []).map((t, i) => thresholdOn(m, t as ThresholdSpec, ["uncertainty", "thresholds", i]));
  return { ...(oneWay !== undefined ? { oneWay } : {}), tornadoes, twoWay, ...(scenarios !== undefined ? { scenarios } : {}), thresholds };
}
