/**
 * A compiled model over typed, already-validated values: the engine takes a parsed model (validation is the
 * edge's work: `compileModel` in the pathway module parses a document, then compiles it here).
 *
 * @module
 */
import { VbpInputError } from "../errors/VbpInputError.js";
import type { PathwayModel } from "../pathway/model.js";
import type { PathwayResult } from "../pathway/types.js";
import { compileProgram } from "./compile/compileProgram.js";
import { evaluateProgramDraws, type DrawOutcomes, type DrawsCache, type EvaluateDrawsOptions, type ParameterDraws } from "./evaluateDraws.js";
import { evaluateProgram, population, type EvaluationCache, type PathwayEngine } from "./evaluateProgram.js";
import { evaluateOneDraw, oneDrawPlan, type OneDrawPlan } from "./kernel/oneDrawEvaluation.js";
import type { Program } from "./program.js";

/**
 * Options of {@link CompiledModel.evaluate}.
 *
 * @example
 * ```ts
 * const audit: CompiledEvaluateOptions = { engine: "exact" };
 * ```
 * @category Engine
 */
export interface CompiledEvaluateOptions {
  /**
   * `"float64"` (default): model expectations in Float64, each ledger line written as exact decimal text and
   * each total the exact sum of its lines. `"exact"`: the Decimal backend (50 significant digits), for audit.
   */
  readonly engine?: PathwayEngine;
  /** Keep the ledger lines (default true). */
  readonly ledger?: boolean;
  /** Report the Markov traces (default true; turn off when only the totals are read, e.g. in a solver). */
  readonly traces?: boolean;
}

/**
 * A pathway model compiled once into a numeric-free program, ready to be evaluated many times.
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
 * };
 * const compiled = compileModel(model);
 * compiled.evaluate({ p_ssi: 0.04 }).options[0].perPatient.costs.discounted; //=> "1131.60000000000001"
 * ```
 * @category Engine
 */
export interface CompiledModel {
  /** Every parameter id, in the compiled vector's (dependency) order. */
  readonly parameterIds: readonly string[];
  /** The parsed model (parameters with their distributions, options, …). */
  readonly model: PathwayModel;
  /** Option ids in model order (comparator included). */
  readonly optionIds: readonly string[];
  /**
   * The base case, or with parameter overrides (numbers, by id): the same result shape as `runModel`.
   * Throws VbpInputError for an unknown id, a non-finite override, or values that break a rule (with paths).
   */
  evaluate(overrides?: Readonly<Record<string, number>>, options?: CompiledEvaluateOptions): PathwayResult;
  /** Many parameter sets at once on the Float64 backend (struct of arrays over draws). */
  evaluateDraws(draws: ParameterDraws, options?: EvaluateDrawsOptions): DrawOutcomes;
}

/** @internal Compiles an already-validated model (no schema pass). Throws VbpInputError for structural problems. */
export function compileParsedModel(model: PathwayModel): CompiledModel {
  const { program, issues } = compileProgram(model);
  if (program === undefined) throw new VbpInputError(issues);
  return compiledFromProgram(model, program);
}

/** @internal A compiled model over an already-compiled program. */
export function compiledFromProgram(model: PathwayModel, program: Program): CompiledModel {
  // Calculator and registers reused between calls with the same number of draws.
  const drawsCache: DrawsCache = {};
  const single = singleRunFromProgram(model, program);
  const fixedOf = overridesReader(model, program);
  // Re-evaluation without a ledger runs the program lowered to typed arrays (lowered on first use); the
  // kernel runs whatever it does not cover, and reports every condition.
  let plan: OneDrawPlan | undefined | null = null;
  return Object.freeze({
    ...single,
    evaluate(overrides: Readonly<Record<string, number>> = {}, options: CompiledEvaluateOptions = {}): PathwayResult {
      if (options.ledger === false && (options.engine ?? "float64") === "float64") {
        if (plan === null) plan = oneDrawPlan(program);
        const fast = plan === undefined ? undefined : evaluateOneDraw(plan, fixedOf(overrides), options.traces ?? true, population);
        if (fast !== undefined) return fast;
      }
      return single.evaluate(overrides, options);
    },
    evaluateDraws: (draws: ParameterDraws, options?: EvaluateDrawsOptions): DrawOutcomes => evaluateProgramDraws(program, draws, drawsCache, options),
  });
}

/** @internal A compiled model that evaluates one parameter set at a time (no `evaluateDraws`). */
export type SingleRunModel = Omit<CompiledModel, "evaluateDraws">;

/**
 * @internal {@link compiledFromProgram} without the draws: what a single evaluation (the whole job, `runModel`)
 * needs, so that a bundle of it does not carry the engine's run over draws.
 */
export function singleRunFromProgram(model: PathwayModel, program: Program): SingleRunModel {
  const fixedOf = overridesReader(model, program);
  // Calculators and registers reused between evaluations (caches of constants and discount factors).
  const cache: EvaluationCache = {};
  return Object.freeze({
    parameterIds: Object.freeze(program.parameters.map((p) => p.id)),
    model,
    optionIds: Object.freeze(program.options.map((o) => o.id)),
    evaluate(overrides: Readonly<Record<string, number>> = {}, options: CompiledEvaluateOptions = {}): PathwayResult {
      const r = evaluateProgram(program, fixedOf(overrides), options, cache);
      if (r.result === undefined) throw new VbpInputError(r.issues);
      return r.result;
    },
  });
}

/**
 * @internal Reads a caller's parameter overrides into the program's parameter indices (decimal text); an unknown
 * parameter or a value that is not a finite number is an error with its path, all at once.
 */
function overridesReader(model: PathwayModel, program: Program): (overrides: Readonly<Record<string, number>>) => Map<number, string> {
  const index = new Map(program.parameters.map((p) => [p.id, p.index] as const));
  const allIds = new Set((model.parameters ?? []).map((p) => p.id));
  return (overrides) => {
    const fixed = new Map<number, string>();
    const problems: { code: "unknown_reference" | "invalid_value"; path: string[]; message: string }[] = [];
    for (const [id, v] of Object.entries(overrides)) {
      const i = index.get(id);
      if (i === undefined) problems.push({ code: "unknown_reference", path: ["overrides", id], message: allIds.has(id) ? `parameter "${id}" could not be compiled` : `unknown parameter "${id}"` });
      else if (typeof v !== "number" || !Number.isFinite(v)) problems.push({ code: "invalid_value", path: ["overrides", id], message: `must be a finite number, got ${String(v)}` });
      else fixed.set(i, String(v));
    }
    if (problems.length > 0) throw new VbpInputError(problems);
    return fixed;
  };
}
