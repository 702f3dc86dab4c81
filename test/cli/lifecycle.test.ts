import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { evaluateLifecycle } from "../../src/index.js";
import pkg from "../../package.json" with { type: "json" };
import { memoryIo } from "./helpers.js";
import { ledgerTable } from "../../src/cli/commands/lifecycle.js";
import { renderCsv } from "../../src/cli/format.js";

const EXAMPLE = "examples/lifecycle/imaging-systems.json";
const exampleText = readFileSync(EXAMPLE, "utf8");

describe("vbp (global)", () => {
  it("--version prints the package version", async () => {
    const io = memoryIo();
    expect(await run(["--version"], io)).toBe(0);
    expect(io.out()).toBe(`${pkg.version}\n`);
  });
  it("--help lists the commands; no command is a usage error", async () => {
    const io = memoryIo();
    expect(await run(["--help"], io)).toBe(0);
    expect(io.out()).toContain("lifecycle");
    const none = memoryIo();
    expect(await run([], none)).toBe(2);
    expect(none.err()).toContain("Usage: vbp <command>");
  });
  it("unknown command or option: exit 2", async () => {
    const io = memoryIo();
    expect(await run(["evaluat"], io)).toBe(2);
    expect(io.err()).toContain('unknown command "evaluat"');
    expect(await run(["--frobnicate"], io)).toBe(2);
  });
});

