/**
 * Node-only entry (`vbp-score/node`): PSA over worker_threads. Not imported by the browser core.
 *
 * @module
 */
export { runPsaParallel, type ParallelPsaSettings } from "./runPsaParallel.js";
