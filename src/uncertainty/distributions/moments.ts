import { VbpInputError } from "../../errors/VbpInputError.js";
import { normalQuantile } from "./special.js";

/**
 * The shapes of a beta distribution.
 *
 * @example
 * ```ts
 * const b: BetaShapes = { alpha: 19.8, beta: 79.2 };
 * ```
 * @category Uncertainty
 */
export interface BetaShapes {
  /** Shape α. */
  readonly alpha: number;
  /** Shape β. */
  readonly beta: number;
}

/**
 * The shape and scale of a gamma distribution.
 *
 * @example
 * ```ts
 * const g: GammaShapeScale = { shape: 25, scale: 40 };
 * ```
 * @category Uncertainty
 */
export interface GammaShapeScale {
  /** Shape k. */
  readonly shape: number;
  /** Scale θ. */
  readonly scale: number;
}

/**
 * The parameters of a lognormal on the log scale.
 *
 * @example
 * ```ts
 * const l: LognormalLogParameters = { meanlog: -0.675, sdlog: 0.171 };
 * ```
 * @category Uncertainty
 */
export interface LognormalLogParameters {
  /** Mean of log X. */
  readonly meanlog: number;
  /** Standard deviation of log X. */
  readonly sdlog: number;
}

/**
 * Beta(α, β) with a given mean m and standard error s, by the method of moments (Briggs, Claxton & Sculpher
 * 2006, Decision Modelling for Health Economic Evaluation, §4.3.1): with v = s²,
 * α = m (m(1 − m)/v − 1) and β = α (1 − m)/m. Needs 0 < m < 1 and v < m(1 − m).
 *
 * @param mean - the mean, in (0, 1)
 * @param se - the standard error (SD of the parameter), > 0 and below √(m(1 − m))
 * @returns the shapes `{ alpha, beta }`
 * @throws VbpInputError when the mean is outside (0, 1) or the SE is too large for the mean
 * @example
 * ```ts
 * betaFromMeanSe(0.2, 0.04); //=> { alpha: 19.800000000000004, beta: 79.20000000000002 } (19.8 and 79.2 up to rounding)
 * ```
 * @category Uncertainty
 */
export function betaFromMeanSe(mean: number, se: number): BetaShapes {
  if (!(mean > 0 && mean < 1)) throw new VbpInputError([{ code: "invalid_value", path: ["mean"], message: `a beta mean must be strictly between 0 and 1, got ${mean}` }]);
  const v = se * se;
  if (!(se > 0) || !(v < mean * (1 - mean))) {
    throw new VbpInputError([
      { code: "invalid_value", path: ["se"], message: `a beta SE must be > 0 and below √(mean × (1 − mean)) = ${Math.sqrt(mean * (1 - mean)).toPrecision(6)} for mean ${mean}, got ${se}` },
    ]);
  }
  const alpha = mean * ((mean * (1 - mean)) / v - 1);
  return { alpha, beta: (alpha * (1 - mean)) / mean };
}

/**
 * Gamma(shape k, scale θ) with a given mean m and standard error s, by the method of moments (Briggs et al.
 * 2006, §4.3.2): k = m²/s², θ = s²/m. Needs m > 0 and s > 0.
 *
 * @param mean - the mean, > 0
 * @param se - the standard error, > 0
 * @returns `{ shape, scale }`
 * @throws VbpInputError for a mean or SE that is not positive
 * @example
 * ```ts
 * gammaFromMeanSe(1000, 200); //=> { shape: 25, scale: 40 }
 * ```
 * @category Uncertainty
 */
export function gammaFromMeanSe(mean: number, se: number): GammaShapeScale {
  if (!(mean > 0)) throw new VbpInputError([{ code: "too_small", path: ["mean"], message: `a gamma mean must be > 0, got ${mean}` }]);
  if (!(se > 0)) throw new VbpInputError([{ code: "too_small", path: ["se"], message: `a gamma SE must be > 0, got ${se}` }]);
  return { shape: (mean * mean) / (se * se), scale: (se * se) / mean };
}

/**
 * Lognormal with a given mean m and standard error s on the natural scale, by the method of moments:
 * σ² = ln(1 + s²/m²), μ = ln m − σ²/2 (the moments of the lognormal, Johnson, Kotz & Balakrishnan 1994, §14.3).
 *
 * @param mean - the mean, > 0
 * @param se - the standard error, > 0
 * @returns `{ meanlog, sdlog }`
 * @throws VbpInputError for a mean or SE that is not positive
 * @example
 * ```ts
 * lognormalFromMeanSe(1, 0.1).sdlog.toFixed(7); //=> "0.0997513"
 * ```
 * @category Uncertainty
 */
export function lognormalFromMeanSe(mean: number, se: number): LognormalLogParameters {
  if (!(mean > 0)) throw new VbpInputError([{ code: "too_small", path: ["mean"], message: `a lognormal mean must be > 0, got ${mean}` }]);
  if (!(se > 0)) throw new VbpInputError([{ code: "too_small", path: ["se"], message: `a lognormal SE must be > 0, got ${se}` }]);
  const s2 = Math.log1p((se * se) / (mean * mean));
  return { meanlog: Math.log(mean) - s2 / 2, sdlog: Math.sqrt(s2) };
}

/**
 * Lognormal from a confidence interval of a ratio (relative risk, hazard or odds ratio), as in Briggs et al.
 * 2006 §4.3.3: μ = (ln L + ln U)/2 and σ = (ln U − ln L)/(2 z), z = Φ⁻¹(1 − (1 − level)/2) (1.959964 for 95%).
 * The median of the result is the geometric midpoint √(LU).
 *
 * @param lower - lower limit, > 0
 * @param upper - upper limit, > lower
 * @param level - the interval's coverage (default 0.95)
 * @returns `{ meanlog, sdlog }`
 * @throws VbpInputError when the limits are not 0 < lower < upper or the level is outside (0, 1)
 * @example
 * ```ts
 * lognormalFromCi(0.5, 0.8).sdlog.toFixed(5); //=> "0.11990"
 * ```
 * @category Uncertainty
 */
export function lognormalFromCi(lower: number, upper: number, level = 0.95): LognormalLogParameters {
  if (!(lower > 0 && upper > lower)) throw new VbpInputError([{ code: "invalid_value", path: ["ci95"], message: `a lognormal interval needs 0 < lower < upper, got [${lower}, ${upper}]` }]);
  if (!(level > 0 && level < 1)) throw new VbpInputError([{ code: "invalid_value", path: ["level"], message: `the interval's level must be in (0, 1), got ${level}` }]);
  const z = normalQuantile(1 - (1 - level) / 2);
  return { meanlog: (Math.log(lower) + Math.log(upper)) / 2, sdlog: (Math.log(upper) - Math.log(lower)) / (2 * z) };
}
