import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chancellorHivModel } from "../../examples/pathway/chancellor-hiv.js";
import { ceac, ceaf, cePlane, convergence, evpi, evppi, mergePsa, nmbSummary, pairwiseCeac, psaFromJson, psaToJson, runPsa, thresholdRange, VbpInputError, type PsaResult } from "../../src/index.js";
import { ssiDocument } from "./fixtures.js";

/** Every per-draw array and summary, for bit-for-bit comparison. */
function fingerprint(r: PsaResult): unknown {
  return {
    parameters: Array.from(r.parameters.values),
    options: r.options.map((o) => [Array.from(o.costs), Array.from(o.qalys), Array.from(o.lifeYears), Array.from(o.carbonKg), o.summary]),
    valid: Array.from(r.valid),
  };
}

/** A two-option model whose incremental net benefit is exactly normal: INB = −c, c ~ N(100, 300²). */
const normalInbModel = {
  id: "normal-inb",
  parameters: [{ id: "c", value: 100, distribution: { type: "normal", mean: "100", sd: "300" } }],
  tree: { root: "r", nodes: [{ id: "r", qalys: 1 }] },
  options: [{ id: "a", isComparator: true }, { id: "b", extraCosts: [{ id: "x", amount: { param: "c" } }] }],
};

describe("seeded reproducibility", () => {
  const doc = ssiDocument();
  const single = runPsa(doc, { iterations: 600, seed: 2026 });

  it("the same seed gives bit-identical results across runs and chunk sizes", () => {
    expect(fingerprint(runPsa(doc, { iterations: 600, seed: 2026 }))).toEqual(fingerprint(single));
    for (const chunkSize of [1, 7, 64, 5000]) expect(fingerprint(runPsa(doc, { iterations: 600, seed: 2026, chunkSize }))).toEqual(fingerprint(single));
  });

  it("shards merged (in any order, through their JSON files) equal the single run", () => {
    const parts = [
      { start: 0, count: 250 },
      { start: 250, count: 1 },
      { start: 251, count: 349 },
    ].map((draws) => runPsa(doc, { iterations: 600, seed: 2026, draws, chunkSize: 33 }));
    const viaFiles = parts.reverse().map((p) => psaFromJson(JSON.parse(JSON.stringify(psaToJson(p)))));
    expect(fingerprint(mergePsa(viaFiles))).toEqual(fingerprint(single));
  });

  it("property: any split into shards and any chunk size merges to the identical result (fast-check, fixed seed)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 599 }), { maxLength: 4 }), fc.integer({ min: 1, max: 300 }), (cuts, chunkSize) => {
        const bounds = [0, ...[...cuts].sort((a, b) => a - b), 600];
        const parts = bounds.slice(1).map((end, i) => runPsa(doc, { iterations: 600, seed: 2026, chunkSize, draws: { start: bounds[i]!, count: end - bounds[i]! } }));
        expect(fingerprint(mergePsa(parts))).toEqual(fingerprint(single));
      }),
      { seed: 8, numRuns: 8, verbose: true },
    );
  });

  it("a different seed gives different draws; merging parts of different analyses is refused", () => {
    const other = runPsa(doc, { iterations: 600, seed: 2027 });
    expect(other.options[0]!.costs[0]).not.toBe(single.options[0]!.costs[0]);
    const a = runPsa(doc, { iterations: 600, seed: 2026, draws: { start: 0, count: 300 } });
    const b = runPsa(doc, { iterations: 600, seed: 2027, draws: { start: 300, count: 300 } });
    expect(() => mergePsa([a, b])).toThrow(/seed/);
    expect(() => mergePsa([a])).toThrow(/every shard is needed/);
    expect(() => mergePsa([a, a])).toThrow(/in two parts/);
  });
});

