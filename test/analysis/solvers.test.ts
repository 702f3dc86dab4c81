import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { breakEvenParameter, breakEvenPrice, breakEvenPriceLinear, findRoot, netMonetaryBenefit } from "../../src/analysis/index.js";
import { issueLines } from "../_helpers/thrown.js";

const D = Decimal.clone({ precision: 60 });
const usual = { id: "usual", cost: 1500, effect: "1.2" };
const premium = { id: "premium", cost: 3000, effect: "1.3" };

describe("findRoot", () => {
  it("finds √2 and the root of Wallis's cubic x³ − 2x − 5 to the stated tolerance", () => {
    const r = findRoot((x) => new D(x).pow(2).minus(2).toString(), { bracket: [0, 2], tolerance: "1e-30" });
    expect(new D(r.root).minus(new D(2).sqrt()).abs().lessThan("1e-30")).toBe(true);
    // x³ − 2x − 5 = 0 has its real root at 2.0945514815423265914823865405793029638573061056282…
    const w = findRoot((x) => new D(x).pow(3).minus(new D(x).times(2)).minus(5).toString(), { bracket: ["2", "3"], tolerance: "1e-40" });
    expect(w.root.slice(0, 40)).toBe("2.09455148154232659148238654057930296385");
    expect(w.iterations).toBeLessThan(20); // superlinear, far fewer than bisection's ~133
  });

  it("returns an exact root at an end of the bracket without iterating, and takes numbers from float models", () => {
    expect(findRoot((x) => Number(x) - 3, { bracket: [3, 10] })).toEqual({ root: "3", value: "0", iterations: 0, evaluations: 2 });
    expect(Math.abs(Number(findRoot((x) => Math.cos(Number(x)) - Number(x), { bracket: [0, 1] }).root) - 0.7390851332151607)).toBeLessThan(1e-10);
  });

  it("says clearly when there is no bracketed root, the bracket is reversed, the model fails, or the limit is reached", () => {
    expect(issueLines(() => findRoot((x) => Number(x) ** 2 + 1, { bracket: [-1, 1] }))).toEqual([
      "not_computable settings.bracket: no sign change between -1 (value 2) and 1 (value 2): the bracket does not contain a solution; widen it, or the decision does not change in this range",
    ]);
    expect(issueLines(() => findRoot((x) => Number(x), { bracket: [1, -1] }))).toEqual(["out_of_order settings.bracket: lower end must be less than upper end, got [1, -1]"]);
    expect(issueLines(() => findRoot((x) => (Number(x) > 0.5 ? Number.NaN : -1), { bracket: [0, 1] }))).toEqual(["not_computable f: at x = 1 the model returned NaN, not a finite decimal number"]);
    const limit = issueLines(() => findRoot((x) => new D(x).pow(3).minus(2).toString(), { bracket: [0, 2], tolerance: "1e-45", maxIterations: 2 }));
    expect(limit).toHaveLength(1);
    expect(limit[0]).toMatch(/^limit_exceeded settings\.maxIterations: no convergence to within 1e-45 after 2 iterations/);
    expect(issueLines(() => findRoot((x) => Number(x), { bracket: [0, 1], tolerance: 0 }))).toEqual(["too_small settings.tolerance: must be > 0, got 0"]);
  });
});

describe("breakEvenPriceLinear (closed form)", () => {
  it("gives the exact maximum justifiable price against the best alternative or a named one", () => {
    // Option: cost = 500 + 2p, effect 1.25; λ = 30000: NMB = 37500 − 500 − 2p = 37000 − 2p.
    // usual NMB = 1.2 × 30000 − 1500 = 34500 → p = (37000 − 34500)/2 = 1250.
    // premium NMB = 1.3 × 30000 − 3000 = 36000 (the best alternative) → p = (37000 − 36000)/2 = 500.
    const best = breakEvenPriceLinear({ baseCost: 500, units: 2, effect: "1.25", alternatives: [usual, premium], threshold: 30000 });
    expect(best).toEqual({ value: "500", threshold: "30000", against: "premium", againstNmb: "36000", method: "closed-form", iterations: 0 });
    expect(breakEvenPriceLinear({ baseCost: 500, units: 2, effect: "1.25", alternatives: [usual, premium], threshold: 30000, against: "usual" }).value).toBe("1250");
    // At λ = 20000: option NMB = 25000 − 500 − 2p = 24500 − 2p; usual 1.2 × 20000 − 1500 = 22500,
    // premium 1.3 × 20000 − 3000 = 23000 (still the best) → p = (24500 − 23000)/2 = 750.
    expect(breakEvenPriceLinear({ baseCost: 500, units: 2, effect: "1.25", alternatives: [usual, premium], threshold: 20000 }).value).toBe("750");
    // A negative break-even price means no positive price is cost-effective: (1.2·30000 − 40000 − 34500)/1 = −38500.
    expect(breakEvenPriceLinear({ baseCost: 40000, units: 1, effect: "1.2", alternatives: [usual], threshold: 30000 }).value).toBe("-38500");
  });

  it("is consistent with NMB: at the break-even price the option ties with the alternative", () => {
    const p = breakEvenPriceLinear({ baseCost: "123.45", units: 3, effect: "1.27", alternatives: [usual, premium], threshold: 25000 });
    const cost = new D("123.45").plus(new D(p.value).times(3)).toString();
    const nmb = netMonetaryBenefit([{ id: "x", cost, effect: "1.27" }, usual, premium], { thresholds: 25000 });
    const row = nmb.byThreshold[0]?.options;
    expect(new D(row?.[0]?.nmb ?? "NaN").minus(p.againstNmb).abs().lessThan("1e-40")).toBe(true);
  });

  it("rejects zero units and unknown alternatives", () => {
    expect(issueLines(() => breakEvenPriceLinear({ baseCost: 1, units: 0, effect: 1, alternatives: [usual], threshold: 1 }))).toEqual(["too_small units: must be > 0, got 0"]);
    expect(issueLines(() => breakEvenPriceLinear({ baseCost: 1, units: 1, effect: 1, alternatives: [usual], threshold: 1, against: "nope" }))).toEqual([
      'unknown_reference against: no alternative has id "nope"',
    ]);
    expect(issueLines(() => breakEvenPriceLinear({ baseCost: 1, units: 1, effect: 1, alternatives: [], threshold: 1 }))).toEqual(["too_small alternatives: must have at least 1 item"]);
  });
});

