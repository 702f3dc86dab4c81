import { singleRunFromProgram, type SingleRunModel } from "../engine/compileModel.js";
import { compileProgram } from "../engine/compile/compileProgram.js";
import type { VbpIssue } from "../errors/issue.js";
import { population, type PathwayEngine } from "../engine/evaluateProgram.js";
import { evaluateOneDraw, oneDrawPlan } from "../engine/kernel/oneDrawEvaluation.js";
import type { Program } from "../engine/program.js";
import { safely, type SafeResult, VbpInputError } from "../errors/VbpInputError.js";
import { parseFastWith } from "../schema/fastAccept.js";
import type { PathwayModel } from "./model.js";
import { pathwayModelStructureSchema } from "./schema.js";
import type { PathwayResult } from "./types.js";

/**
 * Options for {@link runModel}.
 *
 * @example
 * ```ts
 * const fast: RunModelOptions = { ledger: false };
 * const audit: RunModelOptions = { engine: "exact" };
 * ```
 */
export interface RunModelOptions {
  /** Keep the ledger lines (default true). With the ledger off, Float64 totals are sums in Float64 (agreeing with the ledger's exact sums to about 1e-15 relative). */
  readonly ledger?: boolean;
  /**
   * `"float64"` (default): model expectations (traces, probabilities, costs, QALYs) in Float64; every ledger
   * line is the Float64 value written as exact decimal text, every total the exact sum of its lines.
   * `"exact"`: the Decimal backend (50 significant digits), for audit.
   */
  readonly engine?: PathwayEngine;
}

/**
 * Evaluates a whole-pathway model: for every option, expected per-patient and population costs (discounted,
 * undiscounted, by category), QALYs, life years, event counts, carbon, Markov traces, and a ledger whose
 * lines sum exactly to the totals. Runs on Float64 by default; `engine: "exact"` runs the Decimal backend.
 *
 * Methods (see `docs/methods/pathways.md`): tree expectation `Σ P(reach node) × value`; Markov trace
 * `m_n = m_(n−1) · P_n`; rates to probabilities `p = 1 − e^(−r·L)`; within-cycle corrections after
 * Elbasha & Chhatwal (2016); discounting with the model's schedules (default NICE 3.5%/3.5%, start of period).
 *
 * @param model - a model document (validated here: structure and every cross-field rule) or a built model
 * @param options - `{ ledger: false }` to skip the ledger lines; `{ engine: "exact" }` for the Decimal backend
 * @returns plain JSON data: one {@link OptionResult} per option, in order
 * @throws VbpInputError listing every problem with its path
 * @example
 * ```ts
 * const result = runModel(chancellorHivModel());
 * result.options[0].perPatient.lifeYears.undiscounted.slice(0, 5); //=> "7.991"
 * ```
 */
export function runModel(model: PathwayModel | unknown, options: RunModelOptions = {}): PathwayResult {
  const parsed = parseFastWith(pathwayModelStructureSchema(), model) as PathwayModel;
  return runParsedModel(parsed, options);
}

const NO_OVERRIDES: ReadonlyMap<number, string> = new Map();

/**
 * @internal {@link runModel} for a model already validated by the schema (the whole-job pipeline validates
 * once at the edge): compiles and evaluates without a second schema pass.
 */
export function runParsedModel(model: PathwayModel, options: RunModelOptions = {}): PathwayResult {
  const { program, issues } = compileProgram(model);
  if (program === undefined) throw new VbpInputError(issues);
  if (options.ledger === false && (options.engine ?? "float64") === "float64") {
    const plan = oneDrawPlan(program);
    const fast = plan === undefined ? undefined : evaluateOneDraw(plan, NO_OVERRIDES, true, population);
    if (fast !== undefined) return fast;
  }
  return singleRunFromProgram(model, program).evaluate({}, { ledger: options.ledger ?? true, ...(options.engine !== undefined ? { engine: options.engine } : {}) });
}

/**
 * @internal A model compiled once: its cross-field rules checked (references, duplicate ids, cycles, effect
 * targets) without evaluating it. `compiled` is undefined when there are issues.
 */
export interface PathwayCompilation {
  readonly compiled: SingleRunModel | undefined;
  /** The compiled program (for a run over draws: `compiledFromProgram`); undefined when there are issues. */
  readonly program: Program | undefined;
  readonly issues: readonly VbpIssue[];
}

/** @internal Compiles an already-validated (structure-parsed) model: every cross-field issue, no evaluation. */
export function compileParsedModel(model: PathwayModel): PathwayCompilation {
  const { program, issues } = compileProgram(model);
  if (program === undefined) return { compiled: undefined, program: undefined, issues };
  return { compiled: singleRunFromProgram(model, program), program, issues: [] };
}

/**
 * @internal Evaluates a compiled model. Rules that depend on values (probabilities in [0, 1] after effects,
 * branch and row sums) are found here and returned as issues (the result is then undefined).
 */
export function runCompiledModel(compiled: SingleRunModel, options: RunModelOptions = {}): { readonly result: PathwayResult | undefined; readonly issues: readonly VbpIssue[] } {
  try {
    return { result: compiled.evaluate({}, { ledger: options.ledger ?? true, ...(options.engine !== undefined ? { engine: options.engine } : {}) }), issues: [] };
  } catch (e) {
    if (e instanceof VbpInputError) return { result: undefined, issues: e.issues };
    throw e;
  }
}

/**
 * {@link runModel} that never throws for bad input: the result, or every problem found.
 *
 * @example
 * ```ts
 * const r = safeRunModel(json);
 * if (!r.success) console.log(r.error.issues.map(formatIssue));
 * ```
 */
export function safeRunModel(model: PathwayModel | unknown, options: RunModelOptions = {}): SafeResult<PathwayResult> {
  return safely(() => runModel(model, options));
}
