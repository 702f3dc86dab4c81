// What priceScore and priceScores promise at their edges: every input problem reported at once with its exact
// { code, path, message }, the limits of linear-between-limits when only one is stated, and what a caller's
// own formula is given and how its result is guarded.
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { PRICE_FORMULAS, priceScore, priceScores, VbpInputError, type PriceFormula, type PriceFormulaContext } from "../../../src/index.js";
import { thrown } from "../../_helpers/thrown.js";


const KNOWN =
  "relative-to-lowest, proportional-deviation, linear-between-limits, logarithmic, mean-based, ratio-to-reference, proportional-to-budget, absolute-linear, absolute-proportional-deviation, optimal-price";

/** A caller's formula with no parameters, returning whatever `points` gives for the price. */
function own(points: (p: Decimal, ctx: PriceFormulaContext) => Decimal | string | number): PriceFormula {
  return { id: "own", label: "Own", formula: "f(P)", rankReversal: "n/a", params: [], score: (p, ctx) => ({ points: points(p, ctx) as Decimal | string, substituted: `f(${p.toString()})` }) };
}

describe("price formula spec: what is refused, at which path", () => {
  it("a spec that is not an object", () => {
    for (const spec of ["relative-to-lowest", 5, undefined]) {
      expect(thrown(() => priceScores(["100"], "40", spec as never))).toEqual([{ code: "invalid_type", path: ["spec"], message: "must be an object { formula, params? }" }]);
    }
  });

  it("a formula id that is not a string, or names something on Object.prototype", () => {
    expect(thrown(() => priceScores(["100"], "40", { formula: 5 } as never))).toEqual([{ code: "unknown_reference", path: ["spec", "formula"], message: `unknown price formula 5; known formulas: ${KNOWN}` }]);
    for (const id of ["toString", "constructor", "__proto__", "hasOwnProperty"]) {
      expect(thrown(() => priceScores(["100"], "40", { formula: id }))).toEqual([
        { code: "unknown_reference", path: ["spec", "formula"], message: `unknown price formula ${JSON.stringify(id)}; known formulas: ${KNOWN}` },
      ]);
    }
  });

  it("a formula id that is not a string is refused even when it would name a formula as a key (an array of one id)", () => {
    expect(thrown(() => priceScores(["100"], "40", { formula: ["relative-to-lowest"] } as never))).toEqual([
      { code: "unknown_reference", path: ["spec", "formula"], message: `unknown price formula ["relative-to-lowest"]; known formulas: ${KNOWN}` },
    ]);
  });

  it("params that are not an object of named values", () => {
    expect(thrown(() => priceScores(["100"], "40", { formula: "logarithmic", params: "A=2" } as never))).toEqual([
      { code: "invalid_type", path: ["spec", "params"], message: 'must be an object of named parameters, got "A=2"' },
    ]);
    expect(thrown(() => priceScores(["100"], "40", { formula: "logarithmic", params: 2 } as never))).toEqual([
      { code: "invalid_type", path: ["spec", "params"], message: "must be an object of named parameters, got 2" },
    ]);
    // null params are the same as none
    expect(priceScores(["100"], "40", { formula: "relative-to-lowest", params: null } as never)[0]!.points).toBe("40");
  });

  it("a parameter inherited through the prototype is not read: only own keys count", () => {
    const params = Object.create({ A: "2" }) as Record<string, string>;
    expect(thrown(() => priceScores(["100"], "40", { formula: "logarithmic", params }))).toEqual([
      {
        code: "invalid_type",
        path: ["spec", "params", "A"],
        message: 'is required by price formula "logarithmic"',
      },
    ]);
  });

  it("A ≤ 1 (zero and negative included) breaks the greater-than-one rule, not the positive rule", () => {
    for (const A of ["0", "-1", "1", "0.999"]) {
      expect(thrown(() => priceScores(["100"], "40", { formula: "logarithmic", params: { A } }))).toEqual([{ code: "too_small", path: ["spec", "params", "A"], message: `must be > 1, got ${A}` }]);
    }
    expect(thrown(() => priceScores(["100"], "40", { formula: "logarithmic", params: { A: "two" } }))).toEqual([
      { code: "invalid_type", path: ["spec", "params", "A"], message: 'must be a decimal number (a finite decimal number), got "two"' },
    ]);
  });

  it("several parameter problems at once: unknown keys first, then each parameter in the formula's order", () => {
    expect(thrown(() => priceScores(["100"], "40", { formula: "linear-between-limits", params: { ceiling: "0", width: "1", floor: "low" } }))).toEqual([
      { code: "unrecognized_keys", path: ["spec", "params", "width"], message: 'unknown parameter "width" for price formula "linear-between-limits"; allowed: floor, ceiling' },
      { code: "invalid_type", path: ["spec", "params", "floor"], message: 'must be a decimal number (a finite decimal number), got "low"' },
      { code: "too_small", path: ["spec", "params", "ceiling"], message: "must be > 0, got 0" },
    ]);
  });

  it("a ceiling below the floor is out of order", () => {
    expect(thrown(() => priceScores(["100"], "40", { formula: "linear-between-limits", params: { floor: "9000", ceiling: "8000" } }))).toEqual([
      { code: "out_of_order", path: ["spec", "params", "ceiling"], message: "must be greater than params.floor (9000), got 8000" },
    ]);
  });
});

