/**
 * @internal The compiled model the uncertainty analyses run on: the engine's `compileModel` (Float64 backend
 * for draws, `evaluate(overrides)` for deterministic analyses). Validates the document once.
 */
import { compileProgram } from "../../engine/compile/compileProgram.js";
import { compiledFromProgram, compileParsedModel, type CompiledModel } from "../../engine/compileModel.js";
import { evaluateProgram } from "../../engine/evaluateProgram.js";
import type { PathwayModel } from "../../pathway/model.js";
import type { PathwayResult } from "../../pathway/types.js";
import { parsePathwayModel, pathwayModelStructureSchema } from "../../pathway/schema.js";
import { safeParseWith } from "../../schema/issues.js";

/** The compiled model as the analyses use it. */
export type CompiledModelLike = CompiledModel;

/** Which implementation evaluated the draws (recorded in results). */
export const COMPILER = "compileModel/float64";

/**
 * Parses (every structural and cross-field rule, with paths) and compiles a model once, and evaluates its
 * base case once (no ledger, no traces). The full parse compiles the model and evaluates its base case to
 * check it; here the structure is parsed, the model compiled and its base case evaluated once each, and
 * the same checks are made on them. Any problem is reported by the full parse, so the errors are the same.
 */
export function compileWithBase(model: PathwayModel | unknown): { compiled: CompiledModelLike; base: PathwayResult } {
  const structure = safeParseWith(pathwayModelStructureSchema(), model);
  if (structure.success) {
    const parsed = structure.data as PathwayModel;
    const { program } = compileProgram(parsed);
    if (program !== undefined) {
      const { result, issues } = evaluateProgram(program, new Map(), { ledger: false, traces: false });
      if (result !== undefined && issues.length === 0) return { compiled: compiledFromProgram(parsed, program), base: result };
    }
  }
  // A problem: the full parse reports it (the same errors as always).
  const compiled = compileParsedModel(parsePathwayModel(model));
  return { compiled, base: compiled.evaluate({}, { ledger: false, traces: false }) };
}

/** Parses (every structural and cross-field rule, with paths) and compiles a model once. */
export function compileForAnalysis(model: PathwayModel | unknown): CompiledModelLike {
  return compileWithBase(model).compiled;
}
