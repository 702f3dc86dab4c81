import { describe, expect, it } from "vitest";
import { Dec } from "../../src/_lib/decimal.js";
import { constantSchedule, DISCOUNT_SCHEDULES, discountFactor, periodDiscountFactor, type DiscountSchedule } from "../../src/index.js";
import { thrown } from "../_helpers/thrown.js";

const schedule = (steps: { fromYear: number; rate: string | number }[]): DiscountSchedule => ({ id: "s", label: "S", steps: steps as { fromYear: number; rate: string }[] });
const nice = DISCOUNT_SCHEDULES["nice-3.5"];

describe("discounting: a caller's schedule is checked, every problem at once with its path", () => {
  it("no steps", () => {
    expect(thrown(() => discountFactor(schedule([]), 1))).toEqual([{ code: "too_small", path: ["steps"], message: "must have at least one step" }]);
  });

  it("the first step must start at year 0", () => {
    expect(thrown(() => discountFactor(schedule([{ fromYear: 1, rate: "0.035" }]), 1))).toEqual([
      { code: "invalid_value", path: ["steps", 0, "fromYear"], message: "the first step must start at year 0, got 1" },
    ]);
  });

  it("steps strictly ascending: an equal or earlier fromYear is out of order", () => {
    expect(
      thrown(() =>
        discountFactor(
          schedule([
            { fromYear: 0, rate: "0.035" },
            { fromYear: 30, rate: "0.03" },
            { fromYear: 30, rate: "0.025" },
            { fromYear: 10, rate: "0.02" },
          ]),
          1,
        ),
      ),
    ).toEqual([
      { code: "out_of_order", path: ["steps", 2, "fromYear"], message: "must be greater than the previous step's fromYear (30), got 30" },
      { code: "out_of_order", path: ["steps", 3, "fromYear"], message: "must be greater than the previous step's fromYear (30), got 10" },
    ]);
    // one year after the previous step is in order
    expect(discountFactor(schedule([{ fromYear: 0, rate: "0.1" }, { fromYear: 1, rate: "0" }]), 5)).toBe(new Dec(1).div("1.1").toString());
  });

  it("a non-finite fromYear", () => {
    expect(thrown(() => discountFactor(schedule([{ fromYear: 0, rate: "0.035" }, { fromYear: Number.POSITIVE_INFINITY, rate: "0.03" }]), 1))).toEqual([
      { code: "invalid_value", path: ["steps", 1, "fromYear"], message: "must be a finite number" },
    ]);
  });

  it("a rate that is not a decimal (hex, padded, empty, NaN) and a rate of −1 or less", () => {
    expect(
      thrown(() =>
        discountFactor(
          schedule([
            { fromYear: 0, rate: "0x10" },
            { fromYear: 1, rate: " 0.035" },
            { fromYear: 2, rate: "" },
            { fromYear: 3, rate: Number.NaN },
            { fromYear: 4, rate: "-1" },
            { fromYear: 5, rate: -2 },
          ]),
          1,
        ),
      ),
    ).toEqual([
      { code: "invalid_value", path: ["steps", 0, "rate"], message: 'must be a finite decimal, got "0x10"' },
      { code: "invalid_value", path: ["steps", 1, "rate"], message: 'must be a finite decimal, got " 0.035"' },
      { code: "invalid_value", path: ["steps", 2, "rate"], message: 'must be a finite decimal, got ""' },
      { code: "invalid_value", path: ["steps", 3, "rate"], message: "must be a finite decimal, got null" },
      { code: "too_small", path: ["steps", 4, "rate"], message: "must be greater than -1, got -1" },
      { code: "too_small", path: ["steps", 5, "rate"], message: "must be greater than -1, got -2" },
    ]);
    // just above −1 is a valid (if odd) rate
    expect(discountFactor(schedule([{ fromYear: 0, rate: "-0.5" }]), 1)).toBe("2");
  });

  it("a time that is not a finite number of years", () => {
    for (const [t, shown] of [["x", "x"], [Number.NaN, "NaN"], ["0x1", "0x1"], [" 1", " 1"]] as const) {
      expect(thrown(() => discountFactor(nice, t))).toEqual([{ code: "invalid_value", path: ["t"], message: `must be a finite number of years, got ${shown}` }]);
    }
  });

  it("a period that is not a whole number ≥ 1, and a period length that is not positive", () => {
    for (const n of [0, -1, 1.5, Number.NaN]) {
      expect(thrown(() => periodDiscountFactor(nice, n))).toEqual([{ code: "invalid_value", path: ["n"], message: `period must be a whole number ≥ 1, got ${n}` }]);
    }
    for (const lengthYears of [0, "-1", "abc"]) {
      expect(thrown(() => periodDiscountFactor(nice, 1, { lengthYears }))).toEqual([
        { code: "invalid_value", path: ["lengthYears"], message: `must be a positive number of years, got ${lengthYears}` },
      ]);
    }
  });
});

