import { describe, expect, it } from "vitest";
import { run } from "../../src/cli/run.js";
import { evppi, runPsa } from "../../src/index.js";
import { ssiDocument } from "../uncertainty/fixtures.js";
import { memoryIo } from "./helpers.js";

const doc = JSON.stringify(ssiDocument());

/** The EVPPI rows of the table: group, parameters, threshold, per patient. */
function rows(out: string): string[][] {
  const start = out.indexOf("EVPPI per parameter group");
  expect(start).toBeGreaterThanOrEqual(0);
  return out
    .slice(start)
    .split("\n")
    .filter((l) => /^\S.*\d\s*$/.test(l) && !l.startsWith("EVPPI"))
    .map((l) => l.split(/\s{2,}/).map((x) => x.trim()));
}

describe("vbp psa --evppi", () => {
  it("prints the EVPPI of each group at each threshold, the figures of evppi() on the same draws", async () => {
    const io = memoryIo({ "m.json": doc });
    expect(await run(["psa", "m.json", "-n", "600", "-s", "3", "--workers", "1", "--quiet", "--thresholds", "20000,30000", "--evppi", "ssi=p_ssi", "--evppi", "p_ssi,c_bed_day,los_ssi"], io)).toBe(0);
    const psa = runPsa(JSON.parse(doc), { iterations: 600, seed: 3 });
    const one = evppi(psa, { parameters: ["p_ssi"], thresholds: [20000, 30000] });
    const three = evppi(psa, { parameters: ["p_ssi", "c_bed_day", "los_ssi"], thresholds: [20000, 30000] });
    const out = io.out();
    expect(out).toMatch(/EVPPI per parameter group \(Strong et al\. 2014 regression; P-spline .*; Gaussian process/);
    expect(rows(out).map((r) => [r[0], r[2], r[3]])).toEqual([
      ["ssi", "20000", one.points[0]!.perPatient.toFixed(2)],
      ["ssi", "30000", one.points[1]!.perPatient.toFixed(2)],
      ["p_ssi+c_bed_day+los_ssi", "20000", three.points[0]!.perPatient.toFixed(2)],
      ["p_ssi+c_bed_day+los_ssi", "30000", three.points[1]!.perPatient.toFixed(2)],
    ]);
  });

  it("runs on merged shards with vbp merge, giving the single run's figures", async () => {
    const files: Record<string, string> = { "m.json": doc };
    for (const shard of ["1/2", "2/2"]) {
      const io = memoryIo(files);
      expect(await run(["psa", "m.json", "-n", "400", "-s", "8", "--shard", shard, "--workers", "1", "--format", "json"], io)).toBe(0);
      files[`s${shard[0]}.json`] = io.out();
    }
    const io = memoryIo(files);
    expect(await run(["merge", "s1.json", "s2.json", "--thresholds", "25000", "--evppi", "p_ssi"], io)).toBe(0);
    const e = evppi(runPsa(JSON.parse(doc), { iterations: 400, seed: 8 }), { parameters: ["p_ssi"], thresholds: [25000] });
    expect(rows(io.out())[0]![3]).toBe(e.points[0]!.perPatient.toFixed(2));
  });

  it("refuses a bad group, an undrawn parameter, a missing threshold, a shard and a per-draw format", async () => {
    const cases: [string[], RegExp][] = [
      [["--thresholds", "20000", "--evppi", "a=,b"], /--evppi must be a parameter group/],
      [["--thresholds", "20000", "--evppi", "los"], /--evppi los: "los" was not drawn in this PSA/],
      [["--thresholds", "20000", "--evppi", "p_ssi,p_ssi"], /listed twice/],
      [["--evppi", "p_ssi"], /--evppi needs --thresholds/],
      [["--thresholds", "20000", "--evppi", "p_ssi", "--shard", "1/2"], /needs every draw/],
      [["--thresholds", "20000", "--evppi", "p_ssi", "--format", "csv"], /table or md/],
    ];
    for (const [flags, message] of cases) {
      const io = memoryIo({ "m.json": doc });
      expect(await run(["psa", "m.json", "-n", "200", "--workers", "1", "--quiet", ...flags], io)).toBe(2);
      expect(io.err()).toMatch(message);
    }
  });
});