describe("price lists and maximum points: what is refused, at which path", () => {
  it("a price list that is not an array", () => {
    expect(thrown(() => priceScores("100" as never, "40", { formula: "relative-to-lowest" }))).toEqual([{ code: "invalid_type", path: ["prices"], message: "must be an array of decimal prices" }]);
    expect(thrown(() => priceScore("100", "100" as never, "40", { formula: "relative-to-lowest" }))).toEqual([{ code: "invalid_type", path: ["allPrices"], message: "must be an array of decimal prices" }]);
    expect(thrown(() => priceScore("100", [], "40", { formula: "relative-to-lowest" }))).toEqual([
      { code: "too_small", path: ["allPrices"], message: "must have at least 1 item (the valid bid prices being compared)" },
    ]);
  });

  it("priceScore reports the price, every bad bid, the maximum and the spec together", () => {
    expect(thrown(() => priceScore("-1", ["x", "0"], "many", { formula: "logarithmic" }))).toEqual([
      { code: "too_small", path: ["price"], message: "must be > 0, got -1" },
      { code: "invalid_type", path: ["allPrices", 0], message: 'must be a price (a finite decimal number), got "x"' },
      { code: "too_small", path: ["allPrices", 1], message: "must be > 0, got 0" },
      { code: "invalid_type", path: ["maxPoints"], message: 'must be a decimal number (a finite decimal number), got "many"' },
      {
        code: "invalid_type",
        path: ["spec", "params", "A"],
        message: 'is required by price formula "logarithmic"',
      },
    ]);
  });

  it("priceScores reports every bad bid, the maximum and the spec together", () => {
    expect(thrown(() => priceScores(["0", "100", "-2"], "-40", { formula: "mean-based", params: { band: "0" } }))).toEqual([
      { code: "too_small", path: ["prices", 0], message: "must be > 0, got 0" },
      { code: "too_small", path: ["prices", 2], message: "must be > 0, got -2" },
      { code: "too_small", path: ["maxPoints"], message: "must be ≥ 0, got -40" },
      { code: "too_small", path: ["spec", "params", "band"], message: "must be > 0, got 0" },
    ]);
  });

  it("a price is matched against the bids by value, not by its text", () => {
    expect(priceScore("100.0", ["1e2", "200"], "40", { formula: "relative-to-lowest" }).points).toBe("40");
  });

  it("the result is frozen, one trace per price in order", () => {
    const r = priceScores(["200", "100"], "40", { formula: "relative-to-lowest" });
    expect(Object.isFrozen(r)).toBe(true);
    expect(r.map((t) => t.inputs.P)).toEqual(["200", "100"]);
    expect(Object.isFrozen(r[0]) && Object.isFrozen(r[0]!.inputs)).toBe(true);
  });
});

