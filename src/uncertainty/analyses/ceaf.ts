import type { PsaResult } from "../psa.js";
import { checkThresholds, validDraws } from "./draws.js";

/**
 * The cost-effectiveness acceptability frontier.
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
 * const f: Ceaf = ceaf(psa, [20000, 30000]);
 * f.points[0].optionId; // the option with the highest expected NMB at £20,000
 * ```
 * @category Uncertainty
 */
export interface Ceaf {
  /** One point per threshold. */
  readonly points: readonly {
    /** Willingness to pay per QALY. */
    readonly threshold: number;
    /** The option with the highest expected (mean) NMB: the decision under current information. */
    readonly optionId: string;
    /** Its expected NMB. */
    readonly expectedNmb: number;
    /** The probability that it has the highest NMB (the frontier's height). */
    readonly probability: number;
  }[];
  /** Number of valid draws. */
  readonly draws: number;
}

/**
 * The CEAF (Fenwick, Claxton & Sculpher 2001): at each λ, the option with the highest expected net monetary
 * benefit and the probability that it is the most cost-effective. The frontier switches where the optimal
 * decision changes, which need not be where the CEACs cross (Barton, Briggs & Fenwick 2008, Value Health 11:886–897).
 *
 * @param psa - a PSA result
 * @param thresholds - λ values (≥ 0)
 * @returns one point per threshold
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
 * ceaf(psa, thresholdRange(0, 100000, 101)).points.map((p) => p.optionId);
 * ```
 * @category Uncertainty
 */
export function ceaf(psa: PsaResult, thresholds: readonly number[]): Ceaf {
  checkThresholds(thresholds);
  const idx = validDraws(psa);
  const k = psa.options.length;
  const points = thresholds.map((lambda) => {
    const means = psa.options.map((o) => {
      let s = 0;
      for (let j = 0; j < idx.length; j++) s += lambda * o.qalys[idx[j]!]! - o.costs[idx[j]!]!;
      return s / idx.length;
    });
    let best = 0;
    for (let o = 1; o < k; o++) if (means[o]! > means[best]!) best = o;
    let wins = 0;
    for (let j = 0; j < idx.length; j++) {
      const d = idx[j]!;
      let top = 0;
      let topNmb = -Infinity;
      for (let o = 0; o < k; o++) {
        const nmb = lambda * psa.options[o]!.qalys[d]! - psa.options[o]!.costs[d]!;
        if (nmb > topNmb) {
          topNmb = nmb;
          top = o;
        }
      }
      if (top === best) wins++;
    }
    return { threshold: lambda, optionId: psa.options[best]!.optionId, expectedNmb: means[best]!, probability: wins / idx.length };
  });
  return { points, draws: idx.length };
}
