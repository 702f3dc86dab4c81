/** Types of the deterministic benchmark documents in catalogue-fixtures.mjs (shared by bench/catalogue.mjs and the vitest benches). */
import type { LifecycleDocumentInput } from "../src/index.js";

export { mulberry32 as prng } from "../test/_helpers/prng.mjs";
/** The worked tender (examples/tender/tender.json), read afresh. */
export declare function tender(): Record<string, unknown>;
/** The worked imaging example (examples/lifecycle/imaging-systems.json), read afresh. */
export declare function imaging(): Record<string, unknown>;
/** A national catalogue of `n` products on the worked tender's pathway (n + 1 options). */
export declare function evaluationCatalogue(n: number, extra?: Record<string, unknown>): Record<string, unknown>;
/** A lot of `n` bids on `q` qualitative (one evaluator record each) + `v` quantitative criteria + price. */
export declare function scoringLot(n: number, q: number, v: number, settings: Record<string, unknown>): Record<string, unknown>;
/** `n` copies of the imaging example's options, ids made unique. */
export declare function imagingCopies(n: number): Record<string, unknown>;
/** `options` × `items` cost items × `years` years. */
export declare function lifecycleCatalogue(options: number, items: number, years: number): LifecycleDocumentInput;
