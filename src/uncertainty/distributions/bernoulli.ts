import type { UniformSource } from "../random/streams.js";
import { SpecReader } from "./read.js";
import type { DistributionDefinition } from "./types.js";

/**
 * Bernoulli: 1 with probability p, else 0 (`{ type: "bernoulli", p }`, 0 ≤ p ≤ 1). Used for an uncertain
 * pass/fail outcome of a tender (1 = pass). Its quantile is the generalised inverse of its CDF: 0 for
 * q ≤ 1 − p, else 1.
 *
 * @example
 * ```ts
 * createDistribution({ type: "bernoulli", p: 0.9 }).mean; //=> 0.9
 * ```
 * @category Uncertainty
 */
export const bernoulliDistribution: DistributionDefinition = Object.freeze<DistributionDefinition>({
  type: "bernoulli",
  summary: "Bernoulli: { p }",
  create(spec, path, issues) {
    const r = new SpecReader(spec, path, issues);
    if (r.form([["p"]]) === undefined) return undefined;
    const p = r.num("p");
    if (p === undefined) return undefined;
    if (!(p >= 0 && p <= 1)) return r.bad([...path, "p"], `must lie in [0, 1], got ${p}`);
    return {
      type: "bernoulli",
      mean: p,
      variance: p * (1 - p),
      support: [0, 1] as const,
      sample: (u: UniformSource) => (u.next() < p ? 1 : 0),
      quantile: (q: number) => (q <= 1 - p ? 0 : 1),
    };
  },
});
