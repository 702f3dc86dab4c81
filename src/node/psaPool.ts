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
 * What one worker did in a pool run (see {@link PsaPoolRunTiming}).
 *
 * @example
 * ```ts
 * const w: PsaPoolWorkerTiming = { blocks: 4, draws: 5000, busyMs: 96.2, cpuMs: 95.1 };
 * ```
 * @category Node
 */
export interface PsaPoolWorkerTiming {
  /** Blocks of draws it evaluated. */
  readonly blocks: number;
  /** Draws it evaluated. */
  readonly draws: number;
  /** Milliseconds from starting to finishing its blocks, summed (wall time: it grows when the machine is busy). */
  readonly busyMs: number;
  /**
   * CPU time of its thread in those blocks, summed, in milliseconds: unlike `busyMs`, it does not grow when other
   * processes share the cores. Absent where the platform has no per-thread clock (Node < 23.9 outside Linux); on
   * Linux it advances at scheduler ticks, so one block's figure is within a few milliseconds.
   */
  readonly cpuMs?: number;
}

/**
 * Where the time of a pool run went: this thread's serial part and each worker's share. The CPU figures are what
 * a speed-up estimate for free cores needs when the machine is shared (Amdahl: about
 * single-thread time ÷ (`mainMs` + the largest worker's `cpuMs`)).
 *
 * @example
 * ```ts
 * const t: PsaPoolRunTiming = { wallMs: 110, mainMs: 9.5, workers: [{ blocks: 4, draws: 5000, busyMs: 96, cpuMs: 95 }] };
 * ```
 * @category Node
 */
export interface PsaPoolRunTiming {
  /** Milliseconds from calling `run` until its result was ready. */
  readonly wallMs: number;
  /**
   * Milliseconds this thread spent on the run itself (wall time of its synchronous parts): checking the settings and
   * finding the prepared model, handing out the blocks, placing each block's draws, joining the conditions and
   * computing the summaries. The serial part of the run.
   */
  readonly mainMs: number;
  /** Each worker's share, in pool order (a worker that got no block shows zeros). */
  readonly workers: readonly PsaPoolWorkerTiming[];
}

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
  /** Where the time of the last run to finish went (undefined before the first). */
  readonly lastRun: PsaPoolRunTiming | undefined;
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
  /** Called with each message about the block and the index of the worker that runs it. */
  readonly settle: (msg: WorkerMessage, worker: number) => void;
  readonly run: { seed: number; chunkSize: number; cancel: Int32Array; progress: boolean };
  readonly load: { document: unknown; uncertainty?: PsaSettings["uncertainty"] };
}

interface WorkerMessage {
  readonly type: "ready" | "progress" | "result" | "error" | "aborted";
  readonly job?: number;
  readonly done?: number;
  readonly data?: BlockData;
  readonly timing?: { readonly busyMs: number; readonly cpuMs?: number };
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
 * Draws are split into blocks of whole chunks that free workers take in turn (so a slower core does not hold
 * the others up), shrinking towards the end of the run so the workers finish together; every draw is a pure
 * function of the seed, its streams and its index, so the joined result is bit-identical to a single-thread
 * run. `lastRun` tells where the time of a run went (this thread's serial part, each worker's CPU time).
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
  return (await openPsaPool(settings)).pool;
}

/** @internal A started pool, and a run of a model this thread has prepared already. */
export interface OpenPsaPool {
  readonly pool: PsaWorkerPool;
  readonly runPrepared: (model: unknown, plan: PsaPlan, settings: PoolPsaSettings) => Promise<PsaResult>;
}