describe("linear-between-limits with one limit stated", () => {
  it("only a floor, bids all at it: full marks with no note (the floor is stated, so it is not an all-equal case)", () => {
    expect(priceScores(["8000", "8000"], "40", { formula: "linear-between-limits", params: { floor: "8000" } })).toEqual([
      { points: "40", maxPoints: "40", formula: PRICE_FORMULAS["linear-between-limits"].formula, substituted: "P = 8000 ≤ Pmin = 8000: full marks 40", inputs: { P: "8000", max: "40", Pmin: "8000", Pmax: "8000", floor: "8000" } },
      { points: "40", maxPoints: "40", formula: PRICE_FORMULAS["linear-between-limits"].formula, substituted: "P = 8000 ≤ Pmin = 8000: full marks 40", inputs: { P: "8000", max: "40", Pmin: "8000", Pmax: "8000", floor: "8000" } },
    ]);
  });

  it("only a floor, above every bid: every bid scores full marks, with the below-the-limit note", () => {
    expect(priceScores(["9000", "12000"], "40", { formula: "linear-between-limits", params: { floor: "15000" } }).map((t) => [t.points, t.substituted, t.notes])).toEqual([
      ["40", "P = 9000 ≤ Pmin = 15000: full marks 40", ["price 9000 is below the lower limit 15000: full marks"]],
      ["40", "P = 12000 ≤ Pmin = 15000: full marks 40", ["price 12000 is below the lower limit 15000: full marks"]],
    ]);
  });

  it("only a floor: Pmax is the highest bid wherever it is listed", () => {
    expect(priceScores(["12000", "10000", "9000"], "40", { formula: "linear-between-limits", params: { floor: "8000" } }).map((t) => [t.points, t.substituted])).toEqual([
      ["0", "P = 12000 ≥ Pmax = 12000: 0"],
      ["20", "40 × (12000 − 10000) / (12000 − 8000) = 20"],
      ["30", "40 × (12000 − 9000) / (12000 − 8000) = 30"],
    ]);
  });

  it("only a ceiling, one bid at it: the lowest bid scores full marks, with no all-equal note", () => {
    const [t] = priceScores(["8000"], "40", { formula: "linear-between-limits", params: { ceiling: "8000" } });
    expect(t).toEqual({
      points: "40",
      maxPoints: "40",
      formula: PRICE_FORMULAS["linear-between-limits"].formula,
      substituted: "P = 8000 ≤ Pmin = 8000: full marks 40",
      inputs: { P: "8000", max: "40", Pmin: "8000", Pmax: "8000", ceiling: "8000" },
    });
  });

  it("only a ceiling: Pmin is the lowest bid wherever it is listed", () => {
    expect(priceScores(["10000", "8000", "9000"], "40", { formula: "linear-between-limits", params: { ceiling: "12000" } }).map((t) => [t.points, t.inputs.Pmin])).toEqual([
      ["20", "8000"],
      ["40", "8000"],
      ["30", "8000"],
    ]);
  });
});

