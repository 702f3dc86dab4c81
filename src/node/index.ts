/**
 * Node-only entry (`vbp-score/node`): PSA over worker_threads (a kept-warm pool), XLSX workbooks of an evaluation (exceljs) and
 * evaluator score sheets read back from XLSX with per-cell errors. Not imported by the browser core.
 *
 * @module
 */
export { createPsaPool, type PoolPsaSettings, type PsaPoolRunTiming, type PsaPoolSettings, type PsaPoolWorkerTiming, type PsaWorkerPool } from "./psaPool.js";
export { runPsaParallel, type ParallelPsaSettings } from "./runPsaParallel.js";
export { evaluationWorkbook, evaluatorScoreWorkbook, readEvaluatorScoresXlsx } from "./xlsx.js";
