import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Decimal } from "decimal.js";
import { VALUE_FUNCTIONS, valueScore, type ValueFunction, type ValueFunctionSpec } from "../../../src/scoring/functions/index.js";
import { VALUE_FUNCTION_RULES } from "../../../src/scoring/functions/value.js";
import { thrown } from "../../_helpers/thrown.js";

const pts = (v: string, spec: ValueFunctionSpec, max = "10") => valueScore(v, max, spec).points;

describe("value functions: hand-computed values", () => {
  it("linear between limits, either direction, clamped with a note", () => {
    const spec = { fn: "linear", params: { lower: "10", upper: "30" } };
    // higher is better: 10 × (25 − 10)/(30 − 10) = 10 × 15/20 = 7.5
    const t = valueScore("25", "10", spec);
    expect(t.points).toBe("7.5");
    expect(t.substituted).toBe("10 × (25 − 10) / (30 − 10) = 7.5");
    expect(t.inputs).toEqual({ value: "25", max: "10", lower: "10", upper: "30" });
    // lower is better: 10 × (30 − 25)/(30 − 10) = 2.5
    expect(pts("25", { ...spec, direction: "lower-is-better" })).toBe("2.5");
    // outside the limits: clamped to the limit, with a note
    const over = valueScore("40", "10", spec);
    expect(over.points).toBe("10");
    expect(over.notes).toEqual(["value 40 is above the upper limit 30: scored as 30 (clamped)"]);
    expect(pts("5", { ...spec, direction: "lower-is-better" })).toBe("10");
    expect(valueScore("5", "10", spec).notes).toEqual(["value 5 is below the lower limit 10: scored as 10 (clamped)"]);
  });

  it("piecewise linear through stated points", () => {
    const up = { fn: "piecewise-linear", params: { points: [{ x: 0, y: 0 }, { x: 10, y: "0.5" }, { x: 20, y: 1 }] } };
    // v 15 lies on the segment (10, 0.5)–(20, 1): 10 × (0.5 + 0.5 × 5/10) = 10 × 0.75 = 7.5
    expect(pts("15", up)).toBe("7.5");
    // at a knot: 10 × 0.5 = 5
    expect(pts("10", up)).toBe("5");
    expect(valueScore("25", "10", up).notes).toEqual(["value 25 is above the upper limit 20: scored as 20 (clamped)"]);
    // lower is better, points (0, 1), (5, 0.6), (10, 0): v 2.5 → 10 × (1 + (0.6 − 1) × 2.5/5) = 10 × 0.8 = 8
    const down = { fn: "piecewise-linear", direction: "lower-is-better" as const, params: { points: [{ x: 0, y: 1 }, { x: 5, y: "0.6" }, { x: 10, y: 0 }] } };
    expect(pts("2.5", down)).toBe("8");
    expect(valueScore("2.5", "10", down).substituted).toBe("10 × (1 + (0.6 − 1) × (2.5 − 0) / (5 − 0)) = 8");
  });

  it("steps at thresholds", () => {
    const up = { fn: "step", params: { steps: [{ x: 10, y: "0.5" }, { x: 20, y: 1 }] } };
    expect(pts("15", up)).toBe("5"); // 15 ≥ 10 → 10 × 0.5
    expect(pts("20", up)).toBe("10"); // 20 ≥ 20 → 10 × 1
    const none = valueScore("5", "10", up);
    expect(none.points).toBe("0");
    expect(none.notes).toEqual(["value 5 is below the lowest threshold 10: the 'otherwise' share 0 applies"]);
    const down = { fn: "step", direction: "lower-is-better" as const, params: { steps: [{ x: 5, y: 1 }, { x: 10, y: "0.5" }], otherwise: "0.1" } };
    expect(pts("3", down)).toBe("10"); // 3 ≤ 5 → 10 × 1
    expect(pts("7", down)).toBe("5"); // 7 ≤ 10 → 10 × 0.5
    expect(pts("12", down)).toBe("1"); // no threshold met → 10 × 0.1
    expect(valueScore("7", "10", down).substituted).toBe("v = 7 ≤ 10: 10 × 0.5 = 5");
  });

  it("logarithmic between limits", () => {
    const spec = { fn: "logarithmic", params: { lower: "10", upper: "100" } };
    // 10 × ln(50/10)/ln(100/10) = 10 × ln 5/ln 10 = 6.98970004336… (= 10 × log10 5; Python decimal, 50 digits)
    expect(pts("50", spec)).toBe("6.98970004336018804786");
    // lower is better: 10 × ln(100/50)/ln 10 = 10 × log10 2 = 3.01029995663…
    expect(pts("50", { ...spec, direction: "lower-is-better" })).toBe("3.01029995663981195214");
    expect(pts("1000", spec)).toBe("10");
    expect(pts("-4", spec)).toBe("0"); // below the lower limit (and below 0): clamped, no logarithm of a negative
  });

  it("proportional to the best value", () => {
    const up = { fn: "proportional-to-best", params: { best: "80" } };
    expect(pts("60", up)).toBe("7.5"); // 10 × 60/80
    expect(valueScore("100", "10", up).notes).toEqual(["value 100 is better than best 80: full marks (capped)"]);
    expect(pts("-5", up)).toBe("0");
    const down = { fn: "proportional-to-best", direction: "lower-is-better" as const, params: { best: "2" } };
    expect(pts("4", down)).toBe("5"); // 10 × 2/4
    expect(pts("1", down)).toBe("10");
  });
});

