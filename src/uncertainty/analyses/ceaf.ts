import type { PsaResult } from "../psa.js";
import { checkThresholds, validDraws } from "./draws.js";

/**
 * The cost-effectiveness acceptability frontier.
 *
 * @example
 * ```ts
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
