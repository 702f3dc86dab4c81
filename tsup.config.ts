import { defineConfig } from "tsup";

export default defineConfig([
  {
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
  },
  {
    // Node-only entry (worker_threads); the worker script is its own file so a Worker can load it.
    entry: { node: "src/node/index.ts", psaWorker: "src/node/psaWorker.ts" },
    format: ["esm", "cjs"],
    dts: { entry: { node: "src/node/index.ts" } },
    sourcemap: true,
    clean: false,
    target: "node20",
    platform: "node",
    shims: true,
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    clean: false,
    target: "node20",
    platform: "node",
    // createRequire: the bundled CommonJS progress bar requires Node built-ins.
    banner: { js: '#!/usr/bin/env node\nimport { createRequire as __vbpCreateRequire } from "node:module";\nconst require = __vbpCreateRequire(import.meta.url);' },
    // The progress bar is bundled into the CLI, so the library itself gains no runtime dependency.
    noExternal: ["cli-progress"],
  },
]);
