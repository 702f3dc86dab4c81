import { describe, expect, it } from "vitest";
import { PRICE_FORMULAS, priceScores, type PriceFormulaSpec } from "../../../src/index.js";

/** Bids listed with the highest first and the lowest in the middle, so neither Pmin nor Pmax is the last price. */
const BIDS = ["12000", "8000", "10000"] as const;

/**
 * The complete trace of every bid under each of the 7 built-in formulas (strict shapes: points, maxPoints, the
 * formula text, the worked formula, the inputs and any notes). Every figure is hand-checkable: e.g. linear
 * between limits with floor 9,000: 40 × (12,000 − 10,000) / (12,000 − 9,000) = 26.67; mean-based with
 * Pmean = 10,000: 40 × (1 − 2,000/10,000) = 32.
 */
const TRACES: readonly [PriceFormulaSpec, readonly (readonly [string, string, Record<string, string>, readonly string[] | undefined])[]][] = [
  [
    {"formula": "proportional-deviation"},
    [
      ["20", "40 × (1 − (12000 − 8000) / 8000) = 20", {"P": "12000", "max": "40", "Pmin": "8000"}, undefined],
      ["40", "40 × (1 − (8000 − 8000) / 8000) = 40", {"P": "8000", "max": "40", "Pmin": "8000"}, undefined],
      ["30", "40 × (1 − (10000 − 8000) / 8000) = 30", {"P": "10000", "max": "40", "Pmin": "8000"}, undefined],
    ],
  ],
  [
    {"formula": "linear-between-limits"},
    [
      ["0", "P = 12000 ≥ Pmax = 12000: 0", {"P": "12000", "max": "40", "Pmin": "8000", "Pmax": "12000"}, undefined],
      ["40", "P = 8000 ≤ Pmin = 8000: full marks 40", {"P": "8000", "max": "40", "Pmin": "8000", "Pmax": "12000"}, undefined],
      ["20", "40 × (12000 − 10000) / (12000 − 8000) = 20", {"P": "10000", "max": "40", "Pmin": "8000", "Pmax": "12000"}, undefined],
    ],
  ],
  [
    {"formula": "linear-between-limits", "params": {"floor": "9000"}},
    [
      ["0", "P = 12000 ≥ Pmax = 12000: 0", {"P": "12000", "max": "40", "Pmin": "9000", "Pmax": "12000", "floor": "9000"}, undefined],
      ["40", "P = 8000 ≤ Pmin = 9000: full marks 40", {"P": "8000", "max": "40", "Pmin": "9000", "Pmax": "12000", "floor": "9000"}, ["price 8000 is below the lower limit 9000: full marks"]],
      ["26.66666666666666666667", "40 × (12000 − 10000) / (12000 − 9000) ≈ 26.666667", {"P": "10000", "max": "40", "Pmin": "9000", "Pmax": "12000", "floor": "9000"}, undefined],
    ],
  ],
  [
    {"formula": "linear-between-limits", "params": {"ceiling": "11000"}},
    [
      ["0", "P = 12000 > ceiling = 11000: 0", {"P": "12000", "max": "40", "Pmin": "8000", "Pmax": "11000", "ceiling": "11000"}, ["price 12000 is above the stated ceiling 11000: 0 points"]],
      ["40", "P = 8000 ≤ Pmin = 8000: full marks 40", {"P": "8000", "max": "40", "Pmin": "8000", "Pmax": "11000", "ceiling": "11000"}, undefined],
      ["13.33333333333333333333", "40 × (11000 − 10000) / (11000 − 8000) ≈ 13.333333", {"P": "10000", "max": "40", "Pmin": "8000", "Pmax": "11000", "ceiling": "11000"}, undefined],
    ],
  ],
  [
    {"formula": "linear-between-limits", "params": {"floor": "9000", "ceiling": "11000"}},
    [
      ["0", "P = 12000 > ceiling = 11000: 0", {"P": "12000", "max": "40", "Pmin": "9000", "Pmax": "11000", "floor": "9000", "ceiling": "11000"}, ["price 12000 is above the stated ceiling 11000: 0 points"]],
      ["40", "P = 8000 ≤ Pmin = 9000: full marks 40", {"P": "8000", "max": "40", "Pmin": "9000", "Pmax": "11000", "floor": "9000", "ceiling": "11000"}, ["price 8000 is below the lower limit 9000: full marks"]],
      ["20", "40 × (11000 − 10000) / (11000 − 9000) = 20", {"P": "10000", "max": "40", "Pmin": "9000", "Pmax": "11000", "floor": "9000", "ceiling": "11000"}, undefined],
    ],
  ],
  [
    {"formula": "logarithmic", "params": {"A": "2"}},
    [
      ["16.60149997115375274185", "40 × (1 − ln(12000 / 8000) / ln 2) ≈ 16.6015", {"P": "12000", "max": "40", "Pmin": "8000", "A": "2"}, undefined],
      ["40", "40 × (1 − ln(8000 / 8000) / ln 2) = 40", {"P": "8000", "max": "40", "Pmin": "8000", "A": "2"}, undefined],
      ["27.12287620450550608519", "40 × (1 − ln(10000 / 8000) / ln 2) ≈ 27.122876", {"P": "10000", "max": "40", "Pmin": "8000", "A": "2"}, undefined],
    ],
  ],
  [
    {"formula": "mean-based"},
    [
      ["32", "40 × (1 − (12000 − 10000) / (1 × 10000)) = 32", {"P": "12000", "max": "40", "Pmean": "10000", "b": "1"}, undefined],
      ["40", "40 × (1 − (8000 − 10000) / (1 × 10000)) = 48 → 40", {"P": "8000", "max": "40", "Pmean": "10000", "b": "1"}, ["score capped at the maximum 40 (price at or below the mean price; the formula gave 48)"]],
      ["40", "40 × (1 − (10000 − 10000) / (1 × 10000)) = 40", {"P": "10000", "max": "40", "Pmean": "10000", "b": "1"}, undefined],
    ],
  ],
  [
    {"formula": "mean-based", "params": {"band": "0.5"}},
    [
      ["24", "40 × (1 − (12000 − 10000) / (0.5 × 10000)) = 24", {"P": "12000", "max": "40", "Pmean": "10000", "b": "0.5", "band": "0.5"}, undefined],
      ["40", "40 × (1 − (8000 − 10000) / (0.5 × 10000)) = 56 → 40", {"P": "8000", "max": "40", "Pmean": "10000", "b": "0.5", "band": "0.5"}, ["score capped at the maximum 40 (price at or below the mean price; the formula gave 56)"]],
      ["40", "40 × (1 − (10000 − 10000) / (0.5 × 10000)) = 40", {"P": "10000", "max": "40", "Pmean": "10000", "b": "0.5", "band": "0.5"}, undefined],
    ],
  ],
  [
    {"formula": "ratio-to-reference", "params": {"reference": "9000"}},
    [
      ["30", "40 × 9000 / 12000 = 30", {"P": "12000", "max": "40", "R": "9000", "reference": "9000"}, undefined],
      ["40", "40 × 9000 / 8000 = 45 → 40", {"P": "8000", "max": "40", "R": "9000", "reference": "9000"}, ["score capped at the maximum 40 (price below the reference price; the formula gave 45)"]],
      ["36", "40 × 9000 / 10000 = 36", {"P": "10000", "max": "40", "R": "9000", "reference": "9000"}, undefined],
    ],
  ],
  [
    {"formula": "proportional-to-budget", "params": {"budget": "11000"}},
    [
      ["0", "40 × (11000 − 12000) / 11000 ≈ -3.636364 → 0", {"P": "12000", "max": "40", "B": "11000", "budget": "11000"}, ["score floored at 0 (price 12000 is above the budget 11000; the formula gave -3.636364)"]],
      ["10.90909090909090909091", "40 × (11000 − 8000) / 11000 ≈ 10.909091", {"P": "8000", "max": "40", "B": "11000", "budget": "11000"}, undefined],
      ["3.63636363636363636364", "40 × (11000 − 10000) / 11000 ≈ 3.636364", {"P": "10000", "max": "40", "B": "11000", "budget": "11000"}, undefined],
    ],
  ],
];

