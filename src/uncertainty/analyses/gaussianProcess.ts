/**
 * @internal Gaussian-process regression of a PSA output on a group of parameters, as Strong, Oakley &
 * Brennan (2014, Med Decis Making 34:311–326, §"Gaussian process regression") use it for EVPPI:
 *
 *   y_i = h(x_i)ᵀβ + f(x_i) + ε_i,  h(x) = (1, x_1 … x_p),  f ~ GP(0, σ² exp(−Σ_k (x_k − x′_k)² / δ_k²)),
 *   ε_i ~ N(0, τ²),
 *
 * with each covariate standardised to mean 0 and SD 1 and y to mean 0 and SD 1. The hyperparameters
 * η = (log δ_1 … log δ_p, log σ², log τ²) maximise the profile log marginal likelihood (β by generalised least
 * squares, Rasmussen & Williams 2006 §2.7 and eq. 5.9 for the gradient)
 *
 *   ℓ(η) = −½ rᵀK⁻¹r − ½ log|K|,  K = σ²C + τ²I,  r = y − Hβ̂,  β̂ = (HᵀK⁻¹H)⁻¹HᵀK⁻¹y,
 *   ∂ℓ/∂η_j = ½ tr((ααᵀ − K⁻¹) ∂K/∂η_j),  α = K⁻¹r,
 *
 * on the first `hyperparameterDraws` draws, by limited-memory BFGS (Nocedal & Wright 2006, Algorithm 7.4)
 * from a fixed start, stopping when a step gains less than 10⁻³ in ℓ or after 50 steps: no random restarts, so the result is deterministic. The
 * posterior mean is then computed from the first `fitDraws` draws and evaluated at every draw:
 *
 *   ĝ(x) = h(x)ᵀβ̂ + σ² c(x, X)ᵀ α.
 *
 * Draw order is random (the draws are seeded and exchangeable), so the first m draws are a random subsample.
 * Cost: O(m_h³) per likelihood evaluation, O(m_f³) for the fit, O(n · m_f · p) to evaluate.
 */

/** @internal A fitted regression: fitted values at every draw and the chosen hyperparameters. */
export interface GaussianProcessFit {
  /** Fitted values (posterior mean) at every draw, in the units of y. */
  readonly fitted: Float64Array;
  /** Length scales δ on the standardised covariates (one per parameter). */
  readonly lengthScales: readonly number[];
  /** σ² relative to the variance of y. */
  readonly signalVariance: number;
  /** τ² relative to the variance of y. */
  readonly noiseVariance: number;
  /** Effective degrees of freedom of the smoother on the hyperparameter draws: m − τ² tr(K⁻¹). */
  readonly edf: number;
}

const LOG_LENGTH_MIN = Math.log(0.05);
const LOG_LENGTH_MAX = Math.log(100);
const LOG_VAR_MIN = Math.log(1e-8);
const LOG_VAR_MAX = Math.log(100);
const MAX_ITERATIONS = 50;

function standardise(x: Float64Array): Float64Array {
  const n = x.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (x[i]! - mean) ** 2;
  const sd = Math.sqrt(ss / Math.max(1, n - 1));
  return Float64Array.from(x, (v) => (sd > 0 ? (v - mean) / sd : 0));
}

/** In-place lower Cholesky factor of a symmetric matrix (row-major m × m); false if not positive definite. */
function choleskyInPlace(a: Float64Array, m: number): boolean {
  for (let j = 0; j < m; j++) {
    const rj = j * m;
    let d = a[rj + j]!;
    for (let k = 0; k < j; k++) d -= a[rj + k]! * a[rj + k]!;
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    a[rj + j] = ljj;
    for (let i = j + 1; i < m; i++) {
      const ri = i * m;
      let s = a[ri + j]!;
      for (let k = 0; k < j; k++) s -= a[ri + k]! * a[rj + k]!;
      a[ri + j] = s / ljj;
    }
  }
  return true;
}

/** Solves L Lᵀ z = b with the lower factor L (row-major, upper part ignored). */
function cholSolve(l: Float64Array, m: number, b: Float64Array): Float64Array {
  const z = Float64Array.from(b);
  for (let i = 0; i < m; i++) {
    let s = z[i]!;
    const ri = i * m;
    for (let k = 0; k < i; k++) s -= l[ri + k]! * z[k]!;
    z[i] = s / l[ri + i]!;
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < m; k++) s -= l[k * m + i]! * z[k]!;
    z[i] = s / l[i * m + i]!;
  }
  return z;
}

