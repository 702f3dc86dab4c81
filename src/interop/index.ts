/**
 * Interchange with the places platforms and frameworks work: CSV layouts read row by row with per-row
 * errors (option catalogue, lifecycle cost lines, evaluator scores) and their templates, spreadsheet-safe
 * text, JSON Schema files of every document, and the OCDS award-criteria extension. Browser-safe; the
 * XLSX workbook and file helpers are in `vbp-score/node`.
 *
 * @module
 */
export { CSV_LAYOUTS, type CsvColumn, type CsvLayout, type CsvLayoutId } from "./csv/layouts.js";
export { formatCsvProblem, type CsvRecord, type CsvRowProblem } from "./csv/records.js";
export { csvLayoutGuide, csvTemplate } from "./csv/template.js";
export { readCatalogueCsv, type CatalogueRows } from "./csv/catalogue.js";
export { evaluateCatalogueCsv, evaluateCatalogueRows, safeEvaluateCatalogueCsv, type CatalogueEvaluation, type CatalogueExclusion } from "./csv/evaluateCatalogue.js";
export { readLifecycleLinesCsv, type LifecycleLines } from "./csv/lifecycleLines.js";
export { readEvaluatorScoresCsv, type EvaluatorScoreRows } from "./csv/evaluatorScores.js";
export { documentJsonSchema, jsonSchemaId, JSON_SCHEMA_NAMES, SCHEMA_VERSION, type JsonSchemaName } from "./jsonSchema.js";
export { fromOcdsAwardCriteria, toOcdsAwardCriteria, type ImportedOcdsCriteria, type OcdsAwardCriteria, type OcdsAwardCriterion, type OcdsCriterionNumber } from "./ocds.js";
