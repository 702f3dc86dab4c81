import { EXIT, UsageError, type CliCommand } from "./command.js";
import { COMMANDS } from "./commands/index.js";
import { InvalidInputError } from "./input.js";
import { nodeIo, type CliIo } from "./io.js";
import { VERSION } from "./version.js";
import { VbpInputError } from "../errors/VbpInputError.js";
import { formatIssue } from "../errors/issue.js";
import { takeOutputOption, withOutputFile } from "./output.js";

function mainHelp(commands: Readonly<Record<string, CliCommand>>): string {
  const names = Object.keys(commands);
  const widest = Math.max(0, ...names.map((n) => n.length));
  const list = names.map((n) => `  ${n.padEnd(widest)}  ${commands[n]!.summary}`).join("\n");
  return `vbp ${VERSION}: value-based procurement of medical technology

Usage: vbp <command> [arguments] [options]

Commands:
${list}

Options:
  -h, --help           show this help (vbp <command> --help for a command's own)
  -v, --version        print the version
  -o, --output <file>  write the command's output to a file instead of standard output (any command)

Exit codes: 0 ok, 1 invalid input, 2 usage error, 3 done but some rows or options excluded (each reported),
4 internal error.
`;
}

/**
 * Runs the `vbp` command line: dispatches `argv[0]` to a registered command and resolves to the exit code.
 * Never calls `process.exit`, so it can be tested with an injected {@link CliIo}.
 *
 * @param argv - arguments after the program name, e.g. `["lifecycle", "doc.json", "--format", "csv"]`
 * @param io - streams and files (default: the real process)
 * @param commands - the command registry (default: every built-in command)
 */
export async function run(argv: readonly string[], io: CliIo = nodeIo(), commands: Readonly<Record<string, CliCommand>> = COMMANDS): Promise<number> {
  const [first, ...rest] = argv;
  if (first === "-h" || first === "--help" || first === "help") {
    io.stdout(mainHelp(commands));
    return EXIT.ok;
  }
  if (first === "-v" || first === "--version") {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (first === undefined) {
    io.stderr(mainHelp(commands));
    return EXIT.usage;
  }
  const command = Object.prototype.hasOwnProperty.call(commands, first) ? commands[first] : undefined;
  if (command === undefined) {
    io.stderr(`vbp: ${first.startsWith("-") ? `unknown option "${first}"` : `unknown command "${first}"`}; commands: ${Object.keys(commands).join(", ")} (vbp --help)\n`);
    return EXIT.usage;
  }
  let file: Awaited<ReturnType<typeof withOutputFile>>["file"] | undefined;
  try {
    const taken = takeOutputOption(rest);
    let commandIo = io;
    if (taken.output !== undefined) {
      const opened = await withOutputFile(io, taken.output);
      commandIo = opened.io;
      file = opened.file;
    }
    const code = await command.run(taken.argv, commandIo);
    if (file !== undefined) {
      const f = file;
      file = undefined;
      await f.close();
    }
    return code;
  } catch (e) {
    if (file !== undefined) await file.close().catch(() => undefined);
    if (e instanceof UsageError) {
      io.stderr(`vbp ${command.name}: ${e.message}\nRun "vbp ${command.name} --help" for usage.\n`);
      return EXIT.usage;
    }
    if (e instanceof InvalidInputError) {
      for (const line of e.lines) io.stderr(`${e.label}: ${line}\n`);
      return EXIT.invalidInput;
    }
    if (e instanceof VbpInputError) {
      for (const issue of e.issues) io.stderr(`${formatIssue(issue)}\n`);
      return EXIT.invalidInput;
    }
    io.stderr(`vbp ${command.name}: internal error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.internal;
  }
}