describe("a caller's own formula", () => {
  it("is given every bid in the caller's order, Pmin, Pmax, Pmean, the maximum and its parsed parameters, all frozen", () => {
    const seen: PriceFormulaContext[] = [];
    const spy: PriceFormula = {
      id: "spy",
      label: "Spy",
      formula: "max",
      rankReversal: "n/a",
      params: [{ name: "k", required: false, rule: "any", description: "any number" }],
      prepare: (ctx) => ({ twiceMax: ctx.maxPoints.times(2) }),
      score: (_p, ctx) => {
        seen.push(ctx);
        return { points: ctx.maxPoints, substituted: "max" };
      },
    };
    priceScores(["300", "100", "200", "600"], "40", { formula: "spy", params: { k: "-3" } }, { spy });
    expect(seen).toHaveLength(4);
    const ctx = seen[0]!;
    expect(ctx.prices.map(String)).toEqual(["300", "100", "200", "600"]);
    expect([ctx.lowest, ctx.highest, ctx.mean, ctx.maxPoints].map(String)).toEqual(["100", "600", "300", "40"]);
    expect(Object.fromEntries(Object.entries(ctx.params).map(([k, v]) => [k, String(v)]))).toEqual({ k: "-3" });
    expect(Object.fromEntries(Object.entries(ctx.derived).map(([k, v]) => [k, String(v)]))).toEqual({ twiceMax: "80" });
    expect([ctx, ctx.prices, ctx.params, ctx.derived].every((o) => Object.isFrozen(o))).toBe(true);
    // one context for the lot
    expect(seen.every((c) => c === ctx)).toBe(true);
  });

  it("without prepare, derived is empty", () => {
    let derived: unknown;
    const f: PriceFormula = { ...own(() => "1"), score: (_p, ctx) => ((derived = ctx.derived), { points: "1", substituted: "1" }) };
    priceScores(["100"], "40", { formula: "own" }, { own: f });
    expect(derived).toEqual({});
  });

  it("a result below 0 is floored and above the maximum capped, each with a note giving no reason the library cannot know", () => {
    expect(priceScores(["100"], "40", { formula: "own" }, { own: own(() => "-5") })[0]).toMatchObject({ points: "0", substituted: "f(100) → 0", notes: ["score floored at 0 (the formula gave -5)"] });
    expect(priceScores(["100"], "40", { formula: "own" }, { own: own(() => 50) })[0]).toMatchObject({ points: "40", substituted: "f(100) → 40", notes: ["score capped at the maximum 40 (the formula gave 50)"] });
  });

  it("a result with more than 20 decimal places is rounded half-even to 20, with the formula's own text (no guard applied)", () => {
    const [t] = priceScores(["100"], "40", { formula: "own" }, { own: own(() => new Decimal("1.000000000000000000005")) });
    expect(t).toMatchObject({ points: "1", substituted: "f(100)" });
    expect(t!.notes).toBeUndefined();
    expect(priceScores(["100"], "40", { formula: "own" }, { own: own(() => "1.000000000000000000015") })[0]!.points).toBe("1.00000000000000000002");
  });

  it("its own notes and inputs come first, then the parameters used", () => {
    const f: PriceFormula = {
      id: "noted",
      label: "Noted",
      formula: "max",
      rankReversal: "n/a",
      params: [{ name: "k", required: true, rule: "positive", description: "k" }],
      score: () => ({ points: "60", substituted: "60", inputs: { K: "k" }, notes: ["a special case"] }),
    };
    expect(priceScores(["100"], "40", { formula: "noted", params: { k: "2" } }, { noted: f })[0]).toEqual({
      points: "40",
      maxPoints: "40",
      formula: "max",
      substituted: "60 → 40",
      inputs: { P: "100", max: "40", K: "k", k: "2" },
      notes: ["a special case", "score capped at the maximum 40 (the formula gave 60)"],
    });
  });

  it("an input error it raises in prepare or score is reported under spec", () => {
    const failing = (where: "prepare" | "score"): PriceFormula => {
      const raise = (): never => {
        throw new VbpInputError([{ code: "invalid_value", path: ["params", "k"], message: `refused in ${where}` }]);
      };
      return { ...own(() => "1"), ...(where === "prepare" ? { prepare: raise } : { score: raise }) };
    };
    expect(thrown(() => priceScores(["100"], "40", { formula: "own" }, { own: failing("prepare") }))).toEqual([{ code: "invalid_value", path: ["spec", "params", "k"], message: "refused in prepare" }]);
    expect(thrown(() => priceScores(["100"], "40", { formula: "own" }, { own: failing("score") }))).toEqual([{ code: "invalid_value", path: ["spec", "params", "k"], message: "refused in score" }]);
    // any other error is not dressed up as an input error
    expect(() => priceScores(["100"], "40", { formula: "own" }, { own: { ...own(() => "1"), score: () => { throw new TypeError("bug"); } } })).toThrow(TypeError);
  });
});

describe("priceScore: a bad price alone, and the mean-based floor", () => {
  it("a price that is not a number, among good bids, is the one issue", () => {
    expect(thrown(() => priceScore("abc", ["100", "200"], "40", { formula: "relative-to-lowest" }))).toEqual([
      { code: "invalid_type", path: ["price"], message: 'must be a price (a finite decimal number), got "abc"' },
    ]);
  });

  it("mean-based: a price more than (1 + b) times the mean is floored at 0, with the reason", () => {
    // Pmean = 550, b = 0.5: 40 × (1 − (1000 − 550) / (0.5 × 550)) = 40 × (1 − 1.636364) = −25.454545…
    expect(priceScore("1000", ["100", "1000"], "40", { formula: "mean-based", params: { band: "0.5" } })).toMatchObject({
      points: "0",
      substituted: "40 × (1 − (1000 − 550) / (0.5 × 550)) ≈ -25.454545 → 0",
      notes: ["score floored at 0 (price 1000 is more than (1 + b) times the mean price 550; the formula gave -25.454545)"],
    });
  });
});
