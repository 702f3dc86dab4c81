import { defineConfig } from "tsup";

/**
 * One module per concept: each folder is its own entry (and subpath export), built with code splitting so a
 * bundler that honours `sideEffects: false` keeps only the chunks a caller's imports reach. The root entry
 * re-exports the browser-safe entries; `node` holds what needs Node (files, XLSX, worker threads).
 *
 * No config cleans `dist/`: the configs build in parallel and one would delete the others' output (the `node`
 * declarations went missing that way). `npm run build` empties `dist/` first.
 */
export const SUBPATHS = [
  "errors",
  "money",
  "time",
  "lifecycle",
  "pathway",
  "sustainability",
  "analysis",
  "scoring",
  "evaluate",
  "interop",
  "engine",
  "uncertainty",
  "present",
] as const;

// svg (Node-only: loads vega) is built with the core so both share one copy of the library's code.
const entry: Record<string, string> = { index: "src/index.ts", svg: "src/svg.ts" };
for (const name of SUBPATHS) entry[`${name}/index`] = `src/${name}/index.ts`;
// Not exported: separate entries only so that OCDS and the JSON Schema generator land in chunks of their own,
// apart from the CSV readers (papaparse, which does not declare itself free of side effects).
// Award uncertainty is re-exported by the root only; an entry of its own keeps it out of the root chunk.
entry["uncertainty/award/index"] = "src/uncertainty/award/index.ts";
entry["interop/ocds"] = "src/interop/ocds.ts";
entry["interop/jsonSchema"] = "src/interop/jsonSchema.ts";

/** A single-file ESM script for Node (the PSA worker, the CLI): no type declarations, built beside the library. */
const nodeScript = { format: ["esm" as const], dts: false, sourcemap: true, clean: false, target: "node20", platform: "node" as const };

export default defineConfig([
  {
    entry,
    format: ["esm", "cjs"],
    splitting: true,
    dts: true,
    sourcemap: true,
    clean: false,
    target: "es2022",
    platform: "neutral",
    external: [/^node:/],
    treeshake: true,
  },
  {
    // Node-only entry (worker_threads, XLSX).
    entry: { node: "src/node/index.ts" },
    format: ["esm", "cjs"],
    dts: { entry: { node: "src/node/index.ts" } },
    sourcemap: true,
    clean: false,
    target: "node20",
    platform: "node",
    shims: true,
  },
  {
    // The PSA worker script (both `node` builds start it as ESM): one self-contained file with the library code
    // it runs and only the parts of its dependencies that code uses. A worker then starts by loading one file,
    // instead of date-fns' whole index (hundreds of modules) and zod's: start-up fell from about 1.4 s to 0.35 s
    // per worker on a loaded machine.
    ...nodeScript,
    entry: { psaWorker: "src/node/psaWorker.ts" },
    noExternal: [/./],
  },
  {
    ...nodeScript,
    entry: { cli: "src/cli/main.ts" },
    // createRequire: the bundled CommonJS progress bar requires Node built-ins.
    banner: { js: '#!/usr/bin/env node\nimport { createRequire as __vbpCreateRequire } from "node:module";\nconst require = __vbpCreateRequire(import.meta.url);' },
    // The progress bar is bundled into the CLI, so the library itself gains no runtime dependency.
    noExternal: ["cli-progress"],
  },
]);
