import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { incrementalAnalysis, type CeaOption, type IncrementalAnalysis, type IncrementalOptionResult } from "../../src/analysis/index.js";
import { issueLines } from "../_helpers/thrown.js";
import { Dec } from "../../src/_lib/decimal.js";
import { fixedString } from "../../src/_lib/fixed.js";
import { parsedIncrementalAnalysis } from "../../src/analysis/incremental.js";

// The rules follow Drummond, Sculpher, Claxton, Stoddart & Torrance (2015), Methods for the Economic Evaluation
// of Health Care Programmes, 4th ed., ch. 4 (dominance, extended dominance, ICERs along the frontier), and
// Briggs, Claxton & Sculpher (2006), Decision Modelling for Health Economic Evaluation, ch. 4. Each case below
// is computed by hand in the comments.

function byId(r: IncrementalAnalysis): Record<string, IncrementalOptionResult> {
  return Object.fromEntries(r.options.map((o) => [o.id, o]));
}

describe("incrementalAnalysis: hand-checked cases", () => {
  it("removes dominated and extendedly dominated options and reports ICERs along the frontier", () => {
    // Sorted by cost: S1 (10000, 5.0), S2 (12000, 5.5), S3 (15000, 5.6), S4 (16000, 6.0), S5 (20000, 5.9), S6 (25000, 6.3).
    // S5 is dominated by S4 (more costly, less effective).
    // ICERs: S2 vs S1 = 2000/0.5 = 4000; S3 vs S2 = 3000/0.1 = 30000; S4 vs S3 = 1000/0.4 = 2500 < 30000, so S3 is
    // extendedly dominated; S4 vs S2 = 4000/0.5 = 8000 ≥ 4000; S6 vs S4 = 9000/0.3 = 30000 ≥ 8000.
    const r = incrementalAnalysis([
      { id: "S5", cost: 20000, effect: "5.9" },
      { id: "S3", cost: 15000, effect: "5.6" },
      { id: "S1", cost: 10000, effect: "5.0", label: "Usual care" },
      { id: "S6", cost: 25000, effect: "6.3" },
      { id: "S4", cost: 16000, effect: "6.0" },
      { id: "S2", cost: 12000, effect: "5.5" },
    ]);
    expect(r.frontier).toEqual(["S1", "S2", "S4", "S6"]);
    expect(r.frontierIcers).toEqual(["4000", "8000", "30000"]);
    const o = byId(r);
    expect(o.S1).toEqual({ id: "S1", label: "Usual care", cost: "10000", effect: "5", status: "reference", onFrontier: true, frontierPosition: 0 });
    expect(o.S4).toMatchObject({ status: "frontier", comparedWith: "S2", incrementalCost: "4000", incrementalEffect: "0.5", icer: "8000", frontierPosition: 2 });
    expect(o.S3).toMatchObject({ status: "extendedly-dominated", onFrontier: false, extendedlyDominatedBy: ["S2", "S4"] });
    expect(o.S3?.icer).toBeUndefined();
    expect(o.S5).toMatchObject({ status: "dominated", dominatedBy: "S4" });
    expect(r.options.map((x) => x.id)).toEqual(["S5", "S3", "S1", "S6", "S4", "S2"]); // input order kept
  });

  it("removes several extendedly dominated options, including one uncovered only after a first removal", () => {
    // A (0, 0), B (100, 1), C (350, 2), D (400, 5), E (1000, 6).
    // First pass: B vs A = 100; C vs B = 250; D vs C = 50/3 ≈ 16.7 < 250, so C goes.
    // Second pass: D vs B = 300/4 = 75 < 100 (B vs A), so B goes too (a one-pass tool keeps B: a known bug).
    // Frontier A, D (400/5 = 80), E (600/1 = 600).
    const r = incrementalAnalysis([
      { id: "A", cost: 0, effect: 0 },
      { id: "B", cost: 100, effect: 1 },
      { id: "C", cost: 350, effect: 2 },
      { id: "D", cost: 400, effect: 5 },
      { id: "E", cost: 1000, effect: 6 },
    ]);
    expect(r.frontier).toEqual(["A", "D", "E"]);
    expect(r.frontierIcers).toEqual(["80", "600"]);
    const o = byId(r);
    expect(o.B).toMatchObject({ status: "extendedly-dominated", extendedlyDominatedBy: ["A", "D"] });
    expect(o.C).toMatchObject({ status: "extendedly-dominated", extendedlyDominatedBy: ["A", "D"] });
    expect(o.D).toMatchObject({ comparedWith: "A", incrementalCost: "400", incrementalEffect: "5", icer: "80" });
  });

  it("flags a cost-saving option that dominates all others as dominant, with no ICER (not a negative ratio)", () => {
    // new (800, 5.2) is less costly and more effective than usual (1000, 5.0) and alt (1200, 5.1): a tool that takes
    // ICERs against the first option in input order would report (800 − 1000)/(0.2) = −1000: wrong and misleading.
    const r = incrementalAnalysis([
      { id: "usual", cost: 1000, effect: "5.0" },
      { id: "alt", cost: 1200, effect: "5.1" },
      { id: "new", cost: 800, effect: "5.2" },
    ]);
    expect(r.frontier).toEqual(["new"]);
    expect(r.frontierIcers).toEqual([]);
    const o = byId(r);
    expect(o.new).toEqual({ id: "new", cost: "800", effect: "5.2", status: "dominant", onFrontier: true, frontierPosition: 0 });
    expect(o.usual).toMatchObject({ status: "dominated", dominatedBy: "new" });
    expect(o.alt).toMatchObject({ status: "dominated", dominatedBy: "new" });
  });

  it("keeps ties (identical cost and effect) together, whatever their fate", () => {
    // A = B = (1000, 5) on the frontier as the reference point; C (2000, 5.5): ICER 1000/0.5 = 2000 vs the point A/B.
    // D = E = (3000, 5.2): dominated by C. F = G = (4000, 6): ICER vs C = 2000/0.5 = 4000.
    const r = incrementalAnalysis([
      { id: "G", cost: 4000, effect: 6 },
      { id: "B", cost: 1000, effect: 5 },
      { id: "A", cost: "1000.00", effect: "5.0" },
      { id: "C", cost: 2000, effect: "5.5" },
      { id: "E", cost: 3000, effect: "5.2" },
      { id: "D", cost: 3000, effect: "5.2" },
      { id: "F", cost: 4000, effect: 6 },
    ]);
    const o = byId(r);
    expect(r.frontier).toEqual(["A", "C", "F"]);
    expect(r.frontierIcers).toEqual(["2000", "4000"]);
    expect(o.A).toEqual({ id: "A", cost: "1000", effect: "5", status: "tie", onFrontier: true, frontierPosition: 0, tiedWith: ["B"] });
    expect(o.B).toMatchObject({ status: "tie", onFrontier: true, frontierPosition: 0, tiedWith: ["A"] });
    expect(o.C).toMatchObject({ status: "frontier", comparedWith: "A", icer: "2000" });
    expect(o.D).toMatchObject({ status: "dominated", dominatedBy: "C", tiedWith: ["E"] });
    expect(o.E).toMatchObject({ status: "dominated", dominatedBy: "C", tiedWith: ["D"] });
    expect(o.F).toMatchObject({ status: "tie", comparedWith: "C", icer: "4000", tiedWith: ["G"], frontierPosition: 2 });
    expect(o.G).toMatchObject({ status: "tie", comparedWith: "C", icer: "4000", tiedWith: ["F"], frontierPosition: 2 });
  });

  it("treats a single option as the reference, and ties of two options as a tie", () => {
    expect(incrementalAnalysis([{ id: "only", cost: "12.5", effect: "0.3" }]).options[0]).toEqual({ id: "only", cost: "12.5", effect: "0.3", status: "reference", onFrontier: true, frontierPosition: 0 });
    const r = incrementalAnalysis([{ id: "x", cost: 1, effect: 1 }, { id: "y", cost: 1, effect: 1 }]);
    expect(r.options.map((o) => o.status)).toEqual(["tie", "tie"]);
    expect(r.frontier).toEqual(["x"]);
  });

  it("reports equal effects and equal costs as dominance, never as a ratio", () => {
    // B (1500, 5) has no QALY difference from A (1000, 5) and costs more: dominated. C (1000, 4.9): same cost, less effect.
    const r = byId(incrementalAnalysis([{ id: "A", cost: 1000, effect: 5 }, { id: "B", cost: 1500, effect: 5 }, { id: "C", cost: 1000, effect: "4.9" }]));
    expect(r.B).toMatchObject({ status: "dominated", dominatedBy: "A" });
    expect(r.C).toMatchObject({ status: "dominated", dominatedBy: "A" });
    expect(r.B?.icer).toBeUndefined();
  });

  it("handles negative costs and effects (net savings, QALY losses)", () => {
    // C (−1000, −3) is cheapest: reference. A (−500, −2): ΔC = 500, ΔE = 1, ICER 500. B (500, −1.5): ΔC = 1000, ΔE = 0.5, ICER 2000.
    const r = incrementalAnalysis([{ id: "A", cost: -500, effect: -2 }, { id: "B", cost: 500, effect: "-1.5" }, { id: "C", cost: -1000, effect: -3 }]);
    expect(r.frontier).toEqual(["C", "A", "B"]);
    expect(r.frontierIcers).toEqual(["500", "2000"]);
  });

  it("keeps collinear options (equal ICERs) on the frontier", () => {
    const r = incrementalAnalysis([{ id: "A", cost: 0, effect: 0 }, { id: "B", cost: 100, effect: 1 }, { id: "C", cost: 200, effect: 2 }]);
    expect(r.frontier).toEqual(["A", "B", "C"]);
    expect(r.frontierIcers).toEqual(["100", "100"]);
  });

  it("computes exact ICERs, rounded only when asked", () => {
    const options = [{ id: "A", cost: 0, effect: 0 }, { id: "B", cost: 1000, effect: 3 }];
    expect(incrementalAnalysis(options).frontierIcers).toEqual(["333.33333333333333333333333333333333333333333333333"]);
    expect(incrementalAnalysis(options, { icerDecimalPlaces: 2 }).frontierIcers).toEqual(["333.33"]);
    // Decimal inputs that binary floats get wrong: 0.3 − 0.1 = 0.2 exactly.
    expect(incrementalAnalysis([{ id: "a", cost: "0.1", effect: "0.1" }, { id: "b", cost: "0.3", effect: "0.3" }]).frontierIcers).toEqual(["1"]);
  });
});

