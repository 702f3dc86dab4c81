/**
 * One call for the whole job: `evaluate(document)` validates an evaluation document and runs pathway +
 * lifecycle + carbon → cost-effectiveness → tender scores → ranking → explanations, returning one
 * JSON-serialisable result; presentation functions turn it into tables and reports.
 *
 * @module
 */
export type { EvaluationDocument, EvaluationKind, EvaluationOption, EvaluationPathway, EvaluationTender, ThresholdInput } from "./document.js";
export { EVALUATION_METRICS, type EvaluationMetric, type EvaluationMetricId, type EvaluationMetricName } from "./metrics.js";
export { evaluationDocumentJsonSchema, evaluationDocumentSchema, parseEvaluationDocument, safeParseEvaluationDocument } from "./schema.js";
export { evaluate, safeEvaluate } from "./evaluate.js";
export { EVALUATION_STAGES, type EvaluationProgress, type EvaluationStage } from "./progress.js";
export type {
  EvaluatedOption,
  EvaluateOptions,
  EvaluationDetail,
  EvaluationReferenceData,
  ExcludedOption,
  InvalidOptions,
  EvaluationResult,
  OvertakingAnswer,
  OvertakingChange,
  OvertakingLever,
  OptionCarbon,
  OptionCosts,
  OptionExplanation,
  RankedRow,
} from "./result.js";
export {
  costEffectivenessTable,
  evaluationCsv,
  evaluationMarkdownReport,
  evaluationTable,
  formatEvaluationTable,
  pathwayResultsTable,
  renderCsvTable,
  renderMarkdownTable,
  renderTextTable,
  type EvaluationTable,
} from "./present.js";
