import { VbpInputError } from "../../errors/VbpInputError.js";
import type { PathwayModel } from "../../pathway/model.js";
import { evaluateFigures, prepareDsa, type DsaModel } from "./figures.js";

/**
 * A threshold (break-even) analysis declared in a document's `uncertainty.thresholds` or given in code.
 *
 * @example
 * ```ts
 * const t: ThresholdSpec = { id: "npwt-price", parameter: "c_npwt", range: [0, 1000], option: "npwt", target: { measure: "nmb", threshold: 25000 } };
 * ```
 * @category Uncertainty
 */
export interface ThresholdSpec {
  /** Name of the analysis. */
  readonly id: string;
  /** The parameter solved for. */
  readonly parameter: string;
  /** The interval searched, [low, high]. */
  readonly range: readonly [number, number];
  /** The option. */
  readonly option: string;
  /** Compared with (default the model's comparator). */
  readonly comparator?: string;
  /** `nmb`: incremental NMB at `threshold` is 0; `cost`: incremental cost 0; `qalys`: incremental QALYs 0; `icer`: the ICER equals `threshold`. */
  readonly target: {
    /** What breaks even. */
    readonly measure: "nmb" | "cost" | "qalys" | "icer";
    /** Willingness to pay per QALY (nmb, icer). */
    readonly threshold?: number;
  };
}

/**
 * The values of the parameter at which the option breaks even, with the figures there.
 *
 * @example
 * ```ts
 * const doc = { id: "ssi", currency: "GBP",
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
 * const spec: ThresholdSpec = { id: "npwt-bed-day", parameter: "c_bed_day", range: [0, 2000], option: "npwt", target: { measure: "cost" } };
 * const r: ThresholdResult = thresholdAnalysis(doc, spec);
 * r.values[0]?.value; // the break-even value
 * ```
 * @category Uncertainty
 */
export interface ThresholdResult {
  /** The analysis solved. */
  readonly spec: ThresholdSpec;
  /** Every break-even value found in the range (in increasing order), with the residual |f| there. */
  readonly values: readonly {
    /** The break-even value of the parameter. */
    readonly value: number;
    /** |target| there. */
    readonly residual: number;
    /** Incremental cost there. */
    readonly incrementalCosts: number;
    /** Incremental QALYs there. */
    readonly incrementalQalys: number;
  }[];
  /** The target function at the ends of the range (e.g. incremental NMB), to show which side is which. */
  readonly atLow: number;
  /** At the high end. */
  readonly atHigh: number;
  /** Model evaluations used (each one Float64 run of the compiled model; nothing is parsed again). */
  readonly evaluations: number;
  /** Plain-language statement of the result. */
  readonly summary: string;
}

const SCAN = 41;

