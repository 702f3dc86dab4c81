// Executes the notebooks in examples/notebooks/ headlessly in Deno's Jupyter kernel and writes executed
// copies to examples/notebooks/executed/. Needs: the built package (dist/), Deno (the `deno` dev dependency),
// and Jupyter's nbconvert + ipykernel (Debian: jupyter-nbconvert python3-ipykernel; see docs/guide-notebooks.md).
// The kernel spec is written to a fresh temporary JUPYTER_PATH, so nothing outside the repository changes.
//
//   node scripts/run-notebooks.mjs            fail when a prerequisite is missing
//   node scripts/run-notebooks.mjs --if-available
//                                             skip (exit 0, with a message) when Jupyter is missing, unless CI=true
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dir = join(root, "examples", "notebooks");
const out = join(dir, "executed");
const ifAvailable = process.argv.includes("--if-available");
const inCi = process.env.CI === "true";

function fail(message) {
  console.error(`notebooks: ${message}`);
  process.exit(1);
}

function missing(message) {
  if (ifAvailable && !inCi) {
    console.log(`notebooks: SKIPPED, ${message} (docs/guide-charts-notebooks.md says how to set it up; CI runs them)`);
    process.exit(0);
  }
  fail(`${message}: see docs/guide-notebooks.md for the one-time setup`);
}

if (!existsSync(join(root, "dist", "index.js"))) fail("dist/index.js is missing: run `npm run build` first (the notebooks import the built package)");
const deno = join(root, "node_modules", "deno", process.platform === "win32" ? "deno.exe" : "deno");
if (!existsSync(deno)) fail("Deno is missing: run `npm ci` (it comes with the `deno` dev dependency)");
const probe = spawnSync("jupyter", ["nbconvert", "--version"], { encoding: "utf8" });
if (probe.status !== 0) missing("Jupyter's nbconvert is not installed (Debian: apt-get install jupyter-nbconvert python3-ipykernel)");

// A private Jupyter home: the Deno kernel spec lives here only for this run.
const home = mkdtempSync(join(tmpdir(), "vbp-notebooks-"));
const kernelDir = join(home, "data", "kernels", "deno");
mkdirSync(kernelDir, { recursive: true });
writeFileSync(
  join(kernelDir, "kernel.json"),
  JSON.stringify({ argv: [deno, "jupyter", "--kernel", "--conn", "{connection_file}"], display_name: "Deno", language: "typescript" }, null, 2),
);
const env = {
  ...process.env,
  JUPYTER_PATH: join(home, "data"),
  JUPYTER_DATA_DIR: join(home, "data"),
  JUPYTER_CONFIG_DIR: join(home, "config"),
  JUPYTER_RUNTIME_DIR: join(home, "runtime"),
  JUPYTER_PLATFORM_DIRS: "1",
  DENO_DIR: join(home, "deno"),
  DENO_NO_UPDATE_CHECK: "1",
  DENO_NO_PROMPT: "1",
  NO_COLOR: "1",
};

const notebooks = readdirSync(dir).filter((f) => f.endsWith(".ipynb")).sort();
if (notebooks.length === 0) fail(`no notebooks in ${dir}`);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const started = Date.now();
let failed = 0;
for (const nb of notebooks) {
  const t0 = Date.now();
  const r = spawnSync(
    "jupyter",
    ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=deno", "--ExecutePreprocessor.timeout=300", "--output-dir", out, join(dir, nb)],
    { cwd: dir, env, encoding: "utf8" },
  );
  if (r.status !== 0) {
    failed++;
    console.error(`notebooks: ${nb} FAILED\n${(r.stderr ?? "").split("\n").slice(-40).join("\n")}`);
    continue;
  }
  // Every executed notebook must hold outputs that a notebook draws richly: tables and charts.
  const executed = JSON.parse(readFileSync(join(out, nb), "utf8"));
  const outputs = executed.cells.flatMap((c) => c.outputs ?? []);
  const errors = outputs.filter((o) => o.output_type === "error");
  const html = outputs.filter((o) => o.data?.["text/html"] !== undefined).length;
  const charts = outputs.filter((o) => o.data?.["application/vnd.vegalite.v5+json"] !== undefined).length;
  // Each `await show(…)` must have left its display: a display published after the cell ended is lost.
  const lost = executed.cells.filter((c) => c.cell_type === "code").flatMap((c) => {
    const source = Array.isArray(c.source) ? c.source.join("") : c.source;
    const shows = (source.match(/await show\(/g) ?? []).length;
    const shown = (c.outputs ?? []).filter((o) => o.output_type === "display_data").length;
    return shown < shows ? [`cell ${c.execution_count}: ${shown} of ${shows} displays`] : [];
  });
  if (lost.length > 0) console.error(`notebooks: ${nb}: displays missing: ${lost.join("; ")}`);
  if (errors.length > 0 || html === 0 || charts === 0 || lost.length > 0) {
    failed++;
    console.error(`notebooks: ${nb}: ${errors.length} error outputs, ${html} HTML outputs, ${charts} Vega-Lite outputs (want 0, ≥1, ≥1)`);
    continue;
  }
  console.log(`notebooks: ${nb} ok in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${executed.cells.length} cells, ${html} HTML tables, ${charts} Vega-Lite charts → examples/notebooks/executed/${nb}`);
}
rmSync(home, { recursive: true, force: true });
console.log(`notebooks: ${notebooks.length - failed} passed, ${failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exit(failed === 0 ? 0 : 1);
