import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { runPsaParallel } from "../../src/node/index.js";
import { runPsa } from "../../src/index.js";
import { ssiDocument } from "../uncertainty/fixtures.js";

// The worker runs as plain JavaScript: bundle it from the source once (the package ships it in dist/).
let workerScript: URL;
beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), "vbp-psa-worker-")), "psaWorker.mjs");
  await build({ entryPoints: ["src/node/psaWorker.ts"], bundle: true, platform: "node", format: "esm", outfile: out, logLevel: "error" });
  workerScript = pathToFileURL(out);
});

const fingerprint = (r: Awaited<ReturnType<typeof runPsaParallel>>) => ({
  parameters: Array.from(r.parameters.values),
  options: r.options.map((o) => [Array.from(o.costs), Array.from(o.qalys), Array.from(o.lifeYears), Array.from(o.carbonKg), o.summary]),
});

describe("PSA over worker threads", () => {
  it("is bit-identical to a single-thread run whatever the number of workers", async () => {
    const doc = ssiDocument();
    const single = fingerprint(runPsa(doc, { iterations: 900, seed: 42 }));
    for (const workers of [1, 2, 3]) {
      const progress: number[] = [];
      const r = await runPsaParallel(doc, { iterations: 900, seed: 42, workers, chunkSize: 100, workerScript, onProgress: (p) => progress.push(p.done) });
      expect(fingerprint(r)).toEqual(single);
      expect(progress[progress.length - 1]).toBe(900);
    }
  });

  it("checks the input before starting a worker, and stops when aborted", async () => {
    await expect(runPsaParallel(ssiDocument(), { iterations: 0, seed: 1, workerScript })).rejects.toThrow(/iterations/);
    await expect(runPsaParallel(ssiDocument(), { iterations: 10, seed: 1, workers: 0, workerScript })).rejects.toThrow(/workers/);
    const controller = new AbortController();
    const run = runPsaParallel(ssiDocument(), { iterations: 200000, seed: 1, workers: 2, workerScript, signal: controller.signal, onProgress: () => controller.abort(new Error("cancelled")) });
    await expect(run).rejects.toThrow("cancelled");
  });
});
