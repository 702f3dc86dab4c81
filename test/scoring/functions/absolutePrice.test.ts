// The absolute-scoring family and the optimal-price formula (Stilger, Siderius & van Raaij 2017, Journal of
// Public Procurement 17(1) 88–124): each score depends only on the bid's own price and figures stated in
// advance. Exact traces (points, worked formula, inputs, notes) at and around every limit, the order of the
// stated limits, and independence from the other bids and their order.
import { describe, expect, it } from "vitest";
import { priceScore, priceScores, type PriceFormulaSpec, type ScoreTrace } from "../../../src/index.js";
import { thrown } from "../../_helpers/thrown.js";

const LINEAR = { formula: "absolute-linear", params: { floor: "90", ceiling: "150" } };
const DEVIATION = { formula: "absolute-proportional-deviation", params: { reference: "100" } };
const OPTIMAL = { formula: "optimal-price", params: { optimal: "100", ceiling: "200" } };

/** The same prices scored in reverse order give the same trace for each price. */
function orderFree(prices: readonly string[], spec: PriceFormulaSpec): readonly ScoreTrace[] {
  const forward = priceScores(prices, "40", spec);
  const backward = priceScores([...prices].reverse(), "40", spec);
  expect([...backward].reverse()).toEqual(forward);
  return forward;
}

describe("absolute-linear: max × (C − P) / (C − F) between a stated floor F and ceiling C", () => {
  const inputs = (P: string) => ({ P, max: "40", F: "90", C: "150", floor: "90", ceiling: "150" });

  it("below the floor the formula exceeds the maximum and is capped, with a note", () => {
    // 40 × (150 − 80) / 60 = 46.666…
    expect(orderFree(["80", "120", "160"], LINEAR)[0]).toEqual({
      points: "40",
      maxPoints: "40",
      formula: "max × (C − P) / (C − F), full marks at or below the stated floor F, 0 at or above the stated ceiling C",
      substituted: "40 × (150 − 80) / (150 − 90) ≈ 46.666667 → 40",
      inputs: inputs("80"),
      notes: ["score capped at the maximum 40 (the formula gave 46.666667)"],
    });
  });

  it("between the limits: 40 × 30 / 60 = 20, no note", () => {
    const t = orderFree(["80", "120", "160"], LINEAR)[1];
    expect(t).toEqual({ points: "20", maxPoints: "40", formula: t!.formula, substituted: "40 × (150 − 120) / (150 − 90) = 20", inputs: inputs("120") });
  });

  it("above the ceiling the formula is negative and floored at 0, with a note that gives no other reason", () => {
    // 40 × (150 − 160) / 60 = −6.666…
    const t = orderFree(["80", "120", "160"], LINEAR)[2];
    expect(t).toEqual({
      points: "0",
      maxPoints: "40",
      formula: t!.formula,
      substituted: "40 × (150 − 160) / (150 − 90) ≈ -6.666667 → 0",
      inputs: inputs("160"),
      notes: ["score floored at 0 (the formula gave -6.666667)"],
    });
  });

  it("exactly at the floor full marks and exactly at the ceiling 0, with no note", () => {
    const [atFloor, atCeiling] = priceScores(["90", "150"], "40", LINEAR);
    expect(atFloor).toMatchObject({ points: "40", substituted: "40 × (150 − 90) / (150 − 90) = 40" });
    expect(atCeiling).toMatchObject({ points: "0", substituted: "40 × (150 − 150) / (150 − 90) = 0" });
    expect(atFloor!.notes).toBeUndefined();
    expect(atCeiling!.notes).toBeUndefined();
  });

  it("a ceiling not above the floor is refused at spec.params.ceiling", () => {
    for (const ceiling of ["90", "80"]) {
      expect(thrown(() => priceScores(["100"], "40", { formula: "absolute-linear", params: { floor: "90", ceiling } }))).toEqual([
        { code: "out_of_order", path: ["spec", "params", "ceiling"], message: `must be greater than params.floor (90), got ${ceiling}` },
      ]);
    }
  });

  it("both limits are required and must be > 0; every problem is reported at once", () => {
    expect(thrown(() => priceScores(["100"], "40", { formula: "absolute-linear", params: { floor: "0" } }))).toEqual([
      { code: "too_small", path: ["spec", "params", "floor"], message: "must be > 0, got 0" },
      { code: "invalid_type", path: ["spec", "params", "ceiling"], message: 'is required by price formula "absolute-linear"' },
    ]);
  });
});

