import { VbpInputError } from "../../errors/VbpInputError.js";
import type { PsaResult } from "../psa.js";
import { optionOf, validDraws } from "./draws.js";

/**
 * A running mean with its Monte Carlo standard error, at checkpoints.
 *
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
 *   uncertainty: { distributions: { p_ssi: { type: "beta", mean: 0.05, se: 0.01 }, c_bed_day: { type: "gamma", mean: 345, se: 50 }, los_ssi: { type: "gamma", mean: 7, se: 2 } } },
 * };
 * const psa = runPsa(model, { iterations: 500, seed: 1 });
 * const c: Convergence = convergence(psa, { optionId: "npwt", measure: "costs" });
 * c.mcse[c.mcse.length - 1]; // MCSE of the final mean
 * ```
 * @category Uncertainty
 */
export interface Convergence {
  /** What was tracked. */
  readonly optionId: string;
  /** `costs`, `qalys`, `lifeYears`, `carbonKg`, or `nmb` / `incrementalNmb` at `threshold`. */
  readonly measure: string;
  /** Number of valid draws at each checkpoint. */
  readonly draws: readonly number[];
  /** Running mean at each checkpoint. */
  readonly mean: readonly number[];
  /** Monte Carlo standard error of the running mean, s/√n (Welford's running variance). */
  readonly mcse: readonly number[];
}

/**
 * Convergence of a PSA estimate: the running mean of a per-draw quantity and its Monte Carlo standard error
 * (sample SD/√n, running variance by Welford 1962), at up to `points` evenly spaced checkpoints. When the
 * MCSE is small relative to the differences that matter, the iterations suffice.
 *
 * @param psa - a PSA result
 * @param settings - `optionId`, `measure` (`costs`, `qalys`, `lifeYears`, `carbonKg`, `nmb`, `incrementalNmb` against the comparator), `threshold` (for NMB), `points` (default 100)
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
 *   uncertainty: { distributions: { p_ssi: { type: "beta", mean: 0.05, se: 0.01 }, c_bed_day: { type: "gamma", mean: 345, se: 50 }, los_ssi: { type: "gamma", mean: 7, se: 2 } } },
 * };
 * const psa = runPsa(model, { iterations: 500, seed: 1 });
 * convergence(psa, { optionId: "npwt", measure: "incrementalNmb", threshold: 25000 });
 * ```
 * @category Uncertainty
 */
export function convergence(
  psa: PsaResult,
  settings: { readonly optionId: string; readonly measure: "costs" | "qalys" | "lifeYears" | "carbonKg" | "nmb" | "incrementalNmb"; readonly threshold?: number; readonly points?: number },
): Convergence {
  const o = optionOf(psa, settings.optionId, ["optionId"]);
  const ref = optionOf(psa, psa.comparatorId, ["comparatorId"]);
  const lambda = settings.threshold ?? 0;
  if ((settings.measure === "nmb" || settings.measure === "incrementalNmb") && !(typeof settings.threshold === "number" && Number.isFinite(settings.threshold) && settings.threshold >= 0)) {
    throw new VbpInputError([{ code: "invalid_value", path: ["threshold"], message: `NMB needs a willingness to pay ≥ 0, got ${String(settings.threshold)}` }]);
  }
  const points = settings.points ?? 100;
  if (!Number.isInteger(points) || points < 1 || points > 100000) throw new VbpInputError([{ code: "invalid_value", path: ["points"], message: `must be a whole number from 1 to 100,000, got ${points}` }]);
  const value = (d: number): number => {
    switch (settings.measure) {
      case "nmb":
        return lambda * o.qalys[d]! - o.costs[d]!;
      case "incrementalNmb":
        return lambda * (o.qalys[d]! - ref.qalys[d]!) - (o.costs[d]! - ref.costs[d]!);
      default:
        return o[settings.measure][d]!;
    }
  };
  const idx = validDraws(psa);
  const n = idx.length;
  const step = Math.max(1, Math.ceil(n / points));
  const draws: number[] = [];
  const mean: number[] = [];
  const mcse: number[] = [];
  let m = 0;
  let s = 0;
  for (let j = 0; j < n; j++) {
    const x = value(idx[j]!);
    const delta = x - m;
    m += delta / (j + 1);
    s += delta * (x - m);
    if ((j + 1) % step === 0 || j === n - 1) {
      draws.push(j + 1);
      mean.push(m);
      mcse.push(j > 0 ? Math.sqrt(s / j / (j + 1)) : 0);
    }
  }
  return { optionId: o.optionId, measure: settings.measure, draws, mean, mcse };
}
