import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays, addMonths, addYears, lightFormat } from "date-fns";
import { addPeriod, indexCost, isIsoDate, money, VbpInputError, yearFraction } from "../../src/index.js";

describe("dates and year fractions", () => {
  it("validates real calendar dates only", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-4-1")).toBe(false);
    expect(isIsoDate("2026-04-01T00:00")).toBe(false);
  });

  it("writes dates as date-fns lightFormat(d, \"yyyy-MM-dd\") does, and refuses what its round trip refused (property)", () => {
    // The library writes dates with its own small formatter (so a browser bundle need not load date-fns's
    // formatter); it must agree with lightFormat on every date, short and long years included.
    const ymd = fc.record({ y: fc.integer({ min: 0, max: 10_500 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) });
    const period = fc.record({ years: fc.integer({ min: -3000, max: 3000 }), months: fc.integer({ min: -40, max: 40 }), days: fc.integer({ min: -400, max: 400 }) });
    fc.assert(
      fc.property(ymd, period, ({ y, m, d }, p) => {
        const text = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        if (y > 9999) return;
        const date = new Date(y, m - 1, d);
        date.setFullYear(y);
        const real = date.getMonth() === m - 1 && lightFormat(date, "yyyy-MM-dd") === text;
        expect(isIsoDate(text)).toBe(real);
        if (!real) return;
        const expected = lightFormat(addDays(addMonths(addYears(date, p.years), p.months), p.days), "yyyy-MM-dd");
        expect(addPeriod(text, p)).toBe(expected);
      }),
    );
    expect(isIsoDate("0000-01-01")).toBe(false);
    expect(addPeriod("9999-12-31", { days: 1 })).toBe("10000-01-01");
  });

  it("adds calendar periods", () => {
    expect(addPeriod("2026-01-31", { months: 1 })).toBe("2026-02-28");
    expect(addPeriod("2026-04-01", { years: 10 })).toBe("2036-04-01");
    expect(addPeriod("2026-12-31", { days: 1 })).toBe("2027-01-01");
    expect(() => addPeriod("2026-13-01", { days: 1 })).toThrow(RangeError);
  });

  it("counts anniversaries as whole years and the rest as actual/actual", () => {
    expect(yearFraction("2026-04-01", "2031-04-01")).toBe("5");
    // 2026-04-01 → 2026-10-01 is 183 days of the 365-day year to 2027-04-01.
    expect(yearFraction("2026-04-01", "2026-10-01")).toBe("0.5013698630136986301369863013698630136986301369863");
    // Across 29 Feb 2028: 2027-04-01 → 2028-04-01 has 366 days; half of it is 183 days.
    expect(yearFraction("2027-04-01", "2027-10-01")).toBe("0.5");
    expect(yearFraction("2031-04-01", "2026-04-01")).toBe("-5");
  });

  it("year fractions add across an intermediate date (property)", () => {
    const day = fc.integer({ min: 0, max: 365 * 40 });
    fc.assert(
      fc.property(day, (d) => {
        const mid = addPeriod("2026-04-01", { days: d });
        const a = Number(yearFraction("2026-04-01", mid));
        expect(a).toBeGreaterThanOrEqual(0);
        expect(Math.abs(a - d / 365.2425)).toBeLessThan(0.01);
        const whole = Number(yearFraction("2026-04-01", addPeriod(mid, { years: 1 }))) - a;
        expect(Math.abs(whole - 1)).toBeLessThan(1 / 365 + 1e-12);
      }),
    );
  });
});

describe("price-year indexation", () => {
  const series = { id: "illustrative", label: "Illustrative index", values: { "2022/23": "100", "2023/24": "103.4", "2026/27": "112.2" } };

  it("restates a cost by the index ratio, exactly", () => {
    // 500 × 112.2 / 100 = 561
    expect(indexCost(money("500", "GBP"), "2022/23", "2026/27", series).amount).toBe("561");
    expect(indexCost(money("500", "GBP"), "2026/27", "2026/27", series).amount).toBe("500");
  });

  it("names a missing price year and lists those available", () => {
    expect(() => indexCost(money("1", "GBP"), "2019/20", "2026/27", series)).toThrow(VbpInputError);
    expect(() => indexCost(money("1", "GBP"), "2019/20", "2026/27", series)).toThrow(/fromYear: price year "2019\/20" is not in index "illustrative" \(it has 2022\/23, 2023\/24, 2026\/27\)/);
    expect(() => indexCost(money("1", "GBP"), "2022/23", "2026/27", { ...series, values: { "2022/23": "0", "2026/27": "1" } })).toThrow(/index value must be > 0/);
  });
});
