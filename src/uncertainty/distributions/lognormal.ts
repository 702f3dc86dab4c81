import type { UniformSource } from "../random/streams.js";
import { lognormalFromCi, lognormalFromMeanSe } from "./moments.js";
import { SpecReader } from "./read.js";
import { normalQuantile } from "./special.js";
import type { Distribution, DistributionDefinition } from "./types.js";

/** @internal Lognormal(μ, σ) as a checked distribution. */
export function lognormalOf(meanlog: number, sdlog: number): Distribution {
  const s2 = sdlog * sdlog;
  return {
    type: "lognormal",
    mean: Math.exp(meanlog + s2 / 2),
    variance: Math.expm1(s2) * Math.exp(2 * meanlog + s2),
    support: [0, Infinity] as const,
    sample: (u: UniformSource) => Math.exp(meanlog + sdlog * normalQuantile(u.next())),
    quantile: (p: number) => Math.exp(meanlog + sdlog * normalQuantile(p)),
  };
}

/**
 * Lognormal, for relative risks, hazard ratios and costs: `{ type: "lognormal", meanlog, sdlog }`,
 * `{ type: "lognormal", mean, se }` (natural scale, {@link lognormalFromMeanSe}) or
 * `{ type: "lognormal", ci95: [lower, upper] }` ({@link lognormalFromCi}).
 *
 * @example
 * ```ts
 * createDistribution({ type: "lognormal", ci95: [0.5, 0.8] }).quantile(0.975); //=> 0.8
 * ```
 * @category Uncertainty
 */
export const lognormalDistribution: DistributionDefinition = Object.freeze<DistributionDefinition>({
  type: "lognormal",
  summary: "Lognormal: { meanlog, sdlog }, { mean, se } or { ci95: [lower, upper] }",
  create(spec, path, issues) {
    const r = new SpecReader(spec, path, issues);
    const form = r.form([["meanlog", "sdlog"], ["mean", "se"], ["ci95"]]);
    if (form === undefined) return undefined;
    if (form === 0) {
      const m = r.num("meanlog");
      const s = r.num("sdlog", { gt: 0 });
      return m === undefined || s === undefined ? undefined : lognormalOf(m, s);
    }
    if (form === 1) {
      const mean = r.num("mean");
      const se = r.num("se", { gt: 0 });
      if (mean === undefined || se === undefined) return undefined;
      if (!(mean > 0)) return r.bad([...path, "mean"], `a lognormal mean must be > 0, got ${mean}`, "too_small");
      const p = lognormalFromMeanSe(mean, se);
      return lognormalOf(p.meanlog, p.sdlog);
    }
    const ci = spec.ci95;
    if (!Array.isArray(ci) || ci.length !== 2) return r.bad([...path, "ci95"], `must be [lower, upper], got ${JSON.stringify(ci)}`, "invalid_type");
    const inner = new SpecReader({ type: "lognormal", lower: ci[0], upper: ci[1] }, [...path, "ci95"], issues);
    const lower = inner.num("lower", { gt: 0 });
    const upper = inner.num("upper", { gt: 0 });
    if (lower === undefined || upper === undefined) return undefined;
    if (!(upper > lower)) return r.bad([...path, "ci95"], `needs lower < upper, got [${lower}, ${upper}]`);
    const p = lognormalFromCi(lower, upper);
    return lognormalOf(p.meanlog, p.sdlog);
  },
});
