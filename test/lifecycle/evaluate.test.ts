import { describe, expect, it } from "vitest";
import { Dec } from "../../src/_lib/decimal.js";
import { evaluateLifecycle, type LifecycleDocumentInput, type LifecycleResult } from "../../src/index.js";
import { baseDoc, diff, sum } from "./helpers.js";

const item = (x: Record<string, unknown>) => ({ label: String(x.id), ...x }) as never;
const only = (r: LifecycleResult) => r.options[0]!;
const rowsOf = (r: LifecycleResult, itemId: string) => r.ledger!.filter((row) => row.itemId === itemId);

describe("evaluateLifecycle: golden values (hand-computed)", () => {
  it("NICE convention: year 1 undiscounted, year 2 factor 0.966, year 11 factor 0.709 (NICE PMG36 §4.5)", () => {
    // 1,000 a year for 11 years at 3.5%, start of year: DF(year n) = 1/1.035^(n−1).
    const r = evaluateLifecycle(baseDoc({ horizonYears: 11 }));
    const periods = only(r).byPeriod;
    expect(periods[0]!.discountFactor).toBe("1");
    expect(new Dec(periods[1]!.discountFactor).toDecimalPlaces(3).toString()).toBe("0.966");
    expect(new Dec(periods[10]!.discountFactor).toDecimalPlaces(3).toString()).toBe("0.709");
    expect(periods[10]!.t).toBe("10");
    // Whole-life cost 11 × 1,000 = 11,000 exactly.
    expect(only(r).undiscounted).toEqual({ amount: "11000", currency: "GBP" });
  });

  it("1,035 a year for 2 years at 3.5%: NPC = 1,035 + 1,035/1.035 = 2,035", () => {
    const r = evaluateLifecycle(baseDoc({ horizonYears: 2, options: [{ id: "a", name: "A", items: [item({ id: "svc", kind: "maintenance", unitCost: "1035" })] }] }));
    expect(only(r).undiscounted.amount).toBe("2070");
    expect(only(r).presentCost.amount).toBe("2035");
    expect(r.ledger!.map((row) => row.discounted)).toEqual(["1035", "1000"]);
  });

  it("EAC equals the capital recovery formula NPC × r / (1 − (1+r)^−n) for a constant rate and end-of-year timing", () => {
    // 1,000 a year for 3 years at 10%, end of year: NPC = 1000/1.1 + 1000/1.21 + 1000/1.331 = 2486.8519909842…
    // EAC = NPC × 0.1 / (1 − 1.1^−3) = 1,000 (an annuity of 1,000 is its own equivalent annual cost).
    const r = evaluateLifecycle(
      baseDoc({
        horizonYears: 3,
        discounting: { schedule: { id: "ten", label: "10%", steps: [{ fromYear: 0, rate: "0.1" }] }, timing: { position: "end", compounding: "annual" } },
      }),
    );
    const npc = only(r).presentCost.amount;
    expect(npc.slice(0, 14)).toBe("2486.851990984");
    const closedForm = new Dec(npc).times("0.1").div(new Dec(1).minus(new Dec("1.1").pow(-3)));
    expect(diff(only(r).equivalentAnnualCost.amount, closedForm.toString()).lte("1e-19")).toBe(true);
    expect(diff(only(r).equivalentAnnualCost.amount, "1000").lte("1e-18")).toBe(true);
    // Annuity factor (end timing) = (1 − 1.1^−3)/0.1 = 2.4868519909842223891810668670172802404207362885049
    expect(diff(r.discounting.annuityFactor, new Dec(1).minus(new Dec("1.1").pow(-3)).div("0.1").toString()).lte("1e-45")).toBe(true);
  });

  it("EAC with start-of-year timing uses the annuity-due factor (1+r)(1 − (1+r)^−n)/r", () => {
    const r = evaluateLifecycle(baseDoc({ horizonYears: 5 }));
    // Constant 1,000 a year: EAC = 1,000 whatever the timing, because NPC and the annuity factor share it.
    expect(diff(only(r).equivalentAnnualCost.amount, "1000").lte("1e-18")).toBe(true);
    const due = new Dec("1.035").times(new Dec(1).minus(new Dec("1.035").pow(-5))).div("0.035");
    expect(diff(r.discounting.annuityFactor, due.toString()).lte("1e-45")).toBe(true);
  });

  it("replacement cycles: 10-year horizon, 4-year life: buy in years 1, 5, 9; dispose in years 4, 8; half the last purchase left", () => {
    const r = evaluateLifecycle(
      baseDoc({
        options: [
          {
            id: "a",
            name: "A",
            serviceLifeYears: 4,
            items: [
              item({ id: "buy", kind: "acquisition", unitCost: "40000" }),
              item({ id: "fit", kind: "installation", unitCost: "2000" }),
              item({ id: "bin", kind: "disposal", unitCost: "500" }),
              item({ id: "rv", kind: "residual-value" }),
            ],
          },
        ],
      }),
    );
    expect(rowsOf(r, "buy").map((x) => x.period)).toEqual([1, 5, 9]);
    expect(rowsOf(r, "fit").map((x) => x.period)).toEqual([1, 5, 9]);
    expect(rowsOf(r, "bin").map((x) => x.period)).toEqual([4, 8]);
    expect(only(r).cycles).toBe(3);
    // Residual: bought in year 9, used in years 9 and 10, so 2 of 4 years unexpired: −40,000 × 2/4 = −20,000,
    // discounted at the horizon end t = 10: −20,000 / 1.035^10.
    const [rv] = rowsOf(r, "rv");
    expect(rv).toMatchObject({ period: 10, t: "10", quantity: "0.5", unitCost: "-40000", undiscounted: "-20000" });
    expect(diff(rv!.discounted, new Dec(-20000).div(new Dec("1.035").pow(10)).toString()).lte("1e-20")).toBe(true);
    // Whole-life: 3 × 40,000 + 3 × 2,000 + 2 × 500 − 20,000 = 107,000.
    expect(only(r).undiscounted.amount).toBe("107000");
  });

  it("stated residual value is booked as a credit at the end of the horizon", () => {
    const r = evaluateLifecycle(baseDoc({ horizonYears: 5, options: [{ id: "a", name: "A", items: [item({ id: "rv", kind: "residual-value", unitCost: "3000" })] }] }));
    expect(rowsOf(r, "rv")[0]).toMatchObject({ period: 5, t: "5", undiscounted: "-3000" });
  });

  it("staff time (minutes per use × hourly rate) and energy (kWh per use × tariff), per use", () => {
    // 7 minutes per scan at £35/hour: 7/60 × 35 = £4.083… per scan; × 1,200 scans = £4,900 a year.
    // 2.5 kWh per scan at £0.25/kWh: £0.625 per scan; × 1,200 = £750 a year.
    const r = evaluateLifecycle(
      baseDoc({
        horizonYears: 1,
        volumes: { usesPerYear: 1200 },
        options: [
          {
            id: "a",
            name: "A",
            items: [
              item({ id: "staff", kind: "staff-time", unitCost: "35", quantity: 7, quantityUnit: "minute", basis: "per-use" }),
              item({ id: "kwh", kind: "energy", unitCost: "0.25", quantity: "2.5", quantityUnit: "kWh", basis: "per-use" }),
            ],
          },
        ],
      }),
    );
    expect(rowsOf(r, "staff")[0]!.undiscounted).toBe("4900");
    expect(rowsOf(r, "staff")[0]!.unit).toBe("hour");
    expect(rowsOf(r, "kwh")[0]).toMatchObject({ quantity: "3000", unit: "kWh", unitCost: "0.25", undiscounted: "750" });
    // Cost per use = 5,650 / 1,200 = 4.708333…; one year, so discounted and undiscounted agree.
    const perUse = only(r).perUse;
    expect(perUse.status).toBe("ok");
    if (perUse.status === "ok") {
      expect(perUse.undiscounted.amount).toBe("4.70833333333333333333");
      expect(perUse.discounted.amount).toBe("4.70833333333333333333");
    }
    expect(only(r).perPatient).toEqual({ status: "no-volume" });
  });

  it("escalation (1+g)^(year−1) and indexation index[base]/index[priceYear]", () => {
    // 200 at 2023 prices, index 100 → 108.5: 217 at 2026 prices; +2% a year: 217, 221.34, 225.7668.
    const r = evaluateLifecycle(
      baseDoc({
        horizonYears: 3,
        discounting: { schedule: "none" },
        indexation: { id: "ix", label: "Illustrative index", values: { "2023": "100", "2026": "108.5" } },
        options: [{ id: "a", name: "A", items: [item({ id: "lic", kind: "licence", unitCost: "200", priceYear: "2023", escalationRate: "0.02" })] }],
      }),
    );
    expect(rowsOf(r, "lic").map((x) => x.undiscounted)).toEqual(["217", "221.34", "225.7668"]);
    expect(only(r).undiscounted.amount).toBe("664.1068");
    expect(r.indexation).toEqual({ id: "ix", label: "Illustrative index", baseYear: "2026" });
  });

  it("monthly ledger: month 13 is discounted exactly as year 2; a yearly item falls in the first month of each year", () => {
    const r = evaluateLifecycle(baseDoc({ horizonYears: 2, period: "month" }));
    expect(r.periods).toBe(24);
    expect(r.ledger!.map((x) => x.period)).toEqual([1, 13]);
    expect(r.ledger![1]!.t).toBe("1");
    expect(r.ledger![1]!.discountFactor).toBe(new Dec(1).div("1.035").toString());
    expect(r.ledger![1]!.periodStart).toBe("2027-04-01");
  });

  it("a monthly item in a yearly ledger is 12 × the monthly amount each year", () => {
    const r = evaluateLifecycle(baseDoc({ horizonYears: 1, options: [{ id: "a", name: "A", items: [item({ id: "m", kind: "storage", unitCost: "100", frequency: "monthly" })] }] }));
    expect(rowsOf(r, "m")[0]).toMatchObject({ quantity: "12", undiscounted: "1200" });
  });

  it("windows, every-n-years and dated once items", () => {
    const r = evaluateLifecycle(
      baseDoc({
        options: [
          {
            id: "a",
            name: "A",
            items: [
              item({ id: "tube", kind: "spares", unitCost: "9000", frequency: "every-n-years", everyYears: 3, startYear: 2 }),
              item({ id: "svc", kind: "maintenance", unitCost: "1000", startYear: 3, endYear: 5 }),
              item({ id: "upg", kind: "other", unitCost: "500", frequency: "once", date: "2029-06-15" }),
              item({ id: "lic", kind: "licence", unitCost: "10", startDate: "2027-05-01", endDate: "2028-05-01" }),
            ],
          },
        ],
      }),
    );
    expect(rowsOf(r, "tube").map((x) => x.period)).toEqual([2, 5, 8]);
    expect(rowsOf(r, "svc").map((x) => x.period)).toEqual([3, 4, 5]);
    // 2029-06-15 is 3 years 2 months after 2026-04-01: year 4.
    expect(rowsOf(r, "upg").map((x) => x.period)).toEqual([4]);
    expect(rowsOf(r, "lic").map((x) => x.period)).toEqual([2, 3]);
  });

  it("Green Book stepped schedule: a flow at t = 31 is discounted by 1/(1.035^30 × 1.03)", () => {
    const r = evaluateLifecycle(
      baseDoc({ horizonYears: 40, discounting: { schedule: "green-book" }, options: [{ id: "a", name: "A", items: [item({ id: "x", kind: "other", unitCost: "1", frequency: "once", year: 32 })] }] }),
    );
    const expected = new Dec(1).div(new Dec("1.035").pow(30).times("1.03"));
    expect(diff(r.ledger![0]!.discountFactor, expected.toString()).lte("1e-48")).toBe(true);
    expect(r.discounting.schedule.id).toBe("green-book");
    expect(r.discounting.schedule.source?.publisher).toBe("HM Treasury");
  });

  it("payback against the comparator, undiscounted and discounted, or never", () => {
    // Comparator: 10,000 a year. New: 25,000 up front then 4,000 a year (saving 6,000 a year from year 2).
    // Cumulative saving, undiscounted: y1 −19,000 (10,000 − 29,000), y2 −13,000, y3 −7,000, y4 −1,000, y5 +5,000 → year 5.
    // Discounted: y5 saving = −19,000 + 6,000 × (1/1.035 + 1/1.035² + 1/1.035³ + 1/1.035⁴) = −19,000 + 22,038.5 ≥ 0 → year 5.
    // Dearer: 11,000 a year, never pays back.
    const doc: LifecycleDocumentInput = baseDoc({
      comparatorId: "now",
      options: [
        { id: "now", name: "Current practice", items: [item({ id: "run", kind: "consumable", unitCost: "10000" })] },
        { id: "new", name: "New system", items: [item({ id: "buy", kind: "acquisition", unitCost: "25000" }), item({ id: "run", kind: "consumable", unitCost: "4000" })] },
        { id: "dear", name: "Dearer", items: [item({ id: "run", kind: "consumable", unitCost: "11000" })] },
      ],
    });
    const r = evaluateLifecycle(doc);
    expect(r.options[0]!.payback).toEqual({ undiscounted: { status: "comparator" }, discounted: { status: "comparator" } });
    expect(r.options[1]!.payback).toEqual({
      undiscounted: { status: "paid-back", period: 5, periodStart: "2030-04-01" },
      discounted: { status: "paid-back", period: 5, periodStart: "2030-04-01" },
    });
    expect(r.options[2]!.payback).toEqual({ undiscounted: { status: "never" }, discounted: { status: "never" } });
    expect(r.options[1]!.isComparator).toBe(false);
    expect(r.comparatorId).toBe("now");
  });

  it("per-use cost divides NPC by discounted volume (levelised) and whole-life cost by total volume", () => {
    // 100 a year, 10 uses a year, 2 years at 3.5% start: NPC = 100 + 100/1.035; discounted uses = 10 + 10/1.035.
    // So discounted per use = 10 exactly, like undiscounted (200 / 20).
    const r = evaluateLifecycle(baseDoc({ horizonYears: 2, volumes: { usesPerYear: [10, 10] }, options: [{ id: "a", name: "A", items: [item({ id: "s", kind: "maintenance", unitCost: "100" })] }] }));
    const u = only(r).perUse;
    expect(u.status === "ok" && [u.undiscounted.amount, u.discounted.amount, u.volume]).toEqual(["10", "10", "20"]);
  });

  it("ledger: false gives identical totals and no ledger", () => {
    const doc = baseDoc({ volumes: { usesPerYear: 500 }, options: [{ id: "a", name: "A", serviceLifeYears: 3, items: [item({ id: "b", kind: "acquisition", unitCost: "12345.67" }), item({ id: "c", kind: "consumable", unitCost: "1.99", basis: "per-use", escalationRate: "0.013" }), item({ id: "rv", kind: "residual-value" })] }] });
    const full = evaluateLifecycle(doc);
    const lean = evaluateLifecycle(doc, { ledger: false });
    expect(lean.ledger).toBeUndefined();
    expect(lean.options).toEqual(full.options);
    expect(sum(full.ledger!.map((x) => x.discounted))).toBe(only(full).presentCost.amount);
  });

  it("the result is plain JSON data", () => {
    const r = evaluateLifecycle(baseDoc({ comparatorId: "a" }));
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
