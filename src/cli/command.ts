import type { CliIo } from "./io.js";

/** Process exit codes of the `vbp` CLI. */
export const EXIT = Object.freeze({
  /** Success. */
  ok: 0,
  /** The input is invalid (schema issues, invalid JSON, too large): every issue is printed to stderr. */
  invalidInput: 1,
  /** The command line is wrong: unknown command or flag, missing or unreadable file. */
  usage: 2,
  /** Done, but some input rows or options were excluded (each reported on stderr with its line or id). */
  excluded: 3,
  /** A bug: an unexpected error inside the library (please report it). */
  internal: 4,
});

/**
 * One `vbp` sub-command. To add a command, write `src/cli/commands/<name>.ts` exporting a CliCommand and add
 * it to the registry in `src/cli/commands/index.ts`; `main.ts` dispatches by name.
 */
export interface CliCommand {
  /** The word typed after `vbp`. */
  readonly name: string;
  /** One line for `vbp --help`. */
  readonly summary: string;
  /** Full help text for `vbp <name> --help`. */
  readonly help: string;
  /** Runs the command on the arguments after its name; resolves to an exit code from {@link EXIT}. */
  readonly run: (argv: readonly string[], io: CliIo) => Promise<number>;
}

/** A command-line mistake: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
