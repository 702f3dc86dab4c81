// The `@example` blocks of src/scoring/functions, run as tests: each `//=>` in a doc comment is checked here.
import { describe, expect, it } from "vitest";
import {
  moderate,
  PRICE_FORMULAS,
  priceScore,
  priceScores,
  QUALITATIVE_SCALES,
  scaleScore,
  VALUE_FUNCTIONS,
  valueScore,
  type ValueFunction,
} from "../../../src/scoring/functions/index.js";

describe("doc examples", () => {
  it("ScoreTrace / priceScore / priceScores", () => {
    const t = priceScore("10000", ["9500", "10000"], "40", { formula: "relative-to-lowest" });
    expect(t.points).toBe("38");
    expect(t.substituted).toBe("40 × 9500 / 10000 = 38");
    expect(priceScore("10000", ["9500", "10000", "12000"], "40", { formula: "relative-to-lowest" }).substituted).toBe("40 × 9500 / 10000 = 38");
    expect(priceScores(["9500", "10000"], "40", { formula: "relative-to-lowest" }).map((x) => x.points)).toEqual(["40", "38"]);
  });

  it("PRICE_FORMULAS", () => {
    expect(PRICE_FORMULAS["relative-to-lowest"].formula).toBe("max × Pmin / P");
    expect(PRICE_FORMULAS.logarithmic.params[0]).toMatchObject({ name: "A", required: true, rule: "greater-than-one" });
  });

  it("VALUE_FUNCTIONS / ValueFunction / valueScore", () => {
    expect(VALUE_FUNCTIONS.linear.params.map((p) => p.name)).toEqual(["lower", "upper"]);
    expect(VALUE_FUNCTIONS.linear.formula.startsWith("higher-is-better")).toBe(true);
    const pass: ValueFunction = {
      id: "positive",
      label: "Full marks when positive",
      formula: "max if value > 0, else 0",
      params: [],
      score: (v, ctx) => ({ points: v.gt(0) ? ctx.maxPoints : "0", substituted: `value ${v.toString()}` }),
    };
    expect(valueScore("3", "10", { fn: "positive" }, { ...VALUE_FUNCTIONS, positive: pass }).points).toBe("10");
    expect(valueScore("25", "10", { fn: "linear", params: { lower: "10", upper: "30" } }).substituted).toBe("10 × (25 − 10) / (30 − 10) = 7.5");
  });

  it("QUALITATIVE_SCALES / scaleScore", () => {
    expect(QUALITATIVE_SCALES["nhs-vbp-5"].levels.map((l) => l.label)).toEqual(["no response", "poor", "satisfactory", "good", "outstanding"]);
    const t = scaleScore("good", "20", QUALITATIVE_SCALES["nhs-vbp-5"]);
    expect(t.points).toBe("15");
    expect(t.substituted).toBe("20 × 3 / 4 = 15");
    expect(t.descriptor.startsWith("The response answers the question fully, ")).toBe(true);
    expect(scaleScore("2.5", "20", QUALITATIVE_SCALES["nhs-vbp-5"], { betweenLevels: true }).points).toBe("12.5");
  });

  it("moderate", () => {
    const r = moderate(
      {
        individual: [
          { evaluatorId: "E1", level: "good", reason: "Clear plan" },
          { evaluatorId: "E2", level: "outstanding", reason: "Robust data" },
        ],
        consensus: { level: "good", reason: "Data cover one site only; E2 agreed on review." },
      },
      QUALITATIVE_SCALES["nhs-vbp-5"],
    );
    expect(r.level).toBe("3");
    expect(r.changedFrom).toEqual([{ evaluatorId: "E2", level: "4", reason: "Robust data" }]);
  });
});