/** Inverse of L Lᵀ from the lower factor: (L⁻¹)ᵀ L⁻¹, full symmetric (row-major). */
function cholInverse(l: Float64Array, m: number): Float64Array {
  const li = new Float64Array(m * m); // L⁻¹, lower
  for (let j = 0; j < m; j++) {
    li[j * m + j] = 1 / l[j * m + j]!;
    for (let i = j + 1; i < m; i++) {
      let s = 0;
      const ri = i * m;
      for (let k = j; k < i; k++) s += l[ri + k]! * li[k * m + j]!;
      li[ri + j] = -s / l[ri + i]!;
    }
  }
  const inv = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < m; k++) s += li[k * m + i]! * li[k * m + j]!;
      inv[i * m + j] = s;
      inv[j * m + i] = s;
    }
  return inv;
}

/** Squared distances per covariate between the first m rows: d[k][i*m+j]. */
function squaredDistances(xs: readonly Float64Array[], m: number): Float64Array[] {
  return xs.map((x) => {
    const d = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
      for (let j = 0; j < i; j++) {
        const v = (x[i]! - x[j]!) ** 2;
        d[i * m + j] = v;
        d[j * m + i] = v;
      }
    return d;
  });
}

interface Likelihood {
  readonly value: number;
  readonly gradient: Float64Array;
  readonly edf: number;
}

/** Builds K = σ²C + τ²I on the first m rows for hyperparameters η. Returns C too. */
function kernel(dist: readonly Float64Array[], m: number, eta: Float64Array): { k: Float64Array; c: Float64Array } {
  const p = dist.length;
  const inv = Array.from({ length: p }, (_, q) => Math.exp(-2 * eta[q]!));
  const s2 = Math.exp(eta[p]!);
  const t2 = Math.exp(eta[p + 1]!);
  const c = new Float64Array(m * m);
  const k = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    c[i * m + i] = 1;
    k[i * m + i] = s2 + t2 + 1e-10;
    for (let j = 0; j < i; j++) {
      let e = 0;
      for (let q = 0; q < p; q++) e += dist[q]![i * m + j]! * inv[q]!;
      const v = Math.exp(-e);
      c[i * m + j] = v;
      c[j * m + i] = v;
      k[i * m + j] = s2 * v;
      k[j * m + i] = s2 * v;
    }
  }
  return { k, c };
}

/** GLS coefficients β̂ and residuals r = y − Hβ̂ given the factor of K; H = (1, x_1 … x_p) on the first m rows. */
function gls(l: Float64Array, m: number, xs: readonly Float64Array[], y: Float64Array): { beta: Float64Array; r: Float64Array } {
  const q = xs.length + 1;
  const col = (c: number) => (c === 0 ? new Float64Array(m).fill(1) : xs[c - 1]!.subarray(0, m));
  const kinvH = Array.from({ length: q }, (_, c) => cholSolve(l, m, Float64Array.from(col(c))));
  const kinvY = cholSolve(l, m, y.subarray(0, m));
  const a = new Float64Array(q * q);
  const b = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    const hi = col(i);
    for (let j = 0; j < q; j++) {
      let s = 0;
      for (let d = 0; d < m; d++) s += hi[d]! * kinvH[j]![d]!;
      a[i * q + j] = s;
    }
    let s = 0;
    for (let d = 0; d < m; d++) s += hi[d]! * kinvY[d]!;
    b[i] = s;
  }
  // Small ridge keeps the q × q system solvable when a covariate is constant on the subsample.
  for (let i = 0; i < q; i++) a[i * q + i]! += 1e-12 * (1 + Math.abs(a[i * q + i]!));
  const beta = choleskyInPlace(a, q) ? cholSolve(a, q, b) : new Float64Array(q);
  const r = new Float64Array(m);
  for (let d = 0; d < m; d++) {
    let s = beta[0]!;
    for (let c = 1; c < q; c++) s += beta[c]! * xs[c - 1]![d]!;
    r[d] = y[d]! - s;
  }
  return { beta, r };
}

