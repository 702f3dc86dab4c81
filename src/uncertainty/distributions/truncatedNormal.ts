import type { UniformSource } from "../random/streams.js";
import { SpecReader } from "./read.js";
import { normalCdf, normalQuantile } from "./special.js";
import type { Distribution, DistributionDefinition } from "./types.js";

/** @internal Normal(μ, σ²) truncated to [a, b], by inversion; reflected so it works in the upper tail. */
export function truncatedNormalOf(mu: number, sigma: number, a: number, b: number): Distribution {
  const alpha = (a - mu) / sigma;
  const beta = (b - mu) / sigma;
  // Work on the side of the mean where the CDF keeps its precision: reflect when the interval lies above 0.
  const flip = alpha > 0;
  const lo = flip ? -beta : alpha;
  const hi = flip ? -alpha : beta;
  const pLo = normalCdf(lo);
  const pHi = normalCdf(hi);
  const z = pHi - pLo;
  const phi = (x: number) => (Number.isFinite(x) ? Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) : 0);
  const fa = phi(alpha);
  const fb = phi(beta);
  const az = Number.isFinite(alpha) ? alpha * fa : 0;
  const bz = Number.isFinite(beta) ? beta * fb : 0;
  const q = (p: number) => {
    const x = normalQuantile(pLo + p * z);
    return mu + sigma * (flip ? -x : x);
  };
  // Moments of the truncated normal (Johnson, Kotz & Balakrishnan 1994, §10.1).
  const m = (fa - fb) / z;
  return {
    type: "truncatedNormal",
    mean: mu + sigma * m,
    variance: sigma * sigma * (1 + (az - bz) / z - m * m),
    support: [a, b] as const,
    sample: (u: UniformSource) => Math.min(b, Math.max(a, q(flip ? 1 - u.next() : u.next()))),
    quantile: (p: number) => Math.min(b, Math.max(a, q(flip ? 1 - p : p))),
  };
}

/**
 * Normal truncated to [lower, upper]: `{ type: "truncatedNormal", mean, sd, lower?, upper? }` (mean and sd of the
 * untruncated normal; at least one limit; lower < upper). Sampled by inversion.
 *
 * @example
 * ```ts
 * createDistribution({ type: "truncatedNormal", mean: 0, sd: 1, lower: 0 }).mean.toFixed(10); //=> "0.7978845608"
 * ```
 * @category Uncertainty
 */
export const truncatedNormalDistribution: DistributionDefinition = Object.freeze<DistributionDefinition>({
  type: "truncatedNormal",
  summary: "Truncated normal: { mean, sd, lower?, upper? }",
  create(spec, path, issues) {
    const r = new SpecReader(spec, path, issues);
    if (!r.only(["mean", "sd", "lower", "upper"])) return undefined;
    const mean = r.num("mean");
    const sd = r.num("sd", { gt: 0 });
    const lower = r.has("lower") ? r.num("lower") : -Infinity;
    const upper = r.has("upper") ? r.num("upper") : Infinity;
    if (mean === undefined || sd === undefined || lower === undefined || upper === undefined) return undefined;
    if (!r.has("lower") && !r.has("upper")) return r.bad(path, "a truncated normal needs a lower or an upper limit (or use normal)", "invalid_union");
    if (!(lower < upper)) return r.bad([...path, "upper"], `must be greater than lower (${lower}), got ${upper}`, "too_small");
    if (normalCdf(-Math.abs(Math.max((lower - mean) / sd, (mean - upper) / sd))) < 1e-250) {
      return r.bad(path, `the interval [${lower}, ${upper}] lies too far (more than 30 SD) from the mean ${mean}`);
    }
    return truncatedNormalOf(mean, sd, lower, upper);
  },
});
