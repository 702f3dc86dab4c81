import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { awardUncertainty, scoreTender, type Tender } from "../../../src/index.js";
import { gatedTender, workedTender } from "./helpers.js";

/** Integer basis points summing to exactly 10,000, as percent strings with 2 decimals. */
const weightSplit = (n: number) =>
  fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: n, maxLength: n }).map((raw) => {
    const total = raw.reduce((s, x) => s + x, 0);
    const bp = raw.map((x) => Math.floor((x * 10000) / total));
    bp[0] = (bp[0] as number) + 10000 - bp.reduce((s, x) => s + x, 0);
    return bp.map((b) => (b / 100).toFixed(2));
  });

/** Applies root weights to a tender (exact decimal strings). */
function withRootWeights(t: Tender, weights: readonly string[]): Tender {
  let k = 0;
  return {
    ...t,
    criteria: t.criteria.map((c) => {
      if (c.kind === "pass-fail") return c;
      const { weightRange: _unused, ...rest } = c;
      void _unused;
      return { ...rest, weight: weights[k++] as string } as typeof c;
    }),
  };
}

function checkParity(t: Tender, weights: readonly string[], prices: Readonly<Record<string, string>>): void {
  const exact = scoreTender(withRootWeights({ ...t, options: t.options.map((o) => (prices[o.id] !== undefined ? { ...o, price: prices[o.id] as string } : o)) }, weights));
  const roots = t.criteria.filter((c) => c.kind !== "pass-fail");
  // Ranges with min = max pin every weight; fixed distributions pin the prices: one draw, no randomness left.
  const r = awardUncertainty(t, {
    iterations: 1,
    seed: 1,
    weights: { groups: ["root"], usePublishedRanges: false, ranges: Object.fromEntries(roots.map((c, i) => [c.id, { min: weights[i] as string, max: weights[i] as string }])) },
    inputs: Object.entries(prices).map(([optionId, p]) => ({ optionId, input: "price", distribution: { type: "fixed", value: p } })),
    importance: false,
    confidenceFactors: false,
  });
  for (const lot of exact.lots) {
    const fast = r.lots.find((l) => l.lotId === lot.lotId);
    for (const o of lot.options) {
      const b = fast?.bids.find((x) => x.optionId === o.optionId);
      expect(b, o.optionId).toBeDefined();
      if (o.rank === undefined) expect(b?.probabilityExcluded, `${o.optionId} excluded`).toBe(1);
      else {
        expect(b?.rankAcceptability[o.rank - 1], `${o.optionId} rank ${o.rank} with weights ${weights.join("/")}`).toBe(1);
        if (o.total !== undefined) expect(Math.abs((b?.score.mean ?? NaN) - Number(o.total))).toBeLessThan(1e-9 * Math.max(1, Math.abs(Number(o.total))));
      }
    }
    expect(fast?.probabilityNoWinner).toBe(lot.winner === undefined ? 1 : 0);
  }
}

describe("Float64 draw scoring reproduces scoreTender's rules", () => {
  it("worked tender: ranks, exclusions and totals match the exact scoring on random weights and prices", () => {
    const t = workedTender();
    const ids = t.options.map((o) => o.id);
    fc.assert(
      fc.property(weightSplit(6), fc.array(fc.integer({ min: 50, max: 200 }), { minLength: ids.length, maxLength: ids.length }), (w, ps) => {
        checkParity(t, w, Object.fromEntries(ids.map((id, i) => [id, String(ps[i])])));
      }),
      { numRuns: 40, seed: 9001 },
    );
  });

  for (const [formula, params] of [
    ["relative-to-lowest", undefined],
    ["proportional-deviation", undefined],
    ["linear-between-limits", undefined],
    ["linear-between-limits", { floor: "7500", ceiling: "11000" }],
    ["logarithmic", { A: "2" }],
    ["mean-based", { band: "0.5" }],
    ["ratio-to-reference", { reference: "8000" }],
    ["proportional-to-budget", { budget: "13000" }],
  ] as const) {
    it(`gated tender with ${formula}${params ? " " + JSON.stringify(params) : ""}: parity on random weights and prices (gates move Pmin)`, () => {
      const t = gatedTender(formula, params);
      fc.assert(
        fc.property(weightSplit(3), fc.array(fc.integer({ min: 60, max: 140 }), { minLength: 5, maxLength: 5 }), (w, ps) => {
          checkParity(t, w, Object.fromEntries(["A", "B", "C", "D", "E"].map((id, i) => [id, String(ps[i] as number * 100)])));
        }),
        { numRuns: 25, seed: 4242 },
      );
    });
  }

  it("price per quality point and monetised quality aggregations, and ties resolved by the published rules", () => {
    for (const aggregation of ["price-per-quality-point", "monetised-quality"] as const) {
      const base = gatedTender("relative-to-lowest");
      const t: Tender = {
        ...base,
        criteria: base.criteria.filter((c) => c.id !== "price").map((c) => (c.id === "quality" ? { ...c, weight: "80" } : { ...c, weight: "20" }) as typeof c),
        gates: [],
        settings: { aggregation, ...(aggregation === "monetised-quality" ? { valuePerQualityPoint: "50" } : {}) },
      };
      fc.assert(
        fc.property(weightSplit(2), fc.array(fc.integer({ min: 60, max: 140 }), { minLength: 5, maxLength: 5 }), (w, ps) => {
          checkParity(t, w, Object.fromEntries(["A", "B", "C", "D", "E"].map((id, i) => [id, String((ps[i] as number) * 100)])));
        }),
        { numRuns: 25, seed: 77 },
      );
    }
    // Two identical bids: a tie on the total resolved by lower price, then shared rank when prices are equal too.
    const t = gatedTender("relative-to-lowest");
    const twin: Tender = { ...t, options: [...t.options, { ...t.options[0]!, id: "A2", supplier: "Acme 2" }], consensus: [...(t.consensus ?? []), { criterionId: "q1", optionId: "A2", level: "4", reason: "r" }], evaluatorScores: [...(t.evaluatorScores ?? []), { criterionId: "q1", optionId: "A2", evaluatorId: "E1", level: "4", reason: "r" }] };
    checkParity(twin, ["50", "40", "10"], {});
    checkParity(twin, ["50", "40", "10"], { A2: "9999" });
  });
});
