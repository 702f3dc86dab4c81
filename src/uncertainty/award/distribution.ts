import type { VbpIssue, VbpPath } from "../../errors/issue.js";
import { betaVariate, gammaVariate, normalQuantile } from "./_internal/sampling.js";
import type { UniformSource as UniformSequence } from "../random/streams.js";

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

/** @internal A checked distribution: draws from a uniform sequence, and its quantiles for one-way ranges. */
export interface CompiledDistribution {
  readonly type: InputDistribution["type"];
  /** The mean (the base value is the caller's). */
  readonly mean: number;
  /** Draws one value. */
  sample(u: UniformSequence): number;
  /** Low and high values for one-way analysis (2.5% and 97.5% quantiles, or exact limits where closed form). */
  readonly low: number;
  readonly high: number;
}

const KEYS: Readonly<Record<InputDistribution["type"], readonly string[]>> = {
  fixed: ["value"],
  normal: ["mean", "sd"],
  lognormal: ["mean", "sd"],
  uniform: ["min", "max"],
  triangular: ["min", "mode", "max"],
  pert: ["min", "mode", "max"],
  beta: ["mean", "sd"],
  gamma: ["mean", "sd"],
  bernoulli: ["p"],
};

function num(raw: unknown, path: VbpPath, issues: VbpIssue[]): number | undefined {
  const n = typeof raw === "number" ? raw : typeof raw === "string" && /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(n)) {
    issues.push({ code: "invalid_type", path, message: `must be a finite number or decimal string, got ${JSON.stringify(raw)}` });
    return undefined;
  }
  return n;
}

/** Quantiles by sampling on a fixed sequence are not needed: these close forms give the 2.5%/97.5% points. */
const Z975 = 1.959963984540054;

/**
 * @internal Checks a distribution and builds its sampler; problems are added to `issues` with paths under `path`.
 */
