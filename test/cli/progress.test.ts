import { readFileSync } from "node:fs";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import type { CliIo } from "../../src/cli/io.js";
import { catalogueDoc } from "../evaluate/helpers.js";
import { memoryIo } from "./helpers.js";

/** A fake terminal on standard error: collects what a bar draws. */
function terminal(): { stream: PassThrough; drawn: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 160 });
  let drawn = "";
  stream.on("data", (b: Buffer) => (drawn += b.toString()));
  return { stream, drawn: () => drawn };
}

const TENDER = "examples/catalogue/tender.json";
/** The tender's comparator and the first 60 products of the example catalogue, one with a negative price. */
const CSV = (() => {
  const lines = readFileSync("examples/catalogue/catalogue.csv", "utf8").split("\r\n").slice(0, 61);
  lines[5] = lines[5]!.replace(/^(p-0005,[^,]*,[^,]*,)[^,]*/, "$1-1");
  return `${lines.join("\r\n")}\r\n`;
})();

function ttyIo(files: Record<string, string>, extra: Partial<CliIo> = {}) {
  const t = terminal();
  return { io: { ...memoryIo(files), stderrIsTTY: true, progressStream: t.stream, ...extra }, drawn: t.drawn };
}

describe("progress of an evaluation on a terminal", () => {
  it("a catalogue CSV run shows options processed of the total, stage by stage, on standard error only", async () => {
    const { io, drawn } = ttyIo({ "catalogue.csv": CSV });
    expect(await run(["evaluate", TENDER, "--options", "catalogue.csv", "--format", "csv"], io)).toBe(3);
    // The last frame (drawn when the bar stops): every valid option through the last stage. The tender's
    // comparator is an option of the run too: 59 valid rows + 1.
    expect(drawn()).toContain("60/60 options · summaries (stage 8 of 8)");
    expect(drawn()).toContain("checking the rows of catalogue.csv");
    expect(io.out()).not.toMatch(/options ·|stage \d/);
    expect(io.err()).toContain("line 6 (id p-0005) price");
  });

  it("vbp evaluate on a JSON catalogue shows the same bar", async () => {
    const { io, drawn } = ttyIo({ "c.json": JSON.stringify(catalogueDoc(12)) });
    expect(await run(["evaluate", "c.json", "-f", "csv"], io)).toBe(0);
    expect(drawn()).toMatch(/(\d+)\/\1 options · summaries \(stage 8 of 8\)/);
  });

  it("draws nothing when CI is set, when standard error is not a terminal, or when the results are piped", async () => {
    for (const extra of [{ ci: true }, { stderrIsTTY: false }, { stdoutIsPipe: true }]) {
      const { io, drawn } = ttyIo({ "catalogue.csv": CSV }, extra);
      expect(await run(["evaluate", TENDER, "--options", "catalogue.csv", "--format", "csv"], io)).toBe(3);
      expect(drawn()).toBe("");
      expect(io.err()).not.toMatch(/options ·/);
    }
  });

  it("with -o the results go to a file, so a piped standard output does not hide the bar", async () => {
    let written = "";
    const { io, drawn } = ttyIo(
      { "c.json": JSON.stringify(catalogueDoc(8)) },
      { stdoutIsPipe: true, openOutput: async () => ({ write: (c) => void (written += String(c)), close: async () => undefined }) },
    );
    expect(await run(["evaluate", "c.json", "-f", "csv", "-o", "out.csv"], io)).toBe(0);
    expect(drawn()).toMatch(/options · summaries/);
    expect(written).toContain("p1");
  });
});
