/**
 * vbp-score: value-based procurement of medical technology. Whole-pathway lifecycle costs, outcomes,
 * sustainability and explainable tender scores, with exact money.
 *
 * @packageDocumentation
 */
export * from "./errors/index.js";
export { DECIMAL_INPUT_LIMITS } from "./schema/decimalInput.js";
export * from "./money/index.js";
export * from "./time/index.js";
export type { Source } from "./reference/source.js";
export { HMT_GDP_DEFLATORS, rebaseFactor, type DeflatorSeries } from "./reference/deflators.js";
export * from "./lifecycle/index.js";
export * from "./analysis/index.js";
export * from "./sustainability/index.js";
export * from "./engine/index.js";
export * from "./pathway/index.js";
export * from "./scoring/index.js";
export * from "./evaluate/index.js";
export * from "./uncertainty/index.js";
export * from "./uncertainty/award/index.js";
export * from "./interop/index.js";
export * from "./present/index.js";
