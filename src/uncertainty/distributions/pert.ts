import { betaOf } from "./beta.js";
import { SpecReader } from "./read.js";
import type { DistributionDefinition } from "./types.js";

/**
 * PERT (beta-PERT) on [min, max] with most likely value `mode`: `{ type: "pert", min, mode, max }`. A beta on
 * [a, b] with α = 1 + 4(m − a)/(b − a), β = 1 + 4(b − m)/(b − a), so the mean is (a + 4m + b)/6 (Vose 2008,
 * Risk Analysis: A Quantitative Guide, 3rd ed., §III.9).
 *
 * @example
 * ```ts
 * createDistribution({ type: "pert", min: 0, mode: 3, max: 12 }).mean; //=> 4
 * ```
 * @category Uncertainty
 */
export const pertDistribution: DistributionDefinition = Object.freeze<DistributionDefinition>({
  type: "pert",
  summary: "PERT: { min, mode, max }",
  create(spec, path, issues) {
    const r = new SpecReader(spec, path, issues);
    if (r.form([["min", "mode", "max"]]) === undefined) return undefined;
    const a = r.num("min");
    const m = r.num("mode");
    const b = r.num("max");
    if (a === undefined || b === undefined || m === undefined) return undefined;
    if (!(b > a)) return r.bad([...path, "max"], `must be greater than min (${a}), got ${b}`, "too_small");
    if (!(m >= a && m <= b)) return r.bad([...path, "mode"], `must lie in [min, max] = [${a}, ${b}], got ${m}`);
    return betaOf(1 + (4 * (m - a)) / (b - a), 1 + (4 * (b - m)) / (b - a), "pert", a, b - a);
  },
});
