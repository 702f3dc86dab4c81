#!/usr/bin/env node
// Runs mutation testing one source file at a time, each against the tests that mirror it.
//   npm run mutation                 every target below, one after another
//   npm run mutation -- price        one target (price | incremental | discount | lifecycle)
//   npm run mutation -- price --concurrency 2   more test processes (default 1; the machine may be shared)
// Scores are printed by Stryker per target; its HTML and JSON reports are reports/mutation/<target>.html and .json.
import { spawnSync } from "node:child_process";

const TARGETS = {
  price: { mutate: "src/scoring/functions/price.ts", tests: ["test/scoring/functions/price*.test.ts"] },
  incremental: { mutate: "src/analysis/incremental.ts", tests: ["test/analysis/incremental*.test.ts"] },
  discount: { mutate: "src/time/discount.ts", tests: ["test/time/discount*.test.ts"] },
  // The engine (cash flows, discounting, totals, the compact ledger) against the lifecycle tests that exercise it
  // through the public API. The fast-check properties (test/lifecycle/properties.test.ts) are left out: they
  // cover every line, so each of several hundred mutants would re-run them (hours on a shared 2-core machine);
  // the schema's tests are left out as they test validation, not the engine.
  // Line ranges of src/lifecycle/evaluate.ts: discounting times, when each item's cash flows occur, cost per use
  // and per patient, the residual value, and payback (update them when the file moves).
  lifecycle: {
    mutate: ["src/lifecycle/evaluate.ts:67-71", "src/lifecycle/evaluate.ts:149-207", "src/lifecycle/evaluate.ts:395-423", "src/lifecycle/evaluate.ts:494-558", "src/lifecycle/evaluate.ts:592-597"],
    tests: ["test/lifecycle/evaluate*.test.ts", "test/lifecycle/engine*.test.ts", "test/lifecycle/example.test.ts", "test/lifecycle/compactLedger.test.ts", "test/lifecycle/monthlyShares.test.ts"],
  },
};

const args = process.argv.slice(2);
const at = args.indexOf("--concurrency");
const concurrency = at >= 0 ? args.splice(at, 2)[1] : undefined;
if (at >= 0 && !/^[1-9][0-9]*$/.test(concurrency ?? "")) {
  console.error("--concurrency takes a whole number ≥ 1");
  process.exit(2);
}
const asked = args;
const unknown = asked.filter((t) => !(t in TARGETS));
if (unknown.length > 0) {
  console.error(`unknown target(s): ${unknown.join(", ")}; choose from ${Object.keys(TARGETS).join(", ")}`);
  process.exit(2);
}
let failed = false;
for (const name of asked.length > 0 ? asked : Object.keys(TARGETS)) {
  const { mutate, tests } = TARGETS[name];
  const files = Array.isArray(mutate) ? mutate.join(",") : mutate;
  console.log(`\n=== mutation testing ${files} against ${tests.join(", ")}`);
  const run = spawnSync("npx", ["stryker", "run", "stryker.config.mjs", "--mutate", files, ...(concurrency === undefined ? [] : ["--concurrency", concurrency])], {
    stdio: "inherit",
    env: { ...process.env, CI: process.env.CI ?? "true", VBP_MUTATION_TESTS: tests.join(","), VBP_MUTATION_TARGET: name },
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
