import { describe, expect, it } from "vitest";
import { Dec } from "../../src/_lib/decimal.js";
import { evaluateLifecycle, type LifecycleDocumentInput, type LifecycleResult } from "../../src/index.js";
import { item, type Item, oneOptionDocument, rows } from "../_helpers/lifecycleDocument.js";

// The engine's rules, each pinned by an exact, hand-checkable figure through the public API: when a cash flow
// falls, at what discounting time, what a residual value credits, when payback happens, and the exact shape of
// what is returned. Undiscounted schedules ("none") keep the arithmetic visible where discounting is not the point.

const doc = (items: Item[], over: Partial<LifecycleDocumentInput> = {}, option: Item = {}): LifecycleDocumentInput => oneOptionDocument(4, items, over, option);
const periods = (r: LifecycleResult, itemId: string) => rows(r, itemId).map((x) => x.period);

describe("lifecycle engine: when each cash flow falls", () => {
  it("discounting time of period n: start (n−1)/k, middle (n−½)/k, end n/k for k periods a year", () => {
    const ts = (position: "start" | "middle" | "end", period: "year" | "month" = "year", horizonYears = 4) =>
      evaluateLifecycle(doc([item({ id: "m", kind: "maintenance", unitCost: "1" })], { horizonYears, period, discounting: { schedule: "none", timing: { position, compounding: "annual" } } })).ledger!.map((x) => x.t);
    expect(ts("start")).toEqual(["0", "1", "2", "3"]);
    expect(ts("middle")).toEqual(["0.5", "1.5", "2.5", "3.5"]);
    expect(ts("end")).toEqual(["1", "2", "3", "4"]);
    const monthly = ts("middle", "month", 1);
    expect(monthly).toHaveLength(1); // a yearly item in a monthly ledger falls in the first month of each year
    expect(monthly[0]).toBe(new Dec(1).div(24).toFixed());
    const everyMonth = (position: "start" | "end") =>
      evaluateLifecycle(doc([item({ id: "m", kind: "maintenance", unitCost: "1", frequency: "monthly" })], { horizonYears: 1, period: "month", discounting: { schedule: "none", timing: { position, compounding: "annual" } } })).ledger!.map((x) => x.t);
    expect(everyMonth("end").at(-1)).toBe("1");
    expect(everyMonth("start")[0]).toBe("0");
    expect(everyMonth("start")[6]).toBe("0.5");
  });

  it("default frequency: acquisition, installation, training and disposal once; the others every year", () => {
    const r = evaluateLifecycle(
      doc([
        item({ id: "buy", kind: "acquisition", unitCost: "10" }),
        item({ id: "fit", kind: "installation", unitCost: "10" }),
        item({ id: "learn", kind: "training", unitCost: "10" }),
        item({ id: "bin", kind: "disposal", unitCost: "10" }),
        item({ id: "lic", kind: "licence", unitCost: "10" }),
        item({ id: "kit", kind: "consumable", unitCost: "10" }),
      ]),
    );
    expect(periods(r, "buy")).toEqual([1]);
    expect(periods(r, "fit")).toEqual([1]);
    expect(periods(r, "learn")).toEqual([1]);
    expect(periods(r, "bin")).toEqual([4]); // disposal at the end of the horizon
    expect(periods(r, "lic")).toEqual([1, 2, 3, 4]);
    expect(periods(r, "kit")).toEqual([1, 2, 3, 4]);
    expect(r.options[0]!.cashFlows).toBe(1 + 1 + 1 + 1 + 4 + 4);
    expect(r.options[0]!.cycles).toBe(1);
  });

  it("windows: startYear/endYear and startDate/endDate bound every frequency; once items at a year or a date", () => {
    const r = evaluateLifecycle(
      doc(
        [
          item({ id: "y", kind: "maintenance", unitCost: "1", startYear: 2, endYear: 3 }),
          item({ id: "d", kind: "maintenance", unitCost: "1", startDate: "2027-05-01", endDate: "2029-03-31" }),
          item({ id: "n", kind: "spares", unitCost: "1", frequency: "every-n-years", everyYears: 2, startYear: 2 }),
          item({ id: "o", kind: "training", unitCost: "1", year: 3 }),
          item({ id: "od", kind: "training", unitCost: "1", date: "2029-04-01" }),
          item({ id: "w", kind: "installation", unitCost: "1", startYear: 2 }),
          item({ id: "wb", kind: "disposal", unitCost: "1", endYear: 2 }),
        ],
        { horizonYears: 5 },
      ),
    );
    expect(periods(r, "y")).toEqual([2, 3]);
    // 2027-05-01 is in year 2 (from 2027-04-01); 2029-03-31 is in year 3.
    expect(periods(r, "d")).toEqual([2, 3]);
    expect(periods(r, "n")).toEqual([2, 4]);
    expect(periods(r, "o")).toEqual([3]);
    expect(periods(r, "od")).toEqual([4]);
    expect(periods(r, "w")).toEqual([2]); // a once item without a date falls at the start of its window
    expect(periods(r, "wb")).toEqual([2]); // a disposal at the end of its window
    // Monthly ledger: a dated window counts the whole months containing its dates.
    const m = evaluateLifecycle(doc([item({ id: "d", kind: "maintenance", unitCost: "1", frequency: "monthly", startDate: "2026-05-15", endDate: "2026-07-01" })], { horizonYears: 1, period: "month" }));
    expect(periods(m, "d")).toEqual([2, 3, 4]);
  });

  it("a monthly item in a yearly ledger is one row a year of 12 × the quantity", () => {
    const r = evaluateLifecycle(doc([item({ id: "m", kind: "consumable", unitCost: "2.5", quantity: "3", frequency: "monthly" })], { horizonYears: 2 }));
    expect(rows(r, "m").map((x) => [x.period, x.quantity, x.unitCost, x.undiscounted])).toEqual([
      [1, "36", "2.5", "90"],
      [2, "36", "2.5", "90"],
    ]);
  });

  it("replacement cycles: each purchase and disposal notes its cycle; a disposal beyond the horizon is not booked", () => {
    // 5 years, 2-year life: buys in years 1, 3, 5 (3 cycles); disposals at the end of each full cycle, years 2 and 4
    // (the third cycle's disposal would fall in year 6).
    const r = evaluateLifecycle(doc([item({ id: "buy", kind: "acquisition", unitCost: "100" }), item({ id: "bin", kind: "disposal", unitCost: "7" })], { horizonYears: 5 }, { serviceLifeYears: 2 }));
    expect(rows(r, "buy").map((x) => [x.period, x.note])).toEqual([
      [1, "replacement cycle 1 of 3 (service life 2 years)"],
      [3, "replacement cycle 2 of 3 (service life 2 years)"],
      [5, "replacement cycle 3 of 3 (service life 2 years)"],
    ]);
    expect(rows(r, "bin").map((x) => [x.period, x.note])).toEqual([
      [2, "replacement cycle 1 of 3 (service life 2 years)"],
      [4, "replacement cycle 2 of 3 (service life 2 years)"],
    ]);
    expect(r.options[0]!.cycles).toBe(3);
    // One cycle (life ≥ horizon): no note at all.
    const one = evaluateLifecycle(doc([item({ id: "buy", kind: "acquisition", unitCost: "100" })], { horizonYears: 5 }, { serviceLifeYears: 5 }));
    expect(rows(one, "buy")).toHaveLength(1);
    expect("note" in rows(one, "buy")[0]!).toBe(false);
    expect(one.options[0]!.cycles).toBe(1);
  });
});