describe("absolute-proportional-deviation: max × (1 − (P − R) / R) against a stated reference R", () => {
  const inputs = (P: string) => ({ P, max: "40", R: "100", reference: "100" });

  it("below R capped at the maximum; 25% above R costs 25% of the maximum; at 2.5 R floored at 0", () => {
    const [below, above, far] = orderFree(["90", "125", "250"], DEVIATION);
    expect(below).toEqual({
      points: "40",
      maxPoints: "40",
      formula: "max × (1 − (P − R) / R), capped at max, 0 at twice R or more (R = params.reference)",
      substituted: "40 × (1 − (90 − 100) / 100) = 44 → 40",
      inputs: inputs("90"),
      notes: ["score capped at the maximum 40 (the formula gave 44)"],
    });
    expect(above).toEqual({ points: "30", maxPoints: "40", formula: below!.formula, substituted: "40 × (1 − (125 − 100) / 100) = 30", inputs: inputs("125") });
    expect(far).toEqual({
      points: "0",
      maxPoints: "40",
      formula: below!.formula,
      substituted: "40 × (1 − (250 − 100) / 100) = -20 → 0",
      inputs: inputs("250"),
      notes: ["score floored at 0 (the formula gave -20)"],
    });
  });

  it("exactly at R full marks and at 2R zero, with no note", () => {
    const [atR, atTwice] = priceScores(["100", "200"], "40", DEVIATION);
    expect(atR).toEqual({ points: "40", maxPoints: "40", formula: atR!.formula, substituted: "40 × (1 − (100 − 100) / 100) = 40", inputs: inputs("100") });
    expect(atTwice).toEqual({ points: "0", maxPoints: "40", formula: atR!.formula, substituted: "40 × (1 − (200 − 100) / 100) = 0", inputs: inputs("200") });
  });
});

describe("optimal-price: full marks up to a stated optimum, linear to 0 at a stated ceiling", () => {
  const inputs = (P: string) => ({ P, max: "40", Popt: "100", C: "200", optimal: "100", ceiling: "200" });
  const FORMULA = "P ≤ Popt: max; Popt < P < C: max × (C − P) / (C − Popt); P ≥ C: 0";

  it("at or below the optimum: full marks, said as such (no capped formula)", () => {
    const [low, atOptimum] = orderFree(["60", "100", "150", "220"], OPTIMAL);
    expect(low).toEqual({ points: "40", maxPoints: "40", formula: FORMULA, substituted: "P = 60 ≤ Popt = 100: 40", inputs: inputs("60") });
    expect(atOptimum).toEqual({ points: "40", maxPoints: "40", formula: FORMULA, substituted: "P = 100 ≤ Popt = 100: 40", inputs: inputs("100") });
  });

  it("between the optimum and the ceiling: 40 × 50 / 100 = 20; above the ceiling floored at 0 with a note", () => {
    const [, , mid, over] = orderFree(["60", "100", "150", "220"], OPTIMAL);
    expect(mid).toEqual({ points: "20", maxPoints: "40", formula: FORMULA, substituted: "40 × (200 − 150) / (200 − 100) = 20", inputs: inputs("150") });
    expect(over).toEqual({
      points: "0",
      maxPoints: "40",
      formula: FORMULA,
      substituted: "40 × (200 − 220) / (200 − 100) = -8 → 0",
      inputs: inputs("220"),
      notes: ["score floored at 0 (the formula gave -8)"],
    });
  });

  it("a ceiling not above the optimum is refused at spec.params.ceiling", () => {
    for (const ceiling of ["100", "90"]) {
      expect(thrown(() => priceScores(["60"], "40", { formula: "optimal-price", params: { optimal: "100", ceiling } }))).toEqual([
        { code: "out_of_order", path: ["spec", "params", "ceiling"], message: `must be greater than params.optimal (100), got ${ceiling}` },
      ]);
    }
  });
});

describe("absolute scoring does not depend on the other bids", () => {
  it("a bid's trace is the same alone, among others, and whatever their order", () => {
    for (const spec of [LINEAR, DEVIATION, OPTIMAL]) {
      for (const price of ["95", "120", "140"]) {
        const alone = priceScore(price, [price], "40", spec);
        expect(priceScore(price, ["300", price, "50"], "40", spec), `${spec.formula} ${price}`).toEqual(alone);
        expect(priceScore(price, ["50", "300", price], "40", spec), `${spec.formula} ${price}`).toEqual(alone);
      }
    }
  });
});
