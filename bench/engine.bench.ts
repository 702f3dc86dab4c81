/**
 * The compiled-model engine against a hand-written Float64Array loop of the same cohort model (the yardstick,
 * in the same process). Sick-Sicker: 4 states, 75 cycles, 4 strategies, 16 parameters.
 *
 * Run: npx vitest bench --run bench/engine.bench.ts
 * Read the ratios from vitest's summary ("… x faster than …"). Targets: runModel on the JSON document with
 * ledger off, parse + compile + run per call, ≤ 300× the hand loop; re-evaluating a compiled model ≤ 20×.
 */
import { bench, describe } from "vitest";
import { compileModel, runModel } from "../src/index.js";
import { SICK_SICKER_INPUTS, sickSickerHandLoop, sickSickerModel } from "../examples/pathway/sick-sicker.js";

const json = JSON.stringify(sickSickerModel());
const compiled = compileModel(JSON.parse(json));
const out = new Float64Array(8);
const scratch = new Float64Array(16);
let sink = 0;

describe("Sick-Sicker (4 states × 75 cycles × 4 strategies): engine vs hand loop", () => {
  bench("hand-written Float64Array loop (yardstick)", () => {
    sickSickerHandLoop(SICK_SICKER_INPUTS, out, scratch);
    sink += out[0]!;
  });
  bench("compiled.evaluate() re-evaluation, ledger off", () => {
    sink += compiled.evaluate({}, { ledger: false }).options.length;
  });
  bench("runModel(JSON.parse(document), { ledger: false }): parse + compile + run", () => {
    sink += runModel(JSON.parse(json), { ledger: false }).options.length;
  });
  bench("runModel(JSON.parse(document)) with the ledger", () => {
    sink += runModel(JSON.parse(json)).options.length;
  });
  bench("runModel(..., { engine: \"exact\", ledger: false }) (Decimal audit engine)", () => {
    sink += runModel(JSON.parse(json), { ledger: false, engine: "exact" }).options.length;
  }, { iterations: 3, warmupIterations: 1 });
});

export { sink };