describe("lifecycle engine: residual value", () => {
  it("straight-line: the last purchase of each acquisition item, unexpired life ÷ life, as a credit at t = H", () => {
    // 5 years, life 3: "buy" bought in years 1 and 4; the year-4 purchase has 1 of 3 years unexpired.
    // "pump", within a window ending in year 2, is bought in year 1 only: its life is spent by the horizon's end.
    const r = evaluateLifecycle(
      doc(
        [
          item({ id: "buy", kind: "acquisition", unitCost: "300" }),
          item({ id: "pump", kind: "acquisition", unitCost: "90", endYear: 2 }),
          item({ id: "rv", kind: "residual-value" }),
        ],
        { horizonYears: 5, discounting: { schedule: "nice-3.5" } },
        { serviceLifeYears: 3 },
      ),
    );
    const [rv, ...more] = rows(r, "rv");
    expect(more).toEqual([]);
    expect(rv).toEqual({
      optionId: "a",
      itemId: "rv",
      kind: "residual-value",
      period: 5,
      periodStart: "2030-04-01",
      t: "5",
      quantity: new Dec(1).div(3).toFixed(),
      unit: "unit",
      unitCost: "-300",
      undiscounted: "-100",
      discountFactor: rv!.discountFactor,
      discounted: rv!.discounted,
      note: 'straight-line residual of "buy" bought in period 4: 1 of 3 years of life unexpired',
    });
    expect(new Dec(rv!.discountFactor).minus(new Dec(1).div(new Dec("1.035").pow(5))).abs().lte("1e-45")).toBe(true);
    expect(new Dec(rv!.discounted).minus(new Dec(-100).div(new Dec("1.035").pow(5))).abs().lte("1e-20")).toBe(true);
  });

  it("straight-line with no unexpired life books one zero row that says so", () => {
    const r = evaluateLifecycle(doc([item({ id: "buy", kind: "acquisition", unitCost: "300" }), item({ id: "rv", kind: "residual-value" })], { horizonYears: 4 }, { serviceLifeYears: 2 }));
    expect(rows(r, "rv").map((x) => [x.period, x.quantity, x.unitCost, x.undiscounted, x.discounted, x.note])).toEqual([
      [4, "0", "0", "0", "0", "straight-line residual: no unexpired life at the end of the horizon"],
    ]);
    expect(r.options[0]!.byItem.find((x) => x.itemId === "rv")).toEqual({ itemId: "rv", kind: "residual-value", label: "rv", occurrences: 1, undiscounted: "0", discounted: "0" });
  });

  it("monthly ledger: unexpired life in months", () => {
    // 1 year in months, 2-year life: bought in month 1, 12 of 24 months unexpired: half the price back.
    const r = evaluateLifecycle(doc([item({ id: "buy", kind: "acquisition", unitCost: "240" }), item({ id: "rv", kind: "residual-value" })], { horizonYears: 1, period: "month" }, { serviceLifeYears: 2 }));
    expect(rows(r, "rv").map((x) => [x.period, x.quantity, x.undiscounted, x.note])).toEqual([[12, "0.5", "-120", 'straight-line residual of "buy" bought in period 1: 12 of 24 months of life unexpired']]);
  });

  it("a stated residual value is escalated to the horizon's last year and credited", () => {
    // 3,000 escalating 10% a year, horizon 3: 3,000 × 1.1² = 3,630 credited at t = 3; minutes are costed per hour.
    const r = evaluateLifecycle(doc([item({ id: "rv", kind: "residual-value", unitCost: "3000", escalationRate: "0.1", quantity: "30", quantityUnit: "minute" })], { horizonYears: 3 }));
    expect(rows(r, "rv").map((x) => [x.period, x.t, x.quantity, x.unit, x.unitCost, x.undiscounted, x.note])).toEqual([
      [3, "3", "0.5", "hour", "-3630", "-1815", "stated residual value, booked as a credit at the end of the horizon"],
    ]);
    expect(r.options[0]!.undiscounted.amount).toBe("-1815");
  });
});

