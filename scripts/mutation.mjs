#!/usr/bin/env node
// Runs mutation testing one source file at a time, each against the tests that mirror it.
//   npm run mutation                 every target below, one after another
//   npm run mutation -- price        one target (price | incremental | discount | lifecycle)
// Scores are printed by Stryker per target; the HTML report of the last target is in reports/mutation/.
import { spawnSync } from "node:child_process";

const TARGETS = {
  price: { mutate: "src/scoring/functions/price.ts", tests: ["test/scoring/functions/price*.test.ts"] },
  incremental: { mutate: "src/analysis/incremental.ts", tests: ["test/analysis/incremental*.test.ts"] },
  discount: { mutate: "src/time/discount.ts", tests: ["test/time/discount*.test.ts"] },
  lifecycle: { mutate: "src/lifecycle/evaluate.ts", tests: ["test/lifecycle/*.test.ts"] },
};

const asked = process.argv.slice(2);
const unknown = asked.filter((t) => !(t in TARGETS));
if (unknown.length > 0) {
  console.error(`unknown target(s): ${unknown.join(", ")}; choose from ${Object.keys(TARGETS).join(", ")}`);
  process.exit(2);
}
let failed = false;
for (const name of asked.length > 0 ? asked : Object.keys(TARGETS)) {
  const { mutate, tests } = TARGETS[name];
  console.log(`\n=== mutation testing ${mutate} against ${tests.join(", ")}`);
  const run = spawnSync("npx", ["stryker", "run", "stryker.config.mjs", "--mutate", mutate], {
    stdio: "inherit",
    env: { ...process.env, CI: process.env.CI ?? "true", VBP_MUTATION_TESTS: tests.join(",") },
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
