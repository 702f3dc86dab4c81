import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { evaluate, runModel } from "../../src/index.js";
import { memoryIo } from "./helpers.js";

const TENDER = "examples/tender/tender.json";
const tenderText = readFileSync(TENDER, "utf8");
const PATHWAY = "examples/pathway/surgical-site-infection.json";

describe("vbp evaluate", () => {
  it("prints the ranked value table, the basis and each option's explanation", async () => {
    const io = memoryIo();
    expect(await run(["evaluate", TENDER], io)).toBe(0);
    const out = io.out();
    expect(out).toContain("Ranked value table");
    expect(out).toMatch(/\nlot-3 +1 {2}Aldgate Medical Ltd +AirSeal sNPWT 7-day kit +71\.03 /);
    expect(out).toMatch(/\nlot-3 +2 {2}Bramley Healthcare plc /);
    expect(out).toMatch(/\nlot-3 +- {2}Dunmore Devices GmbH .*failed: crp\n/);
    expect(out).toContain("Why each option scored as it did");
    expect(out).toContain("Bramley Healthcare plc — Bramley NP Incision Dressing: ranked 2 of 3 in Lot 3: 7-day sNPWT kits with 68.00 of 100 points");
    expect(out).toContain("Warnings");
    expect(out).not.toContain("Assessment summaries");
    expect(io.err()).toBe("");
  });

  it("--individual-marks shows each evaluator's level and reason; without it only the moderated ones", async () => {
    const plain = memoryIo();
    expect(await run(["evaluate", TENDER, "--summaries"], plain)).toBe(0);
    expect(plain.out()).not.toContain("Evaluator panel-");
    const io = memoryIo();
    expect(await run(["evaluate", TENDER, "--summaries", "--individual-marks"], io)).toBe(0);
    expect(io.out()).toContain("Evaluator panel-clinical-lead (level 3)");
  });

  it("--summaries adds the assessment summaries", async () => {
    const io = memoryIo();
    expect(await run(["evaluate", TENDER, "--summaries"], io)).toBe(0);
    expect(io.out()).toContain("## Assessment summary: Bramley Healthcare plc — Bramley NP Incision Dressing");
  });

  it("--format json prints the whole result (the same as evaluate())", async () => {
    const io = memoryIo();
    expect(await run(["evaluate", TENDER, "-f", "json"], io)).toBe(0);
    expect(JSON.parse(io.out())).toEqual(JSON.parse(JSON.stringify(evaluate(JSON.parse(tenderText)))));
  });

  it("--format csv prints the ranked table with every digit; md prints the report; stdin with -", async () => {
    const csv = memoryIo();
    expect(await run(["evaluate", TENDER, "--format", "csv"], csv)).toBe(0);
    expect(csv.out().split("\r\n")[0]).toMatch(/^Option id,Lot,Rank,Supplier,Product,Total,/);
    const md = memoryIo({}, tenderText);
    expect(await run(["evaluate", "-", "--format", "md", "--summaries"], md)).toBe(0);
    expect(md.out()).toMatch(/^# Single-use negative pressure wound therapy/);
    expect(md.out()).toContain("## Assessment summaries");
  });

  it("invalid input: exit 1, every issue with its path on stderr", async () => {
    const doc = JSON.parse(tenderText);
    delete doc.threshold;
    doc.options[2].id = "a";
    const io = memoryIo({ "bad.json": JSON.stringify(doc) });
    expect(await run(["evaluate", "bad.json"], io)).toBe(1);
    expect(io.err()).toContain("bad.json: 2 problems");
    expect(io.err()).toContain('options[2].id: option id "a" is already used by options[1]');
    expect(io.err()).toContain('criterionMetrics["health-gain"]: metric "incrementalNetMonetaryBenefitPerPatient" needs a cost-effectiveness threshold');
    expect(io.out()).toBe("");
    const broken = memoryIo({ "broken.json": "{ nope" });
    expect(await run(["evaluate", "broken.json"], broken)).toBe(1);
  });

  it("usage errors: exit 2", async () => {
    for (const argv of [["evaluate"], ["evaluate", TENDER, "--format", "xml"], ["evaluate", "missing.json"], ["evaluate", "a.json", "b.json"], ["evaluate", TENDER, "--frob"]]) {
      const io = memoryIo();
      expect(await run(argv, io), argv.join(" ")).toBe(2);
    }
    const help = memoryIo();
    expect(await run(["evaluate", "--help"], help)).toBe(0);
    expect(help.out()).toContain("Usage: vbp evaluate <file.json | -> [options]");
  });

  it("a plain pathway model document prints its results table", async () => {
    const io = memoryIo();
    expect(await run(["evaluate", PATHWAY], io)).toBe(0);
    const out = io.out();
    expect(out).toContain("Pathway results per patient: ssi-dressings");
    const model = runModel(JSON.parse(readFileSync(PATHWAY, "utf8")));
    const standard = model.options.find((o) => o.optionId === "standard")!;
    expect(standard.perPatient.costs.discounted).toBe("2394.125");
    // £2,394.125 to the penny, half-even: £2,394.12
    expect(out).toMatch(/Standard dressing \(current practice\) \(comparator\) +£2,394\.12 /);
    const json = memoryIo();
    expect(await run(["evaluate", PATHWAY, "-f", "json"], json)).toBe(0);
    expect(JSON.parse(json.out())).toEqual(JSON.parse(JSON.stringify(runModel(JSON.parse(readFileSync(PATHWAY, "utf8")), { ledger: false }))));
  });

  it("--engine exact runs a plain pathway model on the Decimal audit engine; a bad engine name is a usage error", async () => {
    const doc = JSON.parse(readFileSync(PATHWAY, "utf8"));
    const exact = memoryIo();
    expect(await run(["evaluate", PATHWAY, "--engine", "exact", "-f", "json"], exact)).toBe(0);
    expect(JSON.parse(exact.out())).toEqual(JSON.parse(JSON.stringify(runModel(doc, { ledger: false, engine: "exact" }))));
    const f64 = memoryIo();
    expect(await run(["evaluate", PATHWAY, "--engine", "float64", "-f", "json"], f64)).toBe(0);
    expect(JSON.parse(f64.out())).toEqual(JSON.parse(JSON.stringify(runModel(doc, { ledger: false }))));
    const bad = memoryIo();
    expect(await run(["evaluate", PATHWAY, "--engine", "fast"], bad)).toBe(2);
    expect(bad.err()).toContain('--engine must be float64 or exact, got "fast"');
  });
});
