/**
 * @internal Penalised regression splines (P-splines, Eilers & Marx 1996, Statistical Science 11:89–121):
 * cubic B-splines on equal segments with a second-order difference penalty, one covariate or a tensor product
 * of two, smoothing chosen by generalised cross-validation (Craven & Wahba 1979) over a fixed log grid.
 * Deterministic: no random starts, no iteration counts that depend on timing.
 */

/** Cubic B-spline values at x ∈ [0, 1] over `nseg` equal segments: first column and the 4 weights. */
function bspline(x: number, nseg: number, w: Float64Array): number {
  const t = Math.min(Math.max(x, 0), 1) * nseg;
  const i = Math.min(nseg - 1, Math.floor(t));
  const u = t - i;
  const u2 = u * u;
  const u3 = u2 * u;
  w[0] = (1 - 3 * u + 3 * u2 - u3) / 6;
  w[1] = (3 * u3 - 6 * u2 + 4) / 6;
  w[2] = (-3 * u3 + 3 * u2 + 3 * u + 1) / 6;
  w[3] = u3 / 6;
  return i;
}

/** Second-order difference penalty DᵀD for m coefficients (m × m, row-major). */
function differencePenalty(m: number): Float64Array {
  const p = new Float64Array(m * m);
  for (let r = 0; r < m - 2; r++) {
    const idx = [r, r + 1, r + 2];
    const c = [1, -2, 1];
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) p[idx[a]! * m + idx[b]!]! += c[a]! * c[b]!;
  }
  return p;
}

/** Design: each row's non-zero columns and weights (4 for one covariate, 16 for two). */
interface Design {
  readonly m: number;
  readonly nnz: number;
  readonly cols: Int32Array;
  readonly vals: Float64Array;
  readonly penalty: Float64Array;
}

function design(xs: readonly Float64Array[], nseg: number): Design {
  const n = xs[0]!.length;
  const m1 = nseg + 3;
  const w1 = new Float64Array(4);
  const w2 = new Float64Array(4);
  if (xs.length === 1) {
    const cols = new Int32Array(n * 4);
    const vals = new Float64Array(n * 4);
    for (let d = 0; d < n; d++) {
      const i = bspline(xs[0]![d]!, nseg, w1);
      for (let a = 0; a < 4; a++) {
        cols[d * 4 + a] = i + a;
        vals[d * 4 + a] = w1[a]!;
      }
    }
    return { m: m1, nnz: 4, cols, vals, penalty: differencePenalty(m1) };
  }
  const m = m1 * m1;
  const cols = new Int32Array(n * 16);
  const vals = new Float64Array(n * 16);
  for (let d = 0; d < n; d++) {
    const i = bspline(xs[0]![d]!, nseg, w1);
    const j = bspline(xs[1]![d]!, nseg, w2);
    for (let a = 0; a < 4; a++)
      for (let b = 0; b < 4; b++) {
        cols[d * 16 + a * 4 + b] = (i + a) * m1 + (j + b);
        vals[d * 16 + a * 4 + b] = w1[a]! * w2[b]!;
      }
  }
  // Tensor-product penalty: P1 ⊗ I + I ⊗ P2 (one smoothing parameter for both directions).
  const p1 = differencePenalty(m1);
  const penalty = new Float64Array(m * m);
  for (let a = 0; a < m1; a++)
    for (let b = 0; b < m1; b++)
      for (let c = 0; c < m1; c++) {
        penalty[(a * m1 + c) * m + (b * m1 + c)]! += p1[a * m1 + b]!;
        penalty[(c * m1 + a) * m + (c * m1 + b)]! += p1[a * m1 + b]!;
      }
  return { m, nnz: 16, cols, vals, penalty };
}

