import { VbpInputError, safely, type SafeResult } from "../../errors/VbpInputError.js";
import type { VbpIssue, VbpPath } from "../../errors/issue.js";
import { bernoulliDistribution } from "./bernoulli.js";
import { betaDistribution } from "./beta.js";
import { fixedDistribution } from "./fixed.js";
import { gammaDistribution } from "./gamma.js";
import { lognormalDistribution } from "./lognormal.js";
import { normalDistribution } from "./normal.js";
import { pertDistribution } from "./pert.js";
import { triangularDistribution } from "./triangular.js";
import { truncatedNormalDistribution } from "./truncatedNormal.js";
import type { Distribution, DistributionDefinition, DistributionSpec } from "./types.js";
import { uniformDistribution } from "./uniform.js";

/**
 * The distributions a run knows by name. Immutable: {@link withDistributions} returns a new registry, so
 * there is no global state to change.
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
 * const registry: DistributionRegistry = withDistributions(DEFAULT_DISTRIBUTIONS, [exponential]);
 * ```
 * @category Uncertainty
 */
export interface DistributionRegistry {
  /** Definitions by `type`. */
  readonly definitions: Readonly<Record<string, DistributionDefinition>>;
}

/**
 * The built-in univariate distributions: beta, gamma, lognormal, normal, truncatedNormal, uniform, triangular,
 * pert, fixed and bernoulli (Dirichlet rows are handled as groups, see {@link createDirichlet}).
 *
 * @example
 * ```ts
 * Object.keys(DEFAULT_DISTRIBUTIONS.definitions);
 * //=> ["beta", "gamma", "lognormal", "normal", "truncatedNormal", "uniform", "triangular", "pert", "fixed", "bernoulli"]
 * ```
 * @category Uncertainty
 */
export const DEFAULT_DISTRIBUTIONS: DistributionRegistry = Object.freeze({
  definitions: Object.freeze(
    Object.fromEntries(
      [
        betaDistribution,
        gammaDistribution,
        lognormalDistribution,
        normalDistribution,
        truncatedNormalDistribution,
        uniformDistribution,
        triangularDistribution,
        pertDistribution,
        fixedDistribution,
        bernoulliDistribution,
      ].map((d) => [d.type, d]),
    ),
  ),
});

/**
 * A registry with more distributions. A name already registered (or `dirichlet`) is an error, so a
 * user's definition never silently replaces a built-in one.
 *
 * @param registry - the registry to extend
 * @param definitions - the new definitions
 * @returns a new registry
 * @throws VbpInputError for a duplicate or malformed name
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
 * const r = withDistributions(DEFAULT_DISTRIBUTIONS, [exponential]);
 * createDistribution({ type: "exponential", rate: 2 }, { registry: r }).mean; //=> 0.5
 * ```
 * @category Uncertainty
 */
export function withDistributions(registry: DistributionRegistry, definitions: readonly DistributionDefinition[]): DistributionRegistry {
  const next: Record<string, DistributionDefinition> = { ...registry.definitions };
  const issues: VbpIssue[] = [];
  definitions.forEach((d, i) => {
    if (typeof d.type !== "string" || !/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(d.type)) {
      issues.push({ code: "invalid_format", path: [i, "type"], message: `a distribution name must be 1–64 letters, digits, _ or - starting with a letter, got ${JSON.stringify(d.type)}` });
    } else if (d.type === "dirichlet" || Object.prototype.hasOwnProperty.call(next, d.type)) {
      issues.push({ code: "duplicate_id", path: [i, "type"], message: `a distribution named "${d.type}" is already registered` });
    } else next[d.type] = d;
  });
  if (issues.length > 0) throw new VbpInputError(issues);
  return Object.freeze({ definitions: Object.freeze(next) });
}

/** @internal Checks a spec against a registry; pushes issues (with `path`) and returns the distribution or undefined. */
export function distributionOf(spec: unknown, path: VbpPath, issues: VbpIssue[], registry: DistributionRegistry = DEFAULT_DISTRIBUTIONS): Distribution | undefined {
  if (spec === null || typeof spec !== "object" || Array.isArray(spec)) {
    issues.push({ code: "invalid_type", path, message: `must be a distribution object such as { "type": "beta", "mean": 0.2, "se": 0.04 }, got ${JSON.stringify(spec)}` });
    return undefined;
  }
  const type = (spec as { type?: unknown }).type;
  const def = typeof type === "string" && Object.prototype.hasOwnProperty.call(registry.definitions, type) ? registry.definitions[type] : undefined;
  if (def === undefined) {
    issues.push({ code: "invalid_value", path: [...path, "type"], message: `must be one of ${Object.keys(registry.definitions).join(", ")}${type === "dirichlet" ? " (a Dirichlet is declared on each parameter of its row)" : ""}, got ${JSON.stringify(type)}` });
    return undefined;
  }
  const before = issues.length;
  const d = def.create(spec as DistributionSpec, path, issues);
  return issues.length > before ? undefined : d;
}

/**
 * Checks a distribution spec and builds it.
 *
 * @param spec - e.g. `{ type: "beta", mean: 0.2, se: 0.04 }`
 * @param settings - `registry` (default {@link DEFAULT_DISTRIBUTIONS}) and the `path` to name in errors
 * @returns the distribution: moments, support, sampler, quantile
 * @throws VbpInputError naming every invalid parameter
 * @example
 * ```ts
 * createDistribution({ type: "gamma", shape: 4, scale: 250 }).mean; //=> 1000
 * ```
 * @category Uncertainty
 */
export function createDistribution(spec: DistributionSpec, settings: { readonly registry?: DistributionRegistry; readonly path?: VbpPath } = {}): Distribution {
  const issues: VbpIssue[] = [];
  const d = distributionOf(spec, settings.path ?? [], issues, settings.registry);
  if (d === undefined) throw new VbpInputError(issues);
  return d;
}

/**
 * {@link createDistribution} that never throws for bad input.
 *
 * @example
 * ```ts
 * safeCreateDistribution({ type: "beta", mean: 1.2, se: 0.1 }).success; //=> false
 * ```
 * @category Uncertainty
 */
export function safeCreateDistribution(spec: DistributionSpec, settings: { readonly registry?: DistributionRegistry; readonly path?: VbpPath } = {}): SafeResult<Distribution> {
  return safely(() => createDistribution(spec, settings));
}