export function compileDistribution(raw: unknown, path: VbpPath, issues: VbpIssue[]): CompiledDistribution | undefined {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    issues.push({ code: "invalid_type", path, message: "must be a distribution object such as { type: \"normal\", mean, sd }" });
    return undefined;
  }
  const r = raw as Record<string, unknown>;
  const type = r.type as InputDistribution["type"];
  if (typeof type !== "string" || !Object.hasOwn(KEYS, type)) {
    issues.push({ code: "invalid_value", path: [...path, "type"], message: `must be one of ${Object.keys(KEYS).join(", ")}, got ${JSON.stringify(r.type)}` });
    return undefined;
  }
  const allowed = KEYS[type];
  const before = issues.length;
  for (const k of Object.keys(r)) if (k !== "type" && !allowed.includes(k)) issues.push({ code: "unrecognized_keys", path: [...path, k], message: `unknown key "${k}" for a ${type} distribution; allowed: ${allowed.join(", ")}` });
  const v: Record<string, number> = {};
  for (const k of allowed) {
    if (!Object.hasOwn(r, k)) issues.push({ code: "invalid_type", path: [...path, k], message: `is required for a ${type} distribution` });
    else {
      const n = num(r[k], [...path, k], issues);
      if (n !== undefined) v[k] = n;
    }
  }
  if (issues.length > before) return undefined;
  const bad = (key: string, message: string): undefined => {
    issues.push({ code: "invalid_value", path: [...path, key], message });
    return undefined;
  };
  const { mean = 0, sd = 0, min = 0, max = 0, mode = 0 } = v;
  // low/high: closed-form 2.5% and 97.5% quantiles for normal, lognormal, uniform and triangular; mean ± 1.96 SD
  // clipped to the support for PERT, beta and gamma (used only as one-way (tornado) ends, never for draws).
  switch (type) {
    case "fixed": {
      const x = v.value as number;
      return { type, mean: x, low: x, high: x, sample: () => x };
    }
    case "normal":
      if (!(sd >= 0)) return bad("sd", `must be ≥ 0, got ${sd}`);
      return { type, mean, low: mean - Z975 * sd, high: mean + Z975 * sd, sample: (u) => mean + sd * normalQuantile(u.next()) };
    case "lognormal": {
      if (!(mean > 0)) return bad("mean", `must be > 0 for a lognormal distribution, got ${mean}`);
      if (!(sd >= 0)) return bad("sd", `must be ≥ 0, got ${sd}`);
      const s2 = Math.log(1 + (sd * sd) / (mean * mean));
      const s = Math.sqrt(s2);
      const mu = Math.log(mean) - s2 / 2;
      return { type, mean, low: Math.exp(mu - Z975 * s), high: Math.exp(mu + Z975 * s), sample: (u) => Math.exp(mu + s * normalQuantile(u.next())) };
    }
    case "uniform":
      if (!(max > min)) return bad("max", `must be greater than min (${min}), got ${max}`);
      return { type, mean: (min + max) / 2, low: min + 0.025 * (max - min), high: min + 0.975 * (max - min), sample: (u) => min + (max - min) * u.next() };
    case "triangular": {
      if (!(max > min)) return bad("max", `must be greater than min (${min}), got ${max}`);
      if (!(mode >= min && mode <= max)) return bad("mode", `must lie in [min, max] = [${min}, ${max}], got ${mode}`);
      const fc = (mode - min) / (max - min);
      const q = (p: number): number => (p < fc ? min + Math.sqrt(p * (max - min) * (mode - min)) : max - Math.sqrt((1 - p) * (max - min) * (max - mode)));
      return { type, mean: (min + mode + max) / 3, low: q(0.025), high: q(0.975), sample: (u) => q(u.next()) };
    }
    case "pert": {
      if (!(max > min)) return bad("max", `must be greater than min (${min}), got ${max}`);
      if (!(mode >= min && mode <= max)) return bad("mode", `must lie in [min, max] = [${min}, ${max}], got ${mode}`);
      const a = 1 + (4 * (mode - min)) / (max - min);
      const b = 1 + (4 * (max - mode)) / (max - min);
      const m = (min + 4 * mode + max) / 6;
      const s = Math.sqrt(((m - min) * (max - m)) / 7);
      return { type, mean: m, low: Math.max(min, m - Z975 * s), high: Math.min(max, m + Z975 * s), sample: (u) => min + (max - min) * betaVariate(a, b, u) };
    }
    case "beta": {
      if (!(mean > 0 && mean < 1)) return bad("mean", `must lie strictly between 0 and 1 for a beta distribution, got ${mean}`);
      if (!(sd > 0)) return bad("sd", `must be > 0, got ${sd}`);
      const k = (mean * (1 - mean)) / (sd * sd) - 1;
      if (!(k > 0)) return bad("sd", `is too large for a beta with mean ${mean}: sd² must be below mean × (1 − mean) = ${mean * (1 - mean)}`);
      const a = mean * k;
      const b = (1 - mean) * k;
      return { type, mean, low: Math.max(0, mean - Z975 * sd), high: Math.min(1, mean + Z975 * sd), sample: (u) => betaVariate(a, b, u) };
    }
    case "gamma": {
      if (!(mean > 0)) return bad("mean", `must be > 0 for a gamma distribution, got ${mean}`);
      if (!(sd > 0)) return bad("sd", `must be > 0, got ${sd}`);
      const shape = (mean * mean) / (sd * sd);
      const scale = (sd * sd) / mean;
      return { type, mean, low: Math.max(0, mean - Z975 * sd), high: mean + Z975 * sd, sample: (u) => scale * gammaVariate(shape, u) };
    }
    case "bernoulli": {
      const p = v.p as number;
      if (!(p >= 0 && p <= 1)) return bad("p", `must lie in [0, 1], got ${p}`);
      return { type, mean: p, low: 0, high: 1, sample: (u) => (u.next() < p ? 1 : 0) };
    }
  }
}
