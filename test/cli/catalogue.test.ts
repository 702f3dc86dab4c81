import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { BlockWriter, writeJson } from "../../src/cli/stream.js";
import { evaluate } from "../../src/index.js";
import { catalogueDoc } from "../evaluate/helpers.js";
import { memoryIo } from "./helpers.js";

describe("vbp evaluate on a catalogue", () => {
  const doc = catalogueDoc(20);
  doc.options[3].price = "-5"; // p2
  doc.options[7].lifecycle.items[0].unitCost = "-12.5"; // p6
  const files = { "catalogue.json": JSON.stringify(doc) };

  it("exits 3 when options were excluded, prints each on stderr with its rule, and evaluates the rest", async () => {
    const io = memoryIo(files);
    expect(await run(["evaluate", "catalogue.json", "-f", "csv"], io)).toBe(3);
    expect(io.err()).toContain("catalogue.json: 2 invalid options excluded (the others were evaluated):");
    expect(io.err()).toContain("  p2 (options[3]): options[3].price: must be > 0, got -5");
    expect(io.err()).toContain("  p6 (options[7]): options[7].lifecycle.items[0].unitCost: must be ≥ 0, got -12.5");
    const lines = io.out().trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 19); // header + 18 bids + the comparator
  });

  it("--format ndjson: one line per ranked row, then one per excluded option", async () => {
    const io = memoryIo(files);
    expect(await run(["evaluate", "catalogue.json", "-f", "ndjson"], io)).toBe(3);
    const rows = io.out().trimEnd().split("\n").map((l) => JSON.parse(l));
    expect(rows).toHaveLength(19 + 2);
    expect(rows.slice(-2).map((r) => [r.status, r.optionId, r.index])).toEqual([
      ["invalid", "p2", 3],
      ["invalid", "p6", 7],
    ]);
  });

  it("--fail-invalid fails the run with every problem (exit 1); a clean catalogue exits 0", async () => {
    const io = memoryIo(files);
    expect(await run(["evaluate", "catalogue.json", "--fail-invalid", "-f", "csv"], io)).toBe(1);
    expect(io.err()).toContain("options[3].price");
    expect(io.err()).toContain("options[7].lifecycle.items[0].unitCost");
    const clean = memoryIo({ "clean.json": JSON.stringify(catalogueDoc(5)) });
    expect(await run(["evaluate", "clean.json", "-f", "csv"], clean)).toBe(0);
  });

  it("streamed JSON is exactly JSON.stringify(result, null, 2), written in blocks", () => {
    const result = evaluate(catalogueDoc(30), { detail: "full" });
    const blocks: string[] = [];
    const out = new BlockWriter((t) => blocks.push(t));
    writeJson(out, result);
    out.flush();
    expect(blocks.join("")).toBe(JSON.stringify(result, null, 2));
    expect(blocks.length).toBeGreaterThan(1);
    for (const b of blocks) expect(b.length).toBeLessThan(70 * 1024);
  });
});
