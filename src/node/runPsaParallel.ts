import { availableParallelism } from "node:os";
import { VbpInputError } from "../errors/VbpInputError.js";
import type { PathwayModel } from "../pathway/model.js";
import { openPsaPool } from "./psaPool.js";
import { assemblePsa, checkPsaSettings, drawnParameterIds, evaluateDrawRange, preparePsa, type PsaResult, type PsaSettings } from "../uncertainty/psa.js";

/**
 * Settings of {@link runPsaParallel}: those of `runPsa`, plus the number of worker threads.
 *
 * @example
 * ```ts
 * const s: ParallelPsaSettings = { iterations: 10000, seed: 2026, workers: 2 };
 * ```
 * @category Node
 */
export interface ParallelPsaSettings extends Omit<PsaSettings, "registry"> {
  /** Worker threads (default: the machine's available parallelism, at most 64; 1 runs in this thread). */
  readonly workers?: number;
  /** The worker script (default: the bundled `psaWorker.js` beside this module). */
  readonly workerScript?: URL;
}

/**
 * Runs one PSA over `worker_threads` (Node only): starts a {@link createPsaPool | pool} for this run, hands
 * it the draws in blocks, joins them in draw order and closes it. For several analyses, create the pool
 * once with `createPsaPool` instead: a worker's start-up costs about as much as thousands of draws.
 * The result is bit-identical to `runPsa` with the same seed, whatever the number of workers (every draw is
 * a pure function of the seed, its streams and its index). The document is checked here, before any worker
 * starts. Custom distribution registries cannot cross threads: use `runPsa` for those.
 *
 * @param model - a model document (with its `uncertainty` section) or a parsed model
 * @param settings - iterations, seed, workers, chunk size, shard range, progress callback, abort signal
 * @returns the same result as `runPsa`
 * @throws VbpInputError for invalid input; the signal's reason when aborted (workers are terminated)
 * @example
 * ```ts
 * import { runPsaParallel } from "vbp-score/node";
 * const model = { id: "ssi", currency: "GBP",
 *   parameters: [{ id: "p_ssi", value: "0.05" }, { id: "c_bed_day", value: 345 }, { id: "los", value: 3 }, { id: "los_ssi", value: 7 }],
 *   tree: { root: "surgery", nodes: [
 *     { id: "surgery", items: [{ id: "bed", category: "bed-days", quantity: { param: "los" }, unitCost: { param: "c_bed_day" } }],
 *       branches: [{ to: "ssi", probability: { param: "p_ssi" } }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: { param: "los_ssi" }, unitCost: { param: "c_bed_day" } }], qalys: "-0.02" },
 *     { id: "healed" },
 *   ] },
 *   options: [{ id: "standard", isComparator: true },
 *     { id: "npwt", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }], extraCosts: [{ id: "npwt", category: "consumables", amount: "15" }] }],
 *   uncertainty: { distributions: { p_ssi: { type: "beta", mean: 0.05, se: 0.01 }, c_bed_day: { type: "gamma", mean: 345, se: 50 }, los_ssi: { type: "gamma", mean: 7, se: 2 } } },
 * };
 * const run = () => runPsaParallel(model, { iterations: 10000, seed: 2026, workers: 2 });
 * // const psa = await run(); starts 2 worker threads (built package only) and gives the same result as
 * // runPsa(model, { iterations: 10000, seed: 2026 }); psa.options[1].costs.length is 10000
 * ```
 * @category Node
 */
export async function runPsaParallel(model: PathwayModel | unknown, settings: ParallelPsaSettings): Promise<PsaResult> {
  const run = checkPsaSettings(settings);
  const workers = settings.workers ?? Math.min(64, availableParallelism());
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) throw new VbpInputError([{ code: "invalid_value", path: ["workers"], message: `must be a whole number from 1 to 256, got ${String(workers)}` }]);
  const prepared = preparePsa(model, settings);
  settings.signal?.throwIfAborted();
  const n = Math.min(workers, Math.ceil(run.count / run.chunkSize));
  if (n === 1) {
    const data = evaluateDrawRange(prepared, run.seed, run.start, run.count, run.chunkSize, (done) => settings.onProgress?.({ done, total: run.count }), settings.signal);
    return assemblePsa(prepared, run, drawnParameterIds(prepared.plan), data);
  }
  const { workers: _, workerScript, ...psa } = settings;
  const { pool, runPrepared } = await openPsaPool({ workers: n, ...(workerScript !== undefined ? { workerScript } : {}) });
  try {
    // The document prepared above is the pool's (each worker prepares its own copy): not prepared here again.
    return await runPrepared(model, prepared, psa);
  } finally {
    await pool.close();
  }
}
