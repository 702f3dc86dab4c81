import type { UniformSource } from "../random/streams.js";
import { gammaFromMeanSe } from "./moments.js";
import { SpecReader } from "./read.js";
import { gammaP, invertCdf, logGamma, normalQuantile } from "./special.js";
import type { Distribution, DistributionDefinition } from "./types.js";

/**
 * @internal A Gamma(shape, 1) variate: Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables", ACM TOMS 26(3):363–372; for shape < 1 the boost Gamma(shape + 1) × U^(1/shape) (same paper, §6).
 * Normals by inversion, so the whole sampler is a function of the uniform sequence.
 */
export function sampleStandardGamma(shape: number, u: UniformSource): number {
  if (shape < 1) return sampleStandardGamma(shape + 1, u) * Math.pow(u.next(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalQuantile(u.next());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u.next();
    const x2 = x * x;
    if (w < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(w) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** @internal Gamma(shape, scale) as a checked distribution. */
export function gammaOf(shape: number, scale: number): Distribution {
  const pdf = (x: number) => (x <= 0 ? 0 : Math.exp((shape - 1) * Math.log(x) - x - logGamma(shape)));
  return {
    type: "gamma",
    mean: shape * scale,
    variance: shape * scale * scale,
    support: [0, Infinity] as const,
    sample: (u: UniformSource) => scale * sampleStandardGamma(shape, u),
    quantile: (p: number) => scale * invertCdf((x) => gammaP(shape, x), pdf, p, 0, Infinity, Math.max(shape, 1e-3)),
  };
}

/**
 * Gamma, for costs, resource use and rates: `{ type: "gamma", shape, scale }`, `{ type: "gamma", shape, rate }`
 * (rate = 1 / scale, R's `rgamma(n, shape, rate)`) or `{ type: "gamma", mean, se }` (method of moments,
 * {@link gammaFromMeanSe}). Mean shape × scale, variance shape × scale². Sampled by Marsaglia & Tsang (2000).
 *
 * @example
 * ```ts
 * createDistribution({ type: "gamma", mean: 1000, se: 200 }).variance; //=> 40000
 * createDistribution({ type: "gamma", shape: 30, rate: 200 }).mean; //=> 0.15
 * ```
 * @category Uncertainty
 */
export const gammaDistribution: DistributionDefinition = Object.freeze<DistributionDefinition>({
  type: "gamma",
  summary: "Gamma: { shape, scale }, { shape, rate } or { mean, se }",
  create(spec, path, issues) {
    const r = new SpecReader(spec, path, issues);
    const form = r.form([
      ["shape", "scale"],
      ["shape", "rate"],
      ["mean", "se"],
    ]);
    if (form === undefined) return undefined;
    if (form === 0) {
      const shape = r.num("shape", { gt: 0 });
      const scale = r.num("scale", { gt: 0 });
      return shape === undefined || scale === undefined ? undefined : gammaOf(shape, scale);
    }
    if (form === 1) {
      const shape = r.num("shape", { gt: 0 });
      const rate = r.num("rate", { gt: 0 });
      return shape === undefined || rate === undefined ? undefined : gammaOf(shape, 1 / rate);
    }
    const mean = r.num("mean");
    const se = r.num("se", { gt: 0 });
    if (mean === undefined || se === undefined) return undefined;
    if (!(mean > 0)) return r.bad([...path, "mean"], `a gamma mean must be > 0, got ${mean}`, "too_small");
    const { shape, scale } = gammaFromMeanSe(mean, se);
    return gammaOf(shape, scale);
  },
});
