/**
 * The worker_threads side of {@link createPsaPool}: a long-lived worker that prepares (parses, checks and
 * compiles) each model once, keeps it, and evaluates the blocks of draws it is sent, returning the arrays
 * transferred, not copied. Node-only.
 *
 * Messages in: `load` (a model and its key), `run` (a key and a block of draws), `forget` (a key). Messages out:
 * `ready`, `progress`, `result` (with the block's busy time and this thread's CPU time in it), `error` (each
 * tagged with its job), `aborted`.
 *
 * @module
 */
import { parentPort } from "node:worker_threads";
import { evaluateDrawRange, preparePsa, type PsaPlan } from "../uncertainty/psa.js";
import { threadCpuMs } from "./threadCpu.js";
import type { UncertaintySection } from "../uncertainty/schema.js";

/** A model to prepare and keep under its key. */
interface Load {
  readonly type: "load";
  readonly key: string;
  readonly document: unknown;
  readonly uncertainty?: UncertaintySection;
}

/** A block of draws of a loaded model. */
interface Run {
  readonly type: "run";
  readonly job: number;
  readonly key: string;
  readonly seed: number;
  readonly start: number;
  readonly count: number;
  readonly chunkSize: number;
  /** Set to 1 by the pool when the run is cancelled: the block stops at its next chunk. */
  readonly cancel: Int32Array;
  /** Whether to report each chunk done (only when the run has a progress callback). */
  readonly progress: boolean;
}

/** Models kept at once (the oldest is dropped first). */
const KEEP = 8;

class Cancelled extends Error {}

const port = parentPort!;
const plans = new Map<string, { document: unknown; uncertainty?: UncertaintySection; plan?: PsaPlan }>();

function plan(key: string): PsaPlan {
  const entry = plans.get(key);
  if (entry === undefined) throw new Error(`model ${key} was not loaded in this worker`);
  // Prepared on first use, so a model that fails to prepare reports its error with the run that needs it.
  entry.plan ??= preparePsa(entry.document, entry.uncertainty !== undefined ? { uncertainty: entry.uncertainty } : {});
  return entry.plan;
}

port.on("message", (msg: Load | Run | { type: "forget"; key: string }) => {
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
  const { job, cancel } = msg;
  const t0 = performance.now();
  const c0 = threadCpuMs();
  try {
    const data = evaluateDrawRange(plan(msg.key), msg.seed, msg.start, msg.count, msg.chunkSize, (done) => {
      if (Atomics.load(cancel, 0) !== 0) throw new Cancelled();
      if (msg.progress) port.postMessage({ type: "progress", job, done });
    });
    const buffers = [data.parameters.buffer, data.valid.buffer, ...data.options.flatMap((o) => [o.costs.buffer, o.qalys.buffer, o.lifeYears.buffer, o.carbonKg.buffer])];
    const c1 = threadCpuMs();
    const timing = { busyMs: performance.now() - t0, ...(c0 !== undefined && c1 !== undefined ? { cpuMs: c1 - c0 } : {}) };
    port.postMessage({ type: "result", job, data, timing }, buffers as ArrayBuffer[]);
  } catch (e) {
    if (e instanceof Cancelled) port.postMessage({ type: "aborted", job });
    else port.postMessage({ type: "error", job, message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
port.postMessage({ type: "ready" });
