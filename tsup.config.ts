import { defineConfig } from "tsup";

export default defineConfig([
  {
    // svg (Node-only: loads vega) is built with the core so both share one copy of the library's code.
    entry: { index: "src/index.ts", svg: "src/svg.ts" },
    format: ["esm", "cjs"],
    splitting: true,
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    clean: false,
    target: "node20",
    platform: "node",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
