import { UsageError } from "./command.js";
import type { CliIo, OutputFile } from "./io.js";

/**
 * Takes `-o <file>` / `--output <file>` / `--output=<file>` out of a command's arguments (any command), so
 * each command writes to `io.stdout` and the file is handled in one place.
 */
export function takeOutputOption(argv: readonly string[]): { readonly argv: readonly string[]; readonly output?: string } {
  const rest: string[] = [];
  let output: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === "--") {
      rest.push(...argv.slice(i));
      break;
    }
    let value: string | undefined;
    if (a === "-o" || a === "--output") {
      value = argv[i + 1];
      if (value === undefined || value === "") throw new UsageError(`${a} needs a file name`);
      i++;
    } else if (a.startsWith("--output=")) value = a.slice("--output=".length);
    else {
      rest.push(a);
      continue;
    }
    if (value === "") throw new UsageError("--output needs a file name");
    if (output !== undefined) throw new UsageError("give -o/--output once");
    output = value;
  }
  return output === undefined ? { argv: rest } : { argv: rest, output };
}

/** The io with standard output sent to a file (opened before the command runs, closed after). */
export async function withOutputFile(io: CliIo, path: string): Promise<{ readonly io: CliIo; readonly file: OutputFile }> {
  if (io.openOutput === undefined) throw new UsageError("-o/--output cannot write files here");
  let file: OutputFile;
  try {
    file = await io.openOutput(path);
  } catch (e) {
    throw new UsageError(`cannot write ${path}: ${(e as Error).message}`);
  }
  // The results go to the file, so a bar on the terminal disturbs nothing.
  return { io: { ...io, stdout: file.write, stdoutBytes: file.write, stdoutIsPipe: false }, file };
}
