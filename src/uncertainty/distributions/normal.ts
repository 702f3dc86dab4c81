import type { UniformSource } from "../random/streams.js";
import { SpecReader } from "./read.js";
import { normalQuantile } from "./special.js";
import type { DistributionDefinition } from "./types.js";

/** @internal A standard normal variate by inversion (AS241) of one uniform. */
export function standardNormal(u: UniformSource): number {
  return normalQuantile(u.next());
}

/**
 * Normal(mean, sd²): `{ type: "normal", mean, sd }` (sd > 0). Sampled by inversion (Wichura 1988, AS241), one
 * uniform per draw.
 *
 * @example
 * ```ts
 * createDistribution({ type: "normal", mean: 0, sd: 1 }).quantile(0.975); //=> 1.9599639845400536
 * ```
 * @category Uncertainty
 */
export const normalDistribution: DistributionDefinition = Object.freeze<DistributionDefinition>({
  type: "normal",
  summary: "Normal: { mean, sd }",
  create(spec, path, issues) {
    const r = new SpecReader(spec, path, issues);
    if (r.form([["mean", "sd"]]) === undefined) return undefined;
    const mean = r.num("mean");
    const sd = r.num("sd", { gt: 0 });
    if (mean === undefined || sd === undefined) return undefined;
    return {
      type: "normal",
      mean,
      variance: sd * sd,
      support: [-Infinity, Infinity] as const,
      sample: (u: UniformSource) => mean + sd * normalQuantile(u.next()),
      quantile: (p: number) => mean + sd * normalQuantile(p),
    };
  },
});
