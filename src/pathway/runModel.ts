import { safely, type SafeResult, VbpInputError } from "../errors/VbpInputError.js";
import { parseWith } from "../schema/issues.js";
import { compileModel } from "./_internal/compile.js";
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
  const parsed = parseWith(pathwayModelStructureSchema, model) as PathwayModel;
  const { compiled, issues } = compileModel(parsed);
  if (compiled === undefined) throw new VbpInputError(issues);
  const r = evaluateCompiled(compiled, { ledger: options.ledger ?? true });
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