describe("breakEvenPrice (root finder on the caller's model)", () => {
  it("agrees with the closed form on a linear model", () => {
    const r = breakEvenPrice({ model: (p) => ({ cost: new D(p).times(2).plus(500).toString(), effect: "1.25" }), alternatives: [usual, premium], threshold: 30000, bracket: [0, 100000] });
    expect(r.against).toBe("premium");
    expect(r.method).toBe("brent");
    expect(new D(r.value).minus(500).abs().lessThan("1e-10")).toBe(true);
  });

  it("solves a non-linear model (hand-computed root)", () => {
    // cost = 500 + p²/100, effect 1.25, λ = 30000, against usual (NMB 34500): 37000 − p²/100 = 34500 → p = √250000 = 500.
    const r = breakEvenPrice({ model: (p) => ({ cost: new D(p).pow(2).dividedBy(100).plus(500).toString(), effect: "1.25" }), alternatives: [usual], threshold: 30000, bracket: [0, 5000], tolerance: "1e-20" });
    expect(new D(r.value).minus(500).abs().lessThan("1e-20")).toBe(true);
    // A price effect on outcomes: effect falls with price (uptake), e = 1.3 − p/100000; cost = 500 + 2p.
    // NMB = 30000(1.3 − p/100000) − 500 − 2p = 38500 − 2.3p = 36000 (premium) → p = 2500/2.3 = 1086.9565217391304…
    const q = breakEvenPrice({ model: (p) => ({ cost: new D(p).times(2).plus(500).toString(), effect: new D("1.3").minus(new D(p).dividedBy(100000)).toString() }), alternatives: [usual, premium], threshold: 30000, bracket: [0, 10000] });
    expect(Math.abs(Number(q.value) - 2500 / 2.3)).toBeLessThan(1e-9);
  });

  it("reports a missing solution and a broken model clearly", () => {
    // cost = 1000 + 2p, effect 1.25, λ = 30000: NMB = 36500 − 2p against premium's 36000, so g(p) = 500 − 2p:
    // g(0) = 500 and g(100) = 300, no sign change in [0, 100] (the break-even price 250 lies outside).
    expect(issueLines(() => breakEvenPrice({ model: (p) => ({ cost: 1000 + 2 * Number(p), effect: "1.25" }), alternatives: [usual, premium], threshold: 30000, bracket: [0, 100] }))[0]).toMatch(
      /^not_computable bracket: no sign change between 0 \(value 500\) and 100 \(value 300\)/,
    );
    expect(issueLines(() => breakEvenPrice({ model: () => ({ cost: Number.POSITIVE_INFINITY, effect: 1 }), alternatives: [usual], threshold: 1, bracket: [0, 1] }))).toEqual([
      "not_computable model.cost: at x = 0 the model returned Infinity, not a finite decimal number",
    ]);
  });
});

describe("breakEvenParameter", () => {
  it("finds the parameter value at which incremental NMB is zero (linear and non-linear)", () => {
    // new costs 500 more; QALY gain g: INMB = 25000·g − 500 = 0 → g = 0.02.
    const lin = breakEvenParameter({
      model: (g) => [{ id: "usual", cost: 1000, effect: 5 }, { id: "new", cost: 1500, effect: new D(5).plus(g).toString() }],
      option: "new",
      comparator: "usual",
      threshold: 25000,
      bracket: [0, 1],
    });
    expect(new D(lin.value).minus("0.02").abs().lessThan("1e-10")).toBe(true);
    expect(lin.against).toBe("usual");
    // Gain saturates with adherence x: ΔE = 0.1(1 − e^(−x)), ΔC = 1000: 2500(1 − e^(−x)) = 1000 → x = −ln 0.6 = 0.5108256237659907.
    const non = breakEvenParameter({
      model: (x) => [{ id: "usual", cost: 0, effect: 0 }, { id: "new", cost: 1000, effect: new D(1).minus(new D(x).negated().exp()).times("0.1").toString() }],
      option: "new",
      comparator: "usual",
      threshold: 25000,
      bracket: [0, 10],
      tolerance: "1e-15",
    });
    expect(Math.abs(Number(non.value) - 0.5108256237659907)).toBeLessThan(1e-14);
  });

  it("names a missing option in the model's output, with the parameter value", () => {
    expect(issueLines(() => breakEvenParameter({ model: () => [{ id: "usual", cost: 0, effect: 0 }], option: "new", comparator: "usual", threshold: 1, bracket: [0, 1] }))).toEqual([
      'unknown_reference option: the model\'s options have no id "new" (at x = 0)',
    ]);
  });
});