function likelihood(dist: readonly Float64Array[], xs: readonly Float64Array[], y: Float64Array, m: number, eta: Float64Array): Likelihood | undefined {
  const p = dist.length;
  const { k, c } = kernel(dist, m, eta);
  const l = Float64Array.from(k);
  if (!choleskyInPlace(l, m)) return undefined;
  const { r } = gls(l, m, xs, y);
  const alpha = cholSolve(l, m, r);
  let quad = 0;
  let logDet = 0;
  for (let i = 0; i < m; i++) {
    quad += r[i]! * alpha[i]!;
    logDet += 2 * Math.log(l[i * m + i]!);
  }
  const kinv = cholInverse(l, m);
  const s2 = Math.exp(eta[p]!);
  const t2 = Math.exp(eta[p + 1]!);
  // W = ααᵀ − K⁻¹; ∂ℓ/∂η_j = ½ Σ_ij W_ij ∂K_ij/∂η_j.
  const gradient = new Float64Array(p + 2);
  const inv = Array.from({ length: p }, (_, q) => Math.exp(-2 * eta[q]!));
  let trKinv = 0;
  for (let i = 0; i < m; i++) {
    const wii = alpha[i]! * alpha[i]! - kinv[i * m + i]!;
    trKinv += kinv[i * m + i]!;
    gradient[p] = gradient[p]! + 0.5 * wii * s2;
    gradient[p + 1] = gradient[p + 1]! + 0.5 * wii * t2;
    for (let j = 0; j < i; j++) {
      const w = alpha[i]! * alpha[j]! - kinv[i * m + j]!; // W is symmetric: count the pair twice
      const kc = s2 * c[i * m + j]!;
      gradient[p] = gradient[p]! + w * kc;
      for (let q = 0; q < p; q++) gradient[q] = gradient[q]! + w * kc * 2 * dist[q]![i * m + j]! * inv[q]!;
    }
  }
  return { value: -0.5 * quad - 0.5 * logDet, gradient, edf: m - t2 * trKinv };
}

function clampEta(eta: Float64Array, p: number): Float64Array {
  const out = Float64Array.from(eta);
  for (let q = 0; q < p; q++) out[q] = Math.min(LOG_LENGTH_MAX, Math.max(LOG_LENGTH_MIN, out[q]!));
  for (let q = p; q < p + 2; q++) out[q] = Math.min(LOG_VAR_MAX, Math.max(LOG_VAR_MIN, out[q]!));
  return out;
}

/** Maximises ℓ by L-BFGS (memory 6) with backtracking (Armijo) on the clamped box; deterministic. */
function maximise(f: (eta: Float64Array) => Likelihood | undefined, start: Float64Array, p: number): { eta: Float64Array; at: Likelihood } {
  let eta = clampEta(start, p);
  let at = f(eta);
  // Raise the noise until K is positive definite at the start.
  while (at === undefined && eta[p + 1]! < LOG_VAR_MAX) {
    eta[p + 1] = eta[p + 1]! + 2;
    at = f(eta);
  }
  if (at === undefined) throw new Error("Gaussian-process covariance is not positive definite");
  const sHist: Float64Array[] = [];
  const yHist: Float64Array[] = [];
  const dot = (a: Float64Array, b: Float64Array) => a.reduce((s, v, i) => s + v * b[i]!, 0);
  for (let iter = 0; iter < MAX_ITERATIONS; iter++) {
    // Minimise −ℓ: gradient g = −∇ℓ; direction d = −H g by the two-loop recursion.
    const g = at.gradient.map((v) => -v);
    const q = Float64Array.from(g);
    const alphas: number[] = [];
    for (let i = sHist.length - 1; i >= 0; i--) {
      const rho = 1 / dot(yHist[i]!, sHist[i]!);
      const a = rho * dot(sHist[i]!, q);
      alphas[i] = a;
      for (let j = 0; j < q.length; j++) q[j] = q[j]! - a * yHist[i]![j]!;
    }
    const last = sHist.length - 1;
    const gamma = last >= 0 ? dot(sHist[last]!, yHist[last]!) / dot(yHist[last]!, yHist[last]!) : 1 / Math.max(1, Math.sqrt(dot(g, g)));
    for (let j = 0; j < q.length; j++) q[j] = q[j]! * gamma;
    for (let i = 0; i < sHist.length; i++) {
      const rho = 1 / dot(yHist[i]!, sHist[i]!);
      const b = rho * dot(yHist[i]!, q);
      for (let j = 0; j < q.length; j++) q[j] = q[j]! + sHist[i]![j]! * (alphas[i]! - b);
    }
    let d = q.map((v) => -v);
    if (dot(d, g) >= 0) {
      d = g.map((v) => -v);
      sHist.length = 0;
      yHist.length = 0;
    }
    let step = 1;
    let next: { eta: Float64Array; at: Likelihood } | undefined;
    for (let tries = 0; tries < 30; tries++) {
      const cand = clampEta(eta.map((v, j) => v + step * d[j]!), p);
      const val = f(cand);
      const moved = cand.map((v, j) => v - eta[j]!);
      if (val !== undefined && -val.value <= -at.value + 1e-4 * dot(g, moved)) {
        next = { eta: cand, at: val };
        break;
      }
      step *= 0.5;
    }
    if (next === undefined) break;
    const s = next.eta.map((v, j) => v - eta[j]!);
    const yv = next.at.gradient.map((v, j) => -v - g[j]!);
    const improvement = next.at.value - at.value;
    eta = next.eta;
    at = next.at;
    if (dot(s, yv) > 1e-12) {
      sHist.push(s);
      yHist.push(yv);
      if (sHist.length > 6) {
        sHist.shift();
        yHist.shift();
      }
    }
    // Stop when a step gains less than 10⁻³ in log likelihood (a likelihood ratio of 1.001).
    if (improvement < 1e-3) break;
  }
  return { eta, at };
}

