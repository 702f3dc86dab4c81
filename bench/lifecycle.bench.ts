import { bench, describe } from "vitest";
import { evaluateLifecycle } from "../src/index.js";
import { lifecycleCatalogue } from "./catalogue-fixtures.mjs";

// A national-catalogue-sized document, generated deterministically (no Math.random): a mix of capital, yearly,
// per-use, escalating and every-n-years items (the same generator as bench/catalogue.mjs).
const doc = lifecycleCatalogue(10_000, 20, 10);

describe("lifecycle: 10,000 options × 20 items × 10 years", () => {
  bench("evaluateLifecycle without ledger", () => {
    evaluateLifecycle(doc, { ledger: false });
  }, { iterations: 3, warmupIterations: 1, time: 0 });
  bench("evaluateLifecycle with ledger", () => {
    evaluateLifecycle(doc);
  }, { iterations: 3, warmupIterations: 1, time: 0 });
});
