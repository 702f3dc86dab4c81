import { VbpInputError } from "../../errors/VbpInputError.js";
import type { VbpIssue, VbpPath } from "../../errors/issue.js";
import { checkDirichletAlpha, createDirichlet, type Dirichlet } from "../distributions/dirichlet.js";
import { DEFAULT_DISTRIBUTIONS, distributionOf, type DistributionRegistry } from "../distributions/registry.js";
import type { Distribution, DistributionSpec } from "../distributions/types.js";
import { streamId, type StreamId } from "../random/streams.js";
import { choleskyOfCorrelation } from "./correlation.js";

/**
 * One uncertain quantity of a draw plan: a stable key (its column in the draw matrix and the name of its
 * random stream) and its distribution. Model parameters are keyed `parameter:<id>`; other parts of the job
 * (lifecycle quantities and prices, carbon factors, tender values, weights) add their own keys to the same
 * plan, so everything is drawn by one mechanism and stays reproducible.
 *
 * @example
 * ```ts
 * const q: UncertainQuantitySpec = { key: "parameter:p_ssi", distribution: { type: "beta", mean: 0.05, se: 0.01 } };
 * const row: UncertainQuantitySpec = { key: "parameter:p_AB", dirichlet: { group: "row-A", alpha: [1251, 350, 116, 17], index: 1 } };
 * ```
 * @category Uncertainty
 */
export interface UncertainQuantitySpec {
  /** Unique, stable key, e.g. `parameter:p_ssi` (at most 200 characters). */
  readonly key: string;
  /** Where the quantity is declared, for error paths (default `["quantities", i]`). */
  readonly path?: VbpPath;
  /** A univariate distribution (give this or `dirichlet`). */
  readonly distribution?: DistributionSpec;
  /** A component of a Dirichlet row: quantities with the same `group` share one draw of the row. */
  readonly dirichlet?: {
    /** The row's name; every member must give the same `alpha`. */
    readonly group: string;
    /** The row's concentrations (e.g. transition counts), each > 0. */
    readonly alpha: readonly (number | string)[];
    /** Which component (0-based) this quantity is. */
    readonly index: number;
  };
}

/**
 * Correlated quantities, drawn through a Gaussian copula: standard normals z, x = L z with R = L Lᵀ, u = Φ(x),
 * and each value the quantile of its own margin at u (Nelsen 2006, An Introduction to Copulas, §2.9). With
 * normal margins this is the multivariate normal by Cholesky, computed directly as mean + sd·x.
 *
 * @example
 * ```ts
 * const c: CorrelationSpec = { keys: ["parameter:c_ward", "parameter:c_icu"], matrix: [[1, 0.6], [0.6, 1]] };
 * ```
 * @category Uncertainty
 */
export interface CorrelationSpec {
  /** Keys of univariate quantities in the plan (each in at most one correlation group). */
  readonly keys: readonly string[];
  /** The correlation matrix (rank or normal-scale correlations), in the order of `keys`. */
  readonly matrix: readonly (readonly (number | string)[])[];
  /** Where declared, for error paths. */
  readonly path?: VbpPath;
}

/**
 * What a draw plan is built from.
 *
 * @example
 * ```ts
 * const spec: DrawPlanSpec = { quantities: [{ key: "parameter:p", distribution: { type: "beta", alpha: 2, beta: 8 } }] };
 * ```
 * @category Uncertainty
 */
export interface DrawPlanSpec {
  /** The uncertain quantities. */
  readonly quantities: readonly UncertainQuantitySpec[];
  /** Correlated groups (optional). */
  readonly correlations?: readonly CorrelationSpec[];
  /** Distributions known by name (default {@link DEFAULT_DISTRIBUTIONS}). */
  readonly registry?: DistributionRegistry;
}

/** @internal How one stream fills its columns. */
export type DrawSampler =
  | { readonly kind: "single"; readonly stream: StreamId; readonly column: number; readonly distribution: Distribution }
  | { readonly kind: "dirichlet"; readonly stream: StreamId; readonly dirichlet: Dirichlet; readonly columns: readonly { readonly column: number; readonly component: number }[] }
  | { readonly kind: "copula"; readonly stream: StreamId; readonly columns: readonly number[]; readonly margins: readonly Distribution[]; readonly cholesky: Float64Array };

/**
 * A checked plan of what to draw: the column keys of the draw matrix, each quantity's marginal distribution
 * (for summaries and one-way low/high values), and the samplers. Build it with {@link createDrawPlan}; draw
 * with {@link sampleDraws}.
 *
 * @example
 * ```ts
 * const plan = createDrawPlan({ quantities: [{ key: "parameter:p", distribution: { type: "beta", alpha: 2, beta: 8 } }] });
 * plan.keys; //=> ["parameter:p"]
 * ```
 * @category Uncertainty
 */
export interface DrawPlan {
  /** Column keys, in matrix order. */
  readonly keys: readonly string[];
  /** Marginal distribution of each column (a Dirichlet component's marginal is a beta). */
  readonly margins: readonly Distribution[];
  /** @internal The samplers, one per stream. */
  readonly samplers: readonly DrawSampler[];
}

