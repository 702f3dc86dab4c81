import { safely, type SafeResult, VbpInputError } from "../errors/VbpInputError.js";
import { parseWith } from "../schema/issues.js";
import type { VbpIssue } from "../errors/issue.js";
import { compileModel, type CompiledModel } from "./_internal/compile.js";
import { evaluateCompiled } from "./_internal/evaluate.js";
import type { PathwayModel } from "./model.js";
import { pathwayModelStructureSchema } from "./schema.js";
import type { PathwayResult } from "./types.js";

/**
 * Options for {@link runModel}.
 *
 * @example
 * ```ts
 * const fast: RunModelOptions = { ledger: false };
 * ```
 */
export interface RunModelOptions {
  /** Keep the ledger lines (default true). Totals are the same either way; turn off for large catalogues. */
  readonly ledger?: boolean;
}

/**
 * Evaluates a whole-pathway model exactly (Decimal, 50 significant digits): for every option, expected
 * per-patient and population costs (discounted, undiscounted, by category), QALYs, life years, event counts,
 * carbon, Markov traces, and a ledger whose lines sum exactly to the totals.
 *
 * Methods (see `docs/methods/pathways.md`): tree expectation `Σ P(reach node) × value`; Markov trace
 * `m_n = m_(n−1) · P_n`; rates to probabilities `p = 1 − e^(−r·L)`; within-cycle corrections after
 * Elbasha & Chhatwal (2016); discounting with the model's schedules (default NICE 3.5%/3.5%, start of period).
 *
 * @param model - a model document (validated here: structure and every cross-field rule) or a built model
 * @param options - `{ ledger: false }` to skip the ledger lines
 * @returns plain JSON data: one {@link OptionResult} per option, in order
 * @throws VbpInputError listing every problem with its path
 * @example
 * ```ts
 * const result = runModel(chancellorHivModel());
 * result.options[0].perPatient.lifeYears.undiscounted.slice(0, 5); //=> "7.991"
 * ```
 */
export function runModel(model: PathwayModel | unknown, options: RunModelOptions = {}): PathwayResult {
  return runParsedModel(parseWith(pathwayModelStructureSchema, model) as PathwayModel, options);
}

/**
 * @internal A model compiled once: its cross-field rules checked (references, duplicate ids, cycles, effect
 * targets) without evaluating it. `compiled` is undefined when there are issues.
 */
export interface PathwayCompilation {
  readonly compiled: CompiledModel | undefined;
  readonly issues: readonly VbpIssue[];
}

/** @internal Compiles an already-validated (structure-parsed) model: every cross-field issue, no evaluation. */
export function compileParsedModel(model: PathwayModel): PathwayCompilation {
  return compileModel(model);
}

/**
 * @internal Evaluates a compiled model. Rules that depend on values (probabilities in [0, 1] after effects,
 * branch and row sums) are found here and returned as issues (the result is then undefined).
 */
export function runCompiledModel(compiled: CompiledModel, options: RunModelOptions = {}): { readonly result: PathwayResult | undefined; readonly issues: readonly VbpIssue[] } {
  return evaluateCompiled(compiled, { ledger: options.ledger ?? true });
}

/**
 * @internal {@link runModel} on an already-validated (structure-parsed) model: no schema pass. Throws
 * VbpInputError with every issue found while compiling or evaluating.
 */
export function runParsedModel(model: PathwayModel, options: RunModelOptions = {}): PathwayResult {
  const { compiled, issues } = compileParsedModel(model);
  if (compiled === undefined) throw new VbpInputError(issues);
  const r = runCompiledModel(compiled, options);
  if (r.result === undefined) throw new VbpInputError(r.issues);
  return r.result;
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
