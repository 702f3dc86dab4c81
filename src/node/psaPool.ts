import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { VbpInputError } from "../errors/VbpInputError.js";
import type { PathwayModel } from "../pathway/model.js";
import { assemblePsa, checkPsaSettings, drawnParameterIds, hashText, preparePsa, type PsaPlan, type PsaResult, type PsaSettings } from "../uncertainty/psa.js";
import { BLOCKS_DONE, blockStarts, CANCELLED, FAILED, readSummary, runBytes, runMemory, type RunMemory } from "./psaRunMemory.js";

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
 * const w: PsaPoolWorkerTiming = { blocks: 6, draws: 5000, busyMs: 62.4, waitMs: 0.3, cpuMs: 61.9 };
 * ```
 * @category Node
 */
export interface PsaPoolWorkerTiming {
  /** Blocks of draws it evaluated. */
  readonly blocks: number;
  /** Draws it evaluated. */
  readonly draws: number;
  /**
   * Milliseconds it spent on the run apart from `waitMs`: its blocks and its share of the summaries (wall time: it
   * grows when the machine is busy).
   */
  readonly busyMs: number;
  /**
   * Milliseconds it waited, after its last block, for the other workers to finish theirs before the summaries
   * could start (uneven shares show here).
   */
  readonly waitMs: number;
  /**
   * CPU time of its thread in the run, in milliseconds: unlike `busyMs`, it does not grow when other processes
   * share the cores. Absent where the platform has no per-thread clock (Node < 23.9 outside Linux); on Linux it
   * advances at scheduler ticks, so one run's figure is within a few milliseconds.
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
 * const t: PsaPoolRunTiming = { wallMs: 68, mainMs: 1.2, workers: [{ blocks: 6, draws: 5000, busyMs: 64, waitMs: 0.3, cpuMs: 63 }] };
 * ```
 * @category Node
 */
export interface PsaPoolRunTiming {
  /** Milliseconds from calling `run` until its result was ready. */
  readonly wallMs: number;
  /**
   * Milliseconds this thread spent on the run itself (wall time of its synchronous parts): checking the settings,
   * finding the prepared model and sending each worker the run, then copying the draws out of the memory shared
   * with the workers and joining the conditions. The serial part of the run (the workers compute the summaries).
   */
  readonly mainMs: number;
  /** Each worker's share, in pool order (a worker that got no block shows zeros). */
  readonly workers: readonly PsaPoolWorkerTiming[];
}

/**
 * Worker threads kept warm for many PSAs: started once, each model prepared (parsed, checked, compiled)
 * once per worker and kept; in a run, each free worker takes the next block of draws. Results are
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

type Conditions = PsaResult["conditions"];

interface Slot {
  readonly worker: Worker;
  readonly loaded: Set<string>;
  /** Ids of the shared memory this worker has been sent (and keeps). */
  readonly memories: Set<number>;
  /** The runs this worker owes a last message (result, error or aborted), by job. */
  readonly jobs: Map<number, (msg: WorkerMessage) => void>;
}

interface WorkerMessage {
  readonly type: "ready" | "progress" | "result" | "error" | "aborted";
  readonly job?: number;
  readonly done?: number;
  readonly conditions?: readonly [number, Conditions][];
  readonly timing?: PsaPoolWorkerTiming;
  readonly message?: string;
}

/** Models whose checked, compiled form the pool keeps in this thread. */
const KEEP = 8;

/** Shared memory of at most this many bytes is kept for the next runs (a larger run's is dropped after it). */
const KEEP_BYTES = 64 * 2 ** 20;

/** A run's shared memory, kept by the pool (and its workers) for the next runs. */
interface Arena {
  readonly id: number;
  readonly buffer: SharedArrayBuffer;
  busy: boolean;
}

function workerCount(workers: number | undefined): number {
  const n = workers ?? Math.min(64, availableParallelism());
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new VbpInputError([{ code: "invalid_value", path: ["workers"], message: `must be a whole number from 1 to 256, got ${String(n)}` }]);
  return n;
}

