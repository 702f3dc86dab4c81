import { describe, expect, it } from "vitest";
import { Dec } from "../../src/_lib/decimal.js";
import { evaluateLifecycle, type LifecycleDocumentInput } from "../../src/index.js";
import { sum } from "./helpers.js";

/** Exact products, far beyond any operand pair's digits. */
const Exact = Dec.clone({ precision: 200 });

/**
 * Regression: a monthly ledger's per-use quantity is quantity × yearly volume ÷ 12. It used to divide the yearly
 * volume by 12 first, at 50 significant digits, so 18 × (4,988 ÷ 12) came out as 7,482.000…06 instead of 7,482;
 * the noise then tipped half-even ties at the 20th place, and the exact check of a ledger row failed about one
 * run in three. Counterexamples found by fast-check (lifecycle/properties.test.ts), shrunk.
 */
function monthlyPerUse(uses: string[], item: Record<string, unknown>, schedule: "green-book" | "none" = "green-book"): LifecycleDocumentInput {
  return {
    currency: "GBP",
    priceBaseDate: "2026-04-01",
    horizonYears: uses.length,
    period: "month",
    discounting: { schedule, timing: { position: "end", compounding: "continuous" } },
    volumes: { usesPerYear: uses, patientsPerYear: "120" },
    options: [{ id: "o0", name: "Option 0", items: [{ id: "i0", kind: "acquisition", label: "acquisition 0", quantityUnit: "unit", basis: "per-use", ...item } as never] }],
  };
}

describe("evaluateLifecycle: shares of a yearly volume are exact", () => {
  it("18 per use × 4,988 uses a year ÷ 12 months is exactly 7,482 a month, and the half-even tie rounds to even", () => {
    const doc = monthlyPerUse(["0", "0", "0", "0", "0", "0", "0", "4988", "0", "0", "0", "0"], { unitCost: "378741.46", quantity: "18", startYear: 1, endYear: 8, escalationRate: "0.005" });
    const r = evaluateLifecycle(doc);
    const rows = r.ledger!.filter((row) => row.undiscounted !== "0");
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect(row.quantity).toBe("7482");
      // 378,741.46 × 1.005^7 = 392,197.9156702533002488640625 exactly.
      expect(row.unitCost).toBe("392197.9156702533002488640625");
      // 7,482 × 392,197.9156702533002488640625 = 2,934,424,805.044835192462000915625: a tie, half-even to …562.
      expect(new Exact(row.quantity).times(row.unitCost).toFixed()).toBe("2934424805.044835192462000915625");
      expect(row.undiscounted).toBe("2934424805.04483519246200091562");
    }
    const lean = evaluateLifecycle(doc, { ledger: false });
    expect(lean.options).toEqual(r.options);
    expect(sum(r.ledger!.map((x) => x.discounted))).toBe(r.options[0]!.presentCost.amount);
    const perUse = r.options[0]!.perUse;
    // Σ of the yearly volumes, exactly (no 4,987.999… from adding twelve rounded twelfths).
    expect(perUse.status === "ok" && perUse.volume).toBe("4988");
  });

  it("a share that is not a terminating decimal is stated to 50 significant digits and each row is its own exact arithmetic", () => {
    // 29 × 4,217 ÷ 12 = 10,191.08333…: the amount is round₂₀(printed quantity × unit cost), so the row can be
    // checked by hand from what it prints.
    const doc = monthlyPerUse(["0", "0", "0", "0", "0", "0", "4217", "0", "0"], { unitCost: "124926.42", quantity: "29", startYear: 1, endYear: 7, escalationRate: "0.045" }, "none");
    const r = evaluateLifecycle(doc);
    const rows = r.ledger!.filter((row) => row.undiscounted !== "0");
    expect(rows).toHaveLength(12);
    for (const row of rows) {
      expect(row.quantity).toBe("10191.083333333333333333333333333333333333333333333");
      expect(new Exact(row.quantity).times(row.unitCost).toDecimalPlaces(20, Exact.ROUND_HALF_EVEN).toFixed()).toBe(row.undiscounted);
    }
    expect(evaluateLifecycle(doc, { ledger: false }).options).toEqual(r.options);
  });

  it("9 per use × 3,010 uses a year ÷ 12 prints as 2257.5, not 2257.500…015", () => {
    const r = evaluateLifecycle(monthlyPerUse(["3010"], { unitCost: "2", quantity: "9" }, "none"));
    expect(r.ledger!.map((row) => row.quantity)).toEqual(Array.from({ length: 12 }, () => "2257.5"));
    expect(r.options[0]!.undiscounted.amount).toBe("54180");
  });

  it("minutes are costed per hour exactly: 90 minutes is 1.5 hours; 10 minutes is 0.1666… hours", () => {
    const doc = (quantity: string): LifecycleDocumentInput => ({
      currency: "GBP",
      priceBaseDate: "2026-04-01",
      horizonYears: 1,
      discounting: { schedule: "none" },
      options: [{ id: "a", name: "A", items: [{ id: "staff", kind: "staff-time", label: "Nurse", unitCost: "36", quantity, quantityUnit: "minute" }] }],
    });
    const a = evaluateLifecycle(doc("90")).ledger![0]!;
    expect([a.quantity, a.unit, a.undiscounted]).toEqual(["1.5", "hour", "54"]);
    const b = evaluateLifecycle(doc("10")).ledger![0]!;
    expect([b.quantity, b.unit, b.undiscounted]).toEqual(["0.16666666666666666666666666666666666666666666666667", "hour", "6"]);
  });
});
