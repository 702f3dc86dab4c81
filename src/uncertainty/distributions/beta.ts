import type { UniformSource } from "../random/streams.js";
import { sampleStandardGamma } from "./gamma.js";
import { SpecReader } from "./read.js";
import { betaI, invertCdf, logGamma } from "./special.js";
import type { Distribution, DistributionDefinition } from "./types.js";

/** @internal Beta(α, β) as a checked distribution, on [lower, lower + width] (width 1 by default). */
export function betaOf(alpha: number, beta: number, type = "beta", lower = 0, width = 1): Distribution {
  const lnB = logGamma(alpha) + logGamma(beta) - logGamma(alpha + beta);
  const pdf = (x: number) => (x <= 0 || x >= 1 ? 0 : Math.exp((alpha - 1) * Math.log(x) + (beta - 1) * Math.log1p(-x) - lnB));
  const mean = alpha / (alpha + beta);
  const s = alpha + beta;
  return {
    type,
    mean: lower + width * mean,
    variance: (width * width * alpha * beta) / (s * s * (s + 1)),
    support: [lower, lower + width] as const,
    // X/(X + Y) with X ~ Gamma(α), Y ~ Gamma(β) (e.g. Devroye 1986, Non-Uniform Random Variate Generation, §IX.4).
    sample: (u: UniformSource) => {
      const x = sampleStandardGamma(alpha, u);
      const y = sampleStandardGamma(beta, u);
      return lower + width * (x / (x + y));
    },
    quantile: (p: number) => lower + width * invertCdf((x) => betaI(alpha, beta, x), pdf, p, 0, 1, mean),
  };
}

/**
 * Beta, for probabilities and utilities: `{ type: "beta", alpha, beta }` or `{ type: "beta", mean, se }` (method
 * of moments, {@link betaFromMeanSe}: the mean must be in (0, 1) and the SE below √(mean(1 − mean))).
 * Sampled as a ratio of gammas.
 *
 * @example
 * ```ts
 * createDistribution({ type: "beta", mean: 0.2, se: 0.04 }).mean; //=> 0.19999999999999998 (0.2 up to rounding)
 * ```
 * @category Uncertainty
 */
export const betaDistribution: DistributionDefinition = Object.freeze<DistributionDefinition>({
  type: "beta",
  summary: "Beta: { alpha, beta } or { mean, se }",
  create(spec, path, issues) {
    const r = new SpecReader(spec, path, issues);
    const form = r.form([
      ["alpha", "beta"],
      ["mean", "se"],
    ]);
    if (form === undefined) return undefined;
    if (form === 0) {
      const a = r.num("alpha", { gt: 0 });
      const b = r.num("beta", { gt: 0 });
      return a === undefined || b === undefined ? undefined : betaOf(a, b);
    }
    const mean = r.num("mean");
    const se = r.num("se", { gt: 0 });
    if (mean === undefined || se === undefined) return undefined;
    if (!(mean > 0 && mean < 1)) return r.bad([...path, "mean"], `a beta mean must be strictly between 0 and 1, got ${mean}`);
    const v = se * se;
    if (!(v < mean * (1 - mean))) {
      return r.bad([...path, "se"], `is too large for a beta with mean ${mean}: must be below √(mean × (1 − mean)) = ${Math.sqrt(mean * (1 - mean)).toPrecision(6)}, got ${se}`);
    }
    const alpha = mean * ((mean * (1 - mean)) / v - 1);
    return betaOf(alpha, (alpha * (1 - mean)) / mean);
  },
});
