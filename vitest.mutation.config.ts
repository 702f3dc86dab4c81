import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// Mutation testing runs only the tests that mirror the mutated file (scripts/mutation.mjs sets them), so a
// surviving mutant means the file's own tests miss a behaviour, not that some distant test happens to cover it.
const tests = (process.env.VBP_MUTATION_TESTS ?? "").split(",").filter((t) => t !== "");

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: tests.length > 0 ? tests : ["test/**/*.test.ts"],
    // Each mutant re-runs its covering tests; without isolation the library's modules are imported once per
    // worker instead of once per run, which makes a run of a few hundred mutants take minutes rather than hours.
    // The library keeps no module-level state, so the tests do not see each other.
    isolate: false,
  },
});
