import { closeSync, fstatSync, openSync, writeSync } from "node:fs";
import { readFile, stat, writeFile } from "node:fs/promises";
import { resolve } from "node:path";

/**
 * What a command may touch: output streams, standard input, and files. Injected so the CLI can be tested
 * without child processes; {@link nodeIo} is the real thing.
 */
export interface CliIo {
  /** Writes to standard output. */
  readonly stdout: (text: string) => void;
  /**
   * Writes bytes (an XLSX workbook) to standard output; absent when standard output is a terminal, where
   * bytes would be garbage (the output then needs `-o <file>`).
   */
  readonly stdoutBytes?: (bytes: Uint8Array) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /** Reads all of standard input, failing with {@link InputTooLargeError} past `maxBytes`. */
  readonly readStdin: (maxBytes: number) => Promise<string>;
  /** Reads a UTF-8 file, checking its size against `maxBytes` before reading. */
  readonly readFile: (path: string, maxBytes: number) => Promise<string>;
  /** Reads a file's bytes (an XLSX workbook), checking its size against `maxBytes` before reading. */
  readonly readFileBytes?: (path: string, maxBytes: number) => Promise<Uint8Array>;
  /** Opens a file for the output (`-o/--output`); absent where the CLI may not write files. */
  readonly openOutput?: (path: string) => Promise<OutputFile>;
  /** Whether standard error is a terminal (progress is shown only then). */
  readonly stderrIsTTY?: boolean;
  /** Draws progress on standard error (a terminal); absent means no progress is shown. */
  readonly progressStream?: NodeJS.WritableStream;
  /** Whether standard output is a pipe into another program (`vbp … | head`): no progress is drawn then. */
  readonly stdoutIsPipe?: boolean;
  /** Whether the CI environment variable is set (a build log): no progress is drawn then. */
  readonly ci?: boolean;
  /** Writes a UTF-8 file (commands that write files, such as `vbp report --html`); absent in read-only hosts. */
  readonly writeFile?: (path: string, text: string) => Promise<void>;
}

/** An output file being written: text in order, then closed (flushed) before the command's exit. */
export interface OutputFile {
  /** Appends text, or bytes (an XLSX workbook). */
  readonly write: (chunk: string | Uint8Array) => void;
  /** Flushes and closes; rejects if the file could not be written. */
  readonly close: () => Promise<void>;
}

/** The input is larger than the allowed number of bytes. */
export class InputTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`input is ${bytes} bytes, more than the limit of ${limit} bytes (raise it with --max-bytes)`);
    this.name = "InputTooLargeError";
  }
}

/** The file does not exist or cannot be read (a usage error). */
export class FileUnreadableError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`cannot read ${path}: ${reason}`);
    this.name = "FileUnreadableError";
  }
}

function decode(bytes: Uint8Array): string {
  const text = new TextDecoder("utf-8").decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Reads a whole stream of byte chunks, stopping as soon as it passes `maxBytes`. */
export async function readLimited(chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, maxBytes: number): Promise<string> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
    total += bytes.byteLength;
    if (total > maxBytes) throw new InputTooLargeError(total, maxBytes);
    parts.push(bytes);
  }
  const all = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.byteLength;
  }
  return decode(all);
}

const PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes all of `chunk` to the file descriptor before returning, waiting (1 ms at a time) while a pipe is full.
 * Output is written as it is produced and never queued in memory: `process.stdout.write` to a pipe, and a
 * file stream, hold every chunk the reader has not taken yet, so a command that writes a catalogue's ledger
 * (gigabytes) in one synchronous pass would hold all of it until the end.
 */
function writeAllSync(fd: number, chunk: string | Uint8Array): void {
  const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
  let at = 0;
  while (at < bytes.byteLength) {
    try {
      at += writeSync(fd, bytes, at, bytes.byteLength - at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      Atomics.wait(PAUSE, 0, 0, 1);
    }
  }
}

/**
 * Standard output, written synchronously (see {@link writeAllSync}), that stops quietly when the reader goes
 * away (`vbp … | head`): the EPIPE error is caught once, further output is dropped, and the command ends with
 * its own exit code instead of a stack trace.
 */
function quietPipeStdout(): (chunk: string | Uint8Array) => void {
  let closed = false;
  return (chunk) => {
    if (closed) return;
    try {
      writeAllSync(1, chunk);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EPIPE") closed = true;
      else throw e;
    }
  };
}

/** Checks a file before reading it: it exists, is a file, and is at most `maxBytes`. */
async function checkedPath(path: string, maxBytes: number): Promise<string> {
  const full = resolve(path);
  let size: number;
  try {
    const s = await stat(full);
    if (!s.isFile()) throw new FileUnreadableError(path, "not a file");
    size = s.size;
  } catch (e) {
    if (e instanceof FileUnreadableError) throw e;
    throw new FileUnreadableError(path, (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String((e as Error).message));
  }
  if (size > maxBytes) throw new InputTooLargeError(size, maxBytes);
  return full;
}

async function readBytes(path: string, maxBytes: number): Promise<Uint8Array> {
  const full = await checkedPath(path, maxBytes);
  try {
    return await readFile(full);
  } catch (e) {
    throw new FileUnreadableError(path, String((e as Error).message));
  }
}

/** Whether a file descriptor is a pipe (or socket), as standard output is in `vbp … | head`. */
function isPipe(fd: number): boolean {
  try {
    const s = fstatSync(fd);
    return s.isFIFO() || s.isSocket();
  } catch {
    return false;
  }
}

/** The real Node.js streams and file system. */
export function nodeIo(): CliIo {
  const stdout = quietPipeStdout();
  return {
    stdout,
    ...(process.stdout.isTTY === true ? {} : { stdoutBytes: stdout }),
    stderrIsTTY: process.stderr.isTTY === true,
    progressStream: process.stderr,
    stdoutIsPipe: isPipe(1),
    ci: process.env.CI !== undefined && process.env.CI !== "" && process.env.CI !== "false" && process.env.CI !== "0",
    openOutput: async (path) => {
      let fd: number;
      try {
        fd = openSync(resolve(path), "w");
      } catch (e) {
        throw new FileUnreadableError(path, (e as Error).message);
      }
      // Written synchronously as produced (see writeAllSync): memory stays flat however large the output.
      let failure: Error | undefined;
      return {
        write: (chunk) => {
          if (failure !== undefined) return;
          try {
            writeAllSync(fd, chunk);
          } catch (e) {
            failure = e as Error;
          }
        },
        close: async () => {
          closeSync(fd);
          if (failure !== undefined) throw failure;
        },
      };
    },
    stderr: (text) => void process.stderr.write(text),
    readStdin: (maxBytes) => readLimited(process.stdin, maxBytes),
    readFile: async (path, maxBytes) => decode(await readBytes(path, maxBytes)),
    readFileBytes: readBytes,
    writeFile: (path, text) => writeFile(resolve(path), text, "utf8"),
  };
}