describe("value functions: properties", () => {
  const int = fc.integer({ min: -1000, max: 1000 });
  const direction = fc.constantFrom("higher-is-better" as const, "lower-is-better" as const);
  const shares = (n: number) => fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }).map((a) => a.sort((x, y) => x - y).map((v) => String(v / 100)));
  const xs = fc.uniqueArray(fc.integer({ min: -500, max: 500 }), { minLength: 2, maxLength: 6 }).map((a) => a.sort((x, y) => x - y));
  const spec: fc.Arbitrary<ValueFunctionSpec> = direction.chain((d) =>
    fc.oneof(
      fc.tuple(int, fc.integer({ min: 1, max: 500 })).map(([lo, w]) => ({ fn: "linear", direction: d, params: { lower: String(lo), upper: String(lo + w) } })),
      fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 500 })).map(([lo, w]) => ({ fn: "logarithmic", direction: d, params: { lower: String(lo / 10), upper: String((lo + w) / 10) } })),
      fc.integer({ min: 1, max: 1000 }).map((b) => ({ fn: "proportional-to-best", direction: d, params: { best: String(b) } })),
      xs.chain((x) =>
        shares(x.length).map((y) => {
          const ys = d === "higher-is-better" ? y : [...y].reverse();
          return { fn: "piecewise-linear", direction: d, params: { points: x.map((xi, i) => ({ x: xi, y: ys[i] })) } };
        }),
      ),
      xs.chain((x) =>
        shares(x.length + 1).map((y) => {
          const [otherwise, ...rest] = y;
          const ys = d === "higher-is-better" ? rest : [...rest].reverse();
          return { fn: "step", direction: d, params: { steps: x.map((xi, i) => ({ x: xi, y: ys[i] })), otherwise } };
        }),
      ),
    ),
  );

  it("covers every built-in function", () => {
    const seen = new Set<string>();
    fc.assert(fc.property(spec, (s) => void seen.add(s.fn)), { numRuns: 300 });
    expect(seen).toEqual(new Set(Object.keys(VALUE_FUNCTIONS)));
  });

  it("points lie in [0, max] and are monotone in the stated direction", () => {
    fc.assert(
      fc.property(spec, int, int, fc.constantFrom("10", "100", "0", "7.5"), (s, a, b, m) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const sLo = valueScore(String(lo), m, s);
        const sHi = valueScore(String(hi), m, s);
        for (const t of [sLo, sHi]) {
          expect(new Decimal(t.points).gte(0)).toBe(true);
          expect(new Decimal(t.points).lte(m)).toBe(true);
        }
        if (s.direction === "lower-is-better") expect(new Decimal(sLo.points).gte(sHi.points)).toBe(true);
        else expect(new Decimal(sLo.points).lte(sHi.points)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("value functions: errors and registration", () => {
  it("equal or reversed limits name the params path", () => {
    expect(thrown(() => valueScore("5", "10", { fn: "linear", params: { lower: "10", upper: "10" } }))).toEqual([
      { code: "out_of_order", path: ["spec", "params", "upper"], message: "must be greater than params.lower (10), got 10 (the limits are equal)" },
    ]);
    expect(thrown(() => valueScore("5", "10", { fn: "logarithmic", params: { lower: "0", upper: "10" } }))).toEqual([
      { code: "too_small", path: ["spec", "params", "lower"], message: "must be > 0, got 0" },
    ]);
  });

  it("unsorted or non-monotone points name the point", () => {
    expect(thrown(() => valueScore("5", "10", { fn: "piecewise-linear", params: { points: [{ x: 0, y: 0 }, { x: 10, y: 1 }, { x: 5, y: 1 }] } }))).toEqual([
      {
        code: "out_of_order",
        path: ["spec", "params", "points", 2, "x"],
        message: "x values must be strictly ascending: points[2].x = 5 is not greater than points[1].x = 10",
      },
    ]);
    expect(thrown(() => valueScore("5", "10", { fn: "piecewise-linear", params: { points: [{ x: 0, y: 1 }, { x: 10, y: 0 }] } }))).toEqual([
      {
        code: "out_of_order",
        path: ["spec", "params", "points", 1, "y"],
        message: "y must not decrease as x rises when higher-is-better: points[1].y = 0 after 1",
      },
    ]);
    expect(thrown(() => valueScore("5", "10", { fn: "step", params: { steps: [{ x: 0, y: "1.5" }], extra: 1 } }))).toEqual([
      { code: "unrecognized_keys", path: ["spec", "params", "extra"], message: 'unknown parameter "extra" for value function "step"; allowed: steps, otherwise' },
      { code: "too_big", path: ["spec", "params", "steps", 0, "y"], message: "must be a share of the maximum points between 0 and 1, got 1.5" },
    ]);
    expect(thrown(() => valueScore("5", "10", { fn: "step", params: { steps: [{ x: 0, y: "0.5" }], otherwise: "0.6" } }))[0]?.path).toEqual([
      "spec",
      "params",
      "otherwise",
    ]);
  });

  it("bad value, direction or function name", () => {
    expect(
      thrown(() => valueScore("ten", "-1", { fn: "linear", direction: "up" as "higher-is-better", params: { lower: 0, upper: 1 } })),
    ).toEqual([
      { code: "invalid_type", path: ["value"], message: 'must be a decimal number (a finite decimal number), got "ten"' },
      { code: "too_small", path: ["maxPoints"], message: "must be ≥ 0, got -1" },
      { code: "invalid_value", path: ["spec", "direction"], message: 'must be one of "higher-is-better", "lower-is-better", got "up"' },
    ]);
    expect(thrown(() => valueScore("1", "10", { fn: "cubic" }))[0]).toEqual({
      code: "unknown_reference",
      path: ["spec", "fn"],
      message: 'unknown value function "cubic"; known functions: linear, piecewise-linear, step, logarithmic, proportional-to-best',
    });
    expect(thrown(() => valueScore("1", "10", { fn: "linear" }))).toHaveLength(2);
  });

  it("accepts a caller's own function; results outside [0, max] are guarded with a note", () => {
    const wild: ValueFunction = {
      id: "wild",
      label: "Unbounded",
      formula: "max × v",
      params: [],
      score: (v, ctx) => ({ points: ctx.maxPoints.times(v), substituted: `${ctx.maxPoints.toString()} × ${v.toString()}` }),
    };
    const fns = { ...VALUE_FUNCTIONS, wild };
    expect(valueScore("0.5", "10", { fn: "wild" }, fns).points).toBe("5");
    const neg = valueScore("-2", "10", { fn: "wild" }, fns);
    expect(neg.points).toBe("0");
    expect(neg.substituted).toBe("10 × -2 → 0");
    expect(neg.notes).toEqual(["score floored at 0 (the formula gave -20)"]);
    expect(valueScore("3", "10", { fn: "wild" }, fns).notes?.[0]).toMatch(/^score capped at the maximum 10/);
  });
});

describe("VALUE_FUNCTIONS and the rules scoring reads", () => {
  it("are the same functions; VALUE_FUNCTIONS adds each parameter's description, keys in the published order", () => {
    const FNS = VALUE_FUNCTIONS;
    expect(Object.keys(FNS)).toEqual(Object.keys(VALUE_FUNCTION_RULES));
    for (const id of Object.keys(FNS)) {
      const pub = FNS[id]!;
      const rule = VALUE_FUNCTION_RULES[id]!;
      expect(Object.keys(pub)).toEqual(Object.keys(rule));
      expect(pub.score).toBe(rule.score);
      expect(pub.parseParams).toBe(rule.parseParams);
      expect([pub.id, pub.label, pub.formula]).toEqual([rule.id, rule.label, rule.formula]);
      expect(pub.params.map((p) => ({ name: p.name, required: p.required }))).toEqual(rule.params);
      for (const p of pub.params) {
        expect(Object.keys(p)).toEqual(["name", "required", "description"]);
        expect(p.description.length).toBeGreaterThan(20);
        expect(Object.isFrozen(p)).toBe(true);
      }
      expect(Object.isFrozen(pub) && Object.isFrozen(pub.params) && Object.isFrozen(rule)).toBe(true);
    }
    expect(FNS.linear.params[0]!.description).toBe("Lower limit of the value range (worst when higher is better, best when lower is better).");
  });

  it("score alike through either registry, in and outside the limits", () => {
    const FNS = VALUE_FUNCTIONS;
    const spec = { fn: "linear", params: { lower: "10", upper: "30" } };
    for (const v of ["5", "10", "17.5", "30", "31"]) expect(valueScore(v, "10", spec, { ...FNS })).toEqual(valueScore(v, "10", spec));
  });
});
