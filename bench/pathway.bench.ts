/**
 * Benchmarks of the exact (Decimal) pathway engine.
 * Run: npx vitest bench --run bench/pathway.bench.ts
 */
import { bench, describe } from "vitest";
import { runModel } from "../src/index.js";
import { markovBenchModel, treeBenchModel } from "../examples/pathway/bench-models.js";

const markov = markovBenchModel();
const tree10k = treeBenchModel(10000);
const tree1k = treeBenchModel(1000);

describe("pathway exact engine", () => {
  bench("Markov 4 states × 75 cycles × 4 options (with ledger)", () => {
    runModel(markov);
  }, { iterations: 5 });
  bench("tree 30 nodes × 1,000 options (with ledger)", () => {
    runModel(tree1k);
  }, { iterations: 3 });
  bench("tree 30 nodes × 10,000 options (no ledger)", () => {
    runModel(tree10k, { ledger: false });
  }, { iterations: 2, warmupIterations: 0 });
});
