/**
 * EVPPI for parameter groups: checks against answers known in closed form.
 *
 * Linear case: two options whose incremental net benefit is INB = 1000 − (a + b + c + d + e), with the five
 * costs independent N(200, 100²). The expected INB given a group G is then normal with mean 0 and SD
 * s_G = 100 √|G|, so (Briggs, Claxton & Sculpher 2006 §7.3, with the normal identity E[max(0, X)] = s/√(2π)
 * for X ~ N(0, s²)) the EVPPI of G is s_G / √(2π): 39.89 for one parameter, 69.10 for three, and 89.21 (the
 * EVPI) for all five. On the same draws, the regression estimate is also compared with the estimate that
 * knows the true conditional mean (the "oracle"), which removes most of the Monte Carlo noise.
 */
import { describe, expect, it } from "vitest";
import { evpi, evppi, runPsa, VbpInputError, type PsaResult } from "../../src/index.js";

const IDS = ["a", "b", "c", "d", "e"] as const;
const linearModel = {
  id: "linear-inb",
  currency: "GBP",
  parameters: IDS.map((id) => ({ id, value: 200, distribution: { type: "normal", mean: "200", sd: "100" } })),
  tree: { root: "r", nodes: [{ id: "r", qalys: 1 }] },
  options: [
    { id: "old", isComparator: true, extraCosts: [{ id: "x", amount: "1000" }] },
    { id: "new", extraCosts: IDS.map((id) => ({ id, amount: { param: id } })) },
  ],
};
const N = 1500;
const psa = runPsa(linearModel, { iterations: N, seed: 2014 });

/** EVPPI with the true conditional mean: INB given G is 1000 − Σ_G θ − 200 (|other|). */
function oracle(r: PsaResult, group: readonly string[]): { estimate: number; mcse: number } {
  const g = Array.from({ length: r.count }, (_, d) => 1000 - 200 * (IDS.length - group.length) - group.reduce((s, id) => s + r.parameters.values[r.parameters.ids.indexOf(id) * r.count + d]!, 0));
  const pos = g.map((v) => Math.max(0, v));
  const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
  const m = mean(pos);
  const sd = Math.sqrt(pos.reduce((s, v) => s + (v - m) ** 2, 0) / (pos.length - 1));
  return { estimate: m - Math.max(0, mean(g)), mcse: sd / Math.sqrt(pos.length) };
}
const analytic = (k: number) => (100 * Math.sqrt(k)) / Math.sqrt(2 * Math.PI);

describe("EVPPI of a parameter group by Gaussian-process regression (Strong, Oakley & Brennan 2014)", () => {
  const three = evppi(psa, { parameters: ["a", "b", "c"], thresholds: [20000] });
  const all = evppi(psa, { parameters: [...IDS], thresholds: [20000] });

  it("is chosen by default for three or more parameters, and says so", () => {
    expect(three.method).toMatch(/Gaussian process/);
    expect(three.regressions?.map((r) => `${r.optionId}:${r.output}`)).toEqual(["new:costs", "new:qalys"]);
    expect(three.draws).toBe(N);
  });

  it("a group of three in the linear model: the analytic s_G/√(2π) = 69.10 within 4 Monte Carlo SEs, and the oracle on the same draws within 5%", () => {
    const got = three.points[0]!.perPatient;
    const o = oracle(psa, ["a", "b", "c"]);
    expect(Math.abs(got - analytic(3))).toBeLessThan(4 * o.mcse);
    expect(Math.abs(got / o.estimate - 1)).toBeLessThan(0.05);
  });

  it("every parameter together gives the EVPI (89.21 analytic), and the group grows towards it", () => {
    const e = evpi(psa, [20000]).points[0]!.perPatient;
    expect(Math.abs(all.points[0]!.perPatient / e - 1)).toBeLessThan(0.01);
    expect(Math.abs(e - analytic(5))).toBeLessThan(4 * oracle(psa, [...IDS]).mcse);
    const one = evppi(psa, { parameters: ["a"], thresholds: [20000], method: "gp" }).points[0]!.perPatient;
    expect(one).toBeLessThan(three.points[0]!.perPatient);
    expect(three.points[0]!.perPatient).toBeLessThan(all.points[0]!.perPatient);
  });

  it("for one parameter the Gaussian process and the P-spline agree with each other and with the analytic 39.89", () => {
    const gp = evppi(psa, { parameters: ["a"], thresholds: [20000], method: "gp" }).points[0]!.perPatient;
    const ps = evppi(psa, { parameters: ["a"], thresholds: [20000] }).points[0]!.perPatient;
    const o = oracle(psa, ["a"]);
    expect(Math.abs(gp - analytic(1))).toBeLessThan(4 * o.mcse);
    expect(Math.abs(ps - analytic(1))).toBeLessThan(4 * o.mcse);
    expect(Math.abs(gp / ps - 1)).toBeLessThan(0.1);
  });

  it("an output that does not vary gets a constant fit; the population EVPPI scales with the patients", () => {
    const q = three.regressions!.find((r) => r.output === "qalys")!;
    expect(q.signalVariance).toBe(0);
    const p = evppi(psa, { parameters: ["a", "b", "c"], thresholds: [20000], patients: 1000 }).points[0]!;
    expect(p.population).toBeCloseTo(p.perPatient * 1000, 6);
  });

  it("is deterministic: the same PSA and settings give bit-identical results", () => {
    expect(evppi(psa, { parameters: ["a", "b", "c"], thresholds: [20000] })).toEqual(three);
  });
});

