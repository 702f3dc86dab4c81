/**
 * Output that streams: a large result is written piece by piece, never built as one string (a catalogue's
 * JSON result runs to hundreds of megabytes). Pieces are gathered into blocks of about 64 KB per write.
 *
 * @module
 */
import type { CliIo } from "./io.js";

const BLOCK = 64 * 1024;

/** Collects small pieces into blocks and hands each block to `write`. */
export class BlockWriter {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly write: (text: string) => void) {}
  push(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= BLOCK) this.flush();
  }
  flush(): void {
    if (this.size === 0) return;
    this.write(this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
}

/**
 * Writes `value` as `JSON.stringify(value, null, indent)` would, piece by piece: objects and arrays are
 * walked, so no string larger than one primitive (or one small leaf object) is ever built.
 */
export function writeJson(out: BlockWriter, value: unknown, indent = 2): void {
  const pad = (depth: number): string => " ".repeat(depth * indent);
  const walk = (v: unknown, depth: number): boolean => {
    if (v !== null && typeof v === "object" && typeof (v as { toJSON?: unknown }).toJSON === "function") v = (v as { toJSON: () => unknown }).toJSON();
    if (v === undefined || typeof v === "function" || typeof v === "symbol") return false;
    if (v === null || typeof v !== "object") {
      out.push(JSON.stringify(v) ?? "null");
      return true;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) {
        out.push("[]");
        return true;
      }
      out.push("[\n");
      v.forEach((x, i) => {
        out.push(pad(depth + 1));
        if (!walk(x, depth + 1)) out.push("null");
        out.push(i < v.length - 1 ? ",\n" : "\n");
      });
      out.push(`${pad(depth)}]`);
      return true;
    }
    const keys = Object.keys(v).filter((k) => {
      const x = (v as Record<string, unknown>)[k];
      return x !== undefined && typeof x !== "function" && typeof x !== "symbol";
    });
    if (keys.length === 0) {
      out.push("{}");
      return true;
    }
    out.push("{\n");
    keys.forEach((k, i) => {
      out.push(`${pad(depth + 1)}${JSON.stringify(k)}: `);
      walk((v as Record<string, unknown>)[k], depth + 1);
      out.push(i < keys.length - 1 ? ",\n" : "\n");
    });
    out.push(`${pad(depth)}}`);
    return true;
  };
  walk(value, 0);
}

/** Writes a value as streamed JSON followed by a newline. */
export function streamJson(io: CliIo, value: unknown): void {
  const out = new BlockWriter(io.stdout);
  writeJson(out, value);
  out.push("\n");
  out.flush();
}

/** Writes one JSON line per row (NDJSON). */
export function streamNdjson(io: CliIo, rows: Iterable<unknown>): void {
  const out = new BlockWriter(io.stdout);
  for (const r of rows) out.push(`${JSON.stringify(r)}\n`);
  out.flush();
}

/** Writes RFC 4180 CSV row by row (CRLF line ends; quotes where needed). */
export function streamCsv(io: CliIo, headers: readonly string[], rows: Iterable<readonly string[]>): void {
  const cell = (c: string) => (/[",\r\n]|^\s|\s$/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  const out = new BlockWriter(io.stdout);
  out.push(`${headers.map(cell).join(",")}\r\n`);
  for (const r of rows) out.push(`${r.map(cell).join(",")}\r\n`);
  out.flush();
}
