import { describe, expect, it } from "vitest";
import { frontierOptionAt, incrementalAnalysis, safeIncrementalAnalysis } from "../../src/index.js";
import { thrown } from "../_helpers/thrown.js";

describe("incrementalAnalysis: dominance names the cheapest at-least-as-effective option", () => {
  it("A(0,1), B(10,5), C(20,6), D(30,2): D is dominated by B, not by C (the last undominated) nor A", () => {
    const r = incrementalAnalysis([
      { id: "A", cost: 0, effect: 1 },
      { id: "B", cost: 10, effect: 5 },
      { id: "C", cost: 20, effect: 6 },
      { id: "D", cost: 30, effect: 2 },
    ]);
    expect(r.options[3]).toEqual({ id: "D", cost: "30", effect: "2", status: "dominated", onFrontier: false, dominatedBy: "B" });
    expect(r.frontier).toEqual(["A", "B", "C"]);
    expect(r.frontierIcers).toEqual(["2.5", "10"]);
  });

  it("equal effect, more costly: dominated by the cheaper one; equal cost, less effective: dominated by the more effective", () => {
    const r = incrementalAnalysis([
      { id: "A", cost: 100, effect: 2 },
      { id: "B", cost: 150, effect: 2 },
      { id: "C", cost: 100, effect: 1 },
    ]);
    expect(r.options.map((o) => [o.id, o.status, o.onFrontier, o.dominatedBy])).toEqual([
      ["A", "dominant", true, undefined],
      ["B", "dominated", false, "A"],
      ["C", "dominated", false, "A"],
    ]);
  });

  it("a dominated option just above a frontier option's effect is dominated by the cheapest option reaching that effect", () => {
    // E(25, 5.5): options at least as effective and no dearer are C(20, 6) only, so C dominates it (not B at 5).
    const r = incrementalAnalysis([
      { id: "A", cost: 0, effect: 1 },
      { id: "B", cost: 10, effect: 5 },
      { id: "C", cost: 20, effect: 6 },
      { id: "E", cost: 25, effect: "5.5" },
      { id: "F", cost: 40, effect: 5 },
    ]);
    expect(r.options.filter((o) => o.status === "dominated").map((o) => [o.id, o.dominatedBy])).toEqual([
      ["E", "C"],
      ["F", "B"],
    ]);
  });
});

