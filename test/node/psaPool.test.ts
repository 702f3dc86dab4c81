import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { treeBenchModel } from "../../examples/pathway/bench-models.js";
import { createPsaPool, type PsaWorkerPool } from "../../src/node/index.js";
import { runPsa, type PsaResult } from "../../src/index.js";
import { ssiDocument } from "../uncertainty/fixtures.js";

// The worker runs as plain JavaScript: bundle it from the source once (the package ships it in dist/).
let workerScript: URL;
let pool: PsaWorkerPool;
beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), "vbp-psa-pool-")), "psaWorker.mjs");
  await build({ entryPoints: ["src/node/psaWorker.ts"], bundle: true, platform: "node", format: "esm", outfile: out, logLevel: "error" });
  workerScript = pathToFileURL(out);
  pool = await createPsaPool({ workers: 3, workerScript });
});
afterAll(async () => {
  await pool.close();
});

/** Everything a result holds, for bit-for-bit comparison (conditions included, in order). */
const fingerprint = (r: PsaResult) => ({
  parameters: Array.from(r.parameters.values),
  options: r.options.map((o) => [Array.from(o.costs), Array.from(o.qalys), Array.from(o.lifeYears), Array.from(o.carbonKg), o.summary]),
  valid: Array.from(r.valid),
  conditions: r.conditions,
});

/** A tree whose options push branch probabilities towards 1, so some draws are invalid (conditions to join). */
function stressedTree(): Record<string, unknown> {
  const m = structuredClone(treeBenchModel(6)) as unknown as { parameters: { id: string; value: string }[]; options: { effects?: { target: { node?: string }; value: unknown }[] }[]; uncertainty?: unknown };
  m.uncertainty = { distributions: Object.fromEntries(m.parameters.map((p) => [p.id, { type: "beta", mean: Number(p.value), se: 0.2 * Math.sqrt(Number(p.value) * (1 - Number(p.value))) }])) };
  for (const o of m.options.slice(1)) {
    const e = o.effects![0]!;
    e.value = Math.min(1.4, 0.99 / Number(m.parameters[Number(e.target.node!.slice(1))]!.value)).toFixed(3);
  }
  return m;
}

describe("a kept-warm pool of PSA workers", () => {
  it("starts its workers once and reports the start-up", () => {
    expect(pool.size).toBe(3);
    expect(pool.startupMs).toBeGreaterThan(0);
  });

  it("runs several analyses, each bit-identical to a single-thread run, conditions included", async () => {
    const ssi = ssiDocument();
    const tree = stressedTree();
    for (const [doc, settings] of [
      [ssi, { iterations: 900, seed: 42, chunkSize: 100 }],
      [tree, { iterations: 1000, seed: 5, chunkSize: 64 }],
      [ssi, { iterations: 700, seed: 43, chunkSize: 50, draws: { start: 100, count: 450 } }],
      [tree, { iterations: 1000, seed: 6, chunkSize: 64 }],
    ] as const) {
      const progress: number[] = [];
      const r = await pool.run(doc, { ...settings, onProgress: (p) => progress.push(p.done) });
      const single = runPsa(doc, settings);
      expect(fingerprint(r)).toEqual(fingerprint(single));
      expect(progress[progress.length - 1]).toBe(single.count);
    }
    expect(runPsa(stressedTree(), { iterations: 1000, seed: 5 }).conditions.length).toBeGreaterThan(1);
  });

  it("runs analyses started together, each bit-identical to its single-thread run", async () => {
    // Runs share the workers: each worker takes part in them in the order they were started.
    const tree = stressedTree();
    const settings = [
      [tree, { iterations: 800, seed: 21, chunkSize: 64 }],
      [ssiDocument(), { iterations: 500, seed: 22, chunkSize: 30 }],
      [tree, { iterations: 3, seed: 23 }],
    ] as const;
    const results = await Promise.all(settings.map(([doc, s]) => pool.run(doc, s)));
    results.forEach((r, i) => expect(fingerprint(r)).toEqual(fingerprint(runPsa(settings[i]![0], settings[i]![1]))));
  });

  it("checks the input before any worker is busy, and stays usable after a cancelled run", async () => {
    await expect(pool.run(ssiDocument(), { iterations: 0, seed: 1 })).rejects.toThrow(/iterations/);
    await expect(pool.run({ ...ssiDocument(), uncertainty: { distributions: { p_ssi: { type: "beta", mean: 1.5, se: 0.1 } } } }, { iterations: 10, seed: 1 })).rejects.toThrow(/p_ssi/);
    const controller = new AbortController();
    const run = pool.run(ssiDocument(), { iterations: 200_000, seed: 1, chunkSize: 500, signal: controller.signal, onProgress: () => controller.abort(new Error("cancelled")) });
    await expect(run).rejects.toThrow("cancelled");
    const again = await pool.run(ssiDocument(), { iterations: 300, seed: 9 });
    expect(fingerprint(again)).toEqual(fingerprint(runPsa(ssiDocument(), { iterations: 300, seed: 9 })));
  });

  it("refuses work once closed, and a bad number of workers", async () => {
    const small = await createPsaPool({ workers: 1, workerScript });
    await small.close();
    await expect(small.run(ssiDocument(), { iterations: 10, seed: 1 })).rejects.toThrow(/closed/);
    await expect(createPsaPool({ workers: 0, workerScript })).rejects.toThrow(/workers/);
  });

  it("reports where the time of the last run went: every draw once, in blocks that shrink towards the end", async () => {
    // 1,000 draws in chunks of 50 on 3 workers: 20 chunks taken as blocks of 3, 2, 2 and 2 chunks, then
    // 11 single chunks (each block a sixth of the chunks still left, at least one): 15 blocks in all.
    const r = await pool.run(ssiDocument(), { iterations: 1000, seed: 11, chunkSize: 50 });
    const t = pool.lastRun!;
    expect(t.workers).toHaveLength(3);
    expect(t.workers.reduce((a, w) => a + w.draws, 0)).toBe(r.count);
    expect(t.workers.reduce((a, w) => a + w.blocks, 0)).toBe(15);
    for (const w of t.workers) {
      expect(w.busyMs).toBeGreaterThanOrEqual(0);
      expect(w.waitMs).toBeGreaterThanOrEqual(0);
      if (process.platform === "linux") expect(w.cpuMs).toBeGreaterThanOrEqual(0);
    }
    expect(t.mainMs).toBeGreaterThan(0);
    expect(t.wallMs).toBeGreaterThanOrEqual(t.mainMs);
  });
});
