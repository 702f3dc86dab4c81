// Package check, run after `npm run build` (part of `npm test`):
// - the built ESM and CJS entries (root, every subpath, node) load in plain Node and agree;
// - browser bundle sizes of `import { money }` and `import { evaluate }` (esbuild, minified, gzip), and no zod
//   locale nor zod's classic API in them;
// - the shipped JSON Schema files: one per input document and result, versioned $id, equal to what the
//   library generates;
// - the CLI: shebang, EPIPE handled quietly (`vbp evaluate … | head`), -o/--output;
// - README links are absolute (docs/ is not packed).
import { createRequire } from "node:module";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { spawn, spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUNDLE_BUDGETS, bundleSize } from "./bundle-size.mjs";

const require = createRequire(import.meta.url);
const root = new URL("..", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));
const problems = [];
const fail = (msg) => problems.push(msg);
const report = [];

// Entries
const esm = await import("../dist/index.js");
const cjs = require("../dist/index.cjs");
const esmNames = Object.keys(esm).sort();
const cjsNames = Object.keys(cjs).sort();
if (esmNames.length < 10) fail(`ESM entry exports only ${esmNames.length} names`);
if (JSON.stringify(esmNames) !== JSON.stringify(cjsNames)) fail("ESM and CJS entries export different names");
const df = (lib) => lib.discountFactor(lib.DISCOUNT_SCHEDULES["green-book"], 31);
if (df(esm) !== df(cjs)) fail("ESM and CJS compute different discount factors");
if (!df(esm).startsWith("0.34590136951679")) fail(`unexpected Green Book year-31 factor ${df(esm)}`);
const subpaths = Object.keys(pkg.exports).filter((k) => k !== "." && k !== "./package.json" && !k.includes("*"));
for (const sub of subpaths) {
  const e = pkg.exports[sub];
  // `vbp-score/svg` is ESM only: vega is an ES module with top-level await, which `require()` cannot load.
  const m = await import(new URL((e.import ?? e).default, root).href);
  const names = Object.keys(m).sort();
  if (names.length === 0) fail(`${sub} exports nothing`);
  if (e.require !== undefined) {
    const c = require(new URL(e.require.default, root).pathname);
    if (JSON.stringify(names) !== JSON.stringify(Object.keys(c).sort())) fail(`${sub}: ESM and CJS export different names`);
  } else if (sub !== "./svg") fail(`${sub} has no CommonJS entry`);
  if (sub !== "./node" && sub !== "./svg") for (const n of names) if (esm[n] !== m[n]) fail(`${sub}: ${n} is not the root's ${n} (two copies)`);
}
report.push(`entries: root (${esmNames.length} names) and ${subpaths.length} subpaths load as ESM and CJS and agree`);

// Bundle sizes
for (const b of BUNDLE_BUDGETS) {
  const s = await bundleSize(b.code);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const met = s.gzip <= b.targetGzip;
  report.push(`bundle: ${b.code} ${kb(s.gzip)} gzip (${kb(s.minified)} minified) — target ${kb(b.targetGzip)}${met ? " met" : `: NOT MET by ${kb(s.gzip - b.targetGzip)}`}`);
  if (s.gzip > b.maxGzip) fail(`${b.code} is ${kb(s.gzip)} gzip, more than its ceiling ${kb(b.maxGzip)}`);
  if (s.zodLocales.length > 0) fail(`${b.code} bundles zod locales: ${s.zodLocales.slice(0, 3).join(", ")}`);
  if (s.zodClassic.length > 0) fail(`${b.code} bundles zod's classic API: ${s.zodClassic.slice(0, 3).join(", ")}`);
}

// JSON Schema files
const interop = await import("../dist/interop/index.js");
const files = readdirSync(new URL("schema/", root)).filter((f) => f.endsWith(".json"));
for (const name of interop.JSON_SCHEMA_NAMES) {
  const file = `${name}.json`;
  if (!files.includes(file)) {
    fail(`schema/${file} is missing`);
    continue;
  }
  const text = readFileSync(new URL(`schema/${file}`, root), "utf8");
  if (text !== `${JSON.stringify(interop.documentJsonSchema(name), null, 2)}\n`) fail(`schema/${file} differs from documentJsonSchema("${name}")`);
}
for (const file of files) {
  const s = JSON.parse(readFileSync(new URL(`schema/${file}`, root), "utf8"));
  if (s.$id !== `https://unpkg.com/vbp-score@${pkg.version}/schema/${file}`) fail(`schema/${file} has $id ${s.$id}`);
}
if (!pkg.files.includes("schema") || pkg.exports["./schema/*.json"] !== "./schema/*.json") fail("schema/ is not packed or exported");
report.push(`schema: ${files.length} files (${files.map((f) => f.replace(".json", "")).join(", ")}), versioned $id`);

// CLI
const cli = readFileSync(new URL("dist/cli.js", root), "utf8");
if (!cli.startsWith("#!/usr/bin/env node")) fail("dist/cli.js has no shebang");
if (pkg.bin.vbp !== "./dist/cli.js") fail("bin.vbp does not point at dist/cli.js");
const cliPath = new URL("dist/cli.js", root).pathname;
const tender = new URL("examples/tender/tender.json", root).pathname;
// `vbp evaluate … | head -1`: the reader closes the pipe after the first chunk.
const epipe = await new Promise((resolve) => {
  const child = spawn(process.execPath, [cliPath, "evaluate", tender, "--format", "md", "--summaries"], { stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  child.stdout.once("data", () => child.stdout.destroy());
  child.on("close", (code) => resolve({ code, err }));
});
if (epipe.code !== 0 || epipe.err !== "") fail(`vbp evaluate … | head: exit ${epipe.code}, stderr ${JSON.stringify(epipe.err.slice(0, 300))}`);
const dir = mkdtempSync(join(tmpdir(), "vbp-check-"));
try {
  const out = join(dir, "ranking.csv");
  const viaFile = spawnSync(process.execPath, [cliPath, "evaluate", tender, "--format", "csv", "-o", out], { encoding: "utf8" });
  const viaStdout = spawnSync(process.execPath, [cliPath, "evaluate", tender, "--format", "csv"], { encoding: "utf8" });
  if (viaFile.status !== 0 || viaFile.stdout !== "" || readFileSync(out, "utf8") !== viaStdout.stdout) fail("vbp evaluate -o file does not write what standard output gets");
} finally {
  rmSync(dir, { recursive: true, force: true });
}
report.push("CLI: shebang; `vbp evaluate … | head` exits 0 with nothing on stderr; -o writes the same bytes as stdout");

// README
const readme = readFileSync(new URL("README.md", root), "utf8");
const relative = [...readme.matchAll(/\]\((?!https?:\/\/|#)([^)]+)\)/g)].map((m) => m[1]);
if (relative.length > 0) fail(`README has relative links (not packed): ${relative.join(", ")}`);
if (pkg.repository?.url === undefined) fail("package.json has no repository");
for (const [dep, range] of Object.entries(pkg.dependencies)) if (/^\d/.test(range)) fail(`dependency ${dep} is pinned exactly (${range}); use a range`);

for (const line of report) console.log(`check-package: ${line}`);
if (problems.length > 0) {
  for (const p of problems) console.error(`check-package: FAIL ${p}`);
  process.exit(1);
}
