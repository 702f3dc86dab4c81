import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { priceScore, priceScores, type PriceFormulaSpec, type VbpIssue } from "../../../src/index.js";
import { thrown } from "../../_helpers/thrown.js";

const ALL: readonly PriceFormulaSpec[] = [
  { formula: "relative-to-lowest" },
  { formula: "proportional-deviation" },
  { formula: "linear-between-limits" },
  { formula: "linear-between-limits", params: { floor: "9000" } },
  { formula: "linear-between-limits", params: { ceiling: "11000" } },
  { formula: "logarithmic", params: { A: "2" } },
  { formula: "mean-based" },
  { formula: "mean-based", params: { band: "0.5" } },
  { formula: "ratio-to-reference", params: { reference: "9000" } },
  { formula: "proportional-to-budget", params: { budget: "11000" } },
];

describe("price formulas: the order of the bids changes nothing", () => {
  it("Pmin and Pmax are the lowest and highest bids wherever they are listed (every permutation of three bids)", () => {
    const perms = [
      ["12000", "8000", "10000"],
      ["8000", "10000", "12000"],
      ["10000", "12000", "8000"],
      ["12000", "10000", "8000"],
    ];
    for (const spec of ALL) {
      const byPrice = (prices: string[]) => Object.fromEntries(priceScores(prices, "40", spec).map((t, i) => [prices[i], t]));
      const reference = byPrice(perms[0]!);
      for (const p of perms.slice(1)) expect(byPrice(p)).toEqual(reference);
    }
    // The highest bid listed first still scores 0 under linear-between-limits (Pmax is not the last price).
    expect(priceScore("10000", ["12000", "10000", "8000"], "40", { formula: "linear-between-limits" }).inputs).toEqual({ P: "10000", max: "40", Pmin: "8000", Pmax: "12000" });
    expect(priceScore("12000", ["12000", "8000", "10000"], "40", { formula: "linear-between-limits" }).points).toBe("0");
  });

  it("any permutation gives every bid the same trace (property)", () => {
    const bid = fc.integer({ min: 1, max: 1_000_000 }).map(String);
    fc.assert(
      fc.property(fc.array(bid, { minLength: 1, maxLength: 6 }), fc.nat(), fc.constantFrom(...ALL), (prices, seed, spec) => {
        const shuffled = [...prices];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (seed + i * 7919) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        for (const p of new Set(prices)) expect(priceScore(p, shuffled, "40", spec)).toEqual(priceScore(p, prices, "40", spec));
      }),
      { numRuns: 40 },
    );
  });
});

