import type { VbpIssue, VbpPath } from "../../errors/issue.js";
import { DEFAULT_DISTRIBUTIONS, distributionOf, type DistributionRegistry } from "../distributions/registry.js";
import type { Distribution, DistributionSpec } from "../distributions/types.js";

/**
 * The distribution of an uncertain award input (a bid price, a criterion's raw value, a lifecycle quantity).
 * Numbers may be given as decimal strings or numbers. Parameterisations follow health-economics practice:
 * beta and gamma from a mean and standard deviation by the method of moments
 * (beta: α = m·k, β = (1 − m)·k with k = m(1 − m)/sd² − 1; gamma: shape = m²/sd², scale = sd²/m;
 * Briggs, Claxton & Sculpher (2006) Decision Modelling for Health Economic Evaluation, ch. 4), lognormal from
 * the mean and standard deviation on the natural scale (σ² = ln(1 + sd²/m²), μ = ln m − σ²/2), PERT as a
 * beta on [min, max] with shape 4 (Vose 2008, Risk Analysis, 3rd ed., §9.1.8). `bernoulli` is for an
 * uncertain pass/fail outcome (1 = pass).
 *
 * These are the probabilistic sensitivity analysis's own distributions (one vocabulary, one implementation,
 * the same checks): `sd` is accepted here as the name of the standard deviation where the PSA writes `se`,
 * and every other form the PSA accepts (e.g. `{ type: "beta", alpha, beta }`, `truncatedNormal`, or a
 * distribution you registered) may be given too.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const d: InputDistribution = { type: "triangular", min: "9000", mode: "10000", max: "12500" };
 * ```
 */
export type InputDistribution =
  | {
      /** A fixed value (no uncertainty). */
      readonly type: "fixed";
      /** The value. */
      readonly value: string | number;
    }
  | {
      /** Normal, or lognormal / beta / gamma by the method of moments. */
      readonly type: "normal" | "lognormal" | "beta" | "gamma";
      /** Mean (natural scale). */
      readonly mean: string | number;
      /** Standard deviation (natural scale). */
      readonly sd: string | number;
    }
  | {
      /** Uniform on [min, max]. */
      readonly type: "uniform";
      /** Lower limit. */
      readonly min: string | number;
      /** Upper limit (> min). */
      readonly max: string | number;
    }
  | {
      /** Triangular or PERT on [min, max] with the most likely value `mode`. */
      readonly type: "triangular" | "pert";
      /** Lower limit. */
      readonly min: string | number;
      /** Most likely value, in [min, max]. */
      readonly mode: string | number;
      /** Upper limit (> min). */
      readonly max: string | number;
    }
  | {
      /** An uncertain pass/fail outcome: passes with probability p. */
      readonly type: "bernoulli";
      /** Probability of passing, in [0, 1]. */
      readonly p: string | number;
    };

/** @internal A checked distribution, with its 2.5% and 97.5% points for one-way (tornado) ranges. */
export interface CompiledDistribution {
  readonly type: string;
  /** The mean (the base value is the caller's). */
  readonly mean: number;
  /** The shared distribution (sampler, quantile, support). */
  readonly distribution: Distribution;
  /** The spec as the draw plan reads it (award aliases resolved). */
  readonly spec: DistributionSpec;
  /** Low and high values for one-way analysis: the 2.5% and 97.5% quantiles (0 and 1 for a Bernoulli). */
  readonly low: number;
  readonly high: number;
}

const SD_ALIAS = new Set(["lognormal", "beta", "gamma"]);

/**
 * @internal Checks a distribution against the shared registry and returns it with its one-way ends; problems
 * are added to `issues` with paths under `path` (an `sd` given for a `se` is reported as `sd`).
 */
export function compileDistribution(raw: unknown, path: VbpPath, issues: VbpIssue[], registry: DistributionRegistry = DEFAULT_DISTRIBUTIONS): CompiledDistribution | undefined {
  let spec = raw as DistributionSpec;
  let alias = false;
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    const r = raw as Record<string, unknown>;
    if (typeof r.type === "string" && SD_ALIAS.has(r.type) && "sd" in r && !("se" in r)) {
      const { sd, ...rest } = r;
      spec = { ...rest, type: r.type, se: sd };
      alias = true;
    } else if (r.type === "normal" && ((typeof r.sd === "number" && r.sd === 0) || (typeof r.sd === "string" && r.sd.trim() !== "" && Number(r.sd) === 0))) {
      // A normal with no spread is its mean (the PSA's normal needs sd > 0).
      spec = { type: "fixed", value: r.mean };
    }
  }
  const mine: VbpIssue[] = [];
  const d = distributionOf(spec, path, mine, registry);
  for (const i of mine) issues.push(alias ? { ...i, path: i.path.map((k, j) => (j === path.length && k === "se" ? "sd" : k)), message: i.message.replace(/\bse\b/g, "sd") } : i);
  if (d === undefined) return undefined;
  const low = d.type === "bernoulli" ? 0 : d.variance === 0 ? d.mean : d.quantile(0.025);
  const high = d.type === "bernoulli" ? 1 : d.variance === 0 ? d.mean : d.quantile(0.975);
  return { type: d.type, mean: d.mean, distribution: d, spec, low, high };
}
