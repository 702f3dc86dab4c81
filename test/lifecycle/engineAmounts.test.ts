import { describe, expect, it } from "vitest";
import { evaluateLifecycle, type LifecycleDocumentInput, type LifecycleResult } from "../../src/index.js";
import { item, type Item, oneOptionDocument, rows } from "../_helpers/lifecycleDocument.js";

// Each period's amount, pinned row by row through the public API where the quantity, the unit cost or both change
// from year to year: escalation with yearly volumes, minutes costed per hour in a monthly ledger, several price
// years restated by one index, a stated residual value restated and escalated, and dates on year and month
// boundaries. Undiscounted ("none") so each figure is the hand product.

const doc = (items: Item[], over: Partial<LifecycleDocumentInput> = {}, option: Item = {}): LifecycleDocumentInput => oneOptionDocument(3, items, over, option);
const pick = (r: LifecycleResult, itemId: string) => rows(r, itemId).map((x) => ({ period: x.period, quantity: x.quantity, unitCost: x.unitCost, undiscounted: x.undiscounted }));

describe("lifecycle engine: amounts that change from year to year", () => {
  it("escalation with a volume that changes each year: quantity and unit cost both move", () => {
    // 1 per use at 2, +10% a year; 100, 200, 300 uses: 100 × 2 = 200; 200 × 2.2 = 440; 300 × 2.42 = 726.
    const r = evaluateLifecycle(doc([item({ id: "kit", kind: "consumable", unitCost: "2", basis: "per-use", escalationRate: "0.1" })], {}, { usesPerYear: ["100", "200", "300"] }));
    expect(pick(r, "kit")).toEqual([
      { period: 1, quantity: "100", unitCost: "2", undiscounted: "200" },
      { period: 2, quantity: "200", unitCost: "2.2", undiscounted: "440" },
      { period: 3, quantity: "300", unitCost: "2.42", undiscounted: "726" },
    ]);
    const o = r.options[0]!;
    expect(o.undiscounted.amount).toBe("1366");
    // 1,366 over 600 uses = 2.2766…, discounted alike (no discounting).
    expect(o.perUse).toEqual({
      status: "ok",
      volume: "600",
      discountedVolume: "600",
      undiscounted: { amount: "2.27666666666666666667", currency: "GBP" },
      discounted: { amount: "2.27666666666666666667", currency: "GBP" },
    });
  });

  it("a constant item keeps one amount every year; a volume without escalation changes only the quantity", () => {
    const r = evaluateLifecycle(
      doc([item({ id: "svc", kind: "maintenance", unitCost: "50" }), item({ id: "kit", kind: "consumable", unitCost: "3", quantity: "2", basis: "per-patient" })], {}, { patientsPerYear: ["10", "0", "5"] }),
    );
    expect(pick(r, "svc").map((x) => x.undiscounted)).toEqual(["50", "50", "50"]);
    expect(pick(r, "kit")).toEqual([
      { period: 1, quantity: "20", unitCost: "3", undiscounted: "60" },
      { period: 2, quantity: "0", unitCost: "3", undiscounted: "0" },
      { period: 3, quantity: "10", unitCost: "3", undiscounted: "30" },
    ]);
  });

  it("minutes per use in a monthly ledger: 6 minutes × 1,200 uses a year ÷ 12 months = 10 hours a month; escalation steps at month 13", () => {
    const r = evaluateLifecycle(
      doc([item({ id: "staff", kind: "staff-time", unitCost: "30", quantity: "6", quantityUnit: "minute", basis: "per-use", escalationRate: "0.1" })], {
        horizonYears: 2,
        period: "month",
        volumes: { usesPerYear: "1200" },
      }),
    );
    const staff = rows(r, "staff");
    expect(staff).toHaveLength(24);
    expect(staff.every((x) => x.quantity === "10" && x.unit === "hour")).toBe(true);
    expect(staff.map((x) => x.unitCost)).toEqual([...Array<string>(12).fill("30"), ...Array<string>(12).fill("33")]);
    expect(staff.map((x) => x.undiscounted)).toEqual([...Array<string>(12).fill("300"), ...Array<string>(12).fill("330")]);
    expect(r.options[0]!.undiscounted.amount).toBe("7560");
  });

  it("items priced in different years are each restated by their own index ratio; one priced in the base year is not restated", () => {
    // index 2023: 100, 2024: 105, 2026: 126 → 100 (2023) × 1.26 = 126; 105 (2024) × 126/105 = 126; 50 (2026) stays 50.
    const r = evaluateLifecycle(
      doc(
        [
          item({ id: "old", kind: "licence", unitCost: "100", priceYear: "2023" }),
          item({ id: "mid", kind: "licence", unitCost: "105", priceYear: "2024" }),
          item({ id: "now", kind: "licence", unitCost: "50", priceYear: "2026" }),
          item({ id: "old2", kind: "maintenance", unitCost: "10", priceYear: "2023" }),
        ],
        { horizonYears: 1, indexation: { id: "ix", label: "Illustrative index", values: { "2023": "100", "2024": "105", "2026": "126" } } },
      ),
    );
    expect(rows(r, "old")[0]!.unitCost).toBe("126");
    expect(rows(r, "mid")[0]!.unitCost).toBe("126");
    expect(rows(r, "now")[0]!.unitCost).toBe("50");
    expect(rows(r, "old2")[0]!.unitCost).toBe("12.6");
    expect(r.options[0]!.undiscounted.amount).toBe("314.6");
  });

  it("a stated residual value is restated to the base year, escalated to the last year and credited at the horizon", () => {
    // 1,000 at 2023 prices × 126/100 = 1,260; × 1.1^(3 − 1) = 1,524.6, credited in period 3 at t = 3.
    const r = evaluateLifecycle(
      doc(
        [
          item({ id: "buy", kind: "acquisition", unitCost: "5000" }),
          item({ id: "left", kind: "residual-value", unitCost: "1000", priceYear: "2023", escalationRate: "0.1" }),
        ],
        { indexation: { id: "ix", label: "Illustrative index", values: { "2023": "100", "2026": "126" } } },
      ),
    );
    expect(rows(r, "left")).toEqual([
      {
        optionId: "a",
        itemId: "left",
        kind: "residual-value",
        period: 3,
        periodStart: "2028-04-01",
        t: "3",
        quantity: "1",
        unit: "unit",
        unitCost: "-1524.6",
        undiscounted: "-1524.6",
        discountFactor: "1",
        discounted: "-1524.6",
        note: "stated residual value, booked as a credit at the end of the horizon",
      },
    ]);
    expect(r.options[0]!.undiscounted.amount).toBe("3475.4");
  });
});

