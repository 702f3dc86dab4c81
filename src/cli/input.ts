import { parseArgs } from "node:util";
import { OUTPUT_FORMATS, type OutputFormat } from "./format.js";
import type { VbpIssue } from "../errors/issue.js";
import { formatIssue } from "../errors/issue.js";
import { EXIT, UsageError } from "./command.js";
import { FileUnreadableError, InputTooLargeError, type CliIo } from "./io.js";

/** Default input size limit: 20 MB. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Input that cannot be used, with one line per problem; exit code 1. */
export class InvalidInputError extends Error {
  constructor(
    readonly label: string,
    readonly lines: readonly string[],
  ) {
    super(`${label}: ${lines.join("; ")}`);
    this.name = "InvalidInputError";
  }
}

/** Parses the `--max-bytes` value: a whole number of bytes ≥ 1. */
export function parseMaxBytes(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_BYTES;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new UsageError(`--max-bytes must be a whole number of bytes ≥ 1, got "${value}"`);
  }
  return Number(value);
}

/** Line and column (1-based) of a character offset in a text. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastBreak = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lastBreak = i;
    }
  }
  return { line, column: offset - lastBreak };
}

/** Parses JSON text, reporting a syntax error with its line, column and character position. */
export function parseJsonText(text: string, label: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const offset = at !== null ? Number(at[1]) : text.length;
    const { line, column } = lineColumn(text, offset);
    const reason = message.replace(/ in JSON at position \d+.*$/, "").replace(/^JSON\.parse: /, "");
    throw new InvalidInputError(label, [`invalid JSON at line ${line}, column ${column} (position ${offset}): ${reason}`]);
  }
}

/** Reads a JSON document from a file path or `-` (standard input), within the size limit. */
export async function readJsonInput(path: string, io: CliIo, maxBytes: number): Promise<unknown> {
  const label = path === "-" ? "<stdin>" : path;
  let text: string;
  try {
    text = path === "-" ? await io.readStdin(maxBytes) : await io.readFile(path, maxBytes);
  } catch (e) {
    if (e instanceof InputTooLargeError) throw new InvalidInputError(label, [e.message]);
    if (e instanceof FileUnreadableError) throw new UsageError(e.message);
    throw e;
  }
  return parseJsonText(text, label);
}

/** Prints every issue as `path: message` on its own line of stderr, after a one-line summary. */
export function reportIssues(io: CliIo, label: string, issues: readonly VbpIssue[]): number {
  io.stderr(`${label}: ${issues.length === 1 ? "1 problem" : `${issues.length} problems`}\n`);
  for (const issue of issues) io.stderr(`${formatIssue(issue)}\n`);
  return EXIT.invalidInput;
}

/** What a document command (`vbp lifecycle`, `vbp evaluate`) was asked to do. */
export interface DocumentCommandArgs {
  /** Output format (`--format`, default table); `"ndjson"` and `"xlsx"` where the command accepts them. */
  readonly format: OutputFormat | "ndjson" | "xlsx";
  /** The parsed JSON document. */
  readonly json: unknown;
  /** The input as named in messages (`<stdin>` for `-`). */
  readonly label: string;
  /** Boolean flags given (`--ledger`, `--summaries`, …). */
  readonly flags: Readonly<Record<string, boolean>>;
  /** Valued options given (`--seed 7`, …), as typed. */
  readonly values?: Readonly<Record<string, string>>;
}

/**
 * Parses the arguments every document command shares — one file (or `-`), `--format`, `--max-bytes`,
 * `--help` — plus the command's own boolean flags, and reads the document. Returns an exit code when
 * `--help` was answered.
 */
export async function readDocumentCommand(
  argv: readonly string[],
  io: CliIo,
  command: { readonly name: string; readonly help: string; readonly booleanFlags: readonly string[]; readonly formats?: readonly string[]; readonly stringOptions?: readonly string[] },
): Promise<DocumentCommandArgs | number> {
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = {
    format: { type: "string", short: "f" },
    "max-bytes": { type: "string" },
    help: { type: "boolean", short: "h" },
  };
  for (const flag of command.booleanFlags) options[flag] = { type: "boolean" };
  for (const name of command.stringOptions ?? []) options[name] = { type: "string" };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help === true) {
    io.stdout(command.help);
    return EXIT.ok;
  }
  const format = (values.format ?? "table") as OutputFormat | "ndjson" | "xlsx";
  const formats: readonly string[] = command.formats ?? OUTPUT_FORMATS;
  if (!formats.includes(format)) throw new UsageError(`--format must be one of ${formats.join(", ")}, got "${String(values.format)}"`);
  if (positionals.length === 0) throw new UsageError(`missing the document to evaluate: vbp ${command.name} <file.json | ->`);
  if (positionals.length > 1) throw new UsageError(`expected one document, got ${positionals.length}: ${positionals.join(" ")}`);
  const path = positionals[0]!;
  const maxBytes = parseMaxBytes(typeof values["max-bytes"] === "string" ? values["max-bytes"] : undefined);
  const json = await readJsonInput(path, io, maxBytes);
  const flags: Record<string, boolean> = {};
  for (const flag of command.booleanFlags) flags[flag] = values[flag] === true;
  const given: Record<string, string> = {};
  for (const name of command.stringOptions ?? []) if (typeof values[name] === "string") given[name] = values[name] as string;
  return { format, json, label: path === "-" ? "<stdin>" : path, flags, values: given };
}
