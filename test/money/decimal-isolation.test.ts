import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";

// A host application that configures the global Decimal BEFORE importing the library...
Decimal.set({ precision: 5, rounding: Decimal.ROUND_UP, toExpNeg: -2 });

describe("host Decimal configuration", () => {
  it("does not leak into the library when set before import", async () => {
    const lib = await import("../../src/index.js");
    // 1/3 of £100 to 20 places needs far more than the host's 5 digits.
    const third = lib.multiplyMoney(lib.money("100", "GBP"), "0.333333333333333333333333");
    expect(third.amount).toBe("33.3333333333333333333333");
    expect(lib.discountFactor(lib.DISCOUNT_SCHEDULES["nice-3.5"], 1)).toMatch(/^0\.96618357487922705314009661835748792270531400966184$/);
  });

  it("is left as the host set it after the library computes", async () => {
    const lib = await import("../../src/index.js");
    lib.sumMoney([lib.money("1.23456789", "GBP"), lib.money("2", "GBP")], "GBP");
    lib.discountFactor(lib.DISCOUNT_SCHEDULES["green-book"], 80);
    expect(Decimal.precision).toBe(5);
    expect(Decimal.rounding).toBe(Decimal.ROUND_UP);
    expect(Decimal.toExpNeg).toBe(-2);
    expect(new Decimal(1).div(3).toString()).toBe("0.33334");
  });

  it("does not change when the host reconfigures Decimal after import", async () => {
    const lib = await import("../../src/index.js");
    const before = lib.discountFactor(lib.DISCOUNT_SCHEDULES["nice-3.5"], 7);
    Decimal.set({ precision: 3, rounding: Decimal.ROUND_FLOOR });
    expect(lib.discountFactor(lib.DISCOUNT_SCHEDULES["nice-3.5"], 7)).toBe(before);
    expect(lib.addMoney(lib.money("0.000000001", "GBP"), lib.money("1000000", "GBP")).amount).toBe("1000000.000000001");
    Decimal.set({ defaults: true });
  });
});
