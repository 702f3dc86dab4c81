import { readFileSync } from "node:fs";
import { FileUnreadableError, InputTooLargeError, readLimited, type CliIo } from "../../src/cli/io.js";

/** An in-memory CliIo: files from a map (or the real example files), stdin from a string, captured output. */
export function memoryIo(files: Record<string, string> = {}, stdin = ""): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    readStdin: (max) => readLimited([new TextEncoder().encode(stdin)], max),
    readFile: async (path, max) => {
      let text = files[path];
      if (text === undefined) {
        try {
          text = readFileSync(path, "utf8");
        } catch {
          throw new FileUnreadableError(path, "no such file");
        }
      }
      const bytes = new TextEncoder().encode(text).byteLength;
      if (bytes > max) throw new InputTooLargeError(bytes, max);
      return text;
    },
    out: () => out,
    err: () => err,
  };
}