function cholesky(a: Float64Array, m: number): Float64Array | undefined {
  const l = new Float64Array(m * m);
  for (let j = 0; j < m; j++) {
    let d = a[j * m + j]!;
    for (let k = 0; k < j; k++) d -= l[j * m + k]! ** 2;
    if (!(d > 0)) return undefined;
    const ljj = Math.sqrt(d);
    l[j * m + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      let s = a[i * m + j]!;
      for (let k = 0; k < j; k++) s -= l[i * m + k]! * l[j * m + k]!;
      l[i * m + j] = s / ljj;
    }
  }
  return l;
}

function solve(l: Float64Array, m: number, b: Float64Array): Float64Array {
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * m + k]! * y[k]!;
    y[i] = s / l[i * m + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < m; k++) s -= l[k * m + i]! * y[k]!;
    y[i] = s / l[i * m + i]!;
  }
  return y;
}

/** A smoother fitted once per covariate set: reusable for many responses. */
export interface Smoother {
  /** Fitted values of a response, with the effective degrees of freedom chosen by GCV. */
  fit(y: Float64Array): { readonly fitted: Float64Array; readonly edf: number; readonly lambda: number };
}

/** Builds a P-spline smoother on one or two covariates (each rescaled to [0, 1]). */
export function pSplineSmoother(covariates: readonly Float64Array[], nseg: number): Smoother {
  const n = covariates[0]!.length;
  const scaled = covariates.map((x) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of x) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const w = hi - lo;
    return Float64Array.from(x, (v) => (w > 0 ? (v - lo) / w : 0.5));
  });
  const des = design(scaled, nseg);
  const { m, nnz, cols, vals } = des;
  const btb = new Float64Array(m * m);
  for (let d = 0; d < n; d++) {
    for (let a = 0; a < nnz; a++) {
      const ca = cols[d * nnz + a]!;
      const va = vals[d * nnz + a]!;
      for (let b = 0; b < nnz; b++) btb[ca * m + cols[d * nnz + b]!]! += va * vals[d * nnz + b]!;
    }
  }
  let trB = 0;
  let trP = 0;
  for (let i = 0; i < m; i++) {
    trB += btb[i * m + i]!;
    trP += des.penalty[i * m + i]!;
  }
  // Smoothing grid: λ = (tr BᵀB / tr P) × 10^k, k = −6 … 4 by 0.5; a small ridge keeps BᵀB + λP definite.
  const factors: { lambda: number; l: Float64Array; edf: number }[] = [];
  for (let k = -6; k <= 4; k += 0.5) {
    const lambda = (trB / trP) * 10 ** k;
    const a = new Float64Array(m * m);
    for (let i = 0; i < m * m; i++) a[i] = btb[i]! + lambda * des.penalty[i]!;
    for (let i = 0; i < m; i++) a[i * m + i]! += 1e-10 * trB / m;
    const l = cholesky(a, m);
    if (l === undefined) continue;
    // edf = tr((BᵀB + λP)⁻¹ BᵀB)
    let edf = 0;
    const col = new Float64Array(m);
    for (let j = 0; j < m; j++) {
      for (let i = 0; i < m; i++) col[i] = btb[i * m + j]!;
      edf += solve(l, m, col)[j]!;
    }
    factors.push({ lambda, l, edf });
  }
  return {
    fit(y: Float64Array) {
      const bty = new Float64Array(m);
      for (let d = 0; d < n; d++) for (let a = 0; a < nnz; a++) bty[cols[d * nnz + a]!]! += vals[d * nnz + a]! * y[d]!;
      let best: { fitted: Float64Array; edf: number; lambda: number; gcv: number } | undefined;
      for (const f of factors) {
        const coef = solve(f.l, m, bty);
        const fitted = new Float64Array(n);
        let rss = 0;
        for (let d = 0; d < n; d++) {
          let s = 0;
          for (let a = 0; a < nnz; a++) s += vals[d * nnz + a]! * coef[cols[d * nnz + a]!]!;
          fitted[d] = s;
          rss += (y[d]! - s) ** 2;
        }
        const gcv = (n * rss) / (n - f.edf) ** 2;
        if (best === undefined || gcv < best.gcv) best = { fitted, edf: f.edf, lambda: f.lambda, gcv };
      }
      return best!;
    },
  };
}
