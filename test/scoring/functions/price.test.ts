import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "decimal.js";
import {
  PRICE_FORMULAS,
  priceScore,
  priceScores,
  type PriceFormula,
  type PriceFormulaId,
  type PriceFormulaSpec,
  type ScoreTrace,
} from "../../../src/scoring/functions/index.js";
import { thrown } from "../../_helpers/thrown.js";

// Three bids used throughout: A 9500 (lowest), B 10000, C 12000 (highest); mean (9500+10000+12000)/3 = 10500.
const BIDS = ["9500", "10000", "12000"] as const;
const points = (spec: PriceFormulaSpec, prices: readonly string[] = BIDS, max = "40") => priceScores(prices, max, spec).map((t) => t.points);

describe("price formulas: hand-computed values", () => {
  it("relative-to-lowest: max × Pmin / P", () => {
    // A: 40 × 9500/9500 = 40; B: 40 × 9500/10000 = 38; C: 40 × 9500/12000 = 380000/12000 = 31.666… (20 dp, half-even)
    expect(points({ formula: "relative-to-lowest" })).toEqual(["40", "38", "31.66666666666666666667"]);
    const b = priceScore("10000", BIDS, "40", { formula: "relative-to-lowest" });
    expect(b).toEqual({
      points: "38",
      maxPoints: "40",
      formula: "max × Pmin / P",
      substituted: "40 × 9500 / 10000 = 38",
      inputs: { P: "10000", max: "40", Pmin: "9500" },
    });
    expect(priceScore("12000", BIDS, "40", { formula: "relative-to-lowest" }).substituted).toBe("40 × 9500 / 12000 ≈ 31.666667");
  });

  it("proportional-deviation: max × (1 − (P − Pmin)/Pmin), floored at 0 with a note", () => {
    // B: 40 × (1 − 500/9500) = 40 × 9000/9500 = 37.894736842105263157894…; C: 40 × (1 − 2500/9500) = 40 × 7000/9500 = 29.473684210526315789473…
    expect(points({ formula: "proportional-deviation" })).toEqual(["40", "37.89473684210526315789", "29.47368421052631578947"]);
    // 25000 against a lowest of 10000: 40 × (1 − 15000/10000) = 40 × (−0.5) = −20 → floored at 0
    const t = priceScore("25000", ["10000", "25000"], "40", { formula: "proportional-deviation" });
    expect(t.points).toBe("0");
    expect(t.substituted).toBe("40 × (1 − (25000 − 10000) / 10000) = -20 → 0");
    expect(t.notes).toEqual(["score floored at 0 (price 25000 is more than double the lowest 10000; the formula gave -20)"]);
    // exactly double the lowest: 40 × (1 − 1) = 0, no floor needed, no note
    expect(priceScore("20000", ["10000", "20000"], "40", { formula: "proportional-deviation" }).notes).toBeUndefined();
  });

  it("linear-between-limits: max × (Pmax − P)/(Pmax − Pmin), limits from the bids or stated", () => {
    // Pmin 9500, Pmax 12000: B: 40 × (12000 − 10000)/(12000 − 9500) = 40 × 2000/2500 = 32
    expect(points({ formula: "linear-between-limits" })).toEqual(["40", "32", "0"]);
    // stated floor 9000 and ceiling 13000: A: 40 × 3500/4000 = 35; B: 40 × 3000/4000 = 30; C: 40 × 1000/4000 = 10
    expect(points({ formula: "linear-between-limits", params: { floor: "9000", ceiling: "13000" } })).toEqual(["35", "30", "10"]);
    // a bid above the stated ceiling scores 0 with a note; one below the floor full marks with a note
    const over = priceScore("14000", ["9500", "14000"], "40", { formula: "linear-between-limits", params: { ceiling: "13000" } });
    expect(over.points).toBe("0");
    expect(over.notes).toEqual(["price 14000 is above the stated ceiling 13000: 0 points"]);
    const under = priceScore("8000", ["8000", "10000"], "40", { formula: "linear-between-limits", params: { floor: "9000", ceiling: "13000" } });
    expect(under.points).toBe("40");
    expect(under.notes).toEqual(["price 8000 is below the lower limit 9000: full marks"]);
  });

  it("linear-between-limits: all prices equal → full marks, with a note", () => {
    const ts = priceScores(["500", "500.00", "500"], "40", { formula: "linear-between-limits" });
    expect(ts.map((t) => t.points)).toEqual(["40", "40", "40"]);
    expect(ts[0]?.notes).toEqual(["all valid prices are equal: full marks"]);
  });

  it("logarithmic: max × (1 − ln(P/Pmin)/ln A)", () => {
    // A = 2. B: 40 × (1 − ln(10000/9500)/ln 2) = 40 × (1 − 0.051293294/0.693147181) = 37.0399767…
    // C: 40 × (1 − ln(12000/9500)/ln 2) = 40 × (1 − 0.233614851/0.693147181) = 26.5186005… (checked with Python decimal, 50 digits)
    expect(points({ formula: "logarithmic", params: { A: "2" } })).toEqual(["40", "37.03997674224892583693", "26.51860050889717249359"]);
    // A = 4, prices 100 and 200: 40 × (1 − ln 2/ln 4) = 40 × (1 − 1/2) = 20
    expect(points({ formula: "logarithmic", params: { A: "4" } }, ["100", "200"])).toEqual(["40", "20"]);
    // A = 2: a bid at three times the lowest: 40 × (1 − ln 3/ln 2) < 0 → floored at 0 with a note
    const t = priceScore("300", ["100", "300"], "40", { formula: "logarithmic", params: { A: "2" } });
    expect(t.points).toBe("0");
    expect(t.notes?.[0]).toMatch(/^score floored at 0 \(price 300 is more than A = 2 times the lowest 100; the formula gave -23\.39/);
  });

  it("mean-based: max × (1 − (P − Pmean)/(b × Pmean)) clipped to [0, max]", () => {
    // Pmean = 10500. C: 40 × (1 − 1500/10500) = 40 × 9000/10500 = 34.2857142857…; A and B are below the mean → capped at 40 with a note
    const ts = priceScores(BIDS, "40", { formula: "mean-based" });
    expect(ts.map((t) => t.points)).toEqual(["40", "40", "34.28571428571428571429"]);
    expect(ts[0]?.notes).toEqual(["score capped at the maximum 40 (price at or below the mean price; the formula gave 43.809524)"]);
    expect(ts[2]?.inputs).toEqual({ P: "12000", max: "40", Pmean: "10500", b: "1" });
    // band 0.5: C: 40 × (1 − 1500/(0.5 × 10500)) = 40 × (1 − 1500/5250) = 40 × 3750/5250 = 28.5714285714…
    expect(points({ formula: "mean-based", params: { band: "0.5" } })[2]).toBe("28.57142857142857142857");
  });

  it("ratio-to-reference: max × R/P capped at max", () => {
    // R = 10000. A: 40 × 10000/9500 = 42.1… → capped 40 (note); B: 40; C: 40 × 10000/12000 = 33.333…
    const ts = priceScores(BIDS, "40", { formula: "ratio-to-reference", params: { reference: "10000" } });
    expect(ts.map((t) => t.points)).toEqual(["40", "40", "33.33333333333333333333"]);
    expect(ts[0]?.notes?.[0]).toMatch(/^score capped at the maximum 40 \(price below the reference price/);
    expect(ts[1]?.notes).toBeUndefined();
  });

  it("proportional-to-budget: max × (B − P)/B, floored at 0", () => {
    // B = 15000. A: 40 × 5500/15000 = 14.666…; B: 40 × 5000/15000 = 13.333…; C: 40 × 3000/15000 = 8
    expect(points({ formula: "proportional-to-budget", params: { budget: "15000" } })).toEqual([
      "14.66666666666666666667",
      "13.33333333333333333333",
      "8",
    ]);
    // 16000 over a 15000 budget: 40 × (−1000)/15000 < 0 → 0 with a note
    const t = priceScore("16000", ["16000"], "40", { formula: "proportional-to-budget", params: { budget: "15000" } });
    expect(t.points).toBe("0");
    expect(t.notes?.[0]).toMatch(/price 16000 is above the budget 15000/);
  });

  it("priceScore agrees with priceScores and records the parameters used", () => {
    const one = priceScore("12000", BIDS, "40", { formula: "logarithmic", params: { A: "2" } });
    const all = priceScores(BIDS, "40", { formula: "logarithmic", params: { A: "2" } });
    expect(one).toEqual(all[2]);
    expect(one.inputs).toEqual({ P: "12000", max: "40", Pmin: "9500", A: "2" });
  });

  it("returns frozen JSON data", () => {
    const t = priceScore("10000", BIDS, "40", { formula: "relative-to-lowest" });
    expect(Object.isFrozen(t)).toBe(true);
    expect(JSON.parse(JSON.stringify(t))).toEqual(t);
  });
});

describe("rank reversal", () => {
  // Total = quality points + price points (max 40). X: price 100, quality 50. Y: price 120, quality 55.
  const total = (quality: number, t: ScoreTrace) => quality + Number(t.points);
  it("relative-to-lowest: adding a cheap third bid reverses X and Y", () => {
    // Without Z: X = 50 + 40 × 100/100 = 90; Y = 55 + 40 × 100/120 = 88.33 → X ahead.
    const [x1, y1] = priceScores(["100", "120"], "40", { formula: "relative-to-lowest" }) as [ScoreTrace, ScoreTrace];
    expect(total(50, x1)).toBeGreaterThan(total(55, y1));
    // With Z at 50: X = 50 + 40 × 50/100 = 70; Y = 55 + 40 × 50/120 = 71.67 → Y ahead.
    const [x2, y2] = priceScores(["100", "120", "50"], "40", { formula: "relative-to-lowest" }) as [ScoreTrace, ScoreTrace];
    expect(total(55, y2)).toBeGreaterThan(total(50, x2));
    expect(PRICE_FORMULAS["relative-to-lowest"].rankReversal).toMatch(/can reverse/);
  });

  it("logarithmic: the gap between two bids does not depend on the other bids while neither is floored (property)", () => {
    // gap = max × ln(P2/P1)/ln A for any Pmin ≤ P1 ≤ P2 < A × Pmin
    const price = fc.integer({ min: 100, max: 10_000 });
    fc.assert(
      fc.property(price, price, fc.array(price, { minLength: 0, maxLength: 5 }), (a, b, others) => {
        const spec = { formula: "logarithmic", params: { A: "1000" } }; // prices span at most 100×, so nothing is floored
        const gap = (prices: string[]) => {
          const [s1, s2] = priceScores(prices, "40", spec) as [ScoreTrace, ScoreTrace];
          return new Decimal(s1.points).minus(s2.points);
        };
        const alone = gap([String(a), String(b)]);
        const crowd = gap([String(a), String(b), ...others.map(String)]);
        expect(alone.minus(crowd).abs().lte("1e-18")).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("fixed-reference formulas cannot: scores do not depend on the other bids (property)", () => {
    const price = fc.integer({ min: 1, max: 1_000_000 }).map((n) => String(n));
    fc.assert(
      fc.property(price, fc.array(price, { minLength: 0, maxLength: 6 }), (p, others) => {
        for (const spec of [
          { formula: "ratio-to-reference", params: { reference: "5000" } },
          { formula: "proportional-to-budget", params: { budget: "600000" } },
          { formula: "linear-between-limits", params: { floor: "1000", ceiling: "800000" } },
          { formula: "absolute-linear", params: { floor: "1000", ceiling: "800000" } },
          { formula: "absolute-proportional-deviation", params: { reference: "5000" } },
          { formula: "optimal-price", params: { optimal: "5000", ceiling: "800000" } },
        ]) {
          expect(priceScore(p, [p, ...others], "40", spec).points).toBe(priceScore(p, [p], "40", spec).points);
        }
      }),
    );
    expect(PRICE_FORMULAS["ratio-to-reference"].rankReversal).toMatch(/cannot/);
  });
});

describe("price formulas: properties", () => {
  const money = fc.integer({ min: 1, max: 100_000_000 }).map((n) => (n / 100).toFixed(2));
  const max = fc.constantFrom("40", "100", "0", "12.5");
  const specs: PriceFormulaSpec[] = [
    { formula: "relative-to-lowest" },
    { formula: "proportional-deviation" },
    { formula: "linear-between-limits" },
    { formula: "linear-between-limits", params: { ceiling: "500000" } },
    { formula: "linear-between-limits", params: { floor: "100", ceiling: "500000" } },
    { formula: "logarithmic", params: { A: "2" } },
    { formula: "logarithmic", params: { A: "1.25" } },
    { formula: "mean-based" },
    { formula: "mean-based", params: { band: "0.3" } },
    { formula: "ratio-to-reference", params: { reference: "2500.50" } },
    { formula: "proportional-to-budget", params: { budget: "750000" } },
    { formula: "absolute-linear", params: { floor: "100", ceiling: "500000" } },
    { formula: "absolute-proportional-deviation", params: { reference: "2500" } },
    { formula: "optimal-price", params: { optimal: "2500", ceiling: "600000" } },
  ];

  it("covers every built-in formula", () => {
    expect(new Set(specs.map((s) => s.formula))).toEqual(new Set(Object.keys(PRICE_FORMULAS)));
  });

  it("points always lie in [0, max] and are never NaN", () => {
    fc.assert(
      fc.property(fc.array(money, { minLength: 1, maxLength: 8 }), max, (prices, m) => {
        for (const spec of specs) {
          for (const t of priceScores(prices, m, spec)) {
            expect(t.points).toMatch(/^\d+(\.\d+)?$/);
            expect(new Decimal(t.points).lte(m)).toBe(true);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("within one set of bids, a lower price never scores less", () => {
    fc.assert(
      fc.property(fc.array(money, { minLength: 1, maxLength: 8 }), (prices) => {
        for (const spec of specs) {
          const ts = priceScores(prices, "40", spec);
          const rows = prices.map((p, i) => ({ p: new Decimal(p), s: new Decimal(ts[i]?.points ?? "NaN") })).sort((a, b) => a.p.comparedTo(b.p));
          for (let i = 1; i < rows.length; i++) expect((rows[i - 1] as { s: Decimal }).s.gte((rows[i] as { s: Decimal }).s)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("a bidder lowering its own price (others unchanged) never lowers its score", () => {
    fc.assert(
      fc.property(fc.array(money, { minLength: 0, maxLength: 6 }), money, money, (others, a, b) => {
        const [lo, hi] = Number(a) <= Number(b) ? [a, b] : [b, a];
        for (const spec of specs) {
          const sLo = priceScore(lo, [...others, lo], "40", spec);
          const sHi = priceScore(hi, [...others, hi], "40", spec);
          // compare exactly, as decimals: lower-or-equal price ⇒ greater-or-equal points
          expect(new Decimal(sLo.points).gte(sHi.points)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("price formulas: errors and registration", () => {
  it("a price ≤ 0 is an input error naming the path", () => {
    expect(thrown(() => priceScore("0", ["0", "10"], "40", { formula: "relative-to-lowest" }))).toEqual([
      { code: "too_small", path: ["price"], message: "must be > 0, got 0" },
      { code: "too_small", path: ["allPrices", 0], message: "must be > 0, got 0" },
    ]);
    expect(thrown(() => priceScores(["10", "-5"], "40", { formula: "relative-to-lowest" }))).toEqual([
      { code: "too_small", path: ["prices", 1], message: "must be > 0, got -5" },
    ]);
    expect(thrown(() => priceScores(["10", "abc"], "40", { formula: "relative-to-lowest" }))[0]?.message).toBe(
      'must be a price (a finite decimal number), got "abc"',
    );
  });

  it("reports every problem at once: price not among the bids, unknown formula, negative maximum", () => {
    expect(thrown(() => priceScore("9000", ["9500"], "-1", { formula: "cheapest" }))).toEqual([
      { code: "too_small", path: ["maxPoints"], message: "must be ≥ 0, got -1" },
      {
        code: "unknown_reference",
        path: ["spec", "formula"],
        message:
          'unknown price formula "cheapest"; known formulas: relative-to-lowest, proportional-deviation, linear-between-limits, logarithmic, mean-based, ratio-to-reference, proportional-to-budget, absolute-linear, absolute-proportional-deviation, optimal-price',
      },
      { code: "unknown_reference", path: ["price"], message: "must be one of allPrices (every valid bid price, this one included), got 9000" },
    ]);
  });

  it("checks parameters: required, unknown, rule", () => {
    expect(thrown(() => priceScores(BIDS, "40", { formula: "logarithmic" }))).toEqual([
      {
        code: "invalid_type",
        path: ["spec", "params", "A"],
        message: 'is required by price formula "logarithmic"',
      },
    ]);
    expect(thrown(() => priceScores(BIDS, "40", { formula: "logarithmic", params: { A: "1" } }))).toEqual([
      { code: "too_small", path: ["spec", "params", "A"], message: "must be > 1, got 1" },
    ]);
    expect(thrown(() => priceScores(BIDS, "40", { formula: "relative-to-lowest", params: { A: "2" } }))).toEqual([
      { code: "unrecognized_keys", path: ["spec", "params", "A"], message: 'unknown parameter "A" for price formula "relative-to-lowest"; it takes no parameters' },
    ]);
    expect(thrown(() => priceScores(BIDS, "40", { formula: "linear-between-limits", params: { floor: "100", ceiling: "100" } }))).toEqual([
      { code: "out_of_order", path: ["spec", "params", "ceiling"], message: "must be greater than params.floor (100), got 100" },
    ]);
    expect(thrown(() => priceScores(BIDS, "40", { formula: "ratio-to-reference", params: { reference: "-3" } }))).toEqual([
      { code: "too_small", path: ["spec", "params", "reference"], message: "must be > 0, got -3" },
    ]);
  });

  it("params must be an object", () => {
    const spec = { formula: "logarithmic", params: ["2"] } as unknown as PriceFormulaSpec;
    expect(thrown(() => priceScores(BIDS, "40", spec))).toEqual([{ code: "invalid_type", path: ["spec", "params"], message: "must be an object of named parameters, got an array" }]);
  });

  it("does not find formulas on the prototype", () => {
    expect(thrown(() => priceScores(BIDS, "40", { formula: "constructor" }))[0]?.path).toEqual(["spec", "formula"]);
    expect(thrown(() => priceScores(BIDS, "40", { formula: "toString" }))[0]?.code).toBe("unknown_reference");
  });

  it("accepts a caller's own formula and still applies the guards", () => {
    const double: PriceFormula = {
      id: "double-lowest",
      label: "Twice relative-to-lowest",
      formula: "2 × max × Pmin / P",
      rankReversal: "depends on the lowest bid",
      params: [],
      score: (p, ctx) => ({ points: ctx.maxPoints.times(2).times(ctx.lowest).div(p), substituted: "2 × …" }),
    };
    const t = priceScore("200", ["100", "200"], "40", { formula: "double-lowest" }, { ...PRICE_FORMULAS, "double-lowest": double });
    expect(t.points).toBe("40"); // 2 × 40 × 100/200 = 40
    const u = priceScore("100", ["100", "200"], "40", { formula: "double-lowest" }, { "double-lowest": double });
    expect(u.points).toBe("40"); // 80 capped
    expect(u.notes?.[0]).toMatch(/^score capped at the maximum 40/);
  });

  it("a caller's formula returning NaN is reported, never passed on", () => {
    const bad: PriceFormula = { id: "bad", label: "Bad", formula: "?", rankReversal: "?", params: [], score: () => ({ points: "NaN", substituted: "?" }) };
    expect(thrown(() => priceScores(["1"], "40", { formula: "bad" }, { bad }))).toEqual([
      { code: "not_computable", path: ["spec", "formula"], message: 'price formula "bad" returned "NaN" instead of a finite number of points' },
    ]);
  });

  it("does not mutate the caller's input", () => {
    const prices = ["300", "100", "200"];
    const spec = { formula: "logarithmic", params: { A: "3" } };
    const copy = JSON.stringify({ prices, spec });
    priceScores(prices, "40", spec);
    expect(JSON.stringify({ prices, spec })).toBe(copy);
  });

  it("every built-in formula documents its rank reversal, parameters and source", () => {
    for (const id of Object.keys(PRICE_FORMULAS) as PriceFormulaId[]) {
      const f = PRICE_FORMULAS[id];
      expect(f.id).toBe(id);
      expect(f.rankReversal.length).toBeGreaterThan(40);
      expect(f.reference).toMatch(/\(20\d\d\)/);
      expect(Object.isFrozen(f)).toBe(true);
    }
  });
});
