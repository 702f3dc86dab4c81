/**
 * The worker_threads side of {@link createPsaPool}: a long-lived worker that prepares (parses, checks and
 * compiles) each model once, keeps it, and takes part in the runs it is sent. In a run it takes blocks of draws
 * from the run's shared memory by an atomic counter and writes them there, then, once every block of the run is
 * written, summarises columns of it in turn with the other workers (see `psaRunMemory.ts`). Node-only.
 *
 * Messages in: `load` (a model and its key), `run` (a key and the run's shared memory), `forget` (a key),
 * `forgetMemory` (shared memory the pool no longer uses). Messages
 * out: `ready`, `progress`, `result` (the conditions of its blocks, and its busy, waiting and CPU time), `error`
 * (each tagged with its job), `aborted`.
 *
 * @module
 */
import { parentPort } from "node:worker_threads";
import { evaluateDrawRange, preparePsa, type PsaPlan, type PsaResult } from "../uncertainty/psa.js";
import { summariseDraws } from "../uncertainty/summary.js";
import { BLOCKS_DONE, CANCELLED, FAILED, NEXT_BLOCK, NEXT_SUMMARY, OUTCOMES, runMemory, writeSummary, type RunShape } from "./psaRunMemory.js";
import { threadCpuMs } from "./threadCpu.js";
import type { UncertaintySection } from "../uncertainty/schema.js";

/** A model to prepare and keep under its key. */
interface Load {
  readonly type: "load";
  readonly key: string;
  readonly document: unknown;
  readonly uncertainty?: UncertaintySection;
}

/** A run of a loaded model: its draws are `start + blocks[0] … start + blocks[last] − 1`. */
interface Run {
  readonly type: "run";
  readonly job: number;
  readonly key: string;
  readonly seed: number;
  readonly start: number;
  readonly chunkSize: number;
  /** Where each block starts, in draws from `start`, and last the run's count (see `blockStarts`). */
  readonly blocks: readonly number[];
  /** The run's shared memory: its id, the buffer itself the first time this worker sees it, and the run's shape. */
  readonly memoryId: number;
  readonly memory?: SharedArrayBuffer;
  readonly shape: RunShape;
  /** Whether to report each chunk done (only when the run has a progress callback). */
  readonly progress: boolean;
}

/** Models kept at once (the oldest is dropped first). */
const KEEP = 8;

/** Longest wait for the other workers' blocks before looking at the control words again, in ms. */
const WAIT_MS = 200;

class Stopped extends Error {}

const port = parentPort!;
const plans = new Map<string, { document: unknown; uncertainty?: UncertaintySection; plan?: PsaPlan }>();
/** Shared memory the pool has sent, kept for its next runs until it says to forget it. */
const memories = new Map<number, SharedArrayBuffer>();

function plan(key: string): PsaPlan {
  const entry = plans.get(key);
  if (entry === undefined) throw new Error(`model ${key} was not loaded in this worker`);
  // Prepared on first use, so a model that fails to prepare reports its error with the run that needs it.
  entry.plan ??= preparePsa(entry.document, entry.uncertainty !== undefined ? { uncertainty: entry.uncertainty } : {});
  return entry.plan;
}

function run(msg: Run): void {
  const { job, blocks, shape } = msg;
  const t0 = performance.now();
  const c0 = threadCpuMs();
  if (msg.memory !== undefined) memories.set(msg.memoryId, msg.memory);
  const { control, columns, summaries } = runMemory(memories.get(msg.memoryId)!, shape);
  const stopped = (): boolean => Atomics.load(control, CANCELLED) !== 0 || Atomics.load(control, FAILED) !== 0;
  const last = blocks.length - 1;
  const conditions: [number, PsaResult["conditions"]][] = [];
  let taken = 0;
  let draws = 0;
  try {
    const prepared = plan(msg.key);
    for (let b = Atomics.add(control, NEXT_BLOCK, 1); b < last; b = Atomics.add(control, NEXT_BLOCK, 1)) {
      if (stopped()) throw new Stopped();
      const at = blocks[b]!;
      const count = blocks[b + 1]! - at;
      const before = draws;
      const data = evaluateDrawRange(
        prepared,
        msg.seed,
        msg.start + at,
        count,
        msg.chunkSize,
        (done) => {
          if (stopped()) throw new Stopped();
          if (msg.progress) port.postMessage({ type: "progress", job, done: before + done });
        },
        undefined,
        { columns, at, total: shape.count },
      );
      if (data.conditions.length > 0) conditions.push([b, data.conditions]);
      taken++;
      draws += count;
      if (Atomics.add(control, BLOCKS_DONE, 1) + 1 === last) Atomics.notify(control, BLOCKS_DONE);
    }
    // Every block taken: wait until the other workers have written theirs, then summarise columns in turn.
    const w0 = performance.now();
    for (let done = Atomics.load(control, BLOCKS_DONE); done < last; done = Atomics.load(control, BLOCKS_DONE)) {
      if (stopped()) throw new Stopped();
      Atomics.wait(control, BLOCKS_DONE, done, WAIT_MS);
    }
    const waitMs = performance.now() - w0;
    const columnsOf = shape.options * OUTCOMES.length;
    for (let c = Atomics.add(control, NEXT_SUMMARY, 1); c < columnsOf; c = Atomics.add(control, NEXT_SUMMARY, 1)) {
      if (stopped()) throw new Stopped();
      writeSummary(summaries, c, summariseDraws(columns.options[Math.floor(c / OUTCOMES.length)]![OUTCOMES[c % OUTCOMES.length]!], 0.95, columns.valid));
    }
    const c1 = threadCpuMs();
    const timing = { blocks: taken, draws, busyMs: performance.now() - t0 - waitMs, waitMs, ...(c0 !== undefined && c1 !== undefined ? { cpuMs: c1 - c0 } : {}) };
    port.postMessage({ type: "result", job, conditions, timing });
  } catch (e) {
    if (e instanceof Stopped) {
      port.postMessage({ type: "aborted", job });
      return;
    }
    // The other workers stop too, instead of waiting for blocks this one will not write.
    Atomics.store(control, FAILED, 1);
    Atomics.notify(control, BLOCKS_DONE);
    port.postMessage({ type: "error", job, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
}

port.on("message", (msg: Load | Run | { type: "forget"; key: string } | { type: "forgetMemory"; memoryId: number }) => {
  if (msg.type === "load") {
    plans.delete(msg.key);
    plans.set(msg.key, { document: msg.document, ...(msg.uncertainty !== undefined ? { uncertainty: msg.uncertainty } : {}) });
    while (plans.size > KEEP) plans.delete(plans.keys().next().value!);
    return;
  }
  if (msg.type === "forget") {
    plans.delete(msg.key);
    return;
  }
  if (msg.type === "forgetMemory") {
    memories.delete(msg.memoryId);
    return;
  }
  run(msg);
});
port.postMessage({ type: "ready" });