describe("price formulas: bad input is reported in full, with code, path and message", () => {
  it("every bad price is reported, not only the first", () => {
    expect(thrown(() => priceScores(["100", "0", "-5", "abc", "0x10"], "40", { formula: "relative-to-lowest" }))).toEqual([
      { code: "too_small", path: ["prices", 1], message: "must be > 0, got 0" },
      { code: "too_small", path: ["prices", 2], message: "must be > 0, got -5" },
      { code: "invalid_type", path: ["prices", 3], message: 'must be a price (a finite decimal number), got "abc"' },
      { code: "invalid_format", path: ["prices", 4], message: 'must be a decimal number (no hexadecimal, octal or binary), got "0x10"' },
    ]);
    expect(thrown(() => priceScore("0", ["0", "-1"], "40", { formula: "relative-to-lowest" }))).toEqual([
      { code: "too_small", path: ["price"], message: "must be > 0, got 0" },
      { code: "too_small", path: ["allPrices", 0], message: "must be > 0, got 0" },
      { code: "too_small", path: ["allPrices", 1], message: "must be > 0, got -1" },
    ]);
  });

  it("an empty price list, a price not among the bids, negative maximum points", () => {
    expect(thrown(() => priceScores([], "40", { formula: "relative-to-lowest" }))).toEqual([
      { code: "too_small", path: ["prices"], message: "must have at least 1 item (the valid bid prices being compared)" },
    ]);
    expect(thrown(() => priceScore("9000", ["8000", "10000"], "40", { formula: "relative-to-lowest" }))).toEqual([
      { code: "unknown_reference", path: ["price"], message: "must be one of allPrices (every valid bid price, this one included), got 9000" },
    ]);
    expect(thrown(() => priceScores(["8000"], "-1", { formula: "relative-to-lowest" }))).toEqual([{ code: "too_small", path: ["maxPoints"], message: "must be ≥ 0, got -1" }]);
    // zero maximum points is allowed: every bid scores 0
    expect(priceScores(["8000", "9000"], "0", { formula: "relative-to-lowest" }).map((t) => t.points)).toEqual(["0", "0"]);
  });

  it("zero or negative floor, ceiling, band, budget and reference are refused; A must be > 1", () => {
    const cases: [PriceFormulaSpec, VbpIssue[]][] = [
      [{ formula: "linear-between-limits", params: { floor: "0" } }, [{ code: "too_small", path: ["spec", "params", "floor"], message: "must be > 0, got 0" }]],
      [{ formula: "linear-between-limits", params: { floor: "-100" } }, [{ code: "too_small", path: ["spec", "params", "floor"], message: "must be > 0, got -100" }]],
      [{ formula: "linear-between-limits", params: { ceiling: "0" } }, [{ code: "too_small", path: ["spec", "params", "ceiling"], message: "must be > 0, got 0" }]],
      [
        { formula: "linear-between-limits", params: { floor: "-1", ceiling: "-2" } },
        [
          { code: "too_small", path: ["spec", "params", "floor"], message: "must be > 0, got -1" },
          { code: "too_small", path: ["spec", "params", "ceiling"], message: "must be > 0, got -2" },
        ],
      ],
      [{ formula: "mean-based", params: { band: "0" } }, [{ code: "too_small", path: ["spec", "params", "band"], message: "must be > 0, got 0" }]],
      [{ formula: "mean-based", params: { band: "-0.5" } }, [{ code: "too_small", path: ["spec", "params", "band"], message: "must be > 0, got -0.5" }]],
      [{ formula: "proportional-to-budget", params: { budget: "0" } }, [{ code: "too_small", path: ["spec", "params", "budget"], message: "must be > 0, got 0" }]],
      [{ formula: "proportional-to-budget", params: { budget: "-10000" } }, [{ code: "too_small", path: ["spec", "params", "budget"], message: "must be > 0, got -10000" }]],
      [{ formula: "ratio-to-reference", params: { reference: "0" } }, [{ code: "too_small", path: ["spec", "params", "reference"], message: "must be > 0, got 0" }]],
      [{ formula: "logarithmic", params: { A: "1" } }, [{ code: "too_small", path: ["spec", "params", "A"], message: "must be > 1, got 1" }]],
      [{ formula: "logarithmic", params: { A: "0.5" } }, [{ code: "too_small", path: ["spec", "params", "A"], message: "must be > 1, got 0.5" }]],
    ];
    for (const [spec, issues] of cases) expect(thrown(() => priceScores(["8000", "10000"], "40", spec))).toEqual(issues);
    // just inside the rules
    expect(priceScores(["8000"], "40", { formula: "logarithmic", params: { A: "1.0001" } })[0]!.points).toBe("40");
    expect(priceScores(["8000"], "40", { formula: "mean-based", params: { band: "0.0001" } })[0]!.points).toBe("40");
  });

  it("ceiling must be above floor; unknown, missing and malformed parameters; unknown formula", () => {
    expect(thrown(() => priceScores(["8000"], "40", { formula: "linear-between-limits", params: { floor: "9000", ceiling: "9000" } }))).toEqual([
      { code: "out_of_order", path: ["spec", "params", "ceiling"], message: "must be greater than params.floor (9000), got 9000" },
    ]);
    expect(thrown(() => priceScores(["8000"], "40", { formula: "logarithmic" }))).toEqual([
      { code: "invalid_type", path: ["spec", "params", "A"], message: 'is required by price formula "logarithmic"' },
    ]);
    expect(thrown(() => priceScores(["8000"], "40", { formula: "relative-to-lowest", params: { A: "2" } }))).toEqual([
      { code: "unrecognized_keys", path: ["spec", "params", "A"], message: 'unknown parameter "A" for price formula "relative-to-lowest"; it takes no parameters' },
    ]);
    expect(thrown(() => priceScores(["8000"], "40", { formula: "mean-based", params: { width: "1" } }))).toEqual([
      { code: "unrecognized_keys", path: ["spec", "params", "width"], message: 'unknown parameter "width" for price formula "mean-based"; allowed: band' },
    ]);
    expect(thrown(() => priceScores(["8000"], "40", { formula: "mean-based", params: { band: "wide" } }))).toEqual([
      { code: "invalid_type", path: ["spec", "params", "band"], message: 'must be a decimal number (a finite decimal number), got "wide"' },
    ]);
    expect(thrown(() => priceScores(["8000"], "40", { formula: "mean-based", params: [] as never }))).toEqual([
      { code: "invalid_type", path: ["spec", "params"], message: "must be an object of named parameters, got an array" },
    ]);
    expect(thrown(() => priceScores(["8000"], "40", { formula: "cheapest-wins" }))).toEqual([
      {
        code: "unknown_reference",
        path: ["spec", "formula"],
        message: 'unknown price formula "cheapest-wins"; known formulas: relative-to-lowest, proportional-deviation, linear-between-limits, logarithmic, mean-based, ratio-to-reference, proportional-to-budget, absolute-linear, absolute-proportional-deviation, optimal-price',
      },
    ]);
    expect(thrown(() => priceScores(["8000"], "40", null as never))).toEqual([{ code: "invalid_type", path: ["spec"], message: "must be an object { formula, params? }" }]);
  });

  it("a formula returning something that is not a number is reported as not computable", () => {
    const broken = { id: "broken", label: "Broken", formula: "?", rankReversal: "n/a", params: [], score: () => ({ points: "NaN", substituted: "?" }) };
    expect(thrown(() => priceScores(["8000"], "40", { formula: "broken" }, { broken }))).toEqual([
      { code: "not_computable", path: ["spec", "formula"], message: 'price formula "broken" returned "NaN" instead of a finite number of points' },
    ]);
  });
});