describe("lifecycle engine: payback and unit costs", () => {
  it("payback is the first period whose cumulative cost is at most the comparator's (a tie pays back)", () => {
    // Comparator 10 a year; "tie" 20 then 0 a year (cumulative 20, 20, 20 vs 10, 20, 30: equal in year 2).
    const r = evaluateLifecycle(
      doc([], {
        horizonYears: 3,
        comparatorId: "now",
        options: [
          { id: "tie", name: "Tie", items: [item({ id: "buy", kind: "acquisition", unitCost: "20" })] as never },
          { id: "now", name: "Now", items: [item({ id: "run", kind: "consumable", unitCost: "10" })] as never },
          { id: "late", name: "Late", items: [item({ id: "buy", kind: "acquisition", unitCost: "30.01" })] as never },
        ],
      }),
    );
    expect(r.options.map((o) => [o.optionId, o.isComparator, o.payback])).toEqual([
      ["tie", false, { undiscounted: { status: "paid-back", period: 2, periodStart: "2027-04-01" }, discounted: { status: "paid-back", period: 2, periodStart: "2027-04-01" } }],
      ["now", true, { undiscounted: { status: "comparator" }, discounted: { status: "comparator" } }],
      ["late", false, { undiscounted: { status: "never" }, discounted: { status: "never" } }],
    ]);
    // The comparator's ledger rows stay in document order.
    expect(r.ledger!.map((x) => x.optionId)).toEqual(["tie", "now", "now", "now", "late"]);
  });

  it("no volume, or a volume of zero over the horizon: no cost per unit; else exact per-unit figures", () => {
    const zero = evaluateLifecycle(doc([item({ id: "m", kind: "maintenance", unitCost: "100" })], { horizonYears: 2, volumes: { usesPerYear: ["0", "0"] } }));
    expect(zero.options[0]!.perUse).toEqual({ status: "no-volume" });
    expect(zero.options[0]!.perPatient).toEqual({ status: "no-volume" });
    const some = evaluateLifecycle(doc([item({ id: "m", kind: "maintenance", unitCost: "100" })], { horizonYears: 2, volumes: { patientsPerYear: ["0", "3"] } }));
    expect(some.options[0]!.perUse).toEqual({ status: "no-volume" });
    expect(some.options[0]!.perPatient).toEqual({
      status: "ok",
      volume: "3",
      discountedVolume: "3",
      undiscounted: { amount: "66.66666666666666666667", currency: "GBP" },
      discounted: { amount: "66.66666666666666666667", currency: "GBP" },
    });
    // Monthly: the discounted volume is Σ yearly volume × DF over the months ÷ 12 (here DF = 1: the volume itself).
    const monthly = evaluateLifecycle(doc([item({ id: "m", kind: "maintenance", unitCost: "12" })], { horizonYears: 2, period: "month", volumes: { usesPerYear: ["6", "18"] } }));
    expect(monthly.options[0]!.perUse).toMatchObject({ status: "ok", volume: "24", discountedVolume: "24", undiscounted: { amount: "1" } });
  });
});

