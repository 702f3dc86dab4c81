import type { UniformSource } from "../random/streams.js";
import { SpecReader } from "./read.js";
import type { DistributionDefinition } from "./types.js";

/**
 * Triangular on [min, max] with its peak at `mode`: `{ type: "triangular", min, mode, max }` (min ≤ mode ≤ max,
 * min < max). Mean (a + c + b)/3, variance (a² + b² + c² − ab − ac − bc)/18; sampled by inversion.
 *
 * @example
 * ```ts
 * createDistribution({ type: "triangular", min: 0, mode: 1, max: 2 }).mean; //=> 1
 * ```
 * @category Uncertainty
 */
export const triangularDistribution: DistributionDefinition = Object.freeze<DistributionDefinition>({
  type: "triangular",
  summary: "Triangular: { min, mode, max }",
  create(spec, path, issues) {
    const r = new SpecReader(spec, path, issues);
    if (r.form([["min", "mode", "max"]]) === undefined) return undefined;
    const a = r.num("min");
    const c = r.num("mode");
    const b = r.num("max");
    if (a === undefined || b === undefined || c === undefined) return undefined;
    if (!(b > a)) return r.bad([...path, "max"], `must be greater than min (${a}), got ${b}`, "too_small");
    if (!(c >= a && c <= b)) return r.bad([...path, "mode"], `must lie in [min, max] = [${a}, ${b}], got ${c}`);
    const fc = (c - a) / (b - a);
    const q = (p: number) => (p < fc ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c)));
    return {
      type: "triangular",
      mean: (a + b + c) / 3,
      variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18,
      support: [a, b] as const,
      sample: (u: UniformSource) => q(u.next()),
      quantile: q,
    };
  },
});
