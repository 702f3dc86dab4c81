import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { psaFromJson, runPsa } from "../../src/index.js";
import { ssiDocument } from "../uncertainty/fixtures.js";
import { memoryIo } from "./helpers.js";

const doc = JSON.stringify({ ...ssiDocument(), uncertainty: { ...(ssiDocument().uncertainty as object), oneWay: { ranges: { los: [2, 5] } }, thresholds: [{ id: "bed", parameter: "c_bed_day", range: [0, 5000], option: "npwt", target: { measure: "cost" } }] } });

describe("vbp psa, vbp merge, vbp dsa", () => {
  it("shards written as JSON merge to the single run, bit for bit", async () => {
    const files: Record<string, string> = { "m.json": doc };
    for (const shard of ["1/3", "2/3", "3/3"]) {
      const io = memoryIo(files);
      expect(await run(["psa", "m.json", "-n", "300", "-s", "5", "--shard", shard, "--workers", "1", "--format", "json"], io)).toBe(0);
      files[`shard-${shard[0]}.json`] = io.out();
    }
    const io = memoryIo(files);
    expect(await run(["merge", "shard-3.json", "shard-1.json", "shard-2.json", "--format", "json"], io)).toBe(0);
    const merged = psaFromJson(JSON.parse(io.out()));
    const single = runPsa(JSON.parse(doc), { iterations: 300, seed: 5 });
    expect(Array.from(merged.options[1]!.costs)).toEqual(Array.from(single.options[1]!.costs));
    expect(merged.options[1]!.summary).toEqual(single.options[1]!.summary);
    const missing = memoryIo(files);
    expect(await run(["merge", "shard-1.json", "shard-3.json"], missing)).toBe(1);
    expect(missing.err()).toMatch(/missing/);
  });

  it("prints summaries with credible intervals and the CEAC/EVPI table; CSV has a row per draw and option", async () => {
    const io = memoryIo({ "m.json": doc });
    expect(await run(["psa", "m.json", "-n", "200", "-s", "5", "--workers", "1", "--thresholds", "20000,30000"], io)).toBe(0);
    expect(io.out()).toMatch(/95% credible interval/);
    expect(io.out()).toMatch(/EVPI per patient/);
    expect(io.out()).toMatch(/Net monetary benefit per patient \(GBP\): mean \(95% credible interval\); incremental against standard/);
    const csv = memoryIo({ "m.json": doc });
    expect(await run(["psa", "m.json", "-n", "10", "--workers", "1", "--format", "csv"], csv)).toBe(0);
    expect(csv.out().trim().split("\n").length).toBe(1 + 10 * 3);
  });

  it("refuses bad flags and bad documents with their paths", async () => {
    const io = memoryIo({ "m.json": doc });
    expect(await run(["psa", "m.json", "-n", "0"], io)).toBe(2);
    expect(await run(["psa", "m.json", "-s", "1.5"], io)).toBe(2);
    expect(await run(["psa", "m.json", "--shard", "4/3"], io)).toBe(2);
    const bad = memoryIo({ "b.json": JSON.stringify({ ...JSON.parse(doc), uncertainty: { distributions: { p_ssi: { type: "beta", mean: 2, se: 0.1 } } } }) });
    expect(await run(["psa", "b.json", "--workers", "1"], bad)).toBe(1);
    expect(bad.err()).toMatch(/uncertainty\.distributions\.p_ssi\.mean/);
  });

  it("JSON output holds the seed, iterations and per-draw arrays of the run (--iterations N --seed S)", async () => {
    const io = memoryIo({ "m.json": doc });
    expect(await run(["psa", "m.json", "--iterations", "120", "--seed", "9", "--workers", "1", "--format", "json"], io)).toBe(0);
    const back = psaFromJson(JSON.parse(io.out()));
    const direct = runPsa(JSON.parse(doc), { iterations: 120, seed: 9 });
    expect([back.seed, back.iterations, back.count]).toEqual([9, 120, 120]);
    expect(Array.from(back.options[0]!.qalys)).toEqual(Array.from(direct.options[0]!.qalys));
  });

  it("shows a progress bar on a terminal, and nothing on standard error when piped or --quiet", async () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
    let drawn = "";
    terminal.on("data", (b: Buffer) => (drawn += b.toString()));
    const tty = { ...memoryIo({ "m.json": doc }), stderrIsTTY: true, progressStream: terminal };
    expect(await run(["psa", "m.json", "-n", "300", "--workers", "1", "--chunk-size", "100", "--format", "json"], tty)).toBe(0);
    expect(drawn).toMatch(/300\/300 draws/);
    expect(tty.out()).not.toMatch(/draws/); // the bar never mixes into the results

    const quietTerminal = Object.assign(new PassThrough(), { isTTY: true, columns: 100 });
    let quietDrawn = "";
    quietTerminal.on("data", (b: Buffer) => (quietDrawn += b.toString()));
    const quiet = { ...memoryIo({ "m.json": doc }), stderrIsTTY: true, progressStream: quietTerminal };
    expect(await run(["psa", "m.json", "-n", "300", "--workers", "1", "--quiet", "--format", "json"], quiet)).toBe(0);
    expect(quietDrawn).toBe("");

    const piped = memoryIo({ "m.json": doc }); // stderr is not a terminal
    expect(await run(["psa", "m.json", "-n", "300", "--workers", "1", "--format", "json"], piped)).toBe(0);
    expect(piped.err()).toBe("");
  });

  it("vbp dsa runs the declared one-way, tornado and threshold analyses", async () => {
    const io = memoryIo({ "m.json": doc });
    expect(await run(["dsa", "m.json"], io)).toBe(0);
    expect(io.out()).toMatch(/Tornado: incremental NMB of npwt/);
    expect(io.out()).toMatch(/npwt costs the same as standard when c_bed_day = 167\.16/);
  });
});

describe("worked example with an uncertainty section", () => {
  const file = "examples/pathway/surgical-site-infection-uncertainty.json";
  it("vbp dsa prints every declared analysis, and each break-even value holds when applied", async () => {
    const io = memoryIo();
    expect(await run(["dsa", file], io)).toBe(0);
    expect(io.out()).toMatch(/silver has the same net monetary benefit as standard at 25000 per QALY when p_ssi = 0\.08374/);
    expect(io.out()).toMatch(/Scenarios/);
  });
  it("vbp psa uses the document's seed, iterations and thresholds", async () => {
    const io = memoryIo();
    expect(await run(["psa", file, "-n", "200", "--workers", "1"], io)).toBe(0);
    expect(io.out()).toMatch(/200 draws \(of 200, from draw 0\), seed 2026/);
    expect(io.out()).toMatch(/35000/);
  });
});
