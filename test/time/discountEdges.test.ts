// Discounting at its edges: times before the price base, fractional times across several steps, every schedule
// problem at once in a fixed order, and period timing with other period lengths. Expected factors are computed
// here independently with decimal.js (50 significant digits, as the library).
import { Decimal } from "decimal.js";
import { describe, expect, it } from "vitest";
import { constantSchedule, DISCOUNT_SCHEDULES, discountFactor, periodDiscountFactor, type DiscountSchedule } from "../../src/index.js";
import { thrown } from "../_helpers/thrown.js";

const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN });
const d = (x: string | number) => new D(x);
/** |a − b| ≤ 1e-45 relative to b: independent computations agree to the last few of 50 digits. */
const close = (a: string, b: Decimal) => expect(d(a).minus(b).abs().lte(b.abs().times("1e-45"))).toBe(true);


const schedule = (steps: { fromYear: number; rate: string }[]): DiscountSchedule => ({ id: "s", label: "S", steps });
const gb = DISCOUNT_SCHEDULES["green-book"];

describe("discountFactor: times before the price base (negative t)", () => {
  it("compound forward at the first step's rate, annual and continuous", () => {
    close(discountFactor(gb, "-2.5"), d("1.035").pow("2.5"));
    close(discountFactor(gb, -1, { compounding: "continuous" }), d("0.035").exp());
    expect(discountFactor(constantSchedule("0"), -7)).toBe("1");
    // the later steps of a schedule play no part before the price base
    expect(discountFactor(schedule([{ fromYear: 0, rate: "0.1" }, { fromYear: 1, rate: "0.5" }]), -1)).toBe("1.1");
  });

  it("DF(−t) × DF(t) = 1 under a constant rate", () => {
    for (const t of ["0.5", "3", "12.25"]) {
      const s = constantSchedule("0.04");
      close(d(discountFactor(s, t)).times(discountFactor(s, `-${t}`)).toString(), d(1));
    }
  });
});

describe("discountFactor: fractional times across several steps", () => {
  it("Green Book DF(80.5) = 1/(1.035^30 × 1.03^45 × 1.025^5.5)", () => {
    close(discountFactor(gb, "80.5"), d(1).div(d("1.035").pow(30).times(d("1.03").pow(45)).times(d("1.025").pow("5.5"))));
  });

  it("continuous, across three steps: exp(−(0.035 × 30 + 0.03 × 45 + 0.025 × 0.75))", () => {
    close(discountFactor(gb, "75.75", { compounding: "continuous" }), d("-2.41875").exp());
  });

  it("a step at a rate of 0 holds the factor flat until the next step", () => {
    const s = schedule([
      { fromYear: 0, rate: "0.1" },
      { fromYear: 2, rate: "0" },
      { fromYear: 5, rate: "0.1" },
    ]);
    const two = d(1).div(d("1.21"));
    close(discountFactor(s, 2), two);
    close(discountFactor(s, "3.5"), two);
    close(discountFactor(s, 5), two);
    close(discountFactor(s, 6), two.div("1.1"));
  });

  it("a time written in exponent form is the same time", () => {
    expect(discountFactor(gb, "1e1")).toBe(discountFactor(gb, 10));
    expect(discountFactor(gb, "31.0")).toBe(discountFactor(gb, 31));
  });
});

describe("discountFactor: every problem with a schedule at once, step by step", () => {
  it("first step not at 0, then a step out of order and not finite, then a bad rate", () => {
    expect(
      thrown(() =>
        discountFactor(
          schedule([
            { fromYear: -1, rate: "0.035" },
            { fromYear: Number.NaN, rate: "0.03" },
            { fromYear: 40, rate: "1e9999" },
          ]),
          1,
        ),
      ),
    ).toEqual([
      { code: "invalid_value", path: ["steps", 0, "fromYear"], message: "the first step must start at year 0, got -1" },
      { code: "out_of_order", path: ["steps", 1, "fromYear"], message: "must be greater than the previous step's fromYear (-1), got NaN" },
      { code: "invalid_value", path: ["steps", 1, "fromYear"], message: "must be a finite number" },
      // nothing is greater than NaN, so the step after it is out of order too
      { code: "out_of_order", path: ["steps", 2, "fromYear"], message: "must be greater than the previous step's fromYear (NaN), got 40" },
      { code: "invalid_value", path: ["steps", 2, "rate"], message: 'must be a finite decimal, got "1e9999"' },
    ]);
  });

  it("a bad time is reported alone, before the schedule is read", () => {
    for (const [t, shown] of [[undefined, "undefined"], [null, "null"], ["", ""], [Number.POSITIVE_INFINITY, "Infinity"]] as const) {
      expect(thrown(() => discountFactor(schedule([]), t as never))).toEqual([{ code: "invalid_value", path: ["t"], message: `must be a finite number of years, got ${shown}` }]);
    }
  });

  it("a rate given as a finite number is read like its decimal string", () => {
    expect(discountFactor(schedule([{ fromYear: 0, rate: 0.1 as unknown as string }]), 1)).toBe(discountFactor(schedule([{ fromYear: 0, rate: "0.1" }]), 1));
  });
});

describe("periodDiscountFactor: other period lengths and conventions", () => {
  const ten = constantSchedule("0.1");

  it("quarters: period 5 starts at t = 1 year, ends at t = 1.25, its middle is t = 1.125", () => {
    close(periodDiscountFactor(ten, 5, { lengthYears: "0.25" }), d(1).div("1.1"));
    close(periodDiscountFactor(ten, 5, { lengthYears: 0.25, timing: { position: "end", compounding: "annual" } }), d(1).div(d("1.1").pow("1.25")));
    close(periodDiscountFactor(ten, 5, { lengthYears: "0.25", timing: { position: "middle", compounding: "annual" } }), d(1).div(d("1.1").pow("1.125")));
  });

  it("two-year periods: the middle of period 3 is t = 5; continuous at the end of period 2 is e^(−0.4)", () => {
    close(periodDiscountFactor(ten, 3, { lengthYears: 2, timing: { position: "middle", compounding: "annual" } }), d(1).div(d("1.1").pow(5)));
    close(periodDiscountFactor(ten, 2, { lengthYears: 2, timing: { position: "end", compounding: "continuous" } }), d("-0.4").exp());
  });

  it("a period of 1 is the first (start: undiscounted under any schedule)", () => {
    for (const s of Object.values(DISCOUNT_SCHEDULES)) expect(periodDiscountFactor(s, 1)).toBe("1");
  });

  it("a bad period is reported before the period length and the schedule", () => {
    expect(thrown(() => periodDiscountFactor(schedule([]), 2.5, { lengthYears: "-1" }))).toEqual([{ code: "invalid_value", path: ["n"], message: "period must be a whole number ≥ 1, got 2.5" }]);
    expect(thrown(() => periodDiscountFactor(schedule([]), 2, { lengthYears: "0x1" }))).toEqual([{ code: "invalid_value", path: ["lengthYears"], message: "must be a positive number of years, got 0x1" }]);
    expect(thrown(() => periodDiscountFactor(schedule([]), 2))).toEqual([{ code: "too_small", path: ["steps"], message: "must have at least one step" }]);
  });
});
