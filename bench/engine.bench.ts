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

// Probabilistic use: 1,000 parameter sets at once against the hand loop run 1,000 times.
const n = 1000;
const draws = { parameterIds: ["c_H", "u_S1"], count: n, values: new Float64Array(2 * n) };
for (let d = 0; d < n; d++) {
  draws.values[d] = 1900 + (d % 200);
  draws.values[n + d] = 0.7 + (d % 10) / 100;
}
describe("Sick-Sicker, 1,000 parameter sets", () => {
  bench("hand loop × 1,000 (yardstick)", () => {
    for (let d = 0; d < n; d++) {
      sickSickerHandLoop({ ...SICK_SICKER_INPUTS, c_H: draws.values[d]!, u_S1: draws.values[n + d]! }, out, scratch);
      sink += out[0]!;
    }
  });
  bench("compiled.evaluateDraws(1,000 draws)", () => {
    sink += compiled.evaluateDraws(draws).options[0]!.costs[0]!;
  });
});

// A 10,000-cycle horizon (the cap) and hostile expressions (refused without computing them).
const long = sickSickerModel();
// The same 75 years in 10,000 cycles of 0.0075 years (rates converted over the cycle length).
const longModel = {
  ...long,
  parameters: long.parameters!.map((p) => (typeof p.value === "object" && "expr" in p.value ? { ...p, value: { expr: p.value.expr.replace(", 1)", ", 0.0075)") } } : p)),
  markov: [{ ...long.markov![0]!, cycleLengthYears: "0.0075", horizonYears: 75 }],
};
const hostile = ["exp(1e12)", "10^999999999999", "9^9^9"].map((expr) => ({ ...long, parameters: [...long.parameters!, { id: "hostile", value: { expr } }] }));
describe("limits", () => {
  bench("runModel, 10,000 cycles (4 options, ledger off, with traces)", () => {
    sink += runModel(longModel, { ledger: false }).options.length;
  }, { iterations: 3, warmupIterations: 1 });
  const compiledLong = compileModel(longModel);
  bench("compiled.evaluate, 10,000 cycles (4 options, ledger and traces off)", () => {
    sink += compiledLong.evaluate({}, { ledger: false, traces: false }).options.length;
  }, { iterations: 3, warmupIterations: 1 });
  bench("compileModel refusing exp(1e12), 10^999999999999 and 9^9^9", () => {
    for (const m of hostile) {
      try {
        compileModel(m);
      } catch {
        sink += 1;
      }
    }
  });
});

export { sink };
