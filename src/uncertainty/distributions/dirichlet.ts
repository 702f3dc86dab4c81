import { VbpInputError } from "../../errors/VbpInputError.js";
import type { VbpIssue, VbpPath } from "../../errors/issue.js";
import type { UniformSource } from "../random/streams.js";
import { betaOf } from "./beta.js";
import { sampleStandardGamma } from "./gamma.js";
import type { Distribution } from "./types.js";

/**
 * A checked Dirichlet(α₁…α_k), for a row of transition probabilities (or any multinomial shares): draws a
 * whole row at once, x_i = G_i / Σ G_j with G_i ~ Gamma(α_i, 1) (Briggs et al. 2006 §4.3.4). Component i alone
 * is Beta(α_i, α₀ − α_i), α₀ = Σ α_j.
 *
 * @example
 * ```ts
 * const d = createDirichlet([1251, 350, 116, 17]);
 * d.marginal(0).mean; //=> 0.7214532871972318
 * ```
 * @category Uncertainty
 */
export interface Dirichlet {
  /** The concentrations. */
  readonly alpha: readonly number[];
  /** Draws one row into `out[0…k−1]` (the row sums to 1). */
  sample(u: UniformSource, out: Float64Array): void;
  /** The marginal distribution of component `i`: Beta(α_i, α₀ − α_i). */
  marginal(i: number): Distribution;
}

/** @internal Checks Dirichlet concentrations: at least 2, each finite and > 0. */
export function checkDirichletAlpha(alpha: unknown, path: VbpPath, issues: VbpIssue[]): number[] | undefined {
  if (!Array.isArray(alpha) || alpha.length < 2) {
    issues.push({ code: "invalid_type", path, message: `must be a list of at least 2 concentrations (counts), got ${JSON.stringify(alpha)}` });
    return undefined;
  }
  const out: number[] = [];
  let ok = true;
  alpha.forEach((a: unknown, i) => {
    const v = typeof a === "number" ? a : typeof a === "string" ? Number(a) : NaN;
    if (!Number.isFinite(v) || !(v > 0)) {
      issues.push({ code: "too_small", path: [...path, i], message: `a Dirichlet count must be > 0 (a zero count cannot be drawn; add a prior such as 1 to every count), got ${JSON.stringify(a)}` });
      ok = false;
    }
    out.push(v);
  });
  return ok ? out : undefined;
}

/**
 * Builds a Dirichlet from its concentrations (e.g. observed transition counts).
 *
 * @param alpha - at least two concentrations, each > 0
 * @throws VbpInputError for fewer than two or a non-positive count
 * @example
 * ```ts
 * createDirichlet([10, 30, 60]).marginal(2).mean; //=> 0.6
 * ```
 * @category Uncertainty
 */
export function createDirichlet(alpha: readonly number[]): Dirichlet {
  const issues: VbpIssue[] = [];
  const a = checkDirichletAlpha(alpha, ["alpha"], issues);
  if (a === undefined) throw new VbpInputError(issues);
  const total = a.reduce((s, x) => s + x, 0);
  return Object.freeze({
    alpha: Object.freeze(a),
    sample(u: UniformSource, out: Float64Array) {
      let sum = 0;
      for (let i = 0; i < a.length; i++) {
        const g = sampleStandardGamma(a[i]!, u);
        out[i] = g;
        sum += g;
      }
      for (let i = 0; i < a.length; i++) out[i] = out[i]! / sum;
    },
    marginal: (i: number) => betaOf(a[i]!, total - a[i]!, "dirichlet"),
  });
}
