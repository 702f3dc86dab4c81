/**
 * vbp-score for Node.js: what needs Node's runtime or a Node-only library. XLSX workbooks of an evaluation
 * (exceljs) and evaluator score sheets read back from XLSX with per-cell errors. Import from
 * `vbp-score/node`; the browser-safe API is `vbp-score` and its subpaths.
 *
 * @packageDocumentation
 */
export { evaluationWorkbook, evaluatorScoreWorkbook, readEvaluatorScoresXlsx } from "./node/xlsx.js";
