import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { VbpInputError } from "../errors/VbpInputError.js";
import type { PathwayModel } from "../pathway/model.js";
import { assemblePsa, checkPsaSettings, drawnParameterIds, evaluateDrawRange, hashText, placeDrawOutcomes, preparePsa, type PsaPlan, type PsaResult, type PsaSettings } from "../uncertainty/psa.js";

/**
 * Settings of {@link createPsaPool}.
 *
 * @example
 * ```ts
 * const s: PsaPoolSettings = { workers: 2 };
 * ```
 * @category Node
 */
export interface PsaPoolSettings {
  /** Worker threads (default: the machine's available parallelism, at most 64). */
  readonly workers?: number;
  /** The worker script (default: the bundled `psaWorker.js` beside this module). */
  readonly workerScript?: URL;
}

/**
 * Settings of one analysis on a pool: those of `runPsa` (a custom distribution registry cannot cross
 * threads: use `runPsa` for it).
 *
 * @example
 * ```ts
 * const s: PoolPsaSettings = { iterations: 10000, seed: 2026, chunkSize: 1000 };
 * ```
 * @category Node
 */
export type PoolPsaSettings = Omit<PsaSettings, "registry">;

/**
 * Worker threads kept warm for many PSAs: started once, each model prepared (parsed, checked, compiled)
 * once per worker and kept, then blocks of draws handed to whichever worker is free. Results are
 * bit-identical to `runPsa` with the same seed, whatever the number of workers.
 *
 * @example
 * ```ts
 * import { createPsaPool } from "vbp-score/node";
 * const open = async () => {
 *   const pool: PsaWorkerPool = await createPsaPool({ workers: 2 });
 *   try {
 *     // const a = await pool.run(model, { iterations: 10000, seed: 1 });
 *     // const b = await pool.run(model, { iterations: 10000, seed: 2 }); // no start-up, no recompile
 *   } finally {
 *     await pool.close();
 *   }
 * };
 * ```
 * @category Node
 */
export interface PsaWorkerPool {
  /** Number of worker threads. */
  readonly size: number;
  /** Milliseconds from creating the pool until every worker was ready. */
  readonly startupMs: number;
  /**
   * Runs one PSA on the pool. The document is checked (and compiled) in this thread first, so bad input is
   * reported before any worker is busy; a model already run on this pool is not compiled again.
   */
  run(model: PathwayModel | unknown, settings: PoolPsaSettings): Promise<PsaResult>;
  /** Stops every worker; later runs are refused. */
  close(): Promise<void>;
}

type BlockData = ReturnType<typeof evaluateDrawRange>;

interface Slot {
  readonly worker: Worker;
  readonly loaded: Set<string>;
  busy: Block | undefined;
}

interface Block {
  readonly job: number;
  readonly key: string;
  readonly start: number;
  readonly count: number;
  readonly settle: (msg: WorkerMessage) => void;
  readonly run: { seed: number; chunkSize: number; cancel: Int32Array };
  readonly load: { document: unknown; uncertainty?: PsaSettings["uncertainty"] };
}

interface WorkerMessage {
  readonly type: "ready" | "progress" | "result" | "error" | "aborted";
  readonly job?: number;
  readonly done?: number;
  readonly data?: BlockData;
  readonly message?: string;
}

/** Models whose checked, compiled form the pool keeps in this thread. */
const KEEP = 8;

function workerCount(workers: number | undefined): number {
  const n = workers ?? Math.min(64, availableParallelism());
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new VbpInputError([{ code: "invalid_value", path: ["workers"], message: `must be a whole number from 1 to 256, got ${String(n)}` }]);
  return n;
}

/**
 * Starts a pool of PSA worker threads (Node only) and waits until every worker is ready. Run several
 * analyses on it with `run`, then `close` it. Idle workers do not keep the process alive.
 *
 * Draws are split into blocks that free workers take in turn (so a slower core does not hold the others
 * up); every draw is a pure function of the seed, its streams and its index, so the joined result is
 * bit-identical to a single-thread run.
 *
 * @param settings - number of workers, worker script
 * @returns the ready pool
 * @throws VbpInputError for a bad number of workers
 * @example
 * ```ts
 * import { createPsaPool } from "vbp-score/node";
 * const analyse = async (model: unknown) => {
 *   const pool = await createPsaPool({ workers: 2 });
 *   try {
 *     const base = await pool.run(model, { iterations: 10000, seed: 2026 });
 *     const again = await pool.run(model, { iterations: 10000, seed: 2027 });
 *     return [base, again];
 *   } finally {
 *     await pool.close();
 *   }
 * };
 * ```
 * @category Node
 */
