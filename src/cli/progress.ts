import { SingleBar } from "cli-progress";
import type { CliIo } from "./io.js";

/** Progress of a long run, shown on a terminal and silent otherwise. */
export interface Progress {
  /** Moves to step `value` of the total, with a label for what is being done now. */
  readonly update: (value: number, label: string) => void;
  /** Removes the bar. */
  readonly stop: () => void;
}

const SILENT: Progress = Object.freeze({ update: () => undefined, stop: () => undefined });

/**
 * A progress bar on standard error (cli-progress), only when standard error is a terminal: piped or
 * redirected output, CI logs and tests get nothing. The bar clears itself when stopped.
 */
export function progressBar(io: CliIo, total: number): Progress {
  if (io.stderrIsTTY !== true || io.progressStream === undefined || total < 1) return SILENT;
  const bar = new SingleBar({
    stream: io.progressStream,
    format: "{bar} {value}/{total} {label} ({duration}s)",
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
    noTTYOutput: false,
  });
  bar.start(total, 0, { label: "" });
  return {
    update: (value, label) => bar.update(value, { label }),
    stop: () => bar.stop(),
  };
}