describe("lifecycle engine: breakdowns read as plain arrays", () => {
  it("by period, item and kind: exact rows, running totals, kinds in their fixed order, equal however read", () => {
    const r = evaluateLifecycle(
      doc([item({ id: "k2", kind: "consumable", unitCost: "1.5" }), item({ id: "buy", kind: "acquisition", unitCost: "10" }), item({ id: "k1", kind: "consumable", unitCost: "0.25", endYear: 2 })], { horizonYears: 3 }),
    );
    const o = r.options[0]!;
    expect(o.byPeriod).toEqual([
      { period: 1, periodStart: "2026-04-01", t: "0", discountFactor: "1", undiscounted: "11.75", discounted: "11.75", cumulativeUndiscounted: "11.75", cumulativeDiscounted: "11.75" },
      { period: 2, periodStart: "2027-04-01", t: "1", discountFactor: "1", undiscounted: "1.75", discounted: "1.75", cumulativeUndiscounted: "13.5", cumulativeDiscounted: "13.5" },
      { period: 3, periodStart: "2028-04-01", t: "2", discountFactor: "1", undiscounted: "1.5", discounted: "1.5", cumulativeUndiscounted: "15", cumulativeDiscounted: "15" },
    ]);
    expect(o.byItem).toEqual([
      { itemId: "k2", kind: "consumable", label: "k2", occurrences: 3, undiscounted: "4.5", discounted: "4.5" },
      { itemId: "buy", kind: "acquisition", label: "buy", occurrences: 1, undiscounted: "10", discounted: "10" },
      { itemId: "k1", kind: "consumable", label: "k1", occurrences: 2, undiscounted: "0.5", discounted: "0.5" },
    ]);
    expect(o.byKind).toEqual([
      { kind: "acquisition", undiscounted: "10", discounted: "10" },
      { kind: "consumable", undiscounted: "5", discounted: "5" },
    ]);
    for (const list of [o.byPeriod, o.byItem, o.byKind] as readonly (readonly object[])[]) {
      expect(Array.isArray(list)).toBe(true);
      expect([...list]).toEqual(list.map((x) => x));
      expect(list[list.length]).toBeUndefined();
      expect(list[0]).not.toBe(list[0]); // made when read: a change to one read never shows in the next
      expect(() => ((list as object[])[0] = {})).toThrow(TypeError);
    }
    expect(JSON.parse(JSON.stringify(o.byKind))).toEqual([...o.byKind]);
    expect(o.byKind[1]).toEqual(o.byKind[1]);
    expect(o.byKind[0]).toEqual({ kind: "acquisition", undiscounted: "10", discounted: "10" }); // read out of order
  });

  it("amounts beyond 128 bits are kept exactly", () => {
    // 10^14 × 10^14 a year for 3 years = 3 × 10^28: at 20 decimal places a 10^48-scale integer, beyond 2^127.
    const r = evaluateLifecycle(doc([item({ id: "big", kind: "maintenance", unitCost: "99999999999999.99", quantity: "99999999999999.99" })], { horizonYears: 3 }));
    const each = new Dec("99999999999999.99").times("99999999999999.99").toFixed();
    expect(r.options[0]!.byPeriod.map((p) => p.undiscounted)).toEqual([each, each, each]);
    expect(r.options[0]!.byPeriod[2]!.cumulativeUndiscounted).toBe(new Dec(each).times(3).toFixed());
    expect(r.options[0]!.byItem[0]!.undiscounted).toBe(new Dec(each).times(3).toFixed());
    expect(r.options[0]!.undiscounted.amount).toBe(new Dec(each).times(3).toFixed());
  });

  it("ledger: false leaves every breakdown as it is with the ledger", () => {
    const d = doc([item({ id: "buy", kind: "acquisition", unitCost: "10" }), item({ id: "rv", kind: "residual-value" })], { horizonYears: 3, comparatorId: "a" }, { serviceLifeYears: 2 });
    expect(JSON.stringify(evaluateLifecycle(d, { ledger: false }).options)).toBe(JSON.stringify(evaluateLifecycle(d).options));
  });
});