export async function createPsaPool(settings: PsaPoolSettings = {}): Promise<PsaWorkerPool> {
  const size = workerCount(settings.workers);
  const script = settings.workerScript ?? new URL("./psaWorker.js", import.meta.url);
  const t0 = performance.now();
  const slots: Slot[] = [];
  const queue: Block[] = [];
  const prepared = new Map<string, PsaPlan>();
  let closed = false;
  let failure: Error | undefined;
  let nextJob = 0;

  const dispatch = (): void => {
    for (const slot of slots) {
      if (slot.busy !== undefined || queue.length === 0) continue;
      const b = queue.shift()!;
      slot.busy = b;
      slot.worker.ref();
      if (!slot.loaded.has(b.key)) {
        slot.worker.postMessage({ type: "load", key: b.key, ...b.load });
        slot.loaded.add(b.key);
      }
      slot.worker.postMessage({ type: "run", job: b.job, key: b.key, start: b.start, count: b.count, ...b.run });
    }
  };

  const fail = (e: Error): void => {
    failure ??= e;
    for (const slot of slots) {
      const b = slot.busy;
      slot.busy = undefined;
      b?.settle({ type: "error", message: e.message });
    }
    for (const b of queue.splice(0)) b.settle({ type: "error", message: e.message });
  };

  await Promise.all(
    Array.from(
      { length: size },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(script);
          const slot: Slot = { worker, loaded: new Set(), busy: undefined };
          slots.push(slot);
          worker.on("message", (msg: WorkerMessage) => {
            if (msg.type === "ready") {
              worker.unref();
              resolve();
              return;
            }
            const b = slot.busy;
            if (b === undefined || msg.job !== b.job) return;
            if (msg.type !== "progress") {
              slot.busy = undefined;
              worker.unref();
            }
            b.settle(msg);
            if (msg.type !== "progress") dispatch();
          });
          worker.on("error", (e) => {
            reject(e);
            fail(e);
          });
          worker.on("exit", (code) => {
            if (!closed) fail(new Error(`a PSA worker stopped with exit code ${code}; close the pool and create a new one`));
          });
        }),
    ),
  ).catch(async (e: unknown) => {
    closed = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
    throw e;
  });
  const startupMs = performance.now() - t0;

  const prepare = (model: unknown, settings: PoolPsaSettings): { key: string; plan: PsaPlan } => {
    const key = hashText(JSON.stringify([model, settings.uncertainty ?? null]));
    let plan = prepared.get(key);
    if (plan === undefined) {
      plan = preparePsa(model, settings);
      prepared.set(key, plan);
      while (prepared.size > KEEP) {
        const old = prepared.keys().next().value!;
        prepared.delete(old);
        for (const s of slots) if (s.loaded.delete(old)) s.worker.postMessage({ type: "forget", key: old });
      }
    }
    return { key, plan };
  };

  const run = async (model: PathwayModel | unknown, psaSettings: PoolPsaSettings): Promise<PsaResult> => {
    if (closed) throw new Error("the PSA pool is closed");
    if (failure !== undefined) throw failure;
    const r = checkPsaSettings(psaSettings);
    const { key, plan } = prepare(model, psaSettings);
    const signal = psaSettings.signal;
    signal?.throwIfAborted();
    const ids = drawnParameterIds(plan.plan);
    const k = ids.length;
    const count = r.count;
    // Blocks: about four per worker, each a whole number of chunks, so free workers balance the load and
    // every chunk (and so every condition met, in its order) is the one a single thread evaluates.
    const blockSize = r.chunkSize * Math.max(1, Math.ceil(count / (size * 4) / r.chunkSize));
    const parameters = new Float64Array(k * count);
    const valid = new Uint8Array(count);
    const options = plan.compiled.optionIds.map(() => ({ costs: new Float64Array(count), qalys: new Float64Array(count), lifeYears: new Float64Array(count), carbonKg: new Float64Array(count) }));
    const conditions: BlockData["conditions"][] = [];
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const done: number[] = [];
    const blocks: Promise<void>[] = [];
    for (let off = 0, i = 0; off < count; off += blockSize, i++) {
      const m = Math.min(blockSize, count - off);
      const index = i;
      done.push(0);
      blocks.push(
        new Promise<void>((resolve, reject) => {
          queue.push({
            job: nextJob++,
            key,
            start: r.start + off,
            count: m,
            run: { seed: r.seed, chunkSize: r.chunkSize, cancel },
            load: { document: model, ...(psaSettings.uncertainty !== undefined ? { uncertainty: psaSettings.uncertainty } : {}) },
            settle: (msg) => {
              if (msg.type === "progress") {
                done[index] = msg.done!;
                if (Atomics.load(cancel, 0) === 0) psaSettings.onProgress?.({ done: done.reduce((a, b) => a + b, 0), total: count });
                return;
              }
              if (msg.type === "aborted") return reject(signal?.reason ?? new Error("aborted"));
              if (msg.type === "error") return reject(new Error(`PSA worker failed: ${msg.message ?? "unknown error"}`));
              const p = msg.data!;
              for (let c = 0; c < k; c++) parameters.set(p.parameters.subarray(c * m, (c + 1) * m), c * count + off);
              valid.set(p.valid, off);
              placeDrawOutcomes(options, p.options, off);
              conditions[index] = p.conditions;
              resolve();
            },
          });
        }),
      );
    }
    const onAbort = (): void => {
      Atomics.store(cancel, 0, 1);
      // Blocks not started yet are dropped at once; running ones stop at their next chunk.
      for (let i = queue.length - 1; i >= 0; i--) {
        if (queue[i]!.run.cancel === cancel) queue.splice(i, 1)[0]!.settle({ type: "aborted" });
      }
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    dispatch();
    try {
      const settled = await Promise.allSettled(blocks);
      const bad = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
      if (bad !== undefined) throw bad.reason;
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
    // Conditions joined in draw order, as one thread meets them.
    const joined = new Map<string, BlockData["conditions"][number]>();
    for (const list of conditions) {
      for (const c of list) {
        const ck = `${c.code}|${c.path.join(".")}`;
        const prev = joined.get(ck);
        joined.set(ck, prev === undefined ? c : { ...prev, count: prev.count + c.count });
      }
    }
    return assemblePsa(plan, r, ids, { parameters, options, valid, conditions: [...joined.values()] });
  };

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    fail(new Error("the PSA pool was closed"));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  };

  return Object.freeze({ size, startupMs, run, close });
}
