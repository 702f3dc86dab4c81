import { describe, expect, it } from "vitest";
import { formulaDiagnostic, PRICE_FORMULAS, priceScores, utilityIndex } from "../../src/index.js";
import { handTender } from "./fixtures.js";

// Stilger, Siderius & van Raaij (2017), "A comparative study of formulas for choosing the economically most
// advantageous tender", Journal of Public Procurement 17(1), 88–124: absolute scoring, optimal price, utility index.

describe("absolute-scoring family and the optimal-price formula", () => {
  it("absolute-linear: 40 × (150 − P) / (150 − 90), full marks at or below 90, 0 at or above 150", () => {
    const spec = { formula: "absolute-linear", params: { floor: "90", ceiling: "150" } };
    expect(priceScores(["80", "120", "160"], "40", spec).map((t) => t.points)).toEqual(["40", "20", "0"]);
  });

  it("absolute-proportional-deviation: 40 × (1 − (P − 100)/100), capped at 40", () => {
    const spec = { formula: "absolute-proportional-deviation", params: { reference: "100" } };
    expect(priceScores(["90", "125", "250"], "40", spec).map((t) => t.points)).toEqual(["40", "30", "0"]);
  });

  it("optimal-price: no extra points below the optimum; linear to 0 at the ceiling", () => {
    const spec = { formula: "optimal-price", params: { optimal: "100", ceiling: "200" } };
    expect(priceScores(["60", "100", "150", "220"], "40", spec).map((t) => t.points)).toEqual(["40", "40", "20", "0"]);
    expect(() => priceScores(["60"], "40", { formula: "optimal-price", params: { optimal: "100", ceiling: "90" } })).toThrow(/ceiling: must be greater than params.optimal \(100\), got 90/);
  });

  it("rank reversal as stated: an absolute score never depends on the other bids", () => {
    for (const [id, params] of [
      ["absolute-linear", { floor: "90", ceiling: "150" }],
      ["absolute-proportional-deviation", { reference: "100" }],
      ["optimal-price", { optimal: "100", ceiling: "200" }],
    ] as const) {
      expect(PRICE_FORMULAS[id].rankReversal).toMatch(/^Absolute scoring: .*cannot change another tender's score/);
      const withAll = priceScores(["95", "110", "130"], "40", { formula: id, params });
      const without = priceScores(["110", "130"], "40", { formula: id, params });
      expect(without.map((t) => t.points)).toEqual(withAll.slice(1).map((t) => t.points));
    }
    // A relative formula, by contrast, rescales when the lowest bid leaves.
    const rel = priceScores(["95", "110", "130"], "40", { formula: "relative-to-lowest" });
    const relWithout = priceScores(["110", "130"], "40", { formula: "relative-to-lowest" });
    expect(relWithout[0]?.points).not.toBe(rel[1]?.points);
  });
});

describe("utility index", () => {
  it("U = (1 − (Qbest − Q) × N) / P × Pbest", () => {
    // N = 70/30; A: (1 − (0.9314… − 0.8614…) × 7/3) / 10000 × 8000 …; hand tender shares below.
    const u = utilityIndex(
      [
        { id: "A", quality: "0.8", price: "100" },
        { id: "B", quality: "1", price: "125" },
        { id: "C", quality: "0.5", price: "60" },
      ],
      { quality: "50", price: "50" },
    );
    // N = 1, Qbest = 1, Pbest = 60: A 0.8 / 100 × 60 = 0.48; B 1/125 × 60 = 0.48; C 0.5/60 × 60 = 0.5
    expect(u).toEqual([
      { id: "C", index: "0.5", rank: 1 },
      { id: "A", index: "0.48", rank: 2 },
      { id: "B", index: "0.48", rank: 2 },
    ]);
  });

  it("rank reversal as stated: withdrawing the best-quality bid can swap two others", () => {
    const bids = [
      { id: "X", quality: "0.2", price: "50" },
      { id: "Y", quality: "0.5", price: "100" },
      { id: "Z", quality: "1", price: "300" },
    ];
    const w = { quality: "50", price: "50" };
    const before = utilityIndex(bids, w).map((r) => r.id);
    const after = utilityIndex(bids.slice(0, 2), w).map((r) => r.id);
    expect(before.indexOf("Y")).toBeLessThan(before.indexOf("X")); // Y above X
    expect(after).toEqual(["X", "Y"]); // X above Y once Z is withdrawn
  });

  it("bad input is an error with its path", () => {
    expect(() => utilityIndex([{ id: "A", quality: "1.2", price: "10" }], { quality: "50", price: "50" })).toThrow(/bids\[0\]\.quality: must be a share between 0 and 1/);
    expect(() => utilityIndex([], { quality: "50", price: "50" })).toThrow(/bids: must have at least 1 bid/);
  });
});

describe("formula diagnostic: one tender under several formulas, where the winner changes", () => {
  it("the hand tender: C wins as published; linear-between-limits, proportional deviation and the utility index give A", () => {
    // Quality points: A 60.3, B 41, C 65.2 (of 70). Published (relative to lowest): A 84.3, B 71, C 84.4 → C.
    // Linear between the bids' limits (8000–12500): A 60.3 + 30 × 2500/4500 = 76.97; B 41 + 30 = 71; C 65.2 + 0 → A.
    // Proportional deviation: A 60.3 + 30 × (1 − 2000/8000) = 82.8; B 71; C 65.2 + 30 × (1 − 4500/8000) = 78.33 → A.
    // Utility index (N = 70/30): A (1 − (0.9314 − 0.8614) × 7/3) / 10000 × 8000 = 0.669; C 0.64; B 0.193 → A.
    const d = formulaDiagnostic(handTender(), [{ formula: "linear-between-limits" }, { award: "utility-index" }, { formula: "proportional-deviation" }]);
    expect(d.outcomes.map((o) => [o.rule, o.winner, o.winnerChanges])).toEqual([
      ["as published", "C", false],
      ["linear-between-limits", "A", true],
      ["utility-index", "A", true],
      ["proportional-deviation", "A", true],
    ]);
    expect(d.changes.map((c) => c.rule)).toEqual(["linear-between-limits", "utility-index", "proportional-deviation"]);
    // A formula with a fixed scale that keeps C ahead: logarithmic with A = 2 (C 65.2 + 30 × (1 − ln(12500/8000)/ln 2) = 75.9; A 60.3 + 30 × (1 − ln(1.25)/ln 2) = 80.6) — A again.
    const log = formulaDiagnostic(handTender(), [{ formula: "logarithmic", params: { A: "2" } }]);
    expect(log.outcomes[1]?.winner).toBe("A");
    expect(d.reference).toContain("Stilger");
  });
});
