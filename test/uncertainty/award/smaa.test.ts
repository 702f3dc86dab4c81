import { describe, expect, it } from "vitest";
import { awardUncertainty, type Tender } from "../../../src/index.js";

/**
 * SMAA-2 (Lahdelma & Salminen 2001, Operations Research 49(3) 444–454): rank acceptability b_i^r is the share
 * of the feasible weight space in which alternative i has rank r; the central weight vector is the mean weight
 * over the space where i ranks first. With two criteria and no weight information, w1 ~ U(0, 1) and every
 * index is a length on [0, 1] that can be worked out by hand.
 *
 * Example (values as shares of each criterion's maximum): A = (1, 0.2), B = (0.6, 0.7), C = (0.1, 1).
 * V_A = 0.2 + 0.8 w, V_B = 0.7 − 0.1 w, V_C = 1 − 0.9 w; crossings B=C at w = 3/8, A=C at 8/17, A=B at 5/9.
 * Order: C,B,A on (0, 3/8); B,C,A on (3/8, 8/17); B,A,C on (8/17, 5/9); A,B,C on (5/9, 1).
 */
const EXACT: Record<string, readonly number[]> = {
  A: [4 / 9, 5 / 9 - 8 / 17, 8 / 17],
  B: [5 / 9 - 3 / 8, 3 / 8 + 4 / 9, 0],
  C: [3 / 8, 8 / 17 - 3 / 8, 9 / 17],
};
const CENTRAL_W1: Record<string, number> = { A: (5 / 9 + 1) / 2, B: (3 / 8 + 5 / 9) / 2, C: 3 / 16 };

const share = (id: string): Tender["criteria"][number] => ({ id, label: id.toUpperCase(), kind: "quantitative", weight: "50", valueFunction: { fn: "linear", params: { lower: "0", upper: "1" } } });

function tender(values: Record<string, Record<string, string>>, criteria = [share("c1"), share("c2")]): Tender {
  return { criteria, options: Object.entries(values).map(([id, v]) => ({ id, supplier: id, label: id, values: v })) };
}

describe("SMAA-2 on a hand-computable example", () => {
  it("rank acceptability indices and central weights within Monte Carlo error", () => {
    const N = 40000;
    const r = awardUncertainty(tender({ A: { c1: "1", c2: "0.2" }, B: { c1: "0.6", c2: "0.7" }, C: { c1: "0.1", c2: "1" } }), { iterations: N, seed: 2001, weights: {} });
    for (const b of r.lots[0]!.bids) {
      const exact = EXACT[b.optionId]!;
      exact.forEach((p, k) => expect(Math.abs(b.rankAcceptability[k]! - p), `${b.optionId} rank ${k + 1}`).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N) + 1e-12));
      // Central weight: the mean of w1 over the interval where it wins (SE ≤ 0.29/√(N·b1)).
      expect(Math.abs(b.centralWeights!.c1! / 100 - CENTRAL_W1[b.optionId]!)).toBeLessThan(4 * (0.29 / Math.sqrt(N * exact[0]!)));
      expect(b.confidenceFactor).toBe(1);
    }
  });

  it("three criteria with no weight information: by symmetry each specialist wins a third of the simplex", () => {
    const N = 30000;
    const r = awardUncertainty(tender({ A: { c1: "1", c2: "0", c3: "0" }, B: { c1: "0", c2: "1", c3: "0" }, C: { c1: "0", c2: "0", c3: "1" } }, [share("c1"), { ...share("c2") }, { ...share("c3") }].map((c, i) => ({ ...c, weight: ["33.34", "33.33", "33.33"][i]! }) as Tender["criteria"][number])), { iterations: N, seed: 3, weights: {} });
    for (const b of r.lots[0]!.bids) for (const p of b.rankAcceptability) expect(Math.abs(p - 1 / 3)).toBeLessThan(4 * Math.sqrt((2 / 9) / N));
  });

  it("ordinal weights (c1 ≥ c2 ≥ c3) are sampled exactly: the c1 specialist always wins; ranges hold in every draw", () => {
    const t = tender({ A: { c1: "1", c2: "0", c3: "0" }, B: { c1: "0", c2: "1", c3: "0" }, C: { c1: "0", c2: "0", c3: "1" } }, [share("c1"), share("c2"), share("c3")].map((c, i) => ({ ...c, weight: ["33.34", "33.33", "33.33"][i]! }) as Tender["criteria"][number]));
    const ordered = awardUncertainty(t, { iterations: 5000, seed: 4, weights: { order: [["c1", "c2", "c3"]] } });
    const A = ordered.lots[0]!.bids.find((b) => b.optionId === "A")!;
    expect(A.probabilityOfWinning).toBe(1);
    // Uniform on the ordered region {w1 ≥ w2 ≥ w3}: its centroid is (11/18, 5/18, 2/18) (vertices (1,0,0), (½,½,0), (⅓,⅓,⅓)).
    expect(Math.abs(A.centralWeights!.c1! - (100 * 11) / 18)).toBeLessThan(0.6);
    expect(Math.abs(A.centralWeights!.c3! - (100 * 2) / 18)).toBeLessThan(0.6);
    // Ranges: c1 in [50, 60], c2 in [30, 45]: c1 always above c2, A always first, central weights inside the ranges.
    const ranged = awardUncertainty(t, { iterations: 5000, seed: 5, weights: { ranges: { c1: { min: 50, max: 60 }, c2: { min: 30, max: 45 } } } });
    const a = ranged.lots[0]!.bids.find((b) => b.optionId === "A")!;
    expect(a.probabilityOfWinning).toBe(1);
    expect(a.centralWeights!.c1!).toBeGreaterThanOrEqual(50);
    expect(a.centralWeights!.c1!).toBeLessThanOrEqual(60);
    expect(a.centralWeights!.c2!).toBeGreaterThanOrEqual(30);
  });
});
