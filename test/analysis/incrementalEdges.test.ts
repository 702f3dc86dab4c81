// incrementalAnalysis at its edges: who dominates whom (checked against a brute-force oracle), ties of three,
// runs of extendedly dominated options, ICER rounding, settings refused with their path, and frozen output.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { frontierOptionAt, incrementalAnalysis, type CeaOption } from "../../src/index.js";
import { thrown } from "../_helpers/thrown.js";


describe("incrementalAnalysis: strict dominance against a brute-force oracle (property)", () => {
  // Small integer costs and effects, so ties, equal costs and equal effects are common.
  const option = fc.record({ cost: fc.integer({ min: -5, max: 12 }), effect: fc.integer({ min: -3, max: 8 }) });
  const options = fc.array(option, { minLength: 1, maxLength: 9 }).map((os) => os.map((o, i) => ({ id: `o${String(i).padStart(2, "0")}`, ...o })));

  it("an option is dominated exactly when another is no dearer and no less effective, one strictly; it is named after the cheapest option at least as effective", () => {
    fc.assert(
      fc.property(options, (os) => {
        const r = incrementalAnalysis(os);
        os.forEach((o, i) => {
          const row = r.options[i]!;
          const dominators = os.filter((q) => q.cost <= o.cost && q.effect >= o.effect && (q.cost < o.cost || q.effect > o.effect));
          expect(row.status === "dominated").toBe(dominators.length > 0);
          expect(row.onFrontier).toBe(row.status !== "dominated" && row.status !== "extendedly-dominated");
          if (dominators.length === 0) {
            expect(row.dominatedBy).toBeUndefined();
            return;
          }
          // The cheapest option at least as effective (the most effective at that cost; the smallest id of a tie).
          const best = os
            .filter((q) => q.effect >= o.effect && !(q.cost === o.cost && q.effect === o.effect))
            .sort((a, b) => a.cost - b.cost || b.effect - a.effect || (a.id < b.id ? -1 : 1))[0]!;
          expect(row.dominatedBy).toBe(best.id);
          expect(row.frontierPosition).toBeUndefined();
          expect(row.icer).toBeUndefined();
        });
      }),
      { numRuns: 120 },
    );
  });

  it("the frontier's ICERs never decrease, and every option off it lies on or above the frontier's segments", () => {
    fc.assert(
      fc.property(options, (os) => {
        const r = incrementalAnalysis(os);
        const icers = r.frontierIcers.map(Number);
        for (let k = 1; k < icers.length; k++) expect(icers[k]!).toBeGreaterThanOrEqual(icers[k - 1]!);
        const frontier = r.frontier.map((id) => os.find((o) => o.id === id)!);
        // costs and effects strictly increase along the frontier
        for (let k = 1; k < frontier.length; k++) {
          expect(frontier[k]!.cost).toBeGreaterThan(frontier[k - 1]!.cost);
          expect(frontier[k]!.effect).toBeGreaterThan(frontier[k - 1]!.effect);
        }
        for (const row of r.options.filter((x) => x.status === "extendedly-dominated")) {
          const [lo, hi] = row.extendedlyDominatedBy!.map((id) => os.find((o) => o.id === id)!);
          const o = os.find((x) => x.id === row.id)!;
          // strictly above the chord between its frontier neighbours, and between them in effect
          expect(lo!.effect < o.effect && o.effect < hi!.effect).toBe(true);
          expect((o.cost - lo!.cost) * (hi!.effect - lo!.effect)).toBeGreaterThan((hi!.cost - lo!.cost) * (o.effect - lo!.effect));
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe("incrementalAnalysis: ties, runs and shapes", () => {
  it("three identical options, listed out of order: each lists the other two by id order; a dominated option names the smallest id", () => {
    const r = incrementalAnalysis([
      { id: "m", cost: 10, effect: 2 },
      { id: "c", cost: 10, effect: 2 },
      { id: "x", cost: 10, effect: 2 },
      { id: "z", cost: 15, effect: 2 },
    ]);
    expect(r.options.map((o) => [o.id, o.status, o.tiedWith, o.dominatedBy])).toEqual([
      ["m", "tie", ["c", "x"], undefined],
      ["c", "tie", ["m", "x"], undefined],
      ["x", "tie", ["c", "m"], undefined],
      ["z", "dominated", undefined, "c"],
    ]);
    expect(r.frontier).toEqual(["c"]);
    expect(r.options.every((o) => o.tiedWith === undefined || Object.isFrozen(o.tiedWith))).toBe(true);
  });

  it("D(30, 2) among A(0, 1), B(10, 5), C(20, 6): D is dominated by B; a row at C's effect is dominated by C, one below A's by A", () => {
    const r = incrementalAnalysis([
      { id: "A", cost: 0, effect: 1 },
      { id: "B", cost: 10, effect: 5 },
      { id: "C", cost: 20, effect: 6 },
      { id: "D", cost: 30, effect: 2 },
      { id: "G", cost: 50, effect: 6 },
      { id: "H", cost: 5, effect: "0.5" },
      { id: "I", cost: 5, effect: 1 },
    ]);
    expect(r.options.map((o) => [o.id, o.status, o.onFrontier, o.dominatedBy])).toEqual([
      ["A", "reference", true, undefined],
      ["B", "frontier", true, undefined],
      ["C", "frontier", true, undefined],
      ["D", "dominated", false, "B"],
      ["G", "dominated", false, "C"],
      ["H", "dominated", false, "A"],
      ["I", "dominated", false, "A"],
    ]);
  });

  it("a run of extendedly dominated options is removed in one pass, each bracketed by the same frontier neighbours; the frontier carries on past them", () => {
    const r = incrementalAnalysis([
      { id: "A", cost: 0, effect: 0 },
      { id: "B", cost: 10, effect: 1 },
      { id: "C", cost: 25, effect: 2 },
      { id: "D", cost: 45, effect: 3 },
      { id: "E", cost: 50, effect: 10 },
      { id: "F", cost: 150, effect: 11 },
    ]);
    expect(r.frontier).toEqual(["A", "E", "F"]);
    expect(r.frontierIcers).toEqual(["5", "100"]);
    expect(r.options.slice(1, 4).map((o) => [o.id, o.status, o.onFrontier, o.extendedlyDominatedBy])).toEqual([
      ["B", "extendedly-dominated", false, ["A", "E"]],
      ["C", "extendedly-dominated", false, ["A", "E"]],
      ["D", "extendedly-dominated", false, ["A", "E"]],
    ]);
    expect(Object.isFrozen(r.options[1]!.extendedlyDominatedBy)).toBe(true);
    expect(r.options[5]).toEqual({ id: "F", cost: "150", effect: "11", status: "frontier", onFrontier: true, frontierPosition: 2, comparedWith: "E", incrementalCost: "100", incrementalEffect: "1", icer: "100" });
  });

  it("an option cheaper and more effective than every other is dominant, even when the others tie with each other", () => {
    const r = incrementalAnalysis([
      { id: "B", cost: 9, effect: 1 },
      { id: "C", cost: 9, effect: 1 },
      { id: "A", cost: -5, effect: 2 },
    ]);
    expect(r.options[2]).toEqual({ id: "A", cost: "-5", effect: "2", status: "dominant", onFrontier: true, frontierPosition: 0 });
    expect(r.options.slice(0, 2).map((o) => [o.status, o.dominatedBy, o.tiedWith])).toEqual([
      ["dominated", "A", ["C"]],
      ["dominated", "A", ["B"]],
    ]);
  });

  it("two identical options alone are a tie, neither dominant nor a reference", () => {
    const r = incrementalAnalysis([
      { id: "b", cost: 1, effect: 1 },
      { id: "a", cost: 1, effect: 1 },
    ]);
    expect(r.options.map((o) => [o.status, o.frontierPosition, o.tiedWith])).toEqual([
      ["tie", 0, ["a"]],
      ["tie", 0, ["b"]],
    ]);
    expect(r.frontier).toEqual(["a"]);
  });

  it("ICERs are exact unless rounded, and rounding is half-even", () => {
    const opts: CeaOption[] = [
      { id: "A", cost: 0, effect: 0 },
      { id: "B", cost: 10000, effect: 3 },
      { id: "C", cost: 10005, effect: 5 },
    ];
    expect(incrementalAnalysis(opts.slice(0, 2)).frontierIcers).toEqual(["3333.3333333333333333333333333333333333333333333333"]);
    // with C, the ICER B→C (2.5) is below A→B: B is extendedly dominated, and A→C = 10005 / 5 = 2001
    expect(incrementalAnalysis(opts)).toMatchObject({ frontier: ["A", "C"], frontierIcers: ["2001"] });
    const two = incrementalAnalysis(opts.slice(0, 2), { icerDecimalPlaces: 2 });
    expect(two.frontierIcers).toEqual(["3333.33"]);
    expect(two.options[1]!.icer).toBe("3333.33");
    expect(incrementalAnalysis([{ id: "A", cost: 0, effect: 0 }, { id: "B", cost: 5, effect: 2 }], { icerDecimalPlaces: 0 }).frontierIcers).toEqual(["2"]);
    expect(incrementalAnalysis([{ id: "A", cost: 0, effect: 0 }, { id: "B", cost: 7, effect: 2 }], { icerDecimalPlaces: 0 }).frontierIcers).toEqual(["4"]);
  });

  it("bad settings are refused at their path", () => {
    const one = [{ id: "A", cost: 1, effect: 1 }];
    expect(thrown(() => incrementalAnalysis(one, { icerDecimalPlaces: -1 }))[0]).toMatchObject({ code: "too_small", path: ["settings", "icerDecimalPlaces"] });
    expect(thrown(() => incrementalAnalysis(one, { icerDecimalPlaces: 1.5 }))[0]).toMatchObject({ path: ["settings", "icerDecimalPlaces"] });
    expect(thrown(() => incrementalAnalysis(one, { icerDecimalPlaces: 41 }))[0]).toMatchObject({ code: "too_big", path: ["settings", "icerDecimalPlaces"] });
    expect(thrown(() => incrementalAnalysis(one, { decimals: 2 } as never))[0]).toMatchObject({ code: "unrecognized_keys", path: ["settings", "decimals"] });
  });

  it("each row carries exactly the keys of its status: no label, tiedWith or ICER key set to undefined", () => {
    const r = incrementalAnalysis([
      { id: "A", cost: 0, effect: 0 },
      { id: "B", cost: 30, effect: 1 },
      { id: "C", cost: 40, effect: 2 },
      { id: "D", cost: 50, effect: 1 },
      { id: "E", label: "Usual care", cost: 100, effect: 3 },
    ]);
    expect(r.options.map((o) => Object.keys(o))).toEqual([
      ["id", "cost", "effect", "status", "onFrontier", "frontierPosition"],
      ["id", "cost", "effect", "status", "onFrontier", "extendedlyDominatedBy"],
      ["id", "cost", "effect", "status", "onFrontier", "frontierPosition", "comparedWith", "incrementalCost", "incrementalEffect", "icer"],
      ["id", "cost", "effect", "status", "onFrontier", "dominatedBy"],
      ["id", "label", "cost", "effect", "status", "onFrontier", "frontierPosition", "comparedWith", "incrementalCost", "incrementalEffect", "icer"],
    ]);
  });

  it("does not change the caller's options", () => {
    const opts = [
      { id: "B", cost: 30, effect: 2 },
      { id: "A", cost: 0, effect: 1 },
    ];
    const before = JSON.stringify(opts);
    incrementalAnalysis(opts);
    expect(JSON.stringify(opts)).toBe(before);
  });
});

describe("frontierOptionAt: every interval of the frontier", () => {
  const cea = incrementalAnalysis([
    { id: "A", cost: 0, effect: 0 },
    { id: "B2", cost: 100, effect: 1 },
    { id: "B1", cost: 100, effect: 1 },
    { id: "C", cost: 1100, effect: 2 },
    { id: "X", cost: 2000, effect: "1.5" },
  ]);

  it("names the smallest id of a tied group, with the interval where it is optimal", () => {
    expect(frontierOptionAt(cea, "100.5")).toEqual({ id: "B1", from: "100", to: "1000" });
    expect(frontierOptionAt(cea, "999.999")).toEqual({ id: "B1", from: "100", to: "1000" });
    expect(frontierOptionAt(cea, "1e3")).toEqual({ id: "C", from: "1000" });
    expect(frontierOptionAt(cea, 1e6)).toEqual({ id: "C", from: "1000" });
  });

  it("a frontier of one option is optimal at every threshold, with no interval bounds", () => {
    expect(frontierOptionAt(incrementalAnalysis([{ id: "only", cost: 5, effect: 1 }]), 0)).toEqual({ id: "only" });
    expect(frontierOptionAt(incrementalAnalysis([{ id: "only", cost: 5, effect: 1 }]), 99999)).toEqual({ id: "only" });
  });

  it("a threshold that is not a decimal ≥ 0 is refused at path threshold", () => {
    expect(thrown(() => frontierOptionAt(cea, "abc"))).toEqual([{ code: "invalid_type", path: ["threshold"], message: 'must be a finite decimal number, got "abc"' }]);
    expect(thrown(() => frontierOptionAt(cea, "-0.01"))).toEqual([{ code: "too_small", path: ["threshold"], message: "must be ≥ 0, got -0.01" }]);
  });
});

describe("frontierOptionAt: exact shape", () => {
  it("names only the bounds that exist: no from for the reference, no to for the last", () => {
    const cea = incrementalAnalysis([
      { id: "A", cost: 0, effect: 0 },
      { id: "B", cost: 100, effect: 1 },
      { id: "C", cost: 1100, effect: 2 },
    ]);
    expect(Object.keys(frontierOptionAt(cea, 0))).toEqual(["id", "to"]);
    expect(Object.keys(frontierOptionAt(cea, 500))).toEqual(["id", "from", "to"]);
    expect(Object.keys(frontierOptionAt(cea, 5000))).toEqual(["id", "from"]);
    expect(Object.keys(frontierOptionAt(incrementalAnalysis([{ id: "only", cost: 5, effect: 1 }]), 1))).toEqual(["id"]);
    expect(Object.isFrozen(frontierOptionAt(cea, 500))).toBe(true);
  });
});
