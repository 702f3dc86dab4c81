import type { UniformSource } from "../random/streams.js";
import { SpecReader } from "./read.js";
import type { DistributionDefinition } from "./types.js";

/**
 * Uniform on [min, max]: `{ type: "uniform", min, max }` (min < max).
 *
 * @example
 * ```ts
 * createDistribution({ type: "uniform", min: 2, max: 4 }).variance; //=> 0.3333333333333333
 * ```
 * @category Uncertainty
 */
export const uniformDistribution: DistributionDefinition = Object.freeze<DistributionDefinition>({
  type: "uniform",
  summary: "Uniform: { min, max }",
  create(spec, path, issues) {
    const r = new SpecReader(spec, path, issues);
    if (r.form([["min", "max"]]) === undefined) return undefined;
    const min = r.num("min");
    const max = r.num("max");
    if (min === undefined || max === undefined) return undefined;
    if (!(max > min)) return r.bad([...path, "max"], `must be greater than min (${min}), got ${max}`, "too_small");
    const w = max - min;
    return {
      type: "uniform",
      mean: (min + max) / 2,
      variance: (w * w) / 12,
      support: [min, max] as const,
      sample: (u: UniformSource) => min + w * u.next(),
      quantile: (p: number) => min + w * p,
    };
  },
});
