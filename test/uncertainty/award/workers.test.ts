import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { awardUncertainty, mergeAwardDraws, type AwardDraws, type AwardUncertaintyOptions } from "../../../src/index.js";
import { workedDocument, workedTender } from "./helpers.js";

// The worker runs as plain JavaScript: bundle the fixture from the source once.
let script: URL;
beforeAll(async () => {
  const out = join(mkdtempSync(join(tmpdir(), "vbp-award-worker-")), "awardWorker.mjs");
  await build({ entryPoints: ["test/uncertainty/award/fixtures/awardWorker.ts"], bundle: true, platform: "node", format: "esm", outfile: out, logLevel: "error" });
  script = pathToFileURL(out);
});

const options: AwardUncertaintyOptions = {
  iterations: 2000,
  seed: 20261201,
  weights: { groups: ["root"], ranges: { "whole-life-cost": { min: 25, max: 45 } } },
  inputs: [
    { optionId: "a", input: "price", distribution: { type: "pert", min: "110", mode: "128", max: "150" } },
    { optionId: "f", input: "price", distribution: { type: "lognormal", mean: "158", sd: "10" } },
    { optionId: "b", input: "health-gain", distribution: { type: "normal", mean: "50.25", sd: "12" } },
  ],
};

function inWorker(first: number, count: number, tender: unknown = workedTender(), opts: AwardUncertaintyOptions = options): Promise<AwardDraws> {
  return new Promise((resolve, reject) => {
    const w = new Worker(script, { workerData: { tender, options: { ...opts, firstDraw: first, iterations: count, chunkSize: 97 } } });
    w.once("message", (m: AwardDraws) => {
      resolve(m);
      void w.terminate();
    });
    w.once("error", reject);
  });
}

describe("seeded reproducibility across worker threads", () => {
  it("draws run in 1, 2 or 3 worker threads (uneven ranges, any chunk size) merge to the single-thread result, bit for bit", async () => {
    const single = awardUncertainty(workedTender(), options);
    for (const cuts of [[0, 2000], [0, 1000, 2000], [0, 333, 1501, 2000]]) {
      const parts = await Promise.all(cuts.slice(0, -1).map((c, i) => inWorker(c, cuts[i + 1]! - c)));
      expect(mergeAwardDraws(workedTender(), options, parts)).toEqual(single);
    }
    // The check can fail: another seed in a worker gives another answer.
    const other = await new Promise<AwardDraws>((resolve, reject) => {
      const w = new Worker(script, { workerData: { tender: workedTender(), options: { ...options, seed: 1 } } });
      w.once("message", (m: AwardDraws) => {
        resolve(m);
        void w.terminate();
      });
      w.once("error", reject);
    });
    expect(mergeAwardDraws(workedTender(), { ...options, seed: 1 }, [other])).not.toEqual(single);
  });

  it("with uncertain document values (pathway parameters through evaluateDraws, a lifecycle line): 2 worker threads merge to the single-thread result, bit for bit", async () => {
    const doc = workedDocument();
    const opts: AwardUncertaintyOptions = {
      ...options,
      iterations: 800,
      inputs: [],
      documentValues: [
        { path: "pathway.parameters.p_ssi.value", distribution: { type: "beta", mean: 0.12, se: 0.02 } },
        { path: "options.a.lifecycle.items.apply.quantity", distribution: { type: "triangular", min: 8, mode: 10, max: 15 } },
      ],
    };
    const single = awardUncertainty(doc, opts);
    const parts = await Promise.all([inWorker(0, 301, doc, opts), inWorker(301, 499, doc, opts)]);
    expect(mergeAwardDraws(doc, opts, parts)).toEqual(single);
    expect(mergeAwardDraws(doc, { ...opts, seed: 2 }, [await inWorker(0, 800, doc, { ...opts, seed: 2 })])).not.toEqual(single);
  });
});
