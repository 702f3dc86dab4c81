import { describe, expect, it } from "vitest";
import { awardUncertainty, type Tender } from "../../../src/index.js";

/** Φ, the standard normal CDF (Abramowitz & Stegun 7.1.26 is too coarse here: use the erf series via complementary form). */
function phi(x: number): number {
  // Zelen & Severo (1964), A&S 26.2.17, |error| < 7.5e-8: ample against Monte Carlo error of ~5e-3.
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989422804014327 * Math.exp((-x * x) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - p : p;
}

const twoBids = (criteria: Tender["criteria"], a: Record<string, string>, b: Record<string, string>): Tender => ({
  criteria,
  options: [
    { id: "A", supplier: "Acme", label: "A", values: a },
    { id: "B", supplier: "Beta", label: "B", values: b },
  ],
});

describe("probability of winning against closed forms", () => {
  it("two bids with normally distributed measured values: P(A wins) = Φ((μA − μB)/√(σA² + σB²))", () => {
    // One quantitative criterion, linear over a range wide enough that clamping has probability < 1e-12.
    const t = twoBids([{ id: "x", label: "Outcome", kind: "quantitative", weight: "100", valueFunction: { fn: "linear", params: { lower: "-1000", upper: "1000" } } }], { x: "60" }, { x: "55" });
    const N = 20000;
    const r = awardUncertainty(t, {
      iterations: N,
      seed: 11,
      inputs: [
        { optionId: "A", input: "x", distribution: { type: "normal", mean: 60, sd: 10 } },
        { optionId: "B", input: "x", distribution: { type: "normal", mean: 55, sd: 5 } },
      ],
    });
    const exact = phi(5 / Math.sqrt(125)); // 0.67264
    const a = r.lots[0]!.bids.find((b) => b.optionId === "A")!;
    const se = Math.sqrt((exact * (1 - exact)) / N);
    expect(Math.abs(a.probabilityOfWinning - exact)).toBeLessThan(4 * se);
    expect(a.standardError).toBeCloseTo(se, 3);
    expect(a.rankAcceptability[0]! + a.rankAcceptability[1]!).toBeCloseTo(1, 12);
  });

  it("two bids and two criteria with no weight information: P(A wins) = P(w > 0.8/1.5) under a uniform weight", () => {
    // A scores (1, 0) and B (0.3, 0.8) as shares of each criterion: A wins iff w > 0.8 − 0.5w, i.e. w > 8/15.
    const crit: Tender["criteria"] = [
      { id: "c1", label: "C1", kind: "quantitative", weight: "50", valueFunction: { fn: "linear", params: { lower: "0", upper: "1" } } },
      { id: "c2", label: "C2", kind: "quantitative", weight: "50", valueFunction: { fn: "linear", params: { lower: "0", upper: "1" } } },
    ];
    const N = 20000;
    const r = awardUncertainty(twoBids(crit, { c1: "1", c2: "0" }, { c1: "0.3", c2: "0.8" }), { iterations: N, seed: 5, weights: {} });
    const exact = 1 - 8 / 15;
    const a = r.lots[0]!.bids.find((b) => b.optionId === "A")!;
    expect(Math.abs(a.probabilityOfWinning - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / N));
    // Central weight of c1 for A: mean of w over (8/15, 1) = 23/30; for B: mean over (0, 8/15) = 4/15.
    expect(Math.abs(a.centralWeights!.c1! - (100 * 23) / 30)).toBeLessThan(0.5);
    const b = r.lots[0]!.bids.find((x) => x.optionId === "B")!;
    expect(Math.abs(b.centralWeights!.c1! - (100 * 4) / 15)).toBeLessThan(0.5);
    // With exact values the confidence factor at the central weights is 1 (Lahdelma & Salminen 2001, §3).
    expect(a.confidenceFactor).toBe(1);
  });

  it("price uncertainty through relative-to-lowest: the lowest price is recomputed in every draw", () => {
    // Quality 50/50 fixed; prices A ~ U(90, 110), B = 100. A: 50×0.8 + 50×min(PA,PB)/PA; B: 50×0.7 + 50×min/PB.
    // A wins iff 40 + 50·m/PA > 35 + 50·m/PB. For PA ≤ 100: 90 > 35 + 50·PA/100 always. For PA > 100: 40 + 50·100/PA > 85 ⇔ PA < 111.1: always.
    // So A always wins: a draw-level check that Pmin moves with A's price.
    const t: Tender = {
      criteria: [
        { id: "q", label: "Q", kind: "quantitative", weight: "50", valueFunction: { fn: "linear", params: { lower: "0", upper: "1" } } },
        { id: "p", label: "Price", kind: "price", weight: "50", formula: { formula: "relative-to-lowest" } },
      ],
      options: [
        { id: "A", supplier: "Acme", label: "A", price: "100", values: { q: "0.8" } },
        { id: "B", supplier: "Beta", label: "B", price: "100", values: { q: "0.7" } },
      ],
    };
    const r = awardUncertainty(t, { iterations: 2000, seed: 3, inputs: [{ optionId: "A", input: "price", distribution: { type: "uniform", min: 90, max: 110 } }] });
    expect(r.lots[0]!.bids.find((b) => b.optionId === "A")!.probabilityOfWinning).toBe(1);
    // With B's quality 0.85 the closed form is P(A wins) = P(40 + 50·m/PA > 42.5 + 50·m/PB):
    // PA ≤ 100: 90 > 42.5 + 0.5·PA ⇔ PA < 95 → P = 0.25; PA > 100: 40 + 5000/PA > 92.5 never. So 0.25.
    const t2: Tender = { ...t, options: [t.options[0]!, { ...t.options[1]!, values: { q: "0.85" } }] };
    const N = 20000;
    const r2 = awardUncertainty(t2, { iterations: N, seed: 3, inputs: [{ optionId: "A", input: "price", distribution: { type: "uniform", min: 90, max: 110 } }] });
    const p = r2.lots[0]!.bids.find((b) => b.optionId === "A")!.probabilityOfWinning;
    expect(Math.abs(p - 0.25)).toBeLessThan(4 * Math.sqrt((0.25 * 0.75) / N));
  });
});
