import { VbpInputError } from "../../errors/VbpInputError.js";
import type { VbpIssue } from "../../errors/issue.js";
import type { PsaResult } from "../psa.js";
import { checkThresholds, validDraws } from "./draws.js";
import { gaussianProcessFit } from "./gaussianProcess.js";
import { pSplineSmoother } from "./pspline.js";

/**
 * Expected value of partial perfect information for a parameter group.
 *
 * @example
 * ```ts
 * const model = { id: "ssi", currency: "GBP",
 *   parameters: [{ id: "p_ssi", value: "0.05" }, { id: "c_bed_day", value: 345 }, { id: "los", value: 3 }, { id: "los_ssi", value: 7 }],
 *   tree: { root: "surgery", nodes: [
 *     { id: "surgery", items: [{ id: "bed", category: "bed-days", quantity: { param: "los" }, unitCost: { param: "c_bed_day" } }],
 *       branches: [{ to: "ssi", probability: { param: "p_ssi" } }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: { param: "los_ssi" }, unitCost: { param: "c_bed_day" } }], qalys: "-0.02" },
 *     { id: "healed" },
 *   ] },
 *   options: [{ id: "standard", isComparator: true },
 *     { id: "npwt", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }], extraCosts: [{ id: "npwt", category: "consumables", amount: "15" }] }],
 *   uncertainty: { distributions: { p_ssi: { type: "beta", mean: 0.05, se: 0.01 }, c_bed_day: { type: "gamma", mean: 345, se: 50 }, los_ssi: { type: "gamma", mean: 7, se: 2 } } },
 * };
 * const psa = runPsa(model, { iterations: 500, seed: 1 });
 * const e: Evppi = evppi(psa, { parameters: ["p_ssi"], thresholds: [25000] });
 * e.points[0].perPatient;
 * ```
 * @category Uncertainty
 */
export interface Evppi {
  /** The parameter group. */
  readonly parameters: readonly string[];
  /** The regression used, in words (method, smoother and its settings). */
  readonly method: string;
  /** One point per threshold. */
  readonly points: readonly {
    /** Willingness to pay per QALY. */
    readonly threshold: number;
    /** EVPPI per patient. */
    readonly perPatient: number;
    /** EVPPI for the population (as in {@link evpi}). */
    readonly population?: number;
    /** P-spline only: effective degrees of freedom of each option's fitted incremental NMB (against the first option). */
    readonly edf?: readonly number[];
  }[];
  /**
   * Gaussian-process regression only: one fit per option after the first and per output (incremental costs
   * and incremental QALYs against the first option), with its hyperparameters, so that the fit can be judged.
   */
  readonly regressions?: readonly {
    /** The option whose difference from the first option is regressed. */
    readonly optionId: string;
    /** The output regressed. */
    readonly output: "costs" | "qalys";
    /** Length scale of each parameter of the group, in SDs of that parameter (large: the output barely depends on it). */
    readonly lengthScales: readonly number[];
    /** Variance of the smooth part, as a share of the output's variance. */
    readonly signalVariance: number;
    /** Residual variance (what the group does not explain), as a share of the output's variance. */
    readonly noiseVariance: number;
    /** Effective degrees of freedom of the smoother on the draws used to choose the hyperparameters. */
    readonly edf: number;
  }[];
  /** Currency. */
  readonly currency: string;
  /** Number of valid draws. */
  readonly draws: number;
}

/**
 * Settings of {@link evppi}.
 *
 * @example
 * ```ts
 * const s: EvppiSettings = { parameters: ["p_ssi", "c_bed_day", "los_ssi"], thresholds: [20000, 30000], method: "gp", gp: { hyperparameterDraws: 300, fitDraws: 1000 } };
 * ```
 * @category Uncertainty
 */
