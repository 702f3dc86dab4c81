import type { PsaResult } from "../psa.js";
import { optionOf, validDraws } from "./draws.js";

/**
 * The cost-effectiveness plane of one option against a reference: incremental QALYs and costs per valid draw,
 * their means, and the share of draws in each quadrant.
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
 * const plane: CePlane = cePlane(psa)[0];
 * plane.quadrants.southEast; // share of draws where the option is cheaper and more effective
 * ```
 * @category Uncertainty
 */
export interface CePlane {
  /** The option. */
  readonly optionId: string;
  /** The reference it is compared with. */
  readonly referenceId: string;
  /** ΔQALYs per valid draw (x axis). */
  readonly incrementalQalys: Float64Array;
  /** ΔCosts per valid draw (y axis). */
  readonly incrementalCosts: Float64Array;
  /** Mean ΔQALYs. */
  readonly meanIncrementalQalys: number;
  /** Mean ΔCosts. */
  readonly meanIncrementalCosts: number;
  /** ICER of the means, ΔC̄/ΔQ̄ (absent when ΔQ̄ is 0). */
  readonly icerOfMeans?: number;
  /** Shares of draws: more effective and costlier (NE), less effective and costlier (NW, dominated), more effective and cheaper (SE, dominant), less effective and cheaper (SW). Draws on an axis count half to each side. */
  readonly quadrants: {
    /** More effective, costlier. */
    readonly northEast: number;
    /** Less effective, costlier. */
    readonly northWest: number;
    /** More effective, cheaper. */
    readonly southEast: number;
    /** Less effective, cheaper. */
    readonly southWest: number;
  };
}

/**
 * CE-plane data for every option against a reference (default the comparator).
 *
 * @param psa - a PSA result
 * @param settings - `referenceId` (default the comparator)
 * @returns one plane per option other than the reference
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
 * cePlane(psa).map((p) => [p.optionId, p.meanIncrementalCosts, p.meanIncrementalQalys]);
 * ```
 * @category Uncertainty
 */
export function cePlane(psa: PsaResult, settings: { readonly referenceId?: string } = {}): readonly CePlane[] {
  const ref = optionOf(psa, settings.referenceId ?? psa.comparatorId, ["referenceId"]);
  const idx = validDraws(psa);
  const n = idx.length;
  return psa.options
    .filter((o) => o.optionId !== ref.optionId)
    .map((o) => {
      const dq = new Float64Array(n);
      const dc = new Float64Array(n);
      let sq = 0;
      let sc = 0;
      let ne = 0;
      let nw = 0;
      let se = 0;
      let sw = 0;
      for (let j = 0; j < n; j++) {
        const d = idx[j]!;
        const q = o.qalys[d]! - ref.qalys[d]!;
        const c = o.costs[d]! - ref.costs[d]!;
        dq[j] = q;
        dc[j] = c;
        sq += q;
        sc += c;
        const east = q > 0 ? 1 : q < 0 ? 0 : 0.5;
        const north = c > 0 ? 1 : c < 0 ? 0 : 0.5;
        ne += east * north;
        nw += (1 - east) * north;
        se += east * (1 - north);
        sw += (1 - east) * (1 - north);
      }
      const mq = sq / n;
      const mc = sc / n;
      return {
        optionId: o.optionId,
        referenceId: ref.optionId,
        incrementalQalys: dq,
        incrementalCosts: dc,
        meanIncrementalQalys: mq,
        meanIncrementalCosts: mc,
        ...(mq !== 0 ? { icerOfMeans: mc / mq } : {}),
        quadrants: { northEast: ne / n, northWest: nw / n, southEast: se / n, southWest: sw / n },
      };
    });
}