describe("linear-between-limits: boundaries", () => {
  it("with only a floor: Pmax is the highest bid; at the floor full marks without a note, below it with a note", () => {
    const spec = { formula: "linear-between-limits", params: { floor: "8000" } };
    const [a, b, c] = priceScores(["8000", "7000", "12000"], "40", spec);
    expect(a).toMatchObject({ points: "40", substituted: "P = 8000 ≤ Pmin = 8000: full marks 40" });
    expect(a!.notes).toBeUndefined();
    expect(b).toMatchObject({ points: "40", notes: ["price 7000 is below the lower limit 8000: full marks"] });
    expect(c).toMatchObject({ points: "0", substituted: "P = 12000 ≥ Pmax = 12000: 0" });
    expect(c!.notes).toBeUndefined();
  });

  it("with only a ceiling: a price exactly at the ceiling scores 0 with no note; above it 0 with a note", () => {
    const [at, above] = priceScores(["11000", "11500", "8000"], "40", { formula: "linear-between-limits", params: { ceiling: "11000" } });
    expect(at).toMatchObject({ points: "0", substituted: "P = 11000 ≥ Pmax = 11000: 0" });
    expect(at!.notes).toBeUndefined();
    expect(above).toMatchObject({ points: "0", substituted: "P = 11500 > ceiling = 11000: 0", notes: ["price 11500 is above the stated ceiling 11000: 0 points"] });
  });

  it("one bid alone scores full marks with the all-equal note", () => {
    expect(priceScores(["8000"], "40", { formula: "linear-between-limits" })).toEqual([
      { points: "40", maxPoints: "40", formula: expect.any(String), substituted: "P = 8000 ≤ Pmin = 8000: full marks 40", inputs: { P: "8000", max: "40", Pmin: "8000", Pmax: "8000" }, notes: ["all valid prices are equal: full marks"] },
    ]);
  });
});