/** @internal Starts a pool (see {@link createPsaPool}). */
export async function openPsaPool(settings: PsaPoolSettings): Promise<OpenPsaPool> {
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
      b?.settle({ type: "error", message: e.message }, -1);
    }
    for (const b of queue.splice(0)) b.settle({ type: "error", message: e.message }, -1);
  };

  await Promise.all(
    Array.from(
      { length: size },
      (_, index) =>
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
            b.settle(msg, index);
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

  /** A model's key: the document and the run's own uncertainty section (the same text is prepared once). */
  const keyOf = (model: unknown, settings: PoolPsaSettings): string => hashText(JSON.stringify([model, settings.uncertainty ?? null]));

  const keep = (key: string, plan: PsaPlan): void => {
    prepared.set(key, plan);
    while (prepared.size > KEEP) {
      const old = prepared.keys().next().value!;
      prepared.delete(old);
      for (const s of slots) if (s.loaded.delete(old)) s.worker.postMessage({ type: "forget", key: old });
    }
  };

  let lastRun: PsaPoolRunTiming | undefined;

  /** Runs a checked, prepared model: hands its blocks to the workers, places them in draw order, summarises. */
  const runPlan = async (model: unknown, key: string, plan: PsaPlan, psaSettings: PoolPsaSettings, r: ReturnType<typeof checkPsaSettings>, t0: number): Promise<PsaResult> => {
    const signal = psaSettings.signal;
    signal?.throwIfAborted();
    const ids = drawnParameterIds(plan.plan);
    const k = ids.length;
    const count = r.count;
    const parameters = new Float64Array(k * count);
    const valid = new Uint8Array(count);
    const options = plan.compiled.optionIds.map(() => ({ costs: new Float64Array(count), qalys: new Float64Array(count), lifeYears: new Float64Array(count), carbonKg: new Float64Array(count) }));
    const conditions: BlockData["conditions"][] = [];
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const done: number[] = [];
    const blocks: Promise<void>[] = [];
    const shares = slots.map(() => ({ blocks: 0, draws: 0, busyMs: 0, cpuMs: 0 as number | undefined }));
    let mainMs = 0;
    const load = { document: model, ...(psaSettings.uncertainty !== undefined ? { uncertainty: psaSettings.uncertainty } : {}) };
    // Blocks are whole chunks (so every chunk, and every condition met in its order, is the one a single thread
    // evaluates), handed out in draw order and shrinking towards the end ("guided" scheduling): each takes
    // 1/(2 × workers) of the chunks still left, at least one. The first blocks are large (few messages); the
    // last ones are single chunks, so the workers finish within about one chunk of each other.
    const chunks = Math.ceil(count / r.chunkSize);
    for (let off = 0, left = chunks, i = 0; left > 0; i++) {
      const take = Math.max(1, Math.floor(left / (2 * size)));
      const m = Math.min(take * r.chunkSize, count - off);
      const index = i;
      const at = off;
      left -= take;
      off += m;
      done.push(0);
      blocks.push(
        new Promise<void>((resolve, reject) => {
          queue.push({
            job: nextJob++,
            key,
            start: r.start + at,
            count: m,
            // Progress messages only when someone listens: each one wakes this thread, which on a machine with as
            // many cores as workers takes a core from a worker.
            run: { seed: r.seed, chunkSize: r.chunkSize, cancel, progress: psaSettings.onProgress !== undefined },
            load,
            settle: (msg, worker) => {
              if (msg.type === "progress") {
                done[index] = msg.done!;
                if (Atomics.load(cancel, 0) === 0) psaSettings.onProgress?.({ done: done.reduce((a, b) => a + b, 0), total: count });
                return;
              }
              if (msg.type === "aborted") return reject(signal?.reason ?? new Error("aborted"));
              if (msg.type === "error") return reject(new Error(`PSA worker failed: ${msg.message ?? "unknown error"}`));
              const t = performance.now();
              const p = msg.data!;
              for (let c = 0; c < k; c++) parameters.set(p.parameters.subarray(c * m, (c + 1) * m), c * count + at);
              valid.set(p.valid, at);
              placeDrawOutcomes(options, p.options, at);
              conditions[index] = p.conditions;
              const share = shares[worker]!;
              share.blocks++;
              share.draws += m;
              share.busyMs += msg.timing?.busyMs ?? 0;
              share.cpuMs = share.cpuMs !== undefined && msg.timing?.cpuMs !== undefined ? share.cpuMs + msg.timing.cpuMs : undefined;
              mainMs += performance.now() - t;
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
        if (queue[i]!.run.cancel === cancel) queue.splice(i, 1)[0]!.settle({ type: "aborted" }, -1);
      }
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    dispatch();
    mainMs += performance.now() - t0;
    try {
      const settled = await Promise.allSettled(blocks);
      const bad = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
      if (bad !== undefined) throw bad.reason;
    } finally {
      signal?.removeEventListener("abort", onAbort);
    }
    const t1 = performance.now();
    // Conditions joined in draw order, as one thread meets them.
    const joined = new Map<string, BlockData["conditions"][number]>();
    for (const list of conditions) {
      for (const c of list) {
        const ck = `${c.code}|${c.path.join(".")}`;
        const prev = joined.get(ck);
        joined.set(ck, prev === undefined ? c : { ...prev, count: prev.count + c.count });
      }
    }
    const result = assemblePsa(plan, r, ids, { parameters, options, valid, conditions: [...joined.values()] });
    const t2 = performance.now();
    mainMs += t2 - t1;
    lastRun = { wallMs: t2 - t0, mainMs, workers: shares.map((s) => ({ blocks: s.blocks, draws: s.draws, busyMs: s.busyMs, ...(s.cpuMs !== undefined ? { cpuMs: s.cpuMs } : {}) })) };
    return result;
  };

  const run = async (model: PathwayModel | unknown, psaSettings: PoolPsaSettings): Promise<PsaResult> => {
    const t0 = performance.now();
    if (closed) throw new Error("the PSA pool is closed");
    if (failure !== undefined) throw failure;
    const r = checkPsaSettings(psaSettings);
    const key = keyOf(model, psaSettings);
    let plan = prepared.get(key);
    if (plan === undefined) {
      plan = preparePsa(model, psaSettings);
      keep(key, plan);
    }
    return runPlan(model, key, plan, psaSettings, r, t0);
  };

  /** A run of a model this thread has prepared already (`runPsaParallel` checks the document before starting the pool). */
  const runPrepared = async (model: unknown, plan: PsaPlan, psaSettings: PoolPsaSettings): Promise<PsaResult> => {
    const t0 = performance.now();
    if (closed) throw new Error("the PSA pool is closed");
    if (failure !== undefined) throw failure;
    const r = checkPsaSettings(psaSettings);
    const key = keyOf(model, psaSettings);
    if (!prepared.has(key)) keep(key, plan);
    return runPlan(model, key, plan, psaSettings, r, t0);
  };

  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    fail(new Error("the PSA pool was closed"));
    await Promise.all(slots.map((s) => s.worker.terminate()));
  };

  const pool: PsaWorkerPool = Object.freeze({
    size,
    startupMs,
    get lastRun() {
      return lastRun;
    },
    run,
    close,
  });
  return { pool, runPrepared };
}
