// Mutation testing (StrykerJS with its vitest runner). Run through `npm run mutation [target…]`
// (scripts/mutation.mjs), which picks the file to mutate and the tests that mirror it. Not part of `npm test`:
// it is CPU heavy, so it runs one file at a time with one test process.
import process from "node:process";

const target = process.env.VBP_MUTATION_TARGET ?? "index";

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  coverageAnalysis: "perTest",
  concurrency: 1,
  reporters: ["clear-text", "progress", "html", "json"],
  // One report per target (scripts/mutation.mjs names it), so runs of different files do not overwrite each other.
  htmlReporter: { fileName: `reports/mutation/${target}.html` },
  jsonReporter: { fileName: `reports/mutation/${target}.json` },
  // Incremental: a later run re-tests only the mutants whose code or covering tests changed (pass --force to
  // re-test everything). The file is per target, beside the reports.
  incremental: true,
  incrementalFile: `reports/mutation/${target}.incremental.json`,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  ignoreStatic: true,
  timeoutMS: 60000,
};