/** @internal Threshold analysis on a prepared model. */
export function thresholdOn(m: DsaModel, spec: ThresholdSpec, path: (string | number)[] = []): ThresholdResult {
  const problems = [];
  if (!(m.compiled.model.parameters ?? []).some((p) => p.id === spec.parameter)) problems.push({ code: "unknown_reference" as const, path: [...path, "parameter"], message: `no parameter "${spec.parameter}" in the model` });
  if (!m.compiled.optionIds.includes(spec.option)) problems.push({ code: "unknown_reference" as const, path: [...path, "option"], message: `no option "${spec.option}"` });
  const comparator = spec.comparator ?? m.comparatorId;
  if (!m.compiled.optionIds.includes(comparator)) problems.push({ code: "unknown_reference" as const, path: [...path, "comparator"], message: `no option "${comparator}"` });
  if (comparator === spec.option) problems.push({ code: "invalid_value" as const, path: [...path, "option"], message: "the option must differ from its comparator" });
  const [lo, hi] = spec.range;
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) problems.push({ code: "invalid_value" as const, path: [...path, "range"], message: `must be [low, high] with low < high, got [${lo}, ${hi}]` });
  const lambda = spec.target.threshold;
  if ((spec.target.measure === "nmb" || spec.target.measure === "icer") && !(typeof lambda === "number" && Number.isFinite(lambda) && lambda >= 0)) {
    problems.push({ code: "invalid_value" as const, path: [...path, "target", "threshold"], message: `needs a willingness to pay per QALY ≥ 0, got ${String(lambda)}` });
  }
  if (problems.length > 0) throw new VbpInputError(problems);
  let evaluations = 0;
  const deltas = (v: number) => {
    evaluations++;
    let figures;
    try {
      figures = evaluateFigures(m, { [spec.parameter]: v });
    } catch (e) {
      if (e instanceof VbpInputError) throw new VbpInputError(e.issues.map((x) => ({ ...x, path: [...path, "range"], message: `at ${spec.parameter} = ${v}: ${x.message} (narrow the range)` })));
      throw e;
    }
    const o = figures.find((f) => f.optionId === spec.option)!;
    const c = figures.find((f) => f.optionId === comparator)!;
    return { dc: o.costs - c.costs, dq: o.qalys - c.qalys };
  };
  const f = (v: number): number => {
    const { dc, dq } = deltas(v);
    switch (spec.target.measure) {
      case "cost":
        return dc;
      case "qalys":
        return dq;
      default:
        return lambda! * dq - dc;
    }
  };
  const xs = Array.from({ length: SCAN }, (_, i) => (i === SCAN - 1 ? hi : lo + ((hi - lo) * i) / (SCAN - 1)));
  const fs = xs.map(f);
  const roots: number[] = [];
  for (let i = 0; i < SCAN - 1; i++) {
    const a0 = xs[i]!;
    const fa0 = fs[i]!;
    const fb0 = fs[i + 1]!;
    if (fa0 === 0) {
      roots.push(a0);
      continue;
    }
    if (i === SCAN - 2 && fb0 === 0) roots.push(xs[i + 1]!);
    if (fa0 * fb0 >= 0) continue;
    // Illinois-modified regula falsi (Dowell & Jarratt 1971): superlinear, always bracketed.
    let a = a0;
    let b = xs[i + 1]!;
    let fa = fa0;
    let fb = fb0;
    let lastSide = 0;
    let x = a;
    for (let k = 0; k < 200; k++) {
      x = (a * fb - b * fa) / (fb - fa);
      const fx = f(x);
      if (fx === 0) break;
      if (fx * fa < 0) {
        b = x;
        fb = fx;
        if (lastSide === -1) fa /= 2;
        lastSide = -1;
      } else {
        a = x;
        fa = fx;
        if (lastSide === 1) fb /= 2;
        lastSide = 1;
      }
      if (Math.abs(b - a) <= 1e-12 * Math.max(1, Math.abs(x))) break;
    }
    roots.push(x);
  }
  const values = roots.map((value) => {
    const { dc, dq } = deltas(value);
    const r = spec.target.measure === "cost" ? dc : spec.target.measure === "qalys" ? dq : lambda! * dq - dc;
    return { value, residual: Math.abs(r), incrementalCosts: dc, incrementalQalys: dq };
  });
  const what = spec.target.measure === "cost" ? "costs the same as" : spec.target.measure === "qalys" ? "gives the same QALYs as" : "has the same net monetary benefit as";
  const at = spec.target.measure === "nmb" || spec.target.measure === "icer" ? ` at ${lambda} per QALY` : "";
  const summary =
    values.length === 0
      ? `No value of ${spec.parameter} in [${lo}, ${hi}] makes ${spec.option} break even with ${comparator}: the target is ${fs[0]! > 0 ? "positive" : "negative"} throughout (${fs[0]} at ${lo}, ${fs[SCAN - 1]} at ${hi}).`
      : `${spec.option} ${what} ${comparator}${at} when ${spec.parameter} = ${values.map((v) => v.value.toPrecision(8)).join(" or ")}.`;
  return { spec, values, atLow: fs[0]!, atHigh: fs[SCAN - 1]!, evaluations, summary };
}

/**
 * Threshold (break-even) analysis on any parameter: the values in a range at which an option breaks even
 * with its comparator (incremental NMB at a threshold, incremental cost or QALYs 0, or the ICER equal to the
 * threshold). The model is compiled once; the range is scanned at 41 points and each sign change refined by
 * the Illinois method to 1e-12 relative, each step one Float64 evaluation of the compiled model. Every value
 * found is in the result with its residual, so it can be checked by applying it.
 *
 * @param model - a model document or parsed model
 * @param spec - the analysis (or, with `undefined`, every analysis declared in the document)
 * @returns the break-even values
 * @throws VbpInputError for an unknown parameter or option, a bad range, or a value in the range that breaks a model rule
 * @example
 * ```ts
 * const doc = { id: "ssi", currency: "GBP",
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
 * thresholdAnalysis(doc, { id: "los", parameter: "los_ssi", range: [0, 30], option: "npwt", target: { measure: "cost" } }).values;
 * ```
 * @category Uncertainty
 */
export function thresholdAnalysis(model: PathwayModel | unknown, spec: ThresholdSpec): ThresholdResult {
  return thresholdOn(prepareDsa(model), spec);
}
