import { UsageError } from "./command.js";
import type { CliIo } from "./io.js";

/** Fails early (before any work) when an XLSX workbook has nowhere to go: standard output is a terminal. */
export function workbookSink(io: CliIo): (bytes: Uint8Array) => void {
  if (io.stdoutBytes === undefined) throw new UsageError("--format xlsx writes a workbook: give -o <file.xlsx>, or redirect standard output to a file");
  return io.stdoutBytes;
}

/** Whether a file name names an XLSX workbook (by its extension). */
export function isXlsxPath(path: string): boolean {
  return /\.xlsx$/i.test(path);
}