describe("lifecycle engine: dates on period boundaries", () => {
  it("yearly ledger: the day before an anniversary is still in the year; the anniversary starts the next", () => {
    const r = evaluateLifecycle(
      doc([
        item({ id: "before", kind: "other", unitCost: "1", frequency: "once", date: "2027-03-31" }),
        item({ id: "on", kind: "other", unitCost: "1", frequency: "once", date: "2027-04-01" }),
        item({ id: "late", kind: "other", unitCost: "1", frequency: "once", date: "2028-03-31" }),
      ]),
    );
    expect(rows(r, "before").map((x) => x.period)).toEqual([1]);
    expect(rows(r, "on").map((x) => x.period)).toEqual([2]);
    expect(rows(r, "late").map((x) => x.period)).toEqual([2]);
  });

  it("monthly ledger: the last day of a month is in that month; the first of the next starts the next", () => {
    const r = evaluateLifecycle(
      doc(
        [
          item({ id: "end", kind: "other", unitCost: "1", frequency: "once", date: "2026-04-30" }),
          item({ id: "next", kind: "other", unitCost: "1", frequency: "once", date: "2026-05-01" }),
          item({ id: "window", kind: "licence", unitCost: "1", frequency: "monthly", startDate: "2026-06-15", endDate: "2026-08-01" }),
        ],
        { horizonYears: 1, period: "month" },
      ),
    );
    expect(rows(r, "end").map((x) => x.period)).toEqual([1]);
    expect(rows(r, "next").map((x) => x.period)).toEqual([2]);
    expect(rows(r, "window").map((x) => x.period)).toEqual([3, 4, 5]);
  });
});
