import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { memoryIo } from "./helpers.js";

const TENDER = "examples/tender/tender.json";

describe("vbp award", () => {
  it("prints the lot summary, the per-bid table and explanations; the same seed gives the same output", async () => {
    const spec = JSON.stringify({ weights: { groups: ["root"] }, inputs: [{ optionId: "b", input: "price", distribution: { type: "pert", min: "100", mode: "109", max: "125" } }] });
    const io = memoryIo({ "spec.json": spec });
    expect(await run(["award", TENDER, "--iterations", "2000", "--seed", "7", "--uncertainty", "spec.json"], io)).toBe(0);
    const out = io.out();
    expect(out).toMatch(/How sure is the award\? Aldgate Medical Ltd \(AirSeal sNPWT 7-day kit\), the most advantageous tender in the base case, wins in \d+\.\d% of 2,000 scenarios/);
    expect(out).toMatch(/Bramley Healthcare plc .* \d+\.\d%/);
    expect(io.err()).toBe("");
    const again = memoryIo({ "spec.json": spec });
    await run(["award", TENDER, "--iterations", "2000", "--seed", "7", "--uncertainty", "spec.json"], again);
    expect(again.out()).toBe(out);
    const json = memoryIo({ "spec.json": spec });
    expect(await run(["award", TENDER, "--iterations", "500", "--format", "json", "--uncertainty", "spec.json"], json)).toBe(0);
    expect(JSON.parse(json.out()).lots[0].bids[0].optionId).toBe("a");
  });

  it("draws the distributions the document's pathway declares (with correlations), unless --no-pathway-distributions", async () => {
    const doc = JSON.parse(readFileSync(TENDER, "utf8")) as { pathway: { parameters: { id: string; distribution?: unknown }[] } };
    const param = (id: string) => doc.pathway.parameters.find((p) => p.id === id)!;
    param("c_bed_day").distribution = { type: "gamma", shape: "100", scale: "4.2" };
    param("los_ssi").distribution = { type: "gamma", shape: "16", scale: "0.25" };
    const files = {
      "doc.json": JSON.stringify(doc),
      "corr.json": JSON.stringify({ correlations: [{ parameters: ["c_bed_day", "los_ssi"], matrix: [[1, 0.5], [0.5, 1]] }] }),
      "twice.json": JSON.stringify({ documentValues: [{ path: "pathway.parameters.los_ssi.value", distribution: { type: "gamma", mean: 4, se: 1 } }] }),
    };
    const io = memoryIo(files);
    expect(await run(["award", "doc.json", "--iterations", "300", "--format", "json", "--uncertainty", "corr.json"], io)).toBe(0);
    expect((JSON.parse(io.out()) as { inputs: { inputId: string }[] }).inputs.map((i) => i.inputId)).toEqual(["parameter:c_bed_day", "parameter:los_ssi"]);
    const off = memoryIo(files);
    expect(await run(["award", "doc.json", "--iterations", "50", "--format", "json", "--no-pathway-distributions"], off)).toBe(0);
    expect((JSON.parse(off.out()) as { inputs: unknown[] }).inputs).toEqual([]);
    const twice = memoryIo(files);
    expect(await run(["award", "doc.json", "--iterations", "50", "--uncertainty", "twice.json"], twice)).toBe(1);
    expect(twice.err()).toMatch(/documentValues\[0\]\.path.*already has a distribution declared by the pathway at pathway\.parameters\.4\.distribution/);
    const restated = memoryIo(files);
    expect(await run(["award", "doc.json", "--iterations", "50", "--uncertainty", "twice.json", "--no-pathway-distributions"], restated)).toBe(0);
  });

  it("bad input is reported with its path; a bad option is a usage error", async () => {
    const io = memoryIo({ "spec.json": JSON.stringify({ inputs: [{ optionId: "a", input: "id", distribution: { type: "fixed", value: 1 } }] }) });
    expect(await run(["award", TENDER, "--iterations", "100", "--uncertainty", "spec.json"], io)).toBe(1);
    expect(io.err()).toContain("inputs[0].input");
    const bad = memoryIo();
    expect(await run(["award", TENDER, "--seed", "x"], bad)).toBe(2);
  });
});
