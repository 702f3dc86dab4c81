import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { VbpInputError } from "../errors/VbpInputError.js";
import type { PathwayModel } from "../pathway/model.js";
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

type WorkerData = ReturnType<typeof evaluateDrawRange>;

/**
 * Runs a PSA over `worker_threads` (Node only): the draws are split into one contiguous block per worker,
 * each worker prepares the same document and evaluates its block, and the blocks are joined in draw order.
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
  const ids = drawnParameterIds(prepared.plan);
  const n = Math.min(workers, run.count);
  if (n === 1) {
    const data = evaluateDrawRange(prepared, run.seed, run.start, run.count, run.chunkSize, (done) => settings.onProgress?.({ done, total: run.count }), settings.signal);
    return assemblePsa(prepared, run, ids, data);
  }
  const bounds = Array.from({ length: n + 1 }, (_, i) => run.start + Math.floor((i * run.count) / n));
  const done = new Array<number>(n).fill(0);
  const script = settings.workerScript ?? new URL("./psaWorker.js", import.meta.url);
  const threads: Worker[] = [];
  const abort = () => threads.forEach((t) => void t.terminate());
  settings.signal?.addEventListener("abort", abort, { once: true });
  try {
    const parts = await Promise.all(
      bounds.slice(0, n).map(
        (start, i) =>
          new Promise<WorkerData>((resolve, reject) => {
            const w = new Worker(script, {
              workerData: { document: model, uncertainty: settings.uncertainty, seed: run.seed, start, count: bounds[i + 1]! - start, chunkSize: run.chunkSize },
            });
            threads.push(w);
            w.on("message", (msg: { type: string; done?: number; data?: WorkerData; message?: string }) => {
              if (msg.type === "progress") {
                done[i] = msg.done!;
                settings.onProgress?.({ done: done.reduce((a, b) => a + b, 0), total: run.count });
              } else if (msg.type === "result") resolve(msg.data!);
              else reject(new Error(`PSA worker ${i} failed: ${msg.message ?? "unknown error"}`));
            });
            w.on("error", reject);
            w.on("exit", (code) => {
              if (settings.signal?.aborted === true) reject(settings.signal.reason);
              else if (code !== 0) reject(new Error(`PSA worker ${i} stopped with exit code ${code}`));
            });
          }),
      ),
    );
    settings.signal?.throwIfAborted();
    const k = ids.length;
    const count = run.count;
    const parameters = new Float64Array(k * count);
    const valid = new Uint8Array(count);
    const options = prepared.compiled.optionIds.map(() => ({ costs: new Float64Array(count), qalys: new Float64Array(count), lifeYears: new Float64Array(count), carbonKg: new Float64Array(count) }));
    const conditions = new Map<string, WorkerData["conditions"][number]>();
    parts.forEach((p, i) => {
      const off = bounds[i]! - run.start;
      const m = bounds[i + 1]! - bounds[i]!;
      for (let c = 0; c < k; c++) parameters.set(p.parameters.subarray(c * m, (c + 1) * m), c * count + off);
      valid.set(p.valid, off);
      p.options.forEach((o, j) => {
        options[j]!.costs.set(o.costs, off);
        options[j]!.qalys.set(o.qalys, off);
        options[j]!.lifeYears.set(o.lifeYears, off);
        options[j]!.carbonKg.set(o.carbonKg, off);
      });
      for (const c of p.conditions) {
        const key = `${c.code}|${c.path.join(".")}`;
        const prev = conditions.get(key);
        conditions.set(key, prev === undefined ? c : { ...prev, count: prev.count + c.count, firstDraw: Math.min(prev.firstDraw, c.firstDraw) });
      }
    });
    return assemblePsa(prepared, run, ids, { parameters, options, valid, conditions: [...conditions.values()] });
  } finally {
    settings.signal?.removeEventListener("abort", abort);
    abort();
  }
}