/**
 * @internal Fits y on the covariates by Gaussian-process regression (see the module comment) and returns the
 * posterior mean at every draw.
 */
export function gaussianProcessFit(covariates: readonly Float64Array[], response: Float64Array, settings: { readonly hyperparameterDraws: number; readonly fitDraws: number }): GaussianProcessFit {
  const n = response.length;
  const p = covariates.length;
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += response[i]!;
  yMean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (response[i]! - yMean) ** 2;
  const ySd = Math.sqrt(ss / Math.max(1, n - 1));
  if (!(ySd > 0)) return { fitted: new Float64Array(n).fill(yMean), lengthScales: covariates.map(() => Infinity), signalVariance: 0, noiseVariance: 0, edf: 1 };
  const y = Float64Array.from(response, (v) => (v - yMean) / ySd);
  const xs = covariates.map(standardise);

  // Hyperparameters on the first m_h draws.
  const mh = Math.min(n, settings.hyperparameterDraws);
  const dist = squaredDistances(xs, mh);
  // Start: length scale 2 (smooth, near linear over ±2 SD), σ² and τ² splitting the residual variance of the
  // linear fit.
  const ones = new Float64Array(mh * mh);
  for (let i = 0; i < mh; i++) ones[i * mh + i] = 1;
  const linear = gls(ones, mh, xs, y);
  let rv = 0;
  for (let i = 0; i < mh; i++) rv += linear.r[i]! ** 2;
  rv = Math.max(rv / mh, 1e-6);
  const start = new Float64Array(p + 2);
  for (let q = 0; q < p; q++) start[q] = Math.log(2);
  start[p] = Math.log(0.9 * rv);
  start[p + 1] = Math.log(0.1 * rv);
  const { eta, at } = maximise((e) => likelihood(dist, xs, y, mh, e), start, p);

  // Posterior mean from the first m_f draws, evaluated at every draw.
  const mf = Math.min(n, settings.fitDraws);
  const inv = Array.from({ length: p }, (_, q) => Math.exp(-2 * eta[q]!));
  const s2 = Math.exp(eta[p]!);
  const t2 = Math.exp(eta[p + 1]!);
  const k = new Float64Array(mf * mf);
  for (let i = 0; i < mf; i++) {
    k[i * mf + i] = s2 + t2 + 1e-10;
    for (let j = 0; j < i; j++) {
      let e = 0;
      for (let q = 0; q < p; q++) e += (xs[q]![i]! - xs[q]![j]!) ** 2 * inv[q]!;
      k[i * mf + j] = s2 * Math.exp(-e);
    }
  }
  if (!choleskyInPlace(k, mf)) throw new Error("Gaussian-process covariance is not positive definite");
  const { beta, r } = gls(k, mf, xs, y);
  const alpha = cholSolve(k, mf, r);
  const fitted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let g = beta[0]!;
    for (let q = 0; q < p; q++) g += beta[q + 1]! * xs[q]![i]!;
    let s = 0;
    for (let j = 0; j < mf; j++) {
      let e = 0;
      for (let q = 0; q < p; q++) e += (xs[q]![i]! - xs[q]![j]!) ** 2 * inv[q]!;
      s += Math.exp(-e) * alpha[j]!;
    }
    fitted[i] = yMean + ySd * (g + s2 * s);
  }
  return {
    fitted,
    lengthScales: Array.from({ length: p }, (_, q) => Math.exp(eta[q]!)),
    signalVariance: s2,
    noiseVariance: t2,
    edf: at.edf,
  };
}
