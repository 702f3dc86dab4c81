import { defineConfig } from "tsup";

/**
 * One module per concept: each folder is its own entry (and subpath export), built with code splitting so a
 * bundler that honours `sideEffects: false` keeps only the chunks a caller's imports reach. The root entry
 * re-exports the browser-safe entries; `node` holds what needs Node (files, XLSX).
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
] as const;

const entry: Record<string, string> = { index: "src/index.ts", node: "src/node.ts" };
for (const name of SUBPATHS) entry[`${name}/index`] = `src/${name}/index.ts`;
// Not exported: separate entries only so that OCDS and the JSON Schema generator land in chunks of their own,
// apart from the CSV readers (papaparse, which does not declare itself free of side effects).
entry["interop/ocds"] = "src/interop/ocds.ts";
entry["interop/jsonSchema"] = "src/interop/jsonSchema.ts";

export default defineConfig([
  {
    entry,
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: true,
    target: "es2022",
    platform: "neutral",
    external: [/^node:/],
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
