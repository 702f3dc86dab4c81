// Mutation testing (StrykerJS with its vitest runner). Run through `npm run mutation [target…]`
// (scripts/mutation.mjs), which picks the file to mutate and the tests that mirror it. Not part of `npm test`:
// it is CPU heavy, so it runs one file at a time with one test process.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  coverageAnalysis: "perTest",
  concurrency: 1,
  reporters: ["clear-text", "progress", "html"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  ignoreStatic: true,
  timeoutMS: 60000,
};