/**
 * Checks a plan (every problem with its path, before any draw) and builds it.
 *
 * @param spec - the quantities, correlations and registry
 * @returns the plan
 * @throws VbpInputError listing every invalid distribution, Dirichlet row or correlation matrix
 * @example
 * ```ts
 * const plan = createDrawPlan({
 *   quantities: [
 *     { key: "parameter:c_ward", distribution: { type: "gamma", mean: 400, se: 60 } },
 *     { key: "parameter:c_icu", distribution: { type: "gamma", mean: 1800, se: 300 } },
 *   ],
 *   correlations: [{ keys: ["parameter:c_ward", "parameter:c_icu"], matrix: [[1, 0.6], [0.6, 1]] }],
 * });
 * ```
 * @category Uncertainty
 */
export function createDrawPlan(spec: DrawPlanSpec): DrawPlan {
  const issues: VbpIssue[] = [];
  const registry = spec.registry ?? DEFAULT_DISTRIBUTIONS;
  const keys: string[] = [];
  const margins: (Distribution | undefined)[] = [];
  const column = new Map<string, number>();
  const univariate = new Set<number>();
  const groups = new Map<string, { alpha: number[]; path: VbpPath; members: { column: number; component: number; path: VbpPath }[] }>();
  spec.quantities.forEach((q, i) => {
    const path = q.path ?? ["quantities", i];
    if (typeof q.key !== "string" || q.key.length === 0 || q.key.length > 200) {
      issues.push({ code: "invalid_format", path: [...path, "key"], message: `must be a key of 1–200 characters, got ${JSON.stringify(q.key)}` });
      return;
    }
    if (column.has(q.key)) {
      issues.push({ code: "duplicate_id", path: [...path, "key"], message: `"${q.key}" is declared twice` });
      return;
    }
    const c = keys.length;
    column.set(q.key, c);
    keys.push(q.key);
    if ((q.distribution === undefined) === (q.dirichlet === undefined)) {
      issues.push({ code: "invalid_union", path, message: `"${q.key}" needs exactly one of distribution and dirichlet` });
      margins.push(undefined);
      return;
    }
    if (q.distribution !== undefined) {
      margins.push(distributionOf(q.distribution, q.path ?? [...path, "distribution"], issues, registry));
      univariate.add(c);
      return;
    }
    const d = q.dirichlet!;
    const dp: VbpPath = q.path ?? [...path, "dirichlet"];
    const alpha = checkDirichletAlpha(d.alpha, [...dp, "alpha"], issues);
    margins.push(undefined);
    if (alpha === undefined) return;
    if (!Number.isInteger(d.index) || d.index < 0 || d.index >= alpha.length) {
      issues.push({ code: "invalid_value", path: [...dp, "index"], message: `must be a component index from 0 to ${alpha.length - 1}, got ${String(d.index)}` });
      return;
    }
    const g = groups.get(d.group);
    if (g === undefined) groups.set(d.group, { alpha, path: dp, members: [{ column: c, component: d.index, path: dp }] });
    else if (g.alpha.length !== alpha.length || g.alpha.some((a, j) => a !== alpha[j])) {
      issues.push({ code: "invalid_value", path: [...dp, "alpha"], message: `every member of Dirichlet row "${d.group}" must give the same counts; expected [${g.alpha.join(", ")}], got [${alpha.join(", ")}]` });
    } else if (g.members.some((m) => m.component === d.index)) {
      issues.push({ code: "duplicate_id", path: [...dp, "index"], message: `component ${d.index} of Dirichlet row "${d.group}" is declared twice` });
    } else g.members.push({ column: c, component: d.index, path: dp });
  });
  const samplers: DrawSampler[] = [];
  const inCopula = new Set<number>();
  (spec.correlations ?? []).forEach((cs, i) => {
    const path = cs.path ?? ["correlations", i];
    const cols: number[] = [];
    cs.keys.forEach((k, j) => {
      const c = column.get(k);
      if (c === undefined || !univariate.has(c)) issues.push({ code: "unknown_reference", path: [...path, "keys", j], message: `"${k}" is not an uncertain quantity with a univariate distribution` });
      else if (inCopula.has(c) || cols.includes(c)) issues.push({ code: "duplicate_id", path: [...path, "keys", j], message: `"${k}" is already in a correlation group` });
      else cols.push(c);
    });
    if (cs.keys.length < 2) issues.push({ code: "too_small", path: [...path, "keys"], message: "a correlation group needs at least 2 quantities" });
    const l = choleskyOfCorrelation(cs.matrix, cs.keys.length, [...path, "matrix"], issues);
    if (l !== undefined && cols.length === cs.keys.length) {
      cols.forEach((c) => inCopula.add(c));
      const ms = cols.map((c) => margins[c]);
      if (ms.every((m) => m !== undefined)) {
        samplers.push({ kind: "copula", stream: streamId(`copula:${cols.map((c) => keys[c]).join("|")}`), columns: cols, margins: ms, cholesky: l });
      }
    }
  });
  if (issues.length > 0) throw new VbpInputError(issues);
  keys.forEach((key, c) => {
    if (univariate.has(c) && !inCopula.has(c)) samplers.push({ kind: "single", stream: streamId(key), column: c, distribution: margins[c]! });
  });
  for (const [name, g] of groups) {
    const dirichlet = createDirichlet(g.alpha);
    for (const m of g.members) margins[m.column] = dirichlet.marginal(m.component);
    samplers.push({ kind: "dirichlet", stream: streamId(`dirichlet:${name}`), dirichlet, columns: g.members.map((m) => ({ column: m.column, component: m.component })) });
  }
  return Object.freeze({ keys: Object.freeze(keys), margins: Object.freeze(margins as Distribution[]), samplers: Object.freeze(samplers) });
}
