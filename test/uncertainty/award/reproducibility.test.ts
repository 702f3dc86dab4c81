import { describe, expect, it } from "vitest";
import { awardDraws, awardUncertainty, awardUncertaintyAsync, mergeAwardDraws, type AwardUncertaintyOptions } from "../../../src/index.js";
import { workedTender } from "./helpers.js";

const options = (): AwardUncertaintyOptions => ({
  iterations: 3000,
  seed: 123456789,
  weights: { groups: ["root"], ranges: { "whole-life-cost": { min: 25, max: 45 } }, order: [["efficiency", "purpose"]] },
  inputs: [
    { optionId: "a", input: "price", distribution: { type: "pert", min: "110", mode: "128", max: "150" } },
    { optionId: "b", input: "price", distribution: { type: "lognormal", mean: "109", sd: "8" } },
    { optionId: "b", input: "health-gain", distribution: { type: "normal", mean: "57.31", sd: "12" } },
    { optionId: "a", input: "pathway-cost", distribution: { type: "gamma", mean: "3387.98", sd: "15" } },
  ],
});

describe("seeded reproducibility", () => {
  it("the same seed gives bit-identical results whatever the chunk size, and async equals sync", async () => {
    const whole = awardUncertainty(workedTender(), { ...options(), chunkSize: 3000 });
    const small = awardUncertainty(workedTender(), { ...options(), chunkSize: 7 });
    const again = awardUncertainty(workedTender(), { ...options(), chunkSize: 1000 });
    expect(small).toEqual(whole);
    expect(again).toEqual(whole);
    const asynchronous = await awardUncertaintyAsync(workedTender(), { ...options(), chunkSize: 500 });
    expect(asynchronous).toEqual(whole);
    // A different seed gives a different answer (the test can fail).
    const other = awardUncertainty(workedTender(), { ...options(), seed: 1 });
    expect(other.lots[0]!.bids[0]!.probabilityOfWinning).not.toBe(whole.lots[0]!.bids[0]!.probabilityOfWinning);
  });

  it("shards run anywhere (in any order) merge to the single-run result, bit for bit", () => {
    const whole = awardUncertainty(workedTender(), options());
    const cuts = [0, 1, 999, 1000, 2417, 3000];
    const parts = cuts.slice(0, -1).map((c, i) => awardDraws(workedTender(), { ...options(), firstDraw: c, iterations: cuts[i + 1]! - c, chunkSize: 250 }));
    expect(mergeAwardDraws(workedTender(), options(), [...parts].reverse())).toEqual(whole);
    expect(() => mergeAwardDraws(workedTender(), options(), parts.slice(1))).toThrow(/cover draws/);
  });

  it("reports progress and stops when aborted", () => {
    const seen: number[] = [];
    awardUncertainty(workedTender(), { ...options(), chunkSize: 1000, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([1000, 2000, 3000]);
    const ac = new AbortController();
    expect(() =>
      awardUncertainty(workedTender(), {
        ...options(),
        chunkSize: 100,
        signal: ac.signal,
        onProgress: (p) => {
          if (p.done >= 200) ac.abort(new Error("stopped by the user"));
        },
      }),
    ).toThrow(/stopped by the user/);
  });
});
