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

  it("bad input is reported with its path; a bad option is a usage error", async () => {
    const io = memoryIo({ "spec.json": JSON.stringify({ inputs: [{ optionId: "a", input: "id", distribution: { type: "fixed", value: 1 } }] }) });
    expect(await run(["award", TENDER, "--iterations", "100", "--uncertainty", "spec.json"], io)).toBe(1);
    expect(io.err()).toContain("inputs[0].input");
    const bad = memoryIo();
    expect(await run(["award", TENDER, "--seed", "x"], bad)).toBe(2);
  });
});
