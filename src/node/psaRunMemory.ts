/**
 * The memory one run of the PSA pool shares with its workers (Node only): one `SharedArrayBuffer` that holds the
 * run's control words, every option's summaries and the per-draw columns. The pool keeps it for its next runs
 * and each worker keeps it once sent, so a run neither allocates nor sends it again. Workers take blocks of draws by an
 * atomic counter and write their draws straight into the columns, so no block is sent, copied or placed by the
 * pool's thread, and no worker waits for that thread between blocks. Once every block is written, the workers
 * summarise the columns between them (the same `summariseDraws` on the same draws in the same order as one
 * thread, so the same bits).
 *
 * @module
 */
import type { DrawSummary } from "../uncertainty/summary.js";
import type { DrawColumns } from "../uncertainty/psa.js";

/** Index of the control word set to 1 when the run is cancelled (workers stop at their next chunk). */
export const CANCELLED = 0;
/** Index of the control word set to 1 when a worker failed (the others stop too). */
export const FAILED = 1;
/** Index of the next block to take. */
export const NEXT_BLOCK = 2;
/** Index of the number of blocks written (workers wait on it before summarising). */
export const BLOCKS_DONE = 3;
/** Index of the next column to summarise. */
export const NEXT_SUMMARY = 4;
/** Control words (a multiple of 2, so the Float64 parts after them stay aligned). */
const CONTROL_WORDS = 6;

/** The outcome columns of each option, in this order. */
export const OUTCOMES = ["costs", "qalys", "lifeYears", "carbonKg"] as const;

/** The numbers of one summary, in the order `summariseDraws` gives them. */
const SUMMARY_FIELDS = ["n", "mean", "sd", "mcse", "median", "lower", "upper"] as const;

/** The shape of a run's shared memory. */
export interface RunShape {
  /** Drawn parameters. */
  readonly parameters: number;
  /** Options. */
  readonly options: number;
  /** Draws of the run. */
  readonly count: number;
}

/** Views of a run's shared memory. */
export interface RunMemory {
  /** Control words (see the indices above), for `Atomics`. */
  readonly control: Int32Array;
  /** The per-draw columns. */
  readonly columns: DrawColumns;
  /** Summaries: column c (option ⌊c / 4⌋, outcome c mod 4) at `[c × 7, c × 7 + 7)`. */
  readonly summaries: Float64Array;
}

/** Bytes of shared memory a run needs. */
export function runBytes(shape: RunShape): number {
  const floats = shape.options * OUTCOMES.length * SUMMARY_FIELDS.length + (shape.parameters + shape.options * OUTCOMES.length) * shape.count;
  return CONTROL_WORDS * 4 + floats * 8 + shape.count;
}

/**
 * Views of a run's shared memory (at least {@link runBytes} long), in this thread. Only the control words need
 * clearing before a run: blocks write every draw of every column, and the workers every summary.
 */
export function runMemory(buffer: SharedArrayBuffer, shape: RunShape): RunMemory {
  const { parameters: k, options, count } = shape;
  const control = new Int32Array(buffer, 0, CONTROL_WORDS);
  let at = CONTROL_WORDS * 4;
  const floats = (n: number): Float64Array => {
    const view = new Float64Array(buffer, at, n);
    at += n * 8;
    return view;
  };
  const summaries = floats(options * OUTCOMES.length * SUMMARY_FIELDS.length);
  const params = floats(k * count);
  const outcomes = Array.from({ length: options }, () => ({ costs: floats(count), qalys: floats(count), lifeYears: floats(count), carbonKg: floats(count) }));
  const valid = new Uint8Array(buffer, at, count);
  return { control, columns: { parameters: params, options: outcomes, valid }, summaries };
}

/** Writes the summary of column `c`. */
export function writeSummary(summaries: Float64Array, c: number, s: DrawSummary): void {
  SUMMARY_FIELDS.forEach((f, i) => (summaries[c * SUMMARY_FIELDS.length + i] = s[f]));
}

/** Reads the summary of column `c` (the same fields in the same order as `summariseDraws` gives them). */
export function readSummary(summaries: Float64Array, c: number): DrawSummary {
  const at = c * SUMMARY_FIELDS.length;
  return { n: summaries[at]!, mean: summaries[at + 1]!, sd: summaries[at + 2]!, mcse: summaries[at + 3]!, median: summaries[at + 4]!, lower: summaries[at + 5]!, upper: summaries[at + 6]! };
}

/**
 * Where the blocks of a run start (and, last, its end), in draws from the run's start: whole chunks, in "guided"
 * order, each block 1/(2 × workers) of the chunks still left and at least one, so the first blocks are large and
 * the last single chunks, and the workers finish within about a chunk of each other. Every chunk but the run's
 * last has the same size, as in a single-thread run: the engine keeps its registers from chunk to chunk for one
 * number of draws, and a chunk of another size would build them afresh (garbage that brings full collections).
 */
export function blockStarts(count: number, chunkSize: number, workers: number): number[] {
  const starts: number[] = [];
  for (let off = 0, left = Math.ceil(count / chunkSize); left > 0; ) {
    starts.push(off);
    const take = Math.max(1, Math.floor(left / (2 * workers)));
    left -= take;
    off = Math.min(count, off + take * chunkSize);
  }
  starts.push(count);
  return starts;
}
