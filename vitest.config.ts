import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    benchmark: { include: ["bench/**/*.bench.ts"] },
    pool: "threads",
    // One fast-check seed per run: fixed in CI, FC_SEED to replay, printed at the start of every run.
    globalSetup: ["test/_setup/fastCheckSeed.global.ts"],
    setupFiles: ["test/_setup/fastCheckSeed.ts"],
    // No test may fail because the machine is slow: the heaviest property tests take ~15 s on a loaded 2-core
    // machine, so the limit only catches a hang.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