describe("incrementalAnalysis: bad input", () => {
  it("rejects an empty list, duplicate ids, non-finite values and bad settings, naming the path", () => {
    expect(issueLines(() => incrementalAnalysis([]))).toEqual(["too_small options: must have at least 1 item"]);
    expect(issueLines(() => incrementalAnalysis([{ id: "a", cost: 1, effect: 1 }, { id: "a", cost: 2, effect: 2 }]))).toEqual([
      'duplicate_id options[1].id: must be unique, got "a" again (first used at index 0)',
    ]);
    expect(issueLines(() => incrementalAnalysis([{ id: "a", cost: Number.POSITIVE_INFINITY, effect: 1 }, { id: "b", cost: 1, effect: Number.NaN }]))).toEqual([
      "invalid_type options[0].cost: must be a finite decimal number, got Infinity",
      "invalid_type options[1].effect: must be a finite decimal number, got NaN",
    ]);
    expect(issueLines(() => incrementalAnalysis([{ id: "a", cost: 1, effect: 1, extra: 1 } as CeaOption]))).toEqual([
      'unrecognized_keys options[0].extra: unknown key "extra" (check the spelling; unknown keys are not allowed)',
    ]);
    expect(issueLines(() => incrementalAnalysis([{ id: "a", cost: 1, effect: 1 }], { icerDecimalPlaces: -1 }))).toHaveLength(1);
  });

  it("does not mutate its input and returns frozen plain data", () => {
    const input = [{ id: "b", cost: "2", effect: "2" }, { id: "a", cost: "1", effect: "1" }];
    const copy = JSON.parse(JSON.stringify(input));
    const r = incrementalAnalysis(input);
    expect(input).toEqual(copy);
    expect(Object.isFrozen(r.options[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

// Small integer grids make ties, equal costs, equal effects and collinear points frequent.
const value = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -200, max: 200 }).map((n) => (n / 10).toString()));
const optionsArb = fc
  .uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9]{0,4}$/), cost: value, effect: value }), { minLength: 1, maxLength: 25, selector: (o) => o.id })
  .map((xs) => xs as CeaOption[]);

