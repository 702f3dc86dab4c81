import { describe, expect, it } from "vitest";
import { formatAmount, formatMoney, money, VbpInputError } from "../../src/index.js";

describe("formatAmount: Intl.NumberFormat, exact decimal strings, half-even", () => {
  it("keeps every digit of a 20-digit amount (no binary float on the way)", () => {
    expect(formatAmount("12345678901234567890.125", "GBP", { locale: "en-GB" })).toBe("£12,345,678,901,234,567,890.12");
    expect(formatAmount("0.30000000000000000000000000000001", "GBP", { locale: "en-GB" })).toBe("£0.30");
  });

  it("rounds ties to even (banker's rounding), like roundMoney", () => {
    expect(formatAmount("2.345", "GBP", { locale: "en-GB" })).toBe("£2.34");
    expect(formatAmount("2.355", "GBP", { locale: "en-GB" })).toBe("£2.36");
    expect(formatAmount("-1234567.895", "GBP", { locale: "en-GB" })).toBe("-£1,234,567.90");
    expect(formatAmount("1.00005", "GBP", { locale: "en-GB", decimals: 4 })).toBe("£1.0000");
    expect(formatAmount("1.00015", "GBP", { locale: "en-GB", decimals: 4 })).toBe("£1.0002");
  });

  it("uses the currency's minor unit and the locale's conventions, for currencies beyond the library's 12", () => {
    expect(formatAmount("2.5", "JPY", { locale: "ja-JP" })).toBe("￥2");
    expect(formatAmount("1.0005", "KWD", { locale: "en-GB" })).toBe("KWD\u00a01.000");
    expect(formatAmount("1234567", "INR", { locale: "en-IN" })).toBe("₹12,34,567.00");
    expect(formatAmount("1234.5", "EUR", { locale: "de-DE" })).toBe("1.234,50\u00a0€");
  });

  it("formats every ISO 4217 currency the runtime knows", () => {
    const codes = Intl.supportedValuesOf("currency");
    expect(codes.length).toBeGreaterThan(150);
    for (const c of codes) expect(formatAmount("1234.5", c, { locale: "en-GB" })).toMatch(/1,234/);
  });

  it("refuses bad input with the library's error and a path", () => {
    const issue = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(VbpInputError);
        return (e as VbpInputError).issues[0]!.path[0];
      }
      throw new Error("expected an error");
    };
    expect(issue(() => formatAmount("NaN", "GBP"))).toBe("amount");
    expect(issue(() => formatAmount("1", "ABC"))).toBe("currency");
    expect(issue(() => formatAmount("1", "GBP", { decimals: -1 }))).toBe("decimals");
    expect(issue(() => formatAmount("1", "GBP", { locale: "not a locale!" }))).toBe("locale");
  });
});

describe("formatMoney with a locale", () => {
  it("agrees with the fixed English form for GBP in en-GB, digit for digit", () => {
    for (const a of ["0", "-0.005", "0.015", "1234567.895", "-999999999999.995"]) {
      expect(formatMoney(money(a, "GBP"), { locale: "en-GB" })).toBe(formatMoney(money(a, "GBP")));
    }
  });
  it("uses the locale's conventions", () => {
    expect(formatMoney(money("1234.5", "EUR"), { locale: "en-US" })).toBe("€1,234.50");
  });
});

describe("formatMoneyFixed (the library's own texts)", () => {
  it("is formatMoney without a locale: the same text, or the same error, for every amount and option", async () => {
    const { formatMoneyFixed } = await import("../../src/money/money.js");
    const amounts = ["0", "-0", "1234567.895", "-1234567.895", "0.005", "-0.004", "1e14", "12.5", "NaN", "1e9999", " 1", ""];
    const options = [{}, { decimals: 0 }, { decimals: 4 }, { rule: "half-up" as const }, { rule: "down" as const }, { symbol: false }, { symbol: true }, { symbol: "no" as unknown as boolean }, { decimals: -1 }, { decimals: 1.5 }];
    const run = (f: () => string) => {
      try {
        return f();
      } catch (e) {
        return e instanceof VbpInputError ? { issues: e.issues, message: e.message } : String(e);
      }
    };
    for (const currency of ["GBP", "EUR", "JPY", "XYZ"]) {
      for (const amount of amounts) {
        for (const o of options) {
          const m = { amount, currency } as Parameters<typeof formatMoney>[0];
          expect(run(() => formatMoneyFixed(m, o))).toEqual(run(() => formatMoney(m, o)));
        }
      }
    }
    expect(formatMoneyFixed(money("-1234567.895", "GBP"))).toBe("-£1,234,567.90");
  });
});
