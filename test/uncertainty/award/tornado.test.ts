import { describe, expect, it } from "vitest";
import { awardTornado, scoreTender } from "../../../src/index.js";
import { gatedTender } from "./helpers.js";

describe("tornado data on tender score and rank", () => {
  it("each bar's low and high ends reproduce the exact scoring of the tender with that one input changed", () => {
    const t = gatedTender("relative-to-lowest");
    const r = awardTornado(t, {
      seed: 0,
      weights: { ranges: { price: { min: 30, max: 55 } } },
      inputs: [
        { optionId: "B", input: "price", distribution: { type: "uniform", min: 6000, max: 11000 } },
        { optionId: "A", input: "co2", distribution: { type: "triangular", min: 50, mode: 120, max: 400 } },
      ],
    });
    const bars = r.lots[0]!.bars;
    expect(bars.map((b) => b.inputId).sort()).toEqual(["A.co2", "B.price", "weight:price", "weight:quality", "weight:sv"].sort());
    for (let i = 1; i < bars.length; i++) expect(bars[i - 1]!.swing).toBeGreaterThanOrEqual(bars[i]!.swing);
    const price = bars.find((b) => b.inputId === "B.price")!;
    expect(price.low).toBeCloseTo(6125, 9);
    expect(price.high).toBeCloseTo(10875, 9);
    for (const [end, value] of [["atLow", "6125"], ["atHigh", "10875"]] as const) {
      const exact = scoreTender({ ...t, options: t.options.map((o) => (o.id === "B" ? { ...o, price: value } : o)) }).lots[0]!;
      for (const b of price.bids) {
        const e = exact.options.find((o) => o.optionId === b.optionId)!;
        expect(b[end].rank).toBe(e.rank ?? 0);
        if (e.rank !== undefined) expect(b[end].score).toBeCloseTo(Number(e.total), 9);
      }
    }
    const bAt = (end: "atLow" | "atHigh") => price.bids.find((b) => b.optionId === "B")![end].score;
    expect(bAt("atLow")).toBeGreaterThan(bAt("atHigh"));
  });
});
