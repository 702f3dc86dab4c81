import { VbpInputError } from "../../errors/VbpInputError.js";
import type { PsaResult } from "../psa.js";
import { summariseDraws, type DrawSummary } from "../summary.js";
import { checkThresholds, optionOf, validDraws } from "./draws.js";

/**
 * Net monetary benefit of every option at each willingness to pay, summarised over the draws: mean, SD, MCSE,
 * median and 95% credible interval of NMB = λ × QALYs − cost, and of the incremental NMB against the
 * comparator.
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
 * const s: NmbSummary = nmbSummary(psa, [20000]);
 * s.points[0].options[1].incremental.mean; // mean incremental NMB of npwt at £20,000 per QALY
 * ```
 * @category Uncertainty
 */
export interface NmbSummary {
  /** The comparator of the incremental figures. */
  readonly comparatorId: string;
  /** Currency. */
  readonly currency: string;
  /** One point per threshold. */
  readonly points: readonly {
    /** Willingness to pay per QALY. */
    readonly threshold: number;
    /** One entry per option, in the PSA's order. */
    readonly options: readonly {
      /** Option id. */
      readonly optionId: string;
      /** NMB per patient over the valid draws. */
      readonly nmb: DrawSummary;
      /** NMB per patient minus the comparator's, over the valid draws (all zero for the comparator). */
      readonly incremental: DrawSummary;
    }[];
  }[];
}

/**
 * Summarises each option's net monetary benefit (Stinnett & Mullahy 1998: NMB = λE − C) and incremental NMB
 * against the comparator at each threshold, over the PSA's valid draws (summaries as in the PSA result:
 * SD with n − 1, MCSE = SD/√n, percentiles by Hyndman & Fan type 7).
 *
 * @param psa - a PSA result
 * @param thresholds - λ values (≥ 0)
 * @param settings - `comparatorId` (default the model's comparator), `level` of the credible interval (default 0.95)
 * @returns the summaries by threshold and option
 * @throws VbpInputError for a negative or non-finite threshold, an unknown comparator or a level outside (0, 1)
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
 * nmbSummary(psa, [20000, 30000]).points[1].options[0].nmb.mean;
 * ```
 * @category Uncertainty
 */
export function nmbSummary(psa: PsaResult, thresholds: readonly number[], settings: { readonly comparatorId?: string; readonly level?: number } = {}): NmbSummary {
  checkThresholds(thresholds);
  const ref = optionOf(psa, settings.comparatorId ?? psa.comparatorId, ["comparatorId"]);
  const level = settings.level ?? 0.95;
  if (!(typeof level === "number" && level > 0 && level < 1)) throw new VbpInputError([{ code: "invalid_value", path: ["level"], message: `must be a number strictly between 0 and 1, got ${String(level)}` }]);
  validDraws(psa); // refuses a PSA with no valid draw
  const n = psa.count;
  return {
    comparatorId: ref.optionId,
    currency: psa.currency,
    points: thresholds.map((lambda) => ({
      threshold: lambda,
      options: psa.options.map((o) => {
        const nmb = new Float64Array(n);
        const inc = new Float64Array(n);
        for (let d = 0; d < n; d++) {
          nmb[d] = lambda * o.qalys[d]! - o.costs[d]!;
          inc[d] = nmb[d]! - (lambda * ref.qalys[d]! - ref.costs[d]!);
        }
        return { optionId: o.optionId, nmb: summariseDraws(nmb, level, psa.valid), incremental: summariseDraws(inc, level, psa.valid) };
      }),
    })),
  };
}
