import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { memoryIo } from "./helpers.js";

const TENDER = "examples/catalogue/tender.json";
const CATALOGUE = readFileSync("examples/catalogue/catalogue.csv", "utf8");

/** The example catalogue (1,000 products) with three rows broken in three different ways. */
function catalogueWithThreeBadRows(): string {
  const lines = CATALOGUE.split("\r\n");
  // File line n is lines[n - 1]; line 1 is the header.
  lines[41] = lines[41]!.replace(/^(p-0041,[^,]*,[^,]*,)[^,]*/, "$1-12.50"); // line 42: negative price
  lines[500] = lines[500]!.replace(/^p-0500,[^,]*,/, "p-0500,,"); // line 501: no supplier
  lines[877] = lines[877]!.replace(/^(p-0877(,[^,]*){7}),[^,]*/, "$1,lots"); // line 878: carbon:embodied not a number
  return lines.join("\r\n");
}

describe("vbp evaluate <tender.json> --options <catalogue.csv>", () => {
  it("3 bad rows among 1,000: 997 evaluated, 3 reported by line and id with the rule broken, exit 3", async () => {
    const io = memoryIo({ "catalogue.csv": catalogueWithThreeBadRows() });
    const code = await run(["evaluate", TENDER, "--options", "catalogue.csv", "--format", "json"], io);
    const err = io.err().trim().split("\n");
    expect(err).toEqual([
      "catalogue.csv: 3 of 1000 rows excluded, 997 evaluated",
      "catalogue.csv: line 42 (id p-0041) price: must be > 0, got -12.50",
      "catalogue.csv: line 501 (id p-0500) supplier: is required (string)",
      'catalogue.csv: line 878 (id p-0877) carbon:embodied: must be a decimal number ≥ 0 (kgCO2e per patient), got "lots"',
    ]);
    expect(code).toBe(3);
    const out = JSON.parse(io.out());
    expect(out.rows).toBe(1000);
    expect(out.evaluated).toBe(997);
    expect(out.excluded.map((x: { line: number; id: string }) => [x.line, x.id])).toEqual([
      [42, "p-0041"],
      [501, "p-0500"],
      [878, "p-0877"],
    ]);
    // Every valid product is in the ranking (plus the tender's comparator); none of the bad ones is.
    const ids = new Set(out.result.ranking.map((r: { optionId: string }) => r.optionId));
    expect(ids.size).toBe(998);
    for (const bad of ["p-0041", "p-0500", "p-0877"]) expect(ids.has(bad)).toBe(false);
  }, 900_000);

  it("an unknown column refuses the file (exit 1), naming the column", async () => {
    const io = memoryIo({ "c.csv": "id,supplier,label,prise\np-1,A,B,1\n" });
    expect(await run(["evaluate", TENDER, "--options", "c.csv"], io)).toBe(1);
    expect(io.err()).toContain("c.csv: line 1 prise: unknown column");
    expect(io.err()).toContain("c.csv: line 1 price: required column is missing");
    expect(io.out()).toBe("");
  });
});

describe("vbp template", () => {
  it("prints each layout's template; the catalogue template reads back without a problem", async () => {
    for (const layout of ["catalogue", "lifecycle-lines", "evaluator-scores"]) {
      const io = memoryIo();
      expect(await run(["template", layout], io)).toBe(0);
      expect(io.out().split("\r\n").length).toBeGreaterThan(2);
    }
    const io = memoryIo();
    await run(["template", "catalogue"], io);
    const { readCatalogueCsv } = await import("../../src/interop/index.js");
    const back = readCatalogueCsv(io.out());
    expect(back.problems).toEqual([]);
    expect(back.options.map((o) => o.id)).toEqual(["p-0001", "p-0002"]);
  });

  it("--guide prints the column guide; an unknown layout is a usage error", async () => {
    const io = memoryIo();
    expect(await run(["template", "catalogue", "--guide"], io)).toBe(0);
    expect(io.out()).toContain("| `effect:<op>:<target>` | no |");
    const bad = memoryIo();
    expect(await run(["template", "nope"], bad)).toBe(2);
  });
});
