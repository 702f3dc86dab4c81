import type { PsaResult } from "../psa.js";
import { checkThresholds, optionOf, validDraws } from "./draws.js";

/**
 * Cost-effectiveness acceptability curves.
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
 * const c: Ceac = ceac(psa, [0, 10000, 20000, 30000]);
 * c.options[1].probability[2]; // P(option 1 has the highest NMB at £20,000/QALY)
 * ```
 * @category Uncertainty
 */
export interface Ceac {
  /** Willingness-to-pay values per QALY. */
  readonly thresholds: readonly number[];
  /** Per option: the probability at each threshold. */
  readonly options: readonly {
    /** Option id. */
    readonly optionId: string;
    /** Probability at each threshold. */
    readonly probability: readonly number[];
  }[];
  /** Which definition: `"highest-nmb"` (all options at once) or `"pairwise"` (each option against a reference). */
  readonly definition: "highest-nmb" | "pairwise";
  /** The reference (pairwise only). */
  readonly referenceId?: string;
  /** Number of valid draws. */
  readonly draws: number;
}

/**
 * The CEAC for any number of options in the multi-option definition: at each willingness to pay λ, the share
 * of draws in which each option has the highest net monetary benefit λ·Q − C (Fenwick, Claxton & Sculpher
 * 2001, Health Econ 10:779–787; Briggs, Claxton & Sculpher 2006 §5.2). The curves sum to 1 at every λ; a tie
 * goes to the first option in model order.
 *
 * @param psa - a PSA result
 * @param thresholds - λ values (≥ 0)
 * @returns probabilities per option and threshold
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
 * ceac(psa, thresholdRange(0, 50000, 51)).options.map((o) => o.probability[20]);
 * ```
 * @category Uncertainty
 */
export function ceac(psa: PsaResult, thresholds: readonly number[]): Ceac {
  checkThresholds(thresholds);
  const idx = validDraws(psa);
  const k = psa.options.length;
  const counts = psa.options.map(() => new Float64Array(thresholds.length));
  thresholds.forEach((lambda, t) => {
    for (let j = 0; j < idx.length; j++) {
      const d = idx[j]!;
      let best = 0;
      let bestNmb = -Infinity;
      for (let o = 0; o < k; o++) {
        const opt = psa.options[o]!;
        const nmb = lambda * opt.qalys[d]! - opt.costs[d]!;
        if (nmb > bestNmb) {
          bestNmb = nmb;
          best = o;
        }
      }
      counts[best]![t]!++;
    }
  });
  return {
    thresholds: [...thresholds],
    definition: "highest-nmb",
    draws: idx.length,
    options: psa.options.map((o, i) => ({ optionId: o.optionId, probability: Array.from(counts[i]!, (c) => c / idx.length) })),
  };
}

/**
 * Pairwise CEACs: for each option, the share of draws in which it is cost-effective against one reference
 * (incremental NMB λ·ΔQ − ΔC > 0), the two-option definition of van Hout et al. (1994), Health Econ 3:309–319.
 *
 * @param psa - a PSA result
 * @param thresholds - λ values (≥ 0)
 * @param settings - `referenceId` (default the comparator)
 * @returns probabilities per option (other than the reference) and threshold
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
 * pairwiseCeac(psa, [20000, 30000]).options[0].probability; //=> [1, 1]
 * ```
 * @category Uncertainty
 */
export function pairwiseCeac(psa: PsaResult, thresholds: readonly number[], settings: { readonly referenceId?: string } = {}): Ceac {
  checkThresholds(thresholds);
  const ref = optionOf(psa, settings.referenceId ?? psa.comparatorId, ["referenceId"]);
  const idx = validDraws(psa);
  const options = psa.options
    .filter((o) => o !== ref)
    .map((o) => ({
      optionId: o.optionId,
      probability: thresholds.map((lambda) => {
        let c = 0;
        for (let j = 0; j < idx.length; j++) {
          const d = idx[j]!;
          if (lambda * (o.qalys[d]! - ref.qalys[d]!) - (o.costs[d]! - ref.costs[d]!) > 0) c++;
        }
        return c / idx.length;
      }),
    }));
  return { thresholds: [...thresholds], definition: "pairwise", referenceId: ref.optionId, draws: idx.length, options };
}