describe("incrementalAnalysis: properties", () => {
  it("does not depend on input order", () => {
    fc.assert(
      fc.property(
        optionsArb.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }))),
        ([xs, shuffled]) => {
          const a = incrementalAnalysis(xs);
          const b = incrementalAnalysis(shuffled);
          expect(byId(b)).toEqual(byId(a));
          expect(b.frontier).toEqual(a.frontier);
          expect(b.frontierIcers).toEqual(a.frontierIcers);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("is unchanged by adding a strictly dominated option", () => {
    fc.assert(
      fc.property(optionsArb, fc.nat(), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 30 }), (xs, pick, dc, de) => {
        fc.pre(dc + de > 0);
        const base = xs[pick % xs.length] as CeaOption;
        const extra: CeaOption = { id: "zz-new", cost: Number(base.cost) + dc / 10, effect: Number(base.effect) - de / 10 };
        fc.pre(!xs.some((o) => Number(o.cost) === extra.cost && Number(o.effect) === extra.effect));
        const before = incrementalAnalysis(xs);
        const after = incrementalAnalysis([...xs, extra]);
        expect(after.frontier).toEqual(before.frontier);
        expect(after.frontierIcers).toEqual(before.frontierIcers);
        // The one permitted change: a lone option (no others yet) is the "reference"; once it strictly dominates
        // another option it becomes "dominant" (documented in IncrementalStatus).
        const expected = before.options.length === 1 && before.options[0]?.status === "reference" ? [{ ...before.options[0], status: "dominant" }] : before.options;
        expect(after.options.slice(0, xs.length)).toEqual(expected);
        expect(after.options[xs.length]?.status).toBe("dominated");
      }),
      { numRuns: 200 },
    );
  });

  it("gives a frontier with increasing cost and effect, positive non-decreasing ICERs, and justified removals", () => {
    fc.assert(
      fc.property(optionsArb, (xs) => {
        const r = incrementalAnalysis(xs);
        const o = byId(r);
        const point = (id: string) => ({ c: Number(o[id]?.cost), e: Number(o[id]?.effect) });
        const icers = r.frontierIcers.map(Number);
        for (let k = 1; k < r.frontier.length; k++) {
          const [p, q] = [point(r.frontier[k - 1] as string), point(r.frontier[k] as string)];
          expect(q.c).toBeGreaterThan(p.c);
          expect(q.e).toBeGreaterThan(p.e);
          expect(icers[k - 1]).toBeGreaterThan(0);
          if (k >= 2) expect(icers[k - 1]).toBeGreaterThanOrEqual(icers[k - 2] as number);
        }
        for (const row of r.options) {
          const x = { c: Number(row.cost), e: Number(row.effect) };
          if (row.status === "dominated") {
            const d = point(row.dominatedBy as string);
            expect(d.c <= x.c && d.e >= x.e && (d.c < x.c || d.e > x.e)).toBe(true);
          } else if (row.status === "extendedly-dominated") {
            const [lo, hi] = (row.extendedlyDominatedBy as [string, string]).map(point) as [{ c: number; e: number }, { c: number; e: number }];
            // Strictly above the segment lo–hi, effect strictly between.
            expect(x.e > lo.e && x.e < hi.e).toBe(true);
            expect((x.c - lo.c) * (hi.e - lo.e)).toBeGreaterThan((hi.c - lo.c) * (x.e - lo.e) - 1e-9);
          } else {
            expect(row.onFrontier).toBe(true);
            expect(row.icer === undefined).toBe(row.frontierPosition === 0);
          }
          if (!row.onFrontier) expect(row.icer).toBeUndefined();
        }
        expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 200 },
    );
  });
});