describe("discounting: boundaries and conventions", () => {
  it("t = 0 is 1 under every schedule and compounding", () => {
    for (const s of Object.values(DISCOUNT_SCHEDULES)) {
      expect(discountFactor(s, 0)).toBe("1");
      expect(discountFactor(s, 0, { compounding: "continuous" })).toBe("1");
    }
  });

  it("a negative t compounds forward at the first rate: DF(−2) = 1.035² (annual), e^(0.035×2) (continuous)", () => {
    expect(discountFactor(nice, -2)).toBe("1.071225");
    expect(discountFactor(nice, "-0.5")).toBe(new Dec("1.035").sqrt().toString());
    expect(discountFactor(nice, -2, { compounding: "continuous" })).toBe(new Dec("0.07").exp().toString());
    // forward compounding uses the first step's rate even under a stepped schedule
    expect(discountFactor(DISCOUNT_SCHEDULES["green-book"], -1)).toBe("1.035");
  });

  it("annual compounding is the default: DF(1) = 1/1.035; continuous: e^(−0.035)", () => {
    expect(discountFactor(nice, 1)).toBe(new Dec(1).div("1.035").toString());
    expect(discountFactor(nice, 1, {})).toBe(discountFactor(nice, 1, { compounding: "annual" }));
    expect(discountFactor(nice, 1, { compounding: "continuous" })).toBe(new Dec("-0.035").exp().toString());
    // continuous under a stepped schedule: exp(−(0.035 × 30 + 0.03 × 1)) at t = 31
    // (each step's factor is exact to 50 significant digits, so the product agrees to 1e-48)
    expect(new Dec(discountFactor(DISCOUNT_SCHEDULES["green-book"], 31, { compounding: "continuous" })).minus(new Dec("-1.08").exp()).abs().lte("1e-48")).toBe(true);
    expect(discountFactor(DISCOUNT_SCHEDULES["green-book"], 31, { compounding: "continuous" })).not.toBe(discountFactor(DISCOUNT_SCHEDULES["green-book"], 31));
  });

  it("a time exactly on a step boundary uses only the earlier rates: DF(30) under the Green Book = 1/1.035^30", () => {
    expect(discountFactor(DISCOUNT_SCHEDULES["green-book"], 30)).toBe(new Dec(1).div(new Dec("1.035").pow(30)).toString());
  });

  it("repeated calls give identical strings (factors are cached per time, never changed)", () => {
    const s = constantSchedule("0.05");
    const first = discountFactor(s, 7);
    expect(discountFactor(s, 7)).toBe(first);
    expect(discountFactor(s, "7.0")).toBe(first);
  });

  it("period timing: start, middle and end of period, yearly and half-yearly", () => {
    const ten = constantSchedule("0.1");
    expect(periodDiscountFactor(ten, 1)).toBe("1");
    expect(periodDiscountFactor(ten, 2)).toBe(new Dec(1).div("1.1").toString());
    expect(periodDiscountFactor(ten, 1, { timing: { position: "end", compounding: "annual" } })).toBe(new Dec(1).div("1.1").toString());
    expect(periodDiscountFactor(ten, 1, { timing: { position: "middle", compounding: "annual" } })).toBe(new Dec(1).div(new Dec("1.1").sqrt()).toString());
    expect(periodDiscountFactor(ten, 3, { lengthYears: "0.5", timing: { position: "end", compounding: "annual" } })).toBe(new Dec(1).div(new Dec("1.1").pow("1.5")).toString());
    expect(periodDiscountFactor(ten, 2, { timing: { position: "start", compounding: "continuous" } })).toBe(new Dec("-0.1").exp().toString());
  });
});
