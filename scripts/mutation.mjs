#!/usr/bin/env node
// Runs mutation testing one source file at a time, each against the tests that mirror it.
//   npm run mutation                 every target below but lifecycle-engine, one after another
//   npm run mutation -- price        one target (price | incremental | discount | lifecycle | lifecycle-engine)
//   npm run mutation -- price --concurrency 2   more test processes (default 1; the machine may be shared)
//   npm run mutation -- price --force           re-test every mutant (by default a run is incremental: it re-tests
//                                               only mutants whose code or covering tests changed since the last)
// Scores are printed by Stryker per target; its HTML and JSON reports are reports/mutation/<target>.html and .json.
import { spawnSync } from "node:child_process";

// The lifecycle tests that exercise the engine through the public API (and the engine's internal arithmetic).
const LIFECYCLE_TESTS = [
  "test/lifecycle/evaluate*.test.ts",
  "test/lifecycle/engine*.test.ts",
  "test/lifecycle/example.test.ts",
  "test/lifecycle/compactLedger.test.ts",
  "test/lifecycle/monthlyShares.test.ts",
  "test/_lib/fixed*.test.ts",
];

const TARGETS = {
  // The price formulas: the relative formulas and the shared scoring path (price.ts), the absolute-scoring family
  // and the optimal-price formula (absolutePrice.ts), and the public registry that joins each formula's rule to
  // its descriptive texts (priceFormulas.ts). The registry and the formulas' labels and parameter lists are built
  // when the module loads, so Stryker ignores their mutants (ignoreStatic) and reports priceFormulas.ts as n/a;
  // test/scoring/functions/priceFormulas.test.ts pins those texts instead.
  price: {
    mutate: ["src/scoring/functions/price.ts", "src/scoring/functions/absolutePrice.ts", "src/scoring/functions/priceFormulas.ts"],
    tests: ["test/scoring/functions/price*.test.ts", "test/scoring/functions/absolutePrice*.test.ts", "test/scoring/formulaLiterature.test.ts"],
  },
  incremental: { mutate: "src/analysis/incremental.ts", tests: ["test/analysis/incremental*.test.ts"] },
  discount: { mutate: "src/time/discount.ts", tests: ["test/time/discount*.test.ts"] },
  // The lifecycle engine's arithmetic in src/lifecycle/evaluate.ts, by line range (update the ranges when the file
  // changes): discounting times (timeOf), the discount factors and the EAC annuity (compileContext), escalation,
  // the periods of a dated item, when each item's cash flows occur (occurrences), the unit cost at the price base
  // with indexation, each period's quantity, unit cost and amount (planItem), a compact run's present cost (presentCostOf), cost per use and per patient
  // (unitCostOf, volumeTotals), the residual value and payback. Tested against the lifecycle tests that
  // exercise the engine through the public API. Left out: the fast-check properties
  // (test/lifecycle/properties.test.ts), which cover every line, so every mutant would re-run them; and the
  // document's validation (schema.ts, plainOption.ts), which is not the engine.
  lifecycle: {
    mutate: [
      "src/lifecycle/evaluate.ts:66-71",
      "src/lifecycle/evaluate.ts:90-93",
      "src/lifecycle/evaluate.ts:136-205",
      "src/lifecycle/evaluate.ts:213-230",
      "src/lifecycle/evaluate.ts:300-339",
      "src/lifecycle/evaluate.ts:410-448",
      "src/lifecycle/evaluate.ts:517-570",
      "src/lifecycle/evaluate.ts:601-624",
      "src/lifecycle/evaluate.ts:632-637",
    ],
    tests: LIFECYCLE_TESTS,
  },
  // The whole lifecycle engine: all of evaluate.ts (also the ledger rows, the compact ledger and the result's
  // assembly) and its internal exact arithmetic and compact holders. About 1,040 mutants (evaluate.ts 631,
  // fixed.ts 202, rowView.ts 113, breakdown.ts 72, bigColumn.ts 25): a few hours with one test process on a
  // shared 2-core machine, so it runs only when named (`npm run mutation -- lifecycle-engine`).
  "lifecycle-engine": {
    byDefault: false,
    mutate: [
      "src/lifecycle/evaluate.ts",
      "src/_lib/fixed.ts",
      "src/lifecycle/_internal/breakdown.ts",
      "src/lifecycle/_internal/rowView.ts",
      "src/lifecycle/_internal/bigColumn.ts",
    ],
    tests: LIFECYCLE_TESTS,
  },
};

const args = process.argv.slice(2);
const at = args.indexOf("--concurrency");
const concurrency = at >= 0 ? args.splice(at, 2)[1] : undefined;
if (at >= 0 && !/^[1-9][0-9]*$/.test(concurrency ?? "")) {
  console.error("--concurrency takes a whole number ≥ 1");
  process.exit(2);
}
const forceAt = args.indexOf("--force");
const force = forceAt >= 0;
if (force) args.splice(forceAt, 1);
const asked = args;
const unknown = asked.filter((t) => !(t in TARGETS));
if (unknown.length > 0) {
  console.error(`unknown target(s): ${unknown.join(", ")}; choose from ${Object.keys(TARGETS).join(", ")}`);
  process.exit(2);
}
let failed = false;
const names = asked.length > 0 ? asked : Object.keys(TARGETS).filter((t) => TARGETS[t].byDefault !== false);
for (const name of names) {
  const { mutate, tests } = TARGETS[name];
  const files = Array.isArray(mutate) ? mutate.join(",") : mutate;
  console.log(`\n=== mutation testing ${files} against ${tests.join(", ")}`);
  const run = spawnSync("npx", ["stryker", "run", "stryker.config.mjs", "--mutate", files, ...(concurrency === undefined ? [] : ["--concurrency", concurrency]), ...(force ? ["--force"] : [])], {
    stdio: "inherit",
    env: { ...process.env, CI: process.env.CI ?? "true", VBP_MUTATION_TESTS: tests.join(","), VBP_MUTATION_TARGET: name },
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
