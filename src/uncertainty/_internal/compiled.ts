/**
 * @internal The compiled model the uncertainty analyses run on: the engine's `compileModel` (Float64 backend
 * for draws, `evaluate(overrides)` for deterministic analyses). Validates the document once.
 */
import { compileParsedModel, type CompiledModel } from "../../engine/compileModel.js";
import type { PathwayModel } from "../../pathway/model.js";
import { parsePathwayModel } from "../../pathway/schema.js";

/** The compiled model as the analyses use it. */
export type CompiledModelLike = CompiledModel;

/** Which implementation evaluated the draws (recorded in results). */
export const COMPILER = "compileModel/float64";

/** Parses (every structural and cross-field rule, with paths) and compiles a model once. */
export function compileForAnalysis(model: PathwayModel | unknown): CompiledModelLike {
  return compileParsedModel(parsePathwayModel(model));
}