describe("what varies", () => {
  it("an option effect whose operand is a parameter takes the drawn value (Chancellor HIV: relative risk of progression)", () => {
    const psa = runPsa(chancellorHivModel(), { iterations: 300, seed: 11 });
    const rr = psa.parameters.values.subarray(psa.parameters.ids.indexOf("rr") * psa.count, (psa.parameters.ids.indexOf("rr") + 1) * psa.count);
    const combo = psa.options.find((o) => o.optionId === "comb")!;
    const mono = psa.options.find((o) => o.optionId === "mono")!;
    // A lower RR (more effective combination) gives more life years gained: strongly negative correlation.
    const gain = Float64Array.from(combo.lifeYears, (v, d) => v - mono.lifeYears[d]!);
    const mean = (x: Float64Array) => x.reduce((s, v) => s + v, 0) / x.length;
    const mr = mean(rr);
    const mg = mean(gain);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let d = 0; d < psa.count; d++) {
      sxy += (rr[d]! - mr) * (gain[d]! - mg);
      sxx += (rr[d]! - mr) ** 2;
      syy += (gain[d]! - mg) ** 2;
    }
    expect(sxy / Math.sqrt(sxx * syy)).toBeLessThan(-0.5);
    // Dirichlet rows: the three transitions out of A are one draw of the row, so they never exceed 1 together.
    const col = (id: string) => psa.parameters.values.subarray(psa.parameters.ids.indexOf(id) * psa.count, (psa.parameters.ids.indexOf(id) + 1) * psa.count);
    const [ab, ac, ad] = [col("p_AB"), col("p_AC"), col("p_AD")];
    for (let d = 0; d < psa.count; d++) expect(ab[d]! + ac[d]! + ad[d]!).toBeLessThan(1);
    expect(psa.conditions).toEqual([]);
  });
});

describe("bad input is refused before any work", () => {
  const doc = ssiDocument();
  it.each([
    [{ iterations: 0, seed: 1 }, ["iterations"]],
    [{ iterations: 1e9, seed: 1 }, ["iterations"]],
    [{ iterations: 10, seed: 1.5 }, ["seed"]],
    [{ iterations: 10, seed: -3 }, ["seed"]],
    [{ iterations: 10, seed: 1, chunkSize: 0 }, ["chunkSize"]],
    [{ iterations: 10, seed: 1, draws: { start: 5, count: 10 } }, ["draws"]],
  ])("%o", (settings, path) => {
    let called = false;
    try {
      runPsa(doc, { ...settings, onProgress: () => (called = true) });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(VbpInputError);
      expect((e as VbpInputError).issues.map((i) => i.path)).toContainEqual(path);
    }
    expect(called).toBe(false);
  });

  it("invalid distributions in the document name their path", () => {
    const bad = { ...doc, uncertainty: { distributions: { p_ssi: { type: "beta", mean: 0.5, se: 0.6 }, c_bed_day: { type: "gamma", mean: -1, se: 1 }, nope: { type: "normal", mean: 0, sd: 1 } } } };
    try {
      runPsa(bad, { iterations: 10, seed: 1 });
      expect.unreachable();
    } catch (e) {
      const paths = (e as VbpInputError).issues.map((i) => i.path.join("."));
      expect(paths).toEqual(expect.arrayContaining(["uncertainty.distributions.p_ssi.se", "uncertainty.distributions.c_bed_day.mean", "uncertainty.distributions.nope"]));
    }
  });
});

describe("progress and cancellation", () => {
  it("reports progress after each chunk and stops when the signal is aborted", () => {
    const seen: number[] = [];
    const controller = new AbortController();
    expect(() =>
      runPsa(ssiDocument(), {
        iterations: 100,
        seed: 1,
        chunkSize: 20,
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p.done);
          if (p.done === 40) controller.abort(new Error("stopped by the user"));
        },
      }),
    ).toThrow("stopped by the user");
    expect(seen).toEqual([20, 40]);
  });
});

