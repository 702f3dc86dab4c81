/**
 * CPU time of the calling thread, for the PSA pool's run figures. `process.cpuUsage()` counts every thread of
 * the process (a worker would see its siblings' time too), so this reads the thread's own clock: Node's
 * `process.threadCpuUsage()` where it exists (Node ≥ 23.9), else Linux's `/proc/thread-self/schedstat` (the
 * scheduler's run time of this thread, in nanoseconds; it advances at scheduler ticks, so a single reading
 * lags by up to one tick, a few milliseconds, and only sums over many blocks are precise). Node-only.
 *
 * @module
 */
import { readFileSync } from "node:fs";

type ThreadCpuUsage = () => { user: number; system: number };

let source: "node" | "proc" | "none" | undefined;

/** @internal The calling thread's CPU time in milliseconds, or undefined where the platform does not expose it. */
export function threadCpuMs(): number | undefined {
  const own = (process as unknown as { threadCpuUsage?: ThreadCpuUsage }).threadCpuUsage;
  if (source === undefined) source = typeof own === "function" ? "node" : "proc";
  if (source === "node") {
    const u = own!.call(process);
    return (u.user + u.system) / 1000;
  }
  if (source === "none") return undefined;
  try {
    const ns = Number(readFileSync("/proc/thread-self/schedstat", "latin1").split(" ", 1)[0]);
    if (Number.isFinite(ns)) return ns / 1e6;
  } catch {
    // Not Linux (or /proc not mounted): no per-thread clock.
  }
  source = "none";
  return undefined;
}
