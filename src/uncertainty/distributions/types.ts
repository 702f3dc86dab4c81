import type { VbpIssue, VbpPath } from "../../errors/issue.js";
import type { UniformSource } from "../random/streams.js";

/**
 * A distribution as written in a document: `type` names it in the registry, the other keys are its
 * parameters as numbers or decimal strings, e.g. `{ type: "beta", mean: 0.3, se: 0.05 }`.
 *
 * @example
 * ```ts
 * const spec: DistributionSpec = { type: "gamma", mean: 1200, se: 300 };
 * ```
 * @category Uncertainty
 */
export interface DistributionSpec {
  /** The distribution's registered name: `beta`, `gamma`, `lognormal`, `normal`, `truncatedNormal`, `uniform`, `triangular`, `pert`, `dirichlet`, `fixed`, or one you registered. */
  readonly type: string;
  /** Its parameters (see each distribution's documentation). */
  readonly [key: string]: unknown;
}

/**
 * A checked univariate distribution, ready to sample: its moments, support, sampler and quantile function.
 *
 * @example
 * ```ts
 * const d = createDistribution({ type: "beta", alpha: 2, beta: 8 });
 * d.mean; //=> 0.2
 * ```
 * @category Uncertainty
 */
export interface Distribution {
  /** The registered name. */
  readonly type: string;
  /** Theoretical mean. */
  readonly mean: number;
  /** Theoretical variance. */
  readonly variance: number;
  /** Smallest and largest possible values (may be ±Infinity). */
  readonly support: readonly [number, number];
  /** One draw, taking as many uniforms from `u` as it needs. */
  sample(u: UniformSource): number;
  /** The p-quantile, 0 < p < 1 (used by Gaussian copulas and for one-way low/high values). */
  quantile(p: number): number;
}

/**
 * How a distribution is registered: its name, a one-line description, and a constructor that checks the
 * spec and either returns the distribution or adds every problem (with its path) to `issues`.
 *
 * @example
 * ```ts
 * const exponential: DistributionDefinition = {
 *   type: "exponential",
 *   summary: "Exponential(rate)",
 *   create(spec, path, issues) {
 *     const rate = Number(spec.rate);
 *     if (!(rate > 0)) { issues.push({ code: "too_small", path: [...path, "rate"], message: `must be > 0, got ${String(spec.rate)}` }); return undefined; }
 *     return { type: "exponential", mean: 1 / rate, variance: 1 / rate ** 2, support: [0, Infinity],
 *       sample: (u) => -Math.log(u.next()) / rate, quantile: (p) => -Math.log1p(-p) / rate };
 *   },
 * };
 * ```
 * @category Uncertainty
 */
export interface DistributionDefinition {
  /** The name used as `type` in specs. */
  readonly type: string;
  /** One line: parameterisations accepted. */
  readonly summary: string;
  /** Checks `spec` (found at `path`) and builds the distribution, or pushes issues and returns undefined. */
  create(spec: DistributionSpec, path: VbpPath, issues: VbpIssue[]): Distribution | undefined;
}
