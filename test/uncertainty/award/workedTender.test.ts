import { describe, expect, expectTypeOf, it } from "vitest";
import { awardUncertainty, scoreTender, type AwardUncertaintyResult, type BidUncertainty, type InputDistribution } from "../../../src/index.js";
import { readFileSync } from "node:fs";
import { workedDocument, workedTender } from "./helpers.js";

describe("probability of winning on the worked tender", () => {
  it("explanations state the figures computed, in words, and the base case agrees with the exact scoring", () => {
    const t = workedTender();
    const r = awardUncertainty(t, {
      iterations: 4000,
      seed: 2026,
      weights: { groups: ["root"], ranges: { "whole-life-cost": { min: 30, max: 40 }, "social-value": { min: 10, max: 20 } } },
      inputs: t.options.map((o) => ({ optionId: o.id, input: "price", distribution: { type: "pert" as const, min: (Number(o.price) * 0.95).toFixed(2), mode: o.price!, max: (Number(o.price) * 1.15).toFixed(2) } })),
    });
    const lot = r.lots[0]!;
    const exact = scoreTender(t).lots[0]!;
    expect(lot.baseWinner).toBe(exact.winner);
    expect(lot.bids.map((b) => b.baseRank)).toEqual(exact.options.map((o) => o.rank));
    const winner = lot.bids.find((b) => b.optionId === exact.winner)!;
    const pct = (p: number) => `${(Math.round(p * 1000) / 10).toFixed(1)}%`;
    expect(lot.summary).toContain(`${winner.supplier} (${winner.label}), the most advantageous tender in the base case, wins in ${pct(winner.probabilityOfWinning)} of 4,000 scenarios`);
    for (const b of lot.bids) {
      expect(b.rankAcceptability.reduce((s, x) => s + x, 0) + b.probabilityExcluded).toBeCloseTo(1, 12);
      if (b.probabilityOfWinning > 0 && b.probabilityOfWinning < 1) expect(b.explanation).toContain(`wins in ${pct(b.probabilityOfWinning)} of 4,000 simulated scenarios`);
    }
    // The excluded bid (it has no carbon reduction plan) stays excluded: a gate declared certain does not vary.
    const excluded = lot.bids.find((b) => b.baseRank === undefined)!;
    expect(excluded.probabilityExcluded).toBe(1);
    // Nothing moves a bid that is never in the running: no drivers are named for it.
    expect(excluded.drivers).toEqual([]);
    expect(excluded.explanation).not.toContain("What moves");
  });

  it("the example's stated uncertainty (examples/tender/award-uncertainty.json) draws pathway parameters and lifecycle lines of the document", () => {
    const spec = JSON.parse(readFileSync(new URL("../../../examples/tender/award-uncertainty.json", import.meta.url), "utf8")) as Pick<Parameters<typeof awardUncertainty>[1], "weights" | "inputs" | "documentValues">;
    const r = awardUncertainty(workedDocument(), { ...spec, iterations: 1000, seed: 2026 });
    expect(r.inputs.map((i) => i.inputId)).toEqual(expect.arrayContaining(["parameter:p_ssi", "parameter:c_bed_day", "parameter:los_ssi", "document:options.a.lifecycle.items.apply.quantity"]));
    const lot3 = r.lots[0]!;
    expect(lot3.summary).toMatch(/9 uncertain inputs \(Aldgate Medical Ltd: price; Bramley Healthcare plc: price; Carrow Surgical Ltd: price; risk of SSI with a standard dressing; …\)/);
    // Bed-day cost moves every whole-pathway cost: it is named among what moves Aldgate's score.
    expect(lot3.bids[0]!.drivers.map((d) => d.label)).toContain("cost of a bed day");
    expect(lot3.bids[0]!.probabilityOfWinning).toBeGreaterThan(0.5);
    expect(lot3.bids[0]!.probabilityOfWinning).toBeLessThan(0.9);
  });

  it("public types", () => {
    expectTypeOf<AwardUncertaintyResult["lots"][number]["bids"][number]>().toEqualTypeOf<BidUncertainty>();
    expectTypeOf<BidUncertainty["rankAcceptability"]>().toEqualTypeOf<readonly number[]>();
    expectTypeOf<{ type: "pert"; min: "1"; mode: "2"; max: "3" }>().toMatchTypeOf<InputDistribution>();
  });
});