/**
 * Starts a pool of PSA worker threads (Node only) and waits until every worker is ready. Run several
 * analyses on it with `run`, then `close` it. Idle workers do not keep the process alive.
 *
 * Draws are split into blocks that free workers take in turn (so a slower core does not hold the others up),
 * shrinking towards the end of the run so the workers finish together. Workers write their draws into memory
 * shared with this thread (no block is sent or copied) and then compute the summaries between them; every draw is
 * a pure function of the seed, its streams and its index, and each summary is computed by the same code over the
 * same draws in the same order, so the result is bit-identical to a single-thread run. `lastRun` tells where the
 * time of a run went (this thread's serial part, each worker's CPU time).
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
  const prepared = new Map<string, PsaPlan>();
  /** The control words of the runs under way (a failed pool stops their workers). */
  const running = new Set<Int32Array>();
  let closed = false;
  let failure: Error | undefined;
  let nextJob = 0;
  const arenas: Arena[] = [];
  let nextArena = 0;

  /** The smallest free shared memory of at least `bytes`, or a new one. */
  const acquire = (bytes: number): Arena => {
    let best: Arena | undefined;
    for (const a of arenas) if (!a.busy && a.buffer.byteLength >= bytes && (best === undefined || a.buffer.byteLength < best.buffer.byteLength)) best = a;
    best ??= { id: nextArena++, buffer: new SharedArrayBuffer(bytes), busy: false };
    if (!arenas.includes(best)) arenas.push(best);
    best.busy = true;
    return best;
  };

  /** Frees a run's shared memory: only the largest free one up to KEEP_BYTES is kept, the workers forget the others. */
  const release = (arena: Arena): void => {
    arena.busy = false;
    const free = arenas.filter((a) => !a.busy && a.buffer.byteLength <= KEEP_BYTES).sort((a, b) => b.buffer.byteLength - a.buffer.byteLength);
    for (const a of arenas.filter((x) => !x.busy && x !== free[0])) {
      arenas.splice(arenas.indexOf(a), 1);
      for (const slot of slots) if (slot.memories.delete(a.id)) slot.worker.postMessage({ type: "forgetMemory", memoryId: a.id });
    }
  };

  const fail = (e: Error): void => {
    failure ??= e;
    for (const control of running) {
      Atomics.store(control, FAILED, 1);
      Atomics.notify(control, BLOCKS_DONE);
    }
    for (const slot of slots) {
      const owed = [...slot.jobs.values()];
      slot.jobs.clear();
      for (const settle of owed) settle({ type: "error", message: e.message });
    }
  };

  await Promise.all(
    Array.from(
      { length: size },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(script);
          const slot: Slot = { worker, loaded: new Set(), memories: new Set(), jobs: new Map() };
          slots.push(slot);
          worker.on("message", (msg: WorkerMessage) => {
            if (msg.type === "ready") {
              worker.unref();
              resolve();
              return;
            }
            const settle = slot.jobs.get(msg.job!);
            if (settle === undefined) return;
            if (msg.type !== "progress") {
              slot.jobs.delete(msg.job!);
              if (slot.jobs.size === 0) worker.unref();
            }
            settle(msg);
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

  /**
   * Runs a checked, prepared model: one message to each worker with the run's shared memory; the workers take its
   * blocks, write them there and summarise them; this thread copies the columns out and joins the conditions.
   */
  const runPlan = async (model: unknown, key: string, plan: PsaPlan, psaSettings: PoolPsaSettings, r: ReturnType<typeof checkPsaSettings>, t0: number): Promise<PsaResult> => {
    const signal = psaSettings.signal;
    signal?.throwIfAborted();
    const ids = drawnParameterIds(plan.plan);
    const shape = { parameters: ids.length, options: plan.compiled.optionIds.length, count: r.count };
    const arena = acquire(runBytes(shape));
    const { control, columns, summaries } = runMemory(arena.buffer, shape);
    control.fill(0);
    const blocks = blockStarts(r.count, r.chunkSize, size);
    const job = nextJob++;
    const done = slots.map(() => 0);
    const load = { type: "load", key, document: model, ...(psaSettings.uncertainty !== undefined ? { uncertainty: psaSettings.uncertainty } : {}) };
    // Progress messages only when someone listens: each one wakes this thread, which on a machine with as many
    // cores as workers takes a core from a worker.
    const message = { type: "run", job, key, seed: r.seed, start: r.start, chunkSize: r.chunkSize, blocks, memoryId: arena.id, shape, progress: psaSettings.onProgress !== undefined };
    running.add(control);
    const ends = slots.map(
      (slot, index) =>
        new Promise<WorkerMessage>((resolve) => {
          slot.jobs.set(job, (msg) => {
            if (msg.type !== "progress") return resolve(msg);
            done[index] = msg.done!;
            if (Atomics.load(control, CANCELLED) === 0) psaSettings.onProgress?.({ done: done.reduce((a, b) => a + b, 0), total: r.count });
          });
          slot.worker.ref();
          if (!slot.loaded.has(key)) {
            slot.worker.postMessage(load);
            slot.loaded.add(key);
          }
          if (slot.memories.has(arena.id)) slot.worker.postMessage(message);
          else {
            slot.worker.postMessage({ ...message, memory: arena.buffer });
            slot.memories.add(arena.id);
          }
        }),
    );
    const onAbort = (): void => {
      // Workers stop at their next chunk (or while waiting for the others' blocks).
      Atomics.store(control, CANCELLED, 1);
      Atomics.notify(control, BLOCKS_DONE);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    const mainMs = performance.now() - t0;
    let last: WorkerMessage[];
    try {
      last = await Promise.all(ends);
    } finally {
      signal?.removeEventListener("abort", onAbort);
      running.delete(control);
    }
    try {
      return finish(plan, r, ids, last, columns, summaries, t0, mainMs, signal);
    } finally {
      // After a failure of the pool a worker may still be writing: its memory is not used again (no run starts).
      if (failure === undefined) release(arena);
    }
  };

  /** Joins the workers' conditions, copies the columns out of the shared memory and assembles the result. */
  const finish = (plan: PsaPlan, r: ReturnType<typeof checkPsaSettings>, ids: readonly string[], last: readonly WorkerMessage[], columns: RunMemory["columns"], summaries: Float64Array, t0: number, mainMs: number, signal: AbortSignal | undefined): PsaResult => {
    const t1 = performance.now();
    const error = last.find((m) => m.type === "error");
    if (error !== undefined) throw new Error(`PSA worker failed: ${error.message ?? "unknown error"}`);
    if (last.some((m) => m.type !== "result")) throw signal?.reason ?? new Error("aborted");
    // Conditions joined in block order, so in draw order, as one thread meets them.
    const byBlock: Conditions[] = [];
    for (const m of last) for (const [b, list] of m.conditions!) byBlock[b] = list;
    const joined = new Map<string, Conditions[number]>();
    for (const list of byBlock) {
      for (const c of list ?? []) {
        const ck = `${c.code}|${c.path.join(".")}`;
        const prev = joined.get(ck);
        joined.set(ck, prev === undefined ? c : { ...prev, count: prev.count + c.count });
      }
    }
    // The result's own arrays (not views of the shared memory, which the workers can still see).
    const data = {
      parameters: columns.parameters.slice(),
      options: columns.options.map((o) => ({ costs: o.costs.slice(), qalys: o.qalys.slice(), lifeYears: o.lifeYears.slice(), carbonKg: o.carbonKg.slice() })),
      valid: columns.valid.slice(),
      conditions: [...joined.values()],
    };
    const sums = data.options.map((_, o) => ({ costs: readSummary(summaries, o * 4), qalys: readSummary(summaries, o * 4 + 1), lifeYears: readSummary(summaries, o * 4 + 2), carbonKg: readSummary(summaries, o * 4 + 3) }));
    const result = assemblePsa(plan, r, ids, data, sums);
    const t2 = performance.now();
    lastRun = { wallMs: t2 - t0, mainMs: mainMs + t2 - t1, workers: last.map((m) => m.timing!) };
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
