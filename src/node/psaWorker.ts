/**
 * The worker_threads side of {@link runPsaParallel}: prepares the same document, evaluates its block of draws
 * and sends the arrays back (transferred, not copied). Node-only.
 *
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { evaluateDrawRange, preparePsa } from "../uncertainty/psa.js";
import type { UncertaintySection } from "../uncertainty/schema.js";

interface Job {
  readonly document: unknown;
  readonly uncertainty?: UncertaintySection;
  readonly seed: number;
  readonly start: number;
  readonly count: number;
  readonly chunkSize: number;
}

const job = workerData as Job;
const port = parentPort!;
try {
  const prepared = preparePsa(job.document, job.uncertainty !== undefined ? { uncertainty: job.uncertainty } : {});
  const data = evaluateDrawRange(prepared, job.seed, job.start, job.count, job.chunkSize, (done) => port.postMessage({ type: "progress", done }));
  const buffers = [data.parameters.buffer, data.valid.buffer, ...data.options.flatMap((o) => [o.costs.buffer, o.qalys.buffer, o.lifeYears.buffer, o.carbonKg.buffer])];
  port.postMessage({ type: "result", data }, buffers as ArrayBuffer[]);
} catch (e) {
  port.postMessage({ type: "error", message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
