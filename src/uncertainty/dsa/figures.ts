import { VbpInputError } from "../../errors/VbpInputError.js";
import type { PathwayModel } from "../../pathway/model.js";
import type { PathwayResult } from "../../pathway/types.js";
import { compileForAnalysis, type CompiledModelLike } from "../_internal/compiled.js";
import type { DistributionRegistry } from "../distributions/registry.js";
import type { DrawPlan } from "../draws/drawPlan.js";
import { modelDrawPlan, PARAMETER_KEY_PREFIX } from "../modelDrawPlan.js";
import { splitUncertaintyDocument, type UncertaintySection } from "../schema.js";

/**
 * One option's per-patient figures in one deterministic evaluation (discounted costs, QALYs, life years;
 * carbon), as numbers.
 *
 * @example
 * ```ts
 * const f: OptionFigures = { optionId: "a", costs: 1200, qalys: 0.81, lifeYears: 0.9, carbonKg: 12 };
 * ```
 * @category Uncertainty
 */
export interface OptionFigures {
  /** Option id. */
  readonly optionId: string;
  /** Discounted cost per patient. */
  readonly costs: number;
  /** Discounted QALYs per patient. */
  readonly qalys: number;
  /** Discounted life years per patient. */
  readonly lifeYears: number;
  /** kgCO2e per patient. */
  readonly carbonKg: number;
}

/**
 * An output of a deterministic analysis, read from the figures of every option.
 *
 * @example
 * ```ts
 * const o: DsaOutput = { measure: "incrementalNmb", optionId: "npwt", threshold: 25000 };
 * ```
 * @category Uncertainty
 */
export interface DsaOutput {
  /** `costs`, `qalys`, `lifeYears`, `carbonKg`, `nmb` of one option; or the incremental `incrementalCosts`, `incrementalQalys`, `incrementalNmb`, `icer` against a comparator. */
  readonly measure: "costs" | "qalys" | "lifeYears" | "carbonKg" | "nmb" | "incrementalCosts" | "incrementalQalys" | "incrementalNmb" | "icer";
  /** The option. */
  readonly optionId: string;
  /** Compared with (default the model's comparator). */
  readonly comparatorId?: string;
  /** Willingness to pay per QALY (for NMB). */
  readonly threshold?: number;
}

/** @internal A document prepared once for deterministic analyses: compiled model, marginal distributions. */
export interface DsaModel {
  readonly compiled: CompiledModelLike;
  readonly uncertainty: UncertaintySection;
  readonly plan: DrawPlan;
  readonly comparatorId: string;
  readonly base: readonly OptionFigures[];
}

/** @internal Reads the per-patient figures of a result. */
export function figuresOf(r: PathwayResult): OptionFigures[] {
  return r.options.map((o) => ({
    optionId: o.optionId,
    costs: Number(o.perPatient.costs.discounted),
    qalys: Number(o.perPatient.qalys.discounted),
    lifeYears: Number(o.perPatient.lifeYears.discounted),
    carbonKg: Number(o.perPatient.carbonKg),
  }));
}

/** @internal Compiles the document once (validating it and its uncertainty section). */
export function prepareDsa(model: PathwayModel | unknown, registry?: DistributionRegistry): DsaModel {
  const { model: doc, uncertainty } = splitUncertaintyDocument(model);
  const compiled = compileForAnalysis(doc);
  const plan = modelDrawPlan(compiled.model, uncertainty, registry);
  const base = compiled.evaluate({}, { ledger: false });
  return { compiled, uncertainty, plan, comparatorId: base.comparatorId, base: figuresOf(base) };
}

/** @internal Evaluates with overrides on the compiled model (no parse, no compile). */
export function evaluateFigures(m: DsaModel, overrides: Readonly<Record<string, number>>): OptionFigures[] {
  return figuresOf(m.compiled.evaluate(overrides, { ledger: false }));
}

/** @internal The marginal distribution of a drawn parameter, if any. */
export function marginOf(m: DsaModel, id: string): DrawPlan["margins"][number] | undefined {
  const c = m.plan.keys.indexOf(`${PARAMETER_KEY_PREFIX}${id}`);
  return c < 0 ? undefined : m.plan.margins[c];
}

/** @internal Checks an output against the model's options. */
export function checkOutput(m: DsaModel, out: DsaOutput, path: (string | number)[]): void {
  const ids = m.compiled.optionIds;
  const problems = [];
  if (!ids.includes(out.optionId)) problems.push({ code: "unknown_reference" as const, path: [...path, "optionId"], message: `no option "${out.optionId}" (options: ${ids.join(", ")})` });
  if (out.comparatorId !== undefined && !ids.includes(out.comparatorId)) problems.push({ code: "unknown_reference" as const, path: [...path, "comparatorId"], message: `no option "${out.comparatorId}"` });
  if ((out.measure === "nmb" || out.measure === "incrementalNmb") && !(typeof out.threshold === "number" && Number.isFinite(out.threshold) && out.threshold >= 0)) {
    problems.push({ code: "invalid_value" as const, path: [...path, "threshold"], message: `NMB needs a willingness to pay per QALY ≥ 0, got ${String(out.threshold)}` });
  }
  if (problems.length > 0) throw new VbpInputError(problems);
}

/**
 * The value of an output in one set of figures; `undefined` for an ICER whose incremental QALYs are 0.
 *
 * @param figures - every option's figures
 * @param out - what to read
 * @param comparatorId - default comparator
 * @example
 * ```ts
 * const figures: OptionFigures[] = [
 *   { optionId: "a", costs: 1200, qalys: 1, lifeYears: 1, carbonKg: 12 },
 *   { optionId: "b", costs: 1700, qalys: 1.5, lifeYears: 1.5, carbonKg: 10 },
 * ];
 * outputValue(figures, { measure: "icer", optionId: "b" }, "a"); //=> 1000 (£500 more for 0.5 QALYs more)
 * ```
 * @category Uncertainty
 */
export function outputValue(figures: readonly OptionFigures[], out: DsaOutput, comparatorId: string): number | undefined {
  const o = figures.find((f) => f.optionId === out.optionId)!;
  const c = figures.find((f) => f.optionId === (out.comparatorId ?? comparatorId))!;
  const lambda = out.threshold ?? 0;
  switch (out.measure) {
    case "costs":
    case "qalys":
    case "lifeYears":
    case "carbonKg":
      return o[out.measure];
    case "nmb":
      return lambda * o.qalys - o.costs;
    case "incrementalCosts":
      return o.costs - c.costs;
    case "incrementalQalys":
      return o.qalys - c.qalys;
    case "incrementalNmb":
      return lambda * (o.qalys - c.qalys) - (o.costs - c.costs);
    case "icer": {
      const dq = o.qalys - c.qalys;
      return dq === 0 ? undefined : (o.costs - c.costs) / dq;
    }
  }
}
