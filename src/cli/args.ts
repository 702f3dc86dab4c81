/**
 * The command line of one `vbp` sub-command: its flags parsed strictly (node:util `parseArgs`), a mistake
 * reported as a {@link UsageError}, and the `--format` flag checked against the formats the command writes.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./command.js";

/** A command's flags, as `parseArgs` takes them. */
type Flags = NonNullable<ParseArgsConfig["options"]>;

/**
 * Parses `argv` with the command's `flags`, positionals allowed and unknown flags refused; a malformed
 * command line is a {@link UsageError} (exit code 2) with `parseArgs`'s message.
 */
export function parseCommandArgs<const F extends Flags>(argv: readonly string[], flags: F) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true as const, strict: true as const, options: flags });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** The `--format` value (`fallback` when absent), which must be one of `formats`. */
export function formatFlag<const T extends string>(value: string | undefined, formats: readonly T[], fallback: T): T {
  const format = value ?? fallback;
  if (!(formats as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${formats.join(", ")}, got "${format}"`);
  return format as T;
}
