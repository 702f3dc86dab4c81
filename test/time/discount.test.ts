import { describe, expect, it } from "vitest";
import { Dec } from "../../src/_lib/decimal.js";
import { constantSchedule, DISCOUNT_SCHEDULES, discountFactor, periodDiscountFactor, VbpInputError } from "../../src/index.js";

const d = (x: string | number) => new Dec(x);
/** |a − b| ≤ 1e-48: the factors carry 50 significant digits. */
const close = (a: string, b: Dec) => expect(d(a).minus(b).abs().lte("1e-48")).toBe(true);

describe("discountFactor: HM Treasury Green Book stepped schedule (Annex A6, Table 7)", () => {
  const gb = DISCOUNT_SCHEDULES["green-book"];
  it("years 0–30 at 3.5%: DF(30) = 1/1.035^30", () => {
    close(discountFactor(gb, 30), d(1).div(d("1.035").pow(30)));
  });
  it("year 31 compounds at 3.0% after year 30: DF(31) = 1/(1.035^30 × 1.03)", () => {
    close(discountFactor(gb, 31), d(1).div(d("1.035").pow(30).times("1.03")));
  });
  it("DF(75) = 1/(1.035^30 × 1.03^45)", () => {
    close(discountFactor(gb, 75), d(1).div(d("1.035").pow(30).times(d("1.03").pow(45))));
  });
  it("DF(76) = 1/(1.035^30 × 1.03^45 × 1.025)", () => {
    close(discountFactor(gb, 76), d(1).div(d("1.035").pow(30).times(d("1.03").pow(45)).times("1.025")));
  });
  it("health schedule: DF(31) = 1/(1.015^30 × 1.0129)", () => {
    close(discountFactor(DISCOUNT_SCHEDULES["green-book-health"], 31), d(1).div(d("1.015").pow(30).times("1.0129")));
  });
  it("a fractional time within a step: DF(30.5) = DF(30) / 1.03^0.5", () => {
    close(discountFactor(gb, "30.5"), d(1).div(d("1.035").pow(30)).div(d("1.03").sqrt()));
  });
});

describe("discountFactor: NICE 3.5% and timing conventions (NICE PMG36 §4.5)", () => {
  const nice = DISCOUNT_SCHEDULES["nice-3.5"];
  it("year 1 undiscounted, year 2 = 0.966, year 11 = 0.709 with start-of-year timing", () => {
    expect(periodDiscountFactor(nice, 1)).toBe("1");
    expect(d(periodDiscountFactor(nice, 2)).toDecimalPlaces(3).toString()).toBe("0.966");
    expect(d(periodDiscountFactor(nice, 11)).toDecimalPlaces(3).toString()).toBe("0.709");
  });
  it("end-of-year timing discounts year 1; middle uses t = n − ½", () => {
    close(periodDiscountFactor(nice, 1, { timing: { position: "end", compounding: "annual" } }), d(1).div("1.035"));
    close(periodDiscountFactor(nice, 1, { timing: { position: "middle", compounding: "annual" } }), d(1).div(d("1.035").sqrt()));
  });
  it("continuous compounding: e^(−r·t)", () => {
    close(discountFactor(nice, 10, { compounding: "continuous" }), d("-0.35").exp());
  });
  it("a constant schedule is exactly 1/(1+r)^t", () => {
    expect(discountFactor(constantSchedule("0.04"), 7)).toBe(d(1).div(d("1.04").pow(7)).toString());
  });
  it("rejects non-finite times and bad periods with VbpInputError", () => {
    expect(() => discountFactor(nice, Number.NaN)).toThrow(VbpInputError);
    expect(() => periodDiscountFactor(nice, 0)).toThrow(VbpInputError);
  });
});
