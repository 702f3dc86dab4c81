/**
 * Leaf scoring functions for tender evaluation: price formulas, value functions, qualitative scales and
 * moderation of evaluators' scores. Each returns a {@link ScoreTrace} saying how the points were produced.
 *
 * @module
 */
export { type ScoreTrace } from "./trace.js";
export { PRICE_FORMULAS } from "./priceFormulas.js";
export {
  priceScore,
  priceScores,
  type PriceFormula,
  type PriceFormulaContext,
  type PriceFormulaId,
  type PriceFormulaParam,
  type PriceFormulaResult,
  type PriceFormulaSpec,
} from "./price.js";
export { VALUE_FUNCTIONS } from "./valueFunctions.js";
export {
  valueScore,
  type ValueDirection,
  type ValueFunction,
  type ValueFunctionContext,
  type ValueFunctionId,
  type ValueFunctionParam,
  type ValueFunctionResult,
  type ValueFunctionSpec,
} from "./value.js";
export { QUALITATIVE_SCALES } from "./qualitativeScales.js";
export {
  scaleScore,
  type QualitativeLevel,
  type QualitativeScale,
  type QualitativeScaleId,
  type ScaleScoreOptions,
  type ScaleScoreTrace,
} from "./scales.js";
export { moderate, type EvaluatorScore, type ModerationConsensus, type ModerationInput, type ModerationMethod, type ModerationResult } from "./moderation.js";
export {
  evaluatorScoreSchema,
  makeModerationInputSchema,
  makePriceFormulaSpecSchema,
  makeValueFunctionSpecSchema,
  priceFormulaSpecSchema,
  qualitativeScaleSchema,
  valueFunctionSpecSchema,
} from "./schemas.js";
