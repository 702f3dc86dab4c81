import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    benchmark: { include: ["bench/**/*.bench.ts"] },
    pool: "threads",
    // One fast-check seed per run: fixed in CI, FC_SEED to replay, printed at the start of every run.
    globalSetup: ["test/_setup/fastCheckSeed.global.ts"],
    setupFiles: ["test/_setup/fastCheckSeed.ts"],
    testTimeout: 60_000,
  },
});
