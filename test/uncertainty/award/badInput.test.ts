import { describe, expect, it } from "vitest";
import { awardUncertainty, VbpInputError, type AwardUncertaintyOptions } from "../../../src/index.js";
import { gatedTender } from "./helpers.js";

function issues(o: Partial<AwardUncertaintyOptions>): { path: string; message: string }[] {
  try {
    awardUncertainty(gatedTender("relative-to-lowest"), { iterations: 10, seed: 1, ...o });
  } catch (e) {
    if (e instanceof VbpInputError) return e.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw e;
  }
  return [];
}

describe("award uncertainty: clear errors before any draw", () => {
  it("weight ranges that cannot sum to 100%", () => {
    expect(issues({ weights: { ranges: { quality: { min: 60, max: 70 }, price: { min: 45, max: 50 } } } })).toEqual([
      { path: "weights.ranges", message: expect.stringMatching(/cannot sum to 100%: the minimums already add up to 105%/) },
    ]);
    expect(issues({ weights: { ranges: { quality: { min: 10, max: 20 }, price: { min: 10, max: 20 }, sv: { min: 10, max: 20 } } } })[0]?.message).toMatch(/maximums add up to only 60%/);
  });

  it("an order that contradicts the ranges, or goes round in a circle", () => {
    expect(issues({ weights: { ranges: { price: { min: 50, max: 60 }, quality: { min: 20, max: 40 } }, order: [["quality", "price"]] } })[0]?.message).toMatch(/order says "quality" weighs at least as much as "price".*contradicts the ranges/);
    expect(issues({ weights: { order: [["quality", "price"], ["price", "quality"]] } })[0]?.message).toMatch(/round in a circle/);
    expect(issues({ weights: { order: [["q1", "price"]] } })[0]).toEqual({ path: "weights.order.0", message: expect.stringMatching(/sibling criteria only/) });
  });

  it("ranges and orders on weights declared certain, unknown criteria and groups", () => {
    expect(issues({ weights: { groups: ["root"], ranges: { q1: { min: 10, max: 90 } } } })[0]?.message).toMatch(/declared certain: add "quality" to weights.groups/);
    expect(issues({ weights: { groups: ["nope"] } })[0]).toEqual({ path: "weights.groups.0", message: expect.stringMatching(/not a group criterion/) });
    expect(issues({ weights: { ranges: { price: { min: 70, max: 60 } } } })[0]).toEqual({ path: "weights.ranges.price.max", message: "must be at least min (70%), got 60%" });
  });

  it("ranges so tight around the simplex that exact sampling would take too long are refused before any draw", () => {
    const criteria = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, label: `C${i}`, kind: "quantitative" as const, weight: "10", valueFunction: { fn: "linear", params: { lower: "0", upper: "1" } } }));
    const t = { criteria, options: [{ id: "A", supplier: "A", label: "A", values: Object.fromEntries(criteria.map((c) => [c.id, "0.5"])) }] };
    // Every weight at most 12%: feasible (the maximums add up to 120%), but only ~5 in 10 million weightings qualify.
    let err: unknown;
    try {
      awardUncertainty(t, { iterations: 10, seed: 1, weights: { ranges: Object.fromEntries(criteria.map((c) => [c.id, { min: 0, max: 12 }])) } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(VbpInputError);
    expect((err as VbpInputError).issues[0]?.message).toMatch(/leave only about 0\.000% of the possible weightings: too little to sample exactly/);
  });

  it("a distribution on a value that cannot vary", () => {
    expect(issues({ inputs: [{ optionId: "A", input: "id", distribution: { type: "uniform", min: 1, max: 2 } }] })[0]?.message).toMatch(/identifier or a name, not a quantity/);
    expect(issues({ inputs: [{ optionId: "A", input: "q1", distribution: { type: "uniform", min: 1, max: 2 } }] })[0]?.message).toMatch(/recorded, moderated judgement is certain/);
    expect(issues({ inputs: [{ optionId: "A", input: "q-min", distribution: { type: "bernoulli", p: 0.5 } }] })[0]?.message).toMatch(/minimum-score gate: a published rule declared certain/);
    expect(issues({ inputs: [{ optionId: "A", input: "quality", distribution: { type: "uniform", min: 1, max: 2 } }] })[0]?.message).toMatch(/group of criteria/);
    expect(issues({ inputs: [{ optionId: "A", input: "price", distribution: { type: "normal", mean: 10000, sd: 500 } }] })[0]).toEqual({ path: "inputs.0.distribution.type", message: expect.stringMatching(/price must stay above 0/) });
    expect(issues({ inputs: [{ optionId: "Z", input: "price", distribution: { type: "fixed", value: 1 } }] })[0]).toEqual({ path: "inputs.0.optionId", message: 'no bid "Z" in the tender' });
    expect(issues({ inputs: [{ optionId: "A", input: "co2", distribution: { type: "beta", mean: 0.5, sd: 0.6 } }] })[0]).toEqual({ path: "inputs.0.distribution.sd", message: expect.stringMatching(/too large for a beta/) });
  });

  it("iterations and seed", () => {
    expect(issues({ iterations: 0 })[0]).toEqual({ path: "iterations", message: "must be a whole number from 1 to 10,000,000, got 0" });
    expect(issues({ iterations: 1e9 })[0]?.path).toBe("iterations");
    expect(issues({ seed: 1.5 })[0]).toEqual({ path: "seed", message: "must be a whole number from 0 to 2^53 − 1, got 1.5" });
  });
});
