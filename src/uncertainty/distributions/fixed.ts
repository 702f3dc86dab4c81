import { SpecReader } from "./read.js";
import type { DistributionDefinition } from "./types.js";

/**
 * No uncertainty: `{ type: "fixed", value }` always gives `value`. In a model, `{ type: "fixed" }` without a
 * value keeps the parameter at its base case (it is then simply not drawn).
 *
 * @example
 * ```ts
 * createDistribution({ type: "fixed", value: 3 }).quantile(0.9); //=> 3
 * ```
 * @category Uncertainty
 */
export const fixedDistribution: DistributionDefinition = Object.freeze<DistributionDefinition>({
  type: "fixed",
  summary: "Fixed: { value }",
  create(spec, path, issues) {
    const r = new SpecReader(spec, path, issues);
    if (r.form([["value"]]) === undefined) return undefined;
    const value = r.num("value");
    if (value === undefined) return undefined;
    return { type: "fixed", mean: value, variance: 0, support: [value, value] as const, sample: () => value, quantile: () => value };
  },
});