describe("incrementalAnalysis: costs beyond a double's precision, and costs in ledger units", () => {
  it("orders costs that are equal as doubles by their exact values", () => {
    // 1.00000000000000000002 and …01 are the same double; B is cheaper for the same effect, so A is dominated by B.
    const r = byId(incrementalAnalysis([{ id: "A", cost: "1.00000000000000000002", effect: "1" }, { id: "B", cost: "1.00000000000000000001", effect: "1" }, { id: "C", cost: "2", effect: "2" }]));
    expect(r["A"]).toMatchObject({ status: "dominated", dominatedBy: "B" });
    expect(r["B"]).toMatchObject({ status: "reference", onFrontier: true });
    // ΔC = 2 − 1.00000000000000000001 exactly; ΔE = 1.
    expect(r["C"]).toMatchObject({ incrementalCost: "0.99999999999999999999", icer: "0.99999999999999999999" });
  });

  it("gives the same analysis for costs held in ledger units (10^−20, as the whole job passes them) as for the same costs as Decimals", () => {
    const cost = fc.bigInt({ min: -(10n ** 34n), max: 10n ** 34n });
    const effect = fc.tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 30 })).map(([m, s]) => new Dec(fixedString(m, s)));
    const options = fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[a-z]{1,3}$/), units: cost, effect }), { minLength: 1, maxLength: 12, selector: (o) => o.id });
    fc.assert(
      fc.property(options, (xs) => {
        const asUnits = xs.map((o, index) => ({ index, id: o.id, cost: o.units, effect: o.effect }));
        const asDec = asUnits.map((o) => ({ ...o, cost: new Dec(fixedString(o.cost)) }));
        expect(parsedIncrementalAnalysis(asUnits)).toEqual(parsedIncrementalAnalysis(asDec));
      }),
      { numRuns: 300 },
    );
  });
});
