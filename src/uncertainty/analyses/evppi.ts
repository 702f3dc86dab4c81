import { VbpInputError } from "../../errors/VbpInputError.js";
import type { PsaResult } from "../psa.js";
import { checkThresholds, validDraws } from "./draws.js";
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
  /** The regression used. */
  readonly method: string;
  /** One point per threshold. */
  readonly points: readonly {
    /** Willingness to pay per QALY. */
    readonly threshold: number;
    /** EVPPI per patient. */
    readonly perPatient: number;
    /** EVPPI for the population (as in {@link evpi}). */
    readonly population?: number;
    /** Effective degrees of freedom of each option's fitted incremental NMB (against the first option). */
    readonly edf: readonly number[];
  }[];
  /** Currency. */
  readonly currency: string;
  /** Number of valid draws. */
  readonly draws: number;
}

/**
 * EVPPI by nonparametric regression (Strong, Oakley & Brennan 2014, Med Decis Making 34:311–326): each
 * option's incremental NMB (against the first option) is regressed on the group's drawn values; with fitted
 * values ĝ_o, EVPPI = mean_d max_o ĝ_o(d) − max_o mean_d ĝ_o(d). The smoother is a penalised cubic regression
 * spline (P-spline, Eilers & Marx 1996) with 20 segments for one parameter and a tensor product of 8 × 8
 * segments for two, its smoothing parameter chosen by generalised cross-validation over a fixed grid: the
 * result is deterministic. Groups of more than two parameters are not supported by this smoother.
 *
 * @param psa - a PSA result (it holds the drawn parameters)
 * @param settings - `parameters` (1 or 2 ids that were drawn), `thresholds`, optional `patients`
 * @returns EVPPI per patient (and population) at each threshold
 * @throws VbpInputError for an unknown or undrawn parameter, a group larger than two, or too few draws
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
 * evppi(psa, { parameters: ["p_ssi", "c_bed_day"], thresholds: [20000, 30000] });
 * ```
 * @category Uncertainty
 */
export function evppi(psa: PsaResult, settings: { readonly parameters: readonly string[]; readonly thresholds: readonly number[]; readonly patients?: number }): Evppi {
  checkThresholds(settings.thresholds);
  const ps = settings.parameters;
  if (!Array.isArray(ps) || ps.length < 1 || ps.length > 2) {
    throw new VbpInputError([{ code: "invalid_value", path: ["parameters"], message: `give 1 or 2 drawn parameters (the regression smoother handles one or a pair), got ${Array.isArray(ps) ? ps.length : String(ps)}` }]);
  }
  const idx = validDraws(psa);
  const n = idx.length;
  if (n < 100) throw new VbpInputError([{ code: "too_small", path: ["psa"], message: `EVPPI by regression needs at least 100 valid draws, got ${n}` }]);
  const covariates = ps.map((id, i) => {
    const p = psa.parameters.ids.indexOf(id);
    if (p < 0) throw new VbpInputError([{ code: "unknown_reference", path: ["parameters", i], message: `"${id}" was not drawn in this PSA (drawn: ${psa.parameters.ids.join(", ") || "none"})` }]);
    return Float64Array.from(idx, (d) => psa.parameters.values[p * psa.count + d]!);
  });
  const smoother = pSplineSmoother(covariates, ps.length === 1 ? 20 : 8);
  const patients = settings.patients ?? psa.discountedPatients;
  const base = psa.options[0]!;
  const points = settings.thresholds.map((lambda) => {
    const fits = psa.options.slice(1).map((o) => {
      const y = Float64Array.from(idx, (d) => lambda * (o.qalys[d]! - base.qalys[d]!) - (o.costs[d]! - base.costs[d]!));
      return smoother.fit(y);
    });
    let sumMax = 0;
    const sums = new Float64Array(fits.length);
    for (let j = 0; j < n; j++) {
      let m = 0;
      fits.forEach((f, o) => {
        const g = f.fitted[j]!;
        sums[o] = sums[o]! + g;
        if (g > m) m = g;
      });
      sumMax += m;
    }
    const perPatient = Math.max(0, sumMax / n - Math.max(0, ...Array.from(sums, (s) => s / n)));
    return { threshold: lambda, perPatient, ...(patients !== undefined ? { population: perPatient * patients } : {}), edf: fits.map((f) => f.edf) };
  });
  return {
    parameters: [...ps],
    method: ps.length === 1 ? "Strong et al. 2014 regression; P-spline (cubic, 20 segments, GCV)" : "Strong et al. 2014 regression; tensor P-spline (cubic, 8×8 segments, GCV)",
    points,
    currency: psa.currency,
    draws: n,
  };
}
