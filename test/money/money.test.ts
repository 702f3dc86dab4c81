import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addMoney,
  compareMoney,
  formatMoney,
  money,
  multiplyMoney,
  roundMoney,
  subtractMoney,
  sumMoney,
  VbpInputError,
  zeroMoney,
} from "../../src/index.js";

describe("money", () => {
  it("is exact where binary floats are not", () => {
    expect(addMoney(money("0.1", "GBP"), money("0.2", "GBP")).amount).toBe("0.3");
    expect(sumMoney(Array.from({ length: 10 }, () => money(0.1, "GBP")), "GBP").amount).toBe("1");
    expect(multiplyMoney(money("19.99", "GBP"), "3").amount).toBe("59.97");
  });

  it("serialises as a decimal string and round-trips through JSON", () => {
    const m = money("1249.990", "GBP");
    expect(JSON.stringify(m)).toBe('{"amount":"1249.99","currency":"GBP"}');
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
    expect(Object.isFrozen(m)).toBe(true);
  });

  it("refuses to mix currencies, naming both", () => {
    expect(() => addMoney(money(1, "GBP"), money(1, "EUR"))).toThrow(/cannot combine GBP and EUR/);
    expect(() => sumMoney([money(1, "EUR")], "GBP")).toThrow(VbpInputError);
    try {
      subtractMoney(money(1, "GBP"), money(1, "USD"));
    } catch (e) {
      expect((e as VbpInputError).issues[0]?.code).toBe("currency_mismatch");
    }
  });

  it("rejects unknown currencies and non-finite amounts with a clear issue", () => {
    expect(() => money("1", "XXX")).toThrow(/currency: unknown currency "XXX"/);
    expect(() => money(Number.NaN, "GBP")).toThrow(/amount: must be a finite decimal number/);
    expect(() => money(Infinity, "GBP")).toThrow(VbpInputError);
    expect(() => money("12,50", "GBP")).toThrow(VbpInputError);
  });

  it("rounds only when presenting, by a stated rule", () => {
    expect(roundMoney(money("2.345", "GBP")).amount).toBe("2.34"); // half-even: 4 is even
    expect(roundMoney(money("2.355", "GBP")).amount).toBe("2.36");
    expect(roundMoney(money("2.345", "GBP"), { rule: "half-up" }).amount).toBe("2.35");
    expect(roundMoney(money("2.349", "GBP"), { rule: "down" }).amount).toBe("2.34");
    expect(roundMoney(money("1234.5", "JPY")).amount).toBe("1234");
    expect(formatMoney(money("-1234567.895", "GBP"))).toBe("-£1,234,567.90");
    expect(formatMoney(money("0.004", "GBP"))).toBe("£0.00");
    expect(formatMoney(money("-0.004", "GBP"))).toBe("£0.00");
    expect(formatMoney(money("1000", "EUR"), { symbol: false })).toBe("1,000.00");
  });

  it("compares amounts", () => {
    expect(compareMoney(money("2", "GBP"), money("10", "GBP"))).toBe(-1);
    expect(compareMoney(money("10.0", "GBP"), money("10", "GBP"))).toBe(0);
    expect(zeroMoney("EUR")).toEqual({ amount: "0", currency: "EUR" });
  });

  it("addition is associative and subtraction undoes it, exactly (property)", () => {
    const amount = fc
      .tuple(fc.bigInt({ min: -(10n ** 15n - 1n), max: 10n ** 15n - 1n }), fc.integer({ min: 0, max: 6 }))
      .map(([units, scale]) => {
        const s = units.toString().replace("-", "").padStart(scale + 1, "0");
        const body = scale === 0 ? s : `${s.slice(0, -scale)}.${s.slice(-scale)}`;
        return money(`${units < 0n ? "-" : ""}${body}`, "GBP");
      });
    fc.assert(
      fc.property(amount, amount, amount, (a, b, c) => {
        expect(addMoney(addMoney(a, b), c).amount).toBe(addMoney(a, addMoney(b, c)).amount);
        expect(compareMoney(subtractMoney(addMoney(a, b), b), a)).toBe(0);
      }),
    );
  });
});