describe("vbp lifecycle", () => {
  it("prints an aligned table of options with whole-life cost, NPC, EAC, per use and payback", async () => {
    const io = memoryIo();
    expect(await run(["lifecycle", EXAMPLE], io)).toBe(0);
    const out = io.out();
    expect(out).toContain("Whole-life cost");
    expect(out).toContain("£3,133,000.00");
    expect(out).toContain("£2,941,500.00");
    expect(out).toContain("CT scanner A (illustrative) (comparator)");
    expect(out).toMatch(/Discounting: NICE reference case 3\.5% \(nice-3\.5\), start of period/);
    // Columns are aligned: every data line of the table has the same length as its rule line.
    const lines = out.split("\n");
    const rule = lines.findIndex((l) => /^-+ {2}-+/.test(l));
    expect(lines[rule + 1]!.length).toBeLessThanOrEqual(lines[rule]!.length);
    expect(io.err()).toBe("");
  });

  it("--format json prints the full result; with --ledger it includes every cash flow", async () => {
    const io = memoryIo();
    expect(await run(["lifecycle", EXAMPLE, "--format", "json", "--ledger"], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual(evaluateLifecycle(JSON.parse(exampleText)));
    const lean = memoryIo();
    await run(["lifecycle", EXAMPLE, "-f", "json"], lean);
    expect(JSON.parse(lean.out()).ledger).toBeUndefined();
  });

  it("--format csv keeps every digit; --ledger csv prints one record per cash flow", async () => {
    const io = memoryIo();
    expect(await run(["lifecycle", EXAMPLE, "--format", "csv"], io)).toBe(0);
    const records = io.out().split("\r\n");
    expect(records[0]).toBe("Option,Supplier,Whole-life cost,Net present cost,EAC,Per use (NPC),Payback,Payback (disc.),Currency");
    expect(records[2]).toMatch(/^CT scanner B \(illustrative\),Supplier B \(illustrative\),2941500,/);
    const ledger = memoryIo();
    await run(["lifecycle", EXAMPLE, "--format", "csv", "--ledger"], ledger);
    const rows = ledger.out().trimEnd().split("\r\n");
    const result = evaluateLifecycle(JSON.parse(exampleText));
    expect(rows.length).toBe(1 + result.ledger!.length);
  });

  it("--ledger csv streams the same records the ledger table renders; ndjson gives one line per option, then per cash flow", async () => {
    const result = evaluateLifecycle(JSON.parse(exampleText));
    const csv = memoryIo();
    expect(await run(["lifecycle", EXAMPLE, "-f", "csv", "--ledger"], csv)).toBe(0);
    expect(csv.out()).toBe(renderCsv(ledgerTable(result, true)));
    const nd = memoryIo();
    expect(await run(["lifecycle", EXAMPLE, "-f", "ndjson", "--ledger"], nd)).toBe(0);
    const lines = nd.out().trimEnd().split("\n").map((l) => JSON.parse(l) as unknown);
    expect(lines).toEqual([...result.options, ...result.ledger!].map((x) => JSON.parse(JSON.stringify(x)) as unknown));
    const lean = memoryIo();
    expect(await run(["lifecycle", EXAMPLE, "-f", "ndjson"], lean)).toBe(0);
    expect(lean.out().trimEnd().split("\n")).toHaveLength(result.options.length);
  });

  it("--format md prints Markdown tables", async () => {
    const io = memoryIo();
    expect(await run(["lifecycle", EXAMPLE, "--format", "md", "--ledger"], io)).toBe(0);
    expect(io.out()).toContain("| Option | Supplier | Whole-life cost |");
    expect(io.out()).toContain("## Ledger");
  });

  it("reads standard input with -", async () => {
    const io = memoryIo({}, exampleText);
    expect(await run(["lifecycle", "-", "-f", "csv"], io)).toBe(0);
    expect(io.out()).toContain("2941500");
  });

  it("invalid document: exit 1 and every issue as path: message on stderr", async () => {
    const doc = JSON.parse(exampleText);
    doc.horizonYears = 0;
    doc.options[1].items[0].unitCost = -12.5;
    doc.options[1].id = "ct-a";
    const io = memoryIo({ "bad.json": JSON.stringify(doc) });
    expect(await run(["lifecycle", "bad.json"], io)).toBe(1);
    expect(io.err().split("\n")).toEqual(
      expect.arrayContaining(["horizonYears: must be ≥ 1, got 0", "options[1].items[0].unitCost: must be ≥ 0, got -12.5"]),
    );
    expect(io.err()).toMatch(/^bad\.json: \d+ problems\n/);
    expect(io.out()).toBe("");
  });

  it("invalid JSON: exit 1 with line, column and position", async () => {
    const io = memoryIo({ "broken.json": '{\n  "currency": "GBP",\n  oops\n}' });
    expect(await run(["lifecycle", "broken.json"], io)).toBe(1);
    expect(io.err()).toMatch(/^broken\.json: invalid JSON at line 3, column 3 \(position 25\)/);
  });

  it("input over --max-bytes: exit 1, checked before parsing", async () => {
    const io = memoryIo();
    expect(await run(["lifecycle", EXAMPLE, "--max-bytes", "100"], io)).toBe(1);
    expect(io.err()).toContain("more than the limit of 100 bytes");
    const stdin = memoryIo({}, exampleText);
    expect(await run(["lifecycle", "-", "--max-bytes", "100"], stdin)).toBe(1);
  });

  it("usage errors: exit 2 (missing file, unknown flag, bad format, no argument, bad --max-bytes)", async () => {
    for (const argv of [
      ["lifecycle", "nope.json"],
      ["lifecycle", EXAMPLE, "--wat"],
      ["lifecycle", EXAMPLE, "--format", "xml"],
      ["lifecycle"],
      ["lifecycle", EXAMPLE, "--max-bytes", "lots"],
      ["lifecycle", EXAMPLE, EXAMPLE],
    ]) {
      const io = memoryIo();
      expect(await run(argv, io), argv.join(" ")).toBe(2);
      expect(io.err()).toContain("vbp lifecycle --help");
    }
  });

  it("--help prints the command's usage", async () => {
    const io = memoryIo();
    expect(await run(["lifecycle", "--help"], io)).toBe(0);
    expect(io.out()).toContain("Usage: vbp lifecycle <file.json | ->");
  });
});