describe("price formulas: every formula's worked text, inputs and notes (strict output shapes)", () => {
  it("relative-to-lowest: 40 × Pmin / P", () => {
    expect(priceScores(BIDS, "40", { formula: "relative-to-lowest" })).toEqual([
      { points: "26.66666666666666666667", maxPoints: "40", formula: "max × Pmin / P", substituted: "40 × 8000 / 12000 ≈ 26.666667", inputs: { P: "12000", max: "40", Pmin: "8000" } },
      { points: "40", maxPoints: "40", formula: "max × Pmin / P", substituted: "40 × 8000 / 8000 = 40", inputs: { P: "8000", max: "40", Pmin: "8000" } },
      { points: "32", maxPoints: "40", formula: "max × Pmin / P", substituted: "40 × 8000 / 10000 = 32", inputs: { P: "10000", max: "40", Pmin: "8000" } },
    ]);
  });

  it.each(TRACES.map(([spec, rows]) => [`${spec.formula} ${JSON.stringify(spec.params ?? {})}`, spec, rows] as const))("%s", (_name, spec, rows) => {
    const formula = PRICE_FORMULAS[spec.formula]!.formula;
    expect(priceScores(BIDS, "40", spec)).toEqual(
      rows.map(([points, substituted, inputs, notes]) => ({ points, maxPoints: "40", formula, substituted, inputs, ...(notes !== undefined ? { notes } : {}) })),
    );
  });

  it("floors, caps and ties: [\"17000\", \"8000\"] { formula: \"proportional-deviation\" }", () => {
    expect(priceScores(["17000", "8000"], "40", { formula: "proportional-deviation" }).map((t) => [t.points, t.substituted, t.notes])).toEqual([["0", "40 × (1 − (17000 − 8000) / 8000) = -5 → 0", ["score floored at 0 (price 17000 is more than double the lowest 8000; the formula gave -5)"]], ["40", "40 × (1 − (8000 − 8000) / 8000) = 40", undefined]]);
  });
  it("floors, caps and ties: [\"17000\", \"8000\"] { formula: \"logarithmic\", params: { A: \"2\" } }", () => {
    expect(priceScores(["17000", "8000"], "40", { formula: "logarithmic", params: { A: "2" } }).map((t) => [t.points, t.substituted, t.notes])).toEqual([["0", "40 × (1 − ln(17000 / 8000) / ln 2) ≈ -3.498514 → 0", ["score floored at 0 (price 17000 is more than A = 2 times the lowest 8000; the formula gave -3.498514)"]], ["40", "40 × (1 − ln(8000 / 8000) / ln 2) = 40", undefined]]);
  });
  it("floors, caps and ties: [\"30000\", \"8000\", \"10000\"] { formula: \"mean-based\" }", () => {
    expect(priceScores(["30000", "8000", "10000"], "40", { formula: "mean-based" }).map((t) => [t.points, t.substituted, t.notes])).toEqual([["5", "40 × (1 − (30000 − 16000) / (1 × 16000)) = 5", undefined], ["40", "40 × (1 − (8000 − 16000) / (1 × 16000)) = 60 → 40", ["score capped at the maximum 40 (price at or below the mean price; the formula gave 60)"]], ["40", "40 × (1 − (10000 − 16000) / (1 × 16000)) = 55 → 40", ["score capped at the maximum 40 (price at or below the mean price; the formula gave 55)"]]]);
  });
  it("floors, caps and ties: [\"12000\", \"8000\"] { formula: \"proportional-to-budget\", params: { budget: \"10000\" } }", () => {
    expect(priceScores(["12000", "8000"], "40", { formula: "proportional-to-budget", params: { budget: "10000" } }).map((t) => [t.points, t.substituted, t.notes])).toEqual([["0", "40 × (10000 − 12000) / 10000 = -8 → 0", ["score floored at 0 (price 12000 is above the budget 10000; the formula gave -8)"]], ["8", "40 × (10000 − 8000) / 10000 = 8", undefined]]);
  });
  it("floors, caps and ties: [\"9000\", \"9000\"] { formula: \"linear-between-limits\" }", () => {
    expect(priceScores(["9000", "9000"], "40", { formula: "linear-between-limits" }).map((t) => [t.points, t.substituted, t.notes])).toEqual([["40", "P = 9000 ≤ Pmin = 9000: full marks 40", ["all valid prices are equal: full marks"]], ["40", "P = 9000 ≤ Pmin = 9000: full marks 40", ["all valid prices are equal: full marks"]]]);
  });
});
