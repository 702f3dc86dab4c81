import { describe, expect, it } from "vitest";
import { formulaDiagnostic, PRICE_FORMULAS, priceScores, utilityIndex } from "../../src/index.js";
import { thrown } from "../_helpers/thrown.js";
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

  it("every bad bid and weight at once, by the decimal rule, each at its path (never a raw Decimal error or a crash; a bid that is not an object is one problem)", () => {
    const bids = [
      { id: "A", quality: "abc", price: " 10" },
      { id: "B", quality: "0.5", price: "0x10" },
      null,
      { quality: "0.5", price: "-3" },
    ] as unknown as Parameters<typeof utilityIndex>[0];
    const issues = thrown(() => utilityIndex(bids, { quality: "x", price: "0" }));
    expect(issues.map((i) => [i.code, i.path.join("."), i.message])).toEqual([
      ["invalid_type", "weights.quality", 'must be a decimal number (a finite decimal number), got "x"'],
      ["too_small", "weights.price", "must be > 0, got 0"],
      ["invalid_type", "bids.0.quality", 'must be a decimal number (a finite decimal number), got "abc"'],
      ["invalid_format", "bids.0.price", 'must be a decimal number without surrounding spaces, got " 10"'],
      ["invalid_format", "bids.1.price", 'must be a decimal number (no hexadecimal, octal or binary), got "0x10"'],
      ["invalid_type", "bids.2", "must be a bid { id, quality, price }, got null"],
      ["invalid_type", "bids.3.id", "must be a string, got nothing"],
      ["too_small", "bids.3.price", "must be > 0, got -3"],
    ]);
    expect(thrown(() => utilityIndex([{ id: "A", quality: "1", price: "1" }], undefined as never)).map((i) => i.path.join("."))).toEqual(["weights"]);
  });

  it("50,000 bids: ranked in one pass (equal indexes share a rank, 1 + the bids above)", () => {
    const bids = Array.from({ length: 50_000 }, (_, i) => ({ id: `b${i}`, quality: "1", price: String(100 + (i % 1000)) }));
    const rows = utilityIndex(bids, { quality: "50", price: "50" });
    expect(rows).toHaveLength(50_000);
    // 50 bids at each of 1,000 prices: the k-th price from the lowest holds ranks 50k + 1.
    expect(rows[0]).toEqual({ id: "b0", index: "1", rank: 1 });
    expect(rows.filter((r) => r.rank === 1)).toHaveLength(50);
    expect(rows[50]).toMatchObject({ id: "b1", rank: 51 });
    expect(rows.at(-1)).toMatchObject({ id: "b49999", rank: 49_951 });
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