export interface EvppiSettings {
  /** The parameter group: ids of drawn parameters (1 to 50, no repeats). */
  readonly parameters: readonly string[];
  /** Willingness-to-pay values per QALY. */
  readonly thresholds: readonly number[];
  /** Patients for the population EVPPI (default: the PSA's discounted patients, if any). */
  readonly patients?: number;
  /**
   * The regression: `"pspline"` (1 or 2 parameters), `"gp"` (Gaussian process, any group size) or `"auto"`
   * (the default: P-spline for 1 or 2 parameters, Gaussian process for 3 or more).
   */
  readonly method?: "auto" | "pspline" | "gp";
  /** Gaussian-process settings. */
  readonly gp?: {
    /** Draws used to choose the hyperparameters (default 300; 20 to 2,000): cost grows with its cube. */
    readonly hyperparameterDraws?: number;
    /** Draws the posterior mean is computed from (default 1,000; at least `hyperparameterDraws`, at most 5,000): cost grows with its cube. */
    readonly fitDraws?: number;
  };
}

/** The largest parameter group {@link evppi} accepts. */
const MAX_GROUP = 50;

function checkSettings(psa: PsaResult, settings: EvppiSettings): { method: "pspline" | "gp"; hyper: number; fit: number } {
  const ps = settings.parameters as unknown;
  if (!Array.isArray(ps) || ps.length < 1 || ps.length > MAX_GROUP) {
    throw new VbpInputError([{ code: "invalid_value", path: ["parameters"], message: `give 1 to ${MAX_GROUP} drawn parameter ids, got ${Array.isArray(ps) ? `${ps.length}` : String(ps)}` }]);
  }
  const issues: VbpIssue[] = [];
  const seen = new Set<string>();
  ps.forEach((id: unknown, i) => {
    if (typeof id !== "string") issues.push({ code: "invalid_type", path: ["parameters", i], message: `must be a parameter id (text), got ${JSON.stringify(id)}` });
    else if (seen.has(id)) issues.push({ code: "invalid_value", path: ["parameters", i], message: `"${id}" is listed twice` });
    else if (!psa.parameters.ids.includes(id)) issues.push({ code: "unknown_reference", path: ["parameters", i], message: `"${id}" was not drawn in this PSA (drawn: ${psa.parameters.ids.join(", ") || "none"})` });
    if (typeof id === "string") seen.add(id);
  });
  const m = settings.method ?? "auto";
  if (m !== "auto" && m !== "pspline" && m !== "gp") issues.push({ code: "invalid_value", path: ["method"], message: `must be "auto", "pspline" or "gp", got ${JSON.stringify(m)}` });
  const method = m === "pspline" || (m === "auto" && ps.length <= 2) ? "pspline" : "gp";
  if (method === "pspline" && ps.length > 2) issues.push({ code: "invalid_value", path: ["method"], message: `the P-spline smoother handles 1 or 2 parameters, got ${ps.length}: use method "gp" (or "auto")` });
  const hyper = settings.gp?.hyperparameterDraws ?? 300;
  const fit = settings.gp?.fitDraws ?? Math.max(1000, hyper);
  if (!Number.isInteger(hyper) || hyper < 20 || hyper > 2000) issues.push({ code: "invalid_value", path: ["gp", "hyperparameterDraws"], message: `must be a whole number from 20 to 2,000, got ${String(hyper)}` });
  if (!Number.isInteger(fit) || fit < hyper || fit > 5000) issues.push({ code: "invalid_value", path: ["gp", "fitDraws"], message: `must be a whole number from hyperparameterDraws (${String(hyper)}) to 5,000, got ${String(fit)}` });
  if (settings.patients !== undefined && !(typeof settings.patients === "number" && Number.isFinite(settings.patients) && settings.patients >= 0)) {
    issues.push({ code: "invalid_value", path: ["patients"], message: `must be a finite number ≥ 0, got ${String(settings.patients)}` });
  }
  if (issues.length > 0) throw new VbpInputError(issues);
  return { method, hyper, fit };
}