describe("incrementalAnalysis: strict output shapes per status", () => {
  it("reference, frontier, extendedly dominated, dominated: exact rows", () => {
    const r = incrementalAnalysis(
      [
        { id: "A", label: "Usual care", cost: 1000, effect: "1.0" },
        { id: "B", cost: 3000, effect: "1.1" },
        { id: "C", cost: 4000, effect: "1.3" },
        { id: "D", cost: 5000, effect: "1.2" },
      ],
      { icerDecimalPlaces: 2 },
    );
    expect(r).toEqual({
      options: [
        { id: "A", label: "Usual care", cost: "1000", effect: "1", status: "reference", onFrontier: true, frontierPosition: 0 },
        { id: "B", cost: "3000", effect: "1.1", status: "extendedly-dominated", onFrontier: false, extendedlyDominatedBy: ["A", "C"] },
        { id: "C", cost: "4000", effect: "1.3", status: "frontier", onFrontier: true, frontierPosition: 1, comparedWith: "A", incrementalCost: "3000", incrementalEffect: "0.3", icer: "10000" },
        { id: "D", cost: "5000", effect: "1.2", status: "dominated", onFrontier: false, dominatedBy: "C" },
      ],
      frontier: ["A", "C"],
      frontierIcers: ["10000"],
    });
    expect(Object.isFrozen(r) && Object.isFrozen(r.options) && Object.isFrozen(r.options[0]) && Object.isFrozen(r.frontier) && Object.isFrozen(r.frontierIcers)).toBe(true);
  });

  it("ties: identical points share a fate, list each other and are named by the smallest id", () => {
    const r = incrementalAnalysis([
      { id: "Z", cost: 10, effect: 2 },
      { id: "A", cost: 0, effect: 1 },
      { id: "Y", cost: 10, effect: 2 },
      { id: "X", cost: 12, effect: 1 },
      { id: "W", cost: 12, effect: 1 },
    ]);
    expect(r.frontier).toEqual(["A", "Y"]);
    expect(r.options).toEqual([
      { id: "Z", cost: "10", effect: "2", status: "tie", onFrontier: true, frontierPosition: 1, tiedWith: ["Y"], comparedWith: "A", incrementalCost: "10", incrementalEffect: "1", icer: "10" },
      { id: "A", cost: "0", effect: "1", status: "reference", onFrontier: true, frontierPosition: 0 },
      { id: "Y", cost: "10", effect: "2", status: "tie", onFrontier: true, frontierPosition: 1, tiedWith: ["Z"], comparedWith: "A", incrementalCost: "10", incrementalEffect: "1", icer: "10" },
      { id: "X", cost: "12", effect: "1", status: "dominated", onFrontier: false, tiedWith: ["W"], dominatedBy: "A" },
      { id: "W", cost: "12", effect: "1", status: "dominated", onFrontier: false, tiedWith: ["X"], dominatedBy: "A" },
    ]);
  });

  it("a single option is the reference; an option cheaper and better than all others is dominant", () => {
    expect(incrementalAnalysis([{ id: "only", cost: 5, effect: 1 }]).options[0]).toEqual({ id: "only", cost: "5", effect: "1", status: "reference", onFrontier: true, frontierPosition: 0 });
    const r = incrementalAnalysis([
      { id: "B", cost: 9, effect: 1 },
      { id: "A", cost: 5, effect: 2 },
    ]);
    expect(r.options.map((o) => [o.id, o.status, o.onFrontier])).toEqual([
      ["B", "dominated", false],
      ["A", "dominant", true],
    ]);
    expect(r.frontierIcers).toEqual([]);
  });

  it("collinear options (equal ICERs) all stay on the frontier; a strictly higher middle ICER is extended-dominated", () => {
    const straight = incrementalAnalysis([
      { id: "A", cost: 0, effect: 0 },
      { id: "B", cost: 10, effect: 1 },
      { id: "C", cost: 20, effect: 2 },
    ]);
    expect(straight.frontier).toEqual(["A", "B", "C"]);
    expect(straight.frontierIcers).toEqual(["10", "10"]);
    const bent = incrementalAnalysis([
      { id: "A", cost: 0, effect: 0 },
      { id: "B", cost: "10.000001", effect: 1 },
      { id: "C", cost: 20, effect: 2 },
    ]);
    expect(bent.frontier).toEqual(["A", "C"]);
    expect(bent.options[1]).toMatchObject({ status: "extendedly-dominated", onFrontier: false, extendedlyDominatedBy: ["A", "C"] });
  });

  it("several extendedly dominated options in a row are all bracketed by the same frontier neighbours", () => {
    const r = incrementalAnalysis([
      { id: "A", cost: 0, effect: 0 },
      { id: "B", cost: 50, effect: 1 },
      { id: "C", cost: 90, effect: 2 },
      { id: "D", cost: 100, effect: 10 },
    ]);
    expect(r.frontier).toEqual(["A", "D"]);
    expect(r.options.slice(1, 3).map((o) => o.extendedlyDominatedBy)).toEqual([
      ["A", "D"],
      ["A", "D"],
    ]);
  });

  it("the result does not depend on the input order", () => {
    const opts = [
      { id: "A", cost: 0, effect: 1 },
      { id: "B", cost: 10, effect: 5 },
      { id: "C", cost: 20, effect: 6 },
      { id: "D", cost: 30, effect: 2 },
    ];
    const sorted = (rows: readonly { id: string }[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    const forward = incrementalAnalysis(opts);
    const backward = incrementalAnalysis([...opts].reverse());
    expect(sorted(backward.options)).toEqual(sorted(forward.options));
    expect(backward.frontier).toEqual(forward.frontier);
  });
});

describe("incrementalAnalysis: bad input, with code, path and message", () => {
  it("empty list, repeated id, non-decimal cost, bad settings", () => {
    expect(thrown(() => incrementalAnalysis([]))).toEqual([{ code: "too_small", path: ["options"], message: "must have at least 1 item" }]);
    expect(
      thrown(() =>
        incrementalAnalysis([
          { id: "A", cost: 1, effect: 1 },
          { id: "A", cost: 2, effect: 2 },
        ]),
      ),
    ).toEqual([{ code: "duplicate_id", path: ["options", 1, "id"], message: 'must be unique, got "A" again (first used at index 0)' }]);
    expect(thrown(() => incrementalAnalysis([{ id: "A", cost: "0x10", effect: 1 }]))).toEqual([
      { code: "invalid_format", path: ["options", 0, "cost"], message: 'must be a decimal number (no hexadecimal, octal or binary), got "0x10"' },
    ]);
    expect(safeIncrementalAnalysis([]).success).toBe(false);
    expect(safeIncrementalAnalysis([{ id: "A", cost: 1, effect: 1 }])).toMatchObject({ success: true, data: { frontier: ["A"] } });
  });

  it("frontierOptionAt: at an ICER the more effective option is chosen; a negative threshold is refused", () => {
    const cea = incrementalAnalysis([
      { id: "A", cost: 0, effect: 0 },
      { id: "B", cost: 100, effect: 1 },
      { id: "C", cost: 1100, effect: 2 },
    ]);
    expect(frontierOptionAt(cea, 100)).toEqual({ id: "B", from: "100", to: "1000" });
    expect(frontierOptionAt(cea, "99.99")).toEqual({ id: "A", to: "100" });
    expect(frontierOptionAt(cea, 1000)).toEqual({ id: "C", from: "1000" });
    expect(frontierOptionAt(cea, 0)).toEqual({ id: "A", to: "100" });
    expect(thrown(() => frontierOptionAt(cea, -1))).toEqual([{ code: "too_small", path: ["threshold"], message: "must be ≥ 0, got -1" }]);
  });
});
