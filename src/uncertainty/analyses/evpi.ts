import { VbpInputError } from "../../errors/VbpInputError.js";
import type { PsaResult } from "../psa.js";
import { checkThresholds, validDraws } from "./draws.js";

/**
 * Expected value of perfect information at each willingness to pay.
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
 * const e: Evpi = evpi(psa, [20000, 30000]);
 * e.points[0].perPatient;
 * ```
 * @category Uncertainty
 */
export interface Evpi {
  /** One point per threshold. */
  readonly points: readonly {
    /** Willingness to pay per QALY. */
    readonly threshold: number;
    /** EVPI per patient, in the model's currency: E[max_o NMB_o] − max_o E[NMB_o]. */
    readonly perPatient: number;
    /** EVPI for the population: per patient × the (discounted) number of patients; absent without a population. */
    readonly population?: number;
  }[];
  /** The (discounted) number of patients used for the population figures. */
  readonly patients?: number;
  /** Currency. */
  readonly currency: string;
  /** Number of valid draws. */
  readonly draws: number;
}

/**
 * EVPI from PSA draws (Briggs, Claxton & Sculpher 2006 §7.2; Claxton 1999): the expected NMB with perfect
 * information, the mean over draws of the best option's NMB, minus the expected NMB of the decision under
 * current information, the best mean NMB. Population EVPI multiplies by the patients affected over the
 * decision's lifetime, discounted: by default the model's volumes discounted with its cost schedule (recorded
 * in the PSA result as `discountedPatients`), or the `patients` given.
 *
 * @param psa - a PSA result
 * @param thresholds - λ values (≥ 0)
 * @param settings - `patients`: the (discounted) population, overriding the model's volumes
 * @returns per-patient and population EVPI at each λ
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
 * evpi(psa, [25000], { patients: 12000 }).points[0].population;
 * ```
 * @category Uncertainty
 */
export function evpi(psa: PsaResult, thresholds: readonly number[], settings: { readonly patients?: number } = {}): Evpi {
  checkThresholds(thresholds);
  const patients = settings.patients ?? psa.discountedPatients;
  if (settings.patients !== undefined && !(Number.isFinite(settings.patients) && settings.patients >= 0)) {
    throw new VbpInputError([{ code: "invalid_value", path: ["patients"], message: `must be a finite number ≥ 0, got ${settings.patients}` }]);
  }
  const idx = validDraws(psa);
  const n = idx.length;
  const points = thresholds.map((lambda) => {
    const sums = new Float64Array(psa.options.length);
    let sumMax = 0;
    for (let j = 0; j < n; j++) {
      const d = idx[j]!;
      let m = -Infinity;
      for (let o = 0; o < psa.options.length; o++) {
        const nmb = lambda * psa.options[o]!.qalys[d]! - psa.options[o]!.costs[d]!;
        sums[o] = sums[o]! + nmb;
        if (nmb > m) m = nmb;
      }
      sumMax += m;
    }
    const perPatient = Math.max(0, sumMax / n - Math.max(...Array.from(sums, (s) => s / n)));
    return { threshold: lambda, perPatient, ...(patients !== undefined ? { population: perPatient * patients } : {}) };
  });
  return { points, currency: psa.currency, draws: n, ...(patients !== undefined ? { patients } : {}) };
}