/**
 * Expected value of partial perfect information for a parameter group, by nonparametric regression (Strong,
 * Oakley & Brennan 2014, Med Decis Making 34:311–326). Each option's incremental net benefit against the
 * first option is regressed on the group's drawn values; with fitted values ĝ_o (ĝ = 0 for the first option),
 *
 *   EVPPI = (1/n) Σ_d max_o ĝ_o(d) − max_o (1/n) Σ_d ĝ_o(d).
 *
 * Two regressions (`method`):
 * - **P-spline** (1 or 2 parameters; the default for them): penalised cubic regression splines (Eilers &
 *   Marx 1996) with 20 segments for one parameter and a tensor product of 8 × 8 for two, the smoothing
 *   parameter by generalised cross-validation over a fixed grid; fitted per threshold.
 * - **Gaussian process** (any group of up to 50; the default for 3 or more), as in Strong et al. (2014):
 *   linear mean in the parameters plus a squared-exponential GP with one length scale per parameter and a
 *   nugget, hyperparameters by maximum (profile) marginal likelihood on the first `gp.hyperparameterDraws`
 *   draws (L-BFGS from a fixed start), posterior mean from the first `gp.fitDraws` draws, evaluated at every
 *   draw. Incremental costs and incremental QALYs are regressed separately, so that ĝ(λ) = λ ĝ_Q − ĝ_C at
 *   every threshold from 2 × (options − 1) fits. Deterministic: no random restarts.
 *
 * Limits: a regression estimate is biased upwards when the fit follows noise (few draws, a weak group) and
 * downwards when it oversmooths; the Gaussian process assumes a smooth response (a step in a parameter is
 * smoothed over). Check `regressions` (a group parameter with a very long length scale barely matters) and
 * that the EVPPI of every parameter together is close to the EVPI. With all the parameters the estimate
 * approaches the EVPI from below.
 *
 * @param psa - a PSA result (it holds the drawn parameters)
 * @param settings - the group, thresholds, optional `patients`, `method` and `gp` settings
 * @returns EVPPI per patient (and population) at each threshold
 * @throws VbpInputError naming the setting (`parameters[i]`, `method`, `gp.fitDraws` …) for an unknown,
 *   repeated or undrawn parameter, a group the method cannot take, out-of-range settings or fewer than 100 valid draws
 * @example
 * ```ts
 * const model = { id: "ssi", currency: "GBP",
 *   parameters: [{ id: "p_ssi", value: "0.05" }, { id: "c_bed_day", value: 345 }, { id: "los", value: 3 }, { id: "los_ssi", value: 7 }],
 *   tree: { root: "surgery", nodes: [
 *     { id: "surgery", items: [{ id: "bed", category: "bed-days", quantity: { param: "los" }, unitCost: { param: "c_bed_day" } }],
 *       branches: [{ to: "ssi", probability: { param: "p_ssi" } }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: { param: "los_ssi" }, unitCost: { param: "c_bed_day" } }], qalys: "-0.02" },
 *     { id: "healed" },
 *   ] },
 *   options: [{ id: "standard", isComparator: true },
 *     { id: "npwt", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }], extraCosts: [{ id: "npwt", category: "consumables", amount: "15" }] }],
 *   uncertainty: { distributions: { p_ssi: { type: "beta", mean: 0.05, se: 0.01 }, c_bed_day: { type: "gamma", mean: 345, se: 50 }, los_ssi: { type: "gamma", mean: 7, se: 2 } } },
 * };
 * const psa = runPsa(model, { iterations: 500, seed: 1 });
 * evppi(psa, { parameters: ["p_ssi", "c_bed_day"], thresholds: [20000, 30000] }).method; // P-spline
 * evppi(psa, { parameters: ["p_ssi", "c_bed_day", "los_ssi"], thresholds: [20000] }).method; // Gaussian process
 * ```
 * @category Uncertainty
 */
