/**
 * The pathway engine: a model compiled once into a numeric-free program, run by one kernel over two
 * arithmetics (Float64 over many draws; Decimal for audit). The engine takes typed, already-validated models;
 * `compileModel`, which parses a document first, is the pathway module's validating entry to it.
 *
 * @module
 */
export type { CompiledEvaluateOptions, CompiledModel } from "./compileModel.js";
export type { DrawCondition } from "./kernel/conditions.js";
export { type DrawOutcomes, type EvaluateDrawsOptions, type ParameterDraws } from "./evaluateDraws.js";
export type { PathwayEngine } from "./evaluateProgram.js";
export { DISCOUNT_RATE_RANGE } from "./compile/discounting.js";
export { WITHIN_CYCLE_METHODS, type WithinCycleName } from "./compile/withinCycle.js";
