import { SingleBar } from "cli-progress";
import type { EvaluationProgress } from "../evaluate/progress.js";
import type { CliIo } from "./io.js";

/** Progress of a long run, shown on a terminal and silent otherwise. */
export interface Progress {
  /** Moves to step `value` of the total, with a label for what is being done now. */
  readonly update: (value: number, label: string) => void;
  /** Removes the bar. */
  readonly stop: () => void;
}

/** What a bar counts and where the command's results go. */
export interface ProgressSettings {
  /** What the steps are, shown after the count ("draws", "options"). */
  readonly unit?: string;
  /** Whether the results are written to standard output (then a pipe to another program shows no bar). */
  readonly resultsOnStdout?: boolean;
}

const SILENT: Progress = Object.freeze({ update: () => undefined, stop: () => undefined });

/**
 * Whether a bar may be drawn: standard error is a terminal, CI is not set, and the results are not piped
 * into another program that writes to the same terminal (`vbp … | head`). A file redirect (`> out.csv`) or
 * `-o out.csv` keeps the bar.
 */
export function showsProgress(io: CliIo, settings: ProgressSettings = {}): boolean {
  return io.stderrIsTTY === true && io.progressStream !== undefined && io.ci !== true && !(settings.resultsOnStdout !== false && io.stdoutIsPipe === true);
}

function seconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return "–";
  if (s < 60) return `${Math.ceil(s)}s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${String(Math.round(s % 60)).padStart(2, "0")}s` : `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}m`;
}

/** How a bar shows its count and rate: by default "300/1000 draws" and "120 draws/s". */
interface Display {
  readonly count: (value: number) => string;
  /** Steps a second, as text; undefined before there is a rate to show. */
  readonly rate: (value: number, elapsedSeconds: number) => string | undefined;
}

function perSecond(rate: number, unit: string): string {
  return `${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}${unit}/s`;
}

/**
 * A progress bar on standard error (cli-progress), drawn only where {@link showsProgress} allows: the count
 * done of the total, what is being done, the rate and the time left. cli-progress redraws at most every
 * 200 ms however often it is updated, so a run may report every step. The bar clears itself when stopped.
 */
export function progressBar(io: CliIo, total: number, settings: ProgressSettings = {}, display?: Display): Progress {
  if (!showsProgress(io, settings) || total < 1) return SILENT;
  const unit = settings.unit === undefined ? "" : ` ${settings.unit}`;
  const shown: Display = display ?? { count: (v) => `${v}/${total}${unit}`, rate: (v, t) => perSecond(v / t, unit) };
  const bar = new SingleBar({
    stream: io.progressStream!,
    format: "{bar} {count}{label}{speed}",
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
    noTTYOutput: false,
  });
  const started = Date.now();
  const speed = (value: number): string => {
    const elapsed = (Date.now() - started) / 1000;
    if (value <= 0 || elapsed < 0.5) return "";
    const rate = shown.rate(value, elapsed);
    return `${rate === undefined ? "" : ` · ${rate}`} · ${seconds(((total - value) * elapsed) / value)} left`;
  };
  bar.start(total, 0, { count: shown.count(0), label: "", speed: "" });
  return {
    update: (value, label) => bar.update(value, { count: shown.count(value), label: label === "" ? "" : ` ${label}`, speed: speed(value) }),
    stop: () => bar.stop(),
  };
}

/** The bar of an evaluation: the phases before it, then each option of each stage. */
export interface EvaluationProgressBar {
  /** A step before the evaluation starts (reading a file): shown as the label. */
  readonly phase: (label: string) => void;
  /** Pass as `onProgress` to `evaluate`. */
  readonly onProgress: (progress: EvaluationProgress) => void;
  /** Removes the bar. */
  readonly stop: () => void;
}

/**
 * The bar of a long evaluation (a catalogue): "512/997 options · lifecycle (stage 3 of 8)", with the rate
 * and time left over the whole run. One step is one option through one stage, so the bar moves evenly
 * through the stages and never back.
 */
export function evaluationProgressBar(io: CliIo, settings: Omit<ProgressSettings, "unit"> = {}): EvaluationProgressBar {
  if (!showsProgress(io, settings)) return { phase: () => undefined, onProgress: () => undefined, stop: () => undefined };
  let bar: Progress | undefined;
  let steps = 0;
  let phaseShown = false;
  // The current stage, for the count and the rate (options a second through this stage).
  let current: EvaluationProgress | undefined;
  let stageStart = 0;
  const display: Display = {
    count: () => (current === undefined ? "" : `${current.done}/${current.total} options · ${current.stage} (stage ${current.stageIndex + 1} of ${current.stages})`),
    rate: () => {
      const t = (Date.now() - stageStart) / 1000;
      return current === undefined || current.done === 0 || t < 0.5 ? undefined : perSecond(current.done / t, " options");
    },
  };
  const clearPhase = (): void => {
    if (phaseShown) io.progressStream!.write("\r\x1b[2K");
    phaseShown = false;
  };
  return {
    phase: (label) => {
      if (bar !== undefined) return;
      io.progressStream!.write(`\r\x1b[2K${label}`);
      phaseShown = true;
    },
    onProgress: (p) => {
      if (bar === undefined || steps !== p.total * p.stages) {
        // A new run (a catalogue re-evaluated without rows the evaluation rejected) starts a new bar.
        bar?.stop();
        clearPhase();
        steps = p.total * p.stages;
        bar = progressBar(io, steps, settings, display);
      }
      if (current?.stage !== p.stage) stageStart = Date.now();
      current = p;
      bar.update(p.stageIndex * p.total + p.done, "");
    },
    stop: () => {
      bar?.stop();
      clearPhase();
    },
  };
}