export function evppi(psa: PsaResult, settings: EvppiSettings): Evppi {
  checkThresholds(settings.thresholds);
  const { method, hyper, fit } = checkSettings(psa, settings);
  const ps = settings.parameters;
  const idx = validDraws(psa);
  const n = idx.length;
  if (n < 100) throw new VbpInputError([{ code: "too_small", path: ["psa"], message: `EVPPI by regression needs at least 100 valid draws, got ${n}` }]);
  const covariates = ps.map((id) => {
    const p = psa.parameters.ids.indexOf(id);
    return Float64Array.from(idx, (d) => psa.parameters.values[p * psa.count + d]!);
  });
  const patients = settings.patients ?? psa.discountedPatients;
  const base = psa.options[0]!;
  const others = psa.options.slice(1);
  const evppiOf = (fitted: readonly Float64Array[]): number => {
    let sumMax = 0;
    const sums = new Float64Array(fitted.length);
    for (let j = 0; j < n; j++) {
      let m = 0;
      for (let o = 0; o < fitted.length; o++) {
        const g = fitted[o]![j]!;
        sums[o] = sums[o]! + g;
        if (g > m) m = g;
      }
      sumMax += m;
    }
    return Math.max(0, sumMax / n - Math.max(0, ...Array.from(sums, (s) => s / n)));
  };
  const population = (perPatient: number) => (patients !== undefined ? { population: perPatient * patients } : {});
  if (method === "pspline") {
    const smoother = pSplineSmoother(covariates, ps.length === 1 ? 20 : 8);
    const points = settings.thresholds.map((lambda) => {
      const fits = others.map((o) => smoother.fit(Float64Array.from(idx, (d) => lambda * (o.qalys[d]! - base.qalys[d]!) - (o.costs[d]! - base.costs[d]!))));
      const perPatient = evppiOf(fits.map((f) => f.fitted));
      return { threshold: lambda, perPatient, ...population(perPatient), edf: fits.map((f) => f.edf) };
    });
    return {
      parameters: [...ps],
      method: ps.length === 1 ? "Strong et al. 2014 regression; P-spline (cubic, 20 segments, GCV)" : "Strong et al. 2014 regression; tensor P-spline (cubic, 8×8 segments, GCV)",
      points,
      currency: psa.currency,
      draws: n,
    };
  }
  const gpSettings = { hyperparameterDraws: hyper, fitDraws: fit };
  const fits = others.map((o) => ({
    optionId: o.optionId,
    costs: gaussianProcessFit(covariates, Float64Array.from(idx, (d) => o.costs[d]! - base.costs[d]!), gpSettings),
    qalys: gaussianProcessFit(covariates, Float64Array.from(idx, (d) => o.qalys[d]! - base.qalys[d]!), gpSettings),
  }));
  const points = settings.thresholds.map((lambda) => {
    const fitted = fits.map((f) => {
      const g = new Float64Array(n);
      for (let j = 0; j < n; j++) g[j] = lambda * f.qalys.fitted[j]! - f.costs.fitted[j]!;
      return g;
    });
    const perPatient = evppiOf(fitted);
    return { threshold: lambda, perPatient, ...population(perPatient) };
  });
  return {
    parameters: [...ps],
    method: `Strong et al. 2014 regression; Gaussian process (linear mean, squared-exponential covariance with nugget, ML hyperparameters on ${Math.min(n, hyper)} draws, posterior mean from ${Math.min(n, fit)} draws)`,
    points,
    regressions: fits.flatMap((f) =>
      (["costs", "qalys"] as const).map((output) => {
        const r = f[output];
        return { optionId: f.optionId, output, lengthScales: r.lengthScales, signalVariance: r.signalVariance, noiseVariance: r.noiseVariance, edf: r.edf };
      }),
    ),
    currency: psa.currency,
    draws: n,
  };
}