describe("analyses of one PSA result", () => {
  const psa = runPsa(ssiDocument(), { iterations: 2000, seed: 7 });
  const lambdas = thresholdRange(0, 50000, 11);

  it("summaries: mean, SD, MCSE and a 95% credible interval per option", () => {
    const s = psa.options[0]!.summary.costs;
    expect(s.n).toBe(2000);
    expect(s.lower).toBeLessThan(s.median);
    expect(s.median).toBeLessThan(s.upper);
    expect(s.mcse).toBeCloseTo(s.sd / Math.sqrt(2000), 12);
  });

  it("CEAC (highest NMB) sums to 1 at every threshold; with two options it equals the pairwise CEAC", () => {
    const c = ceac(psa, lambdas);
    for (let t = 0; t < lambdas.length; t++) expect(c.options.reduce((s, o) => s + o.probability[t]!, 0)).toBeCloseTo(1, 12);
    const pw = pairwiseCeac(psa, lambdas);
    expect(pw.options.map((o) => o.optionId)).toEqual(["npwt", "silver"]);
    const two = runPsa({ ...normalInbModel }, { iterations: 500, seed: 3 });
    expect(ceac(two, [0]).options[1]!.probability[0]).toBeCloseTo(pairwiseCeac(two, [0]).options[0]!.probability[0]!, 12);
  });

  it("CEAF picks the option with the highest expected NMB; CE plane quadrants sum to 1", () => {
    const f = ceaf(psa, lambdas);
    const c = ceac(psa, lambdas);
    f.points.forEach((p, t) => expect(p.probability).toBe(c.options.find((o) => o.optionId === p.optionId)!.probability[t]));
    for (const plane of cePlane(psa)) {
      const q = plane.quadrants;
      expect(q.northEast + q.northWest + q.southEast + q.southWest).toBeCloseTo(1, 12);
      expect(plane.incrementalCosts.length).toBe(2000);
    }
  });

  it("NMB and incremental NMB per option: mean, SD and 95% credible interval; the mean is λ·E[Q] − E[C]", () => {
    const s = nmbSummary(psa, [20000, 30000]);
    expect(s.comparatorId).toBe("standard");
    const at30 = s.points[1]!;
    psa.options.forEach((o, i) => {
      const nmb = at30.options[i]!.nmb;
      expect(nmb.mean).toBeCloseTo(30000 * o.summary.qalys.mean - o.summary.costs.mean, 6);
      expect(nmb.lower).toBeLessThan(nmb.upper);
      expect(nmb.sd).toBeGreaterThan(0);
      expect(at30.options[i]!.incremental.mean).toBeCloseTo(nmb.mean - at30.options[0]!.nmb.mean, 6);
    });
    expect(at30.options[0]!.incremental.sd).toBe(0);
    // The incremental NMB's share of draws above 0 is the pairwise CEAC: its median is positive exactly when that is above ½.
    const pw = pairwiseCeac(psa, [30000]).options[0]!.probability[0]!;
    expect(at30.options[1]!.incremental.median > 0).toBe(pw > 0.5);
    expect(() => nmbSummary(psa, [20000], { comparatorId: "nope" })).toThrow(/no option/);
    expect(() => nmbSummary(psa, [20000], { level: 1 })).toThrow(VbpInputError);
  });

  it("convergence: the running mean ends at the summary mean, its MCSE at sd/√n", () => {
    const c = convergence(psa, { optionId: "npwt", measure: "costs", points: 20 });
    expect(c.draws[c.draws.length - 1]).toBe(2000);
    expect(c.mean[c.mean.length - 1]).toBeCloseTo(psa.options[1]!.summary.costs.mean, 9);
    expect(c.mcse[c.mcse.length - 1]).toBeCloseTo(psa.options[1]!.summary.costs.mcse, 9);
  });

  it("EVPI matches the closed form for a normal incremental net benefit (unit normal loss integral, Raiffa & Schlaifer 1961; Wilson 2015, PharmacoEconomics 33:105–121)", () => {
    const r = runPsa(normalInbModel, { iterations: 20000, seed: 99 });
    // INB = −c ~ N(−100, 300²): EVPI = E[max(0, INB)] = σφ(μ/σ) + μΦ(μ/σ).
    const mu = -100;
    const sigma = 300;
    const z = mu / sigma;
    const phi = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    const Phi = 0.36944134018176367; // Φ(−1/3)
    const exact = sigma * phi + mu * Phi;
    const e = evpi(r, [20000], { patients: 1000 });
    // Monte Carlo SE of E[max(0, INB)] with 20,000 draws is about 1.2; allow 4 SE.
    expect(Math.abs(e.points[0]!.perPatient - exact)).toBeLessThan(5);
    expect(e.points[0]!.population).toBeCloseTo(e.points[0]!.perPatient * 1000, 9);
    // With one uncertain parameter, its EVPPI is the whole EVPI.
    const partial = evppi(r, { parameters: ["c"], thresholds: [20000] });
    expect(Math.abs(partial.points[0]!.perPatient - e.points[0]!.perPatient)).toBeLessThan(0.03 * e.points[0]!.perPatient);
  });

  it("EVPPI of a group is at most the EVPI (and of a parameter that does not matter, near 0)", () => {
    const e = evpi(psa, [20000]).points[0]!.perPatient;
    const g = evppi(psa, { parameters: ["p_ssi", "c_bed_day"], thresholds: [20000] }).points[0]!.perPatient;
    const none = evppi(psa, { parameters: ["kg_bed_day"], thresholds: [20000] }).points[0]!.perPatient;
    expect(g).toBeLessThanOrEqual(e * 1.02);
    expect(none).toBeLessThan(0.1 * Math.max(e, 1e-9) + 1e-6);
    expect(() => evppi(psa, { parameters: ["a", "b", "c"], thresholds: [1] })).toThrow(VbpInputError);
    expect(() => evppi(psa, { parameters: ["los"], thresholds: [1] })).toThrow(/not drawn/);
  });
});