describe("EVPPI: bad input is refused with its path before any fit", () => {
  const issuesOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (e instanceof VbpInputError) return e.issues;
      throw e;
    }
    throw new Error("no error");
  };

  it("an unknown or repeated parameter, named by its index", () => {
    expect(issuesOf(() => evppi(psa, { parameters: ["a", "b", "zz"], thresholds: [1] }))).toMatchObject([{ code: "unknown_reference", path: ["parameters", 2] }]);
    expect(issuesOf(() => evppi(psa, { parameters: ["a", "b", "a"], thresholds: [1] }))).toMatchObject([{ path: ["parameters", 2], message: expect.stringMatching(/twice/) as unknown }]);
  });

  it("an empty group, or one above 50", () => {
    expect(issuesOf(() => evppi(psa, { parameters: [], thresholds: [1] }))).toMatchObject([{ path: ["parameters"] }]);
    expect(issuesOf(() => evppi(psa, { parameters: Array.from({ length: 51 }, () => "a"), thresholds: [1] }))).toMatchObject([{ path: ["parameters"] }]);
  });

  it("the P-spline asked for more than two parameters, an unknown method, out-of-range GP settings", () => {
    expect(issuesOf(() => evppi(psa, { parameters: ["a", "b", "c"], thresholds: [1], method: "pspline" }))).toMatchObject([{ path: ["method"], message: expect.stringMatching(/1 or 2/) as unknown }]);
    expect(issuesOf(() => evppi(psa, { parameters: ["a"], thresholds: [1], method: "gam" as never }))).toMatchObject([{ path: ["method"] }]);
    expect(issuesOf(() => evppi(psa, { parameters: ["a", "b", "c"], thresholds: [1], gp: { hyperparameterDraws: 10 } }))).toMatchObject([{ path: ["gp", "hyperparameterDraws"] }]);
    expect(issuesOf(() => evppi(psa, { parameters: ["a", "b", "c"], thresholds: [1], gp: { hyperparameterDraws: 500, fitDraws: 400 } }))).toMatchObject([{ path: ["gp", "fitDraws"] }]);
    expect(issuesOf(() => evppi(psa, { parameters: ["a"], thresholds: [1], patients: -1 }))).toMatchObject([{ path: ["patients"] }]);
  });

  it("a negative threshold, and too few draws", () => {
    expect(issuesOf(() => evppi(psa, { parameters: ["a"], thresholds: [-1] }))).toMatchObject([{ path: ["thresholds", 0] }]);
    const small = runPsa(linearModel, { iterations: 50, seed: 1 });
    expect(issuesOf(() => evppi(small, { parameters: ["a", "b", "c"], thresholds: [1] }))).toMatchObject([{ path: ["psa"] }]);
  });
});
