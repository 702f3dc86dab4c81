import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../../src/_lib/decimal.js";
import { fixedFromString, fixedString, mulToLedger, roundToLedger } from "../../src/lifecycle/_internal/fixed.js";

// A high-precision reference (300 digits) so its products are exact for these operands.
const Big = Dec.clone({ precision: 300, toExpNeg: -400, toExpPos: 400 });
const digits = fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n });

describe("exact fixed-point ledger arithmetic (internal)", () => {
  it("roundToLedger is half-even rounding to 20 places, for either sign", () => {
    fc.assert(
      fc.property(digits, fc.integer({ min: 0, max: 60 }), (m, s) => {
        const expected = new Big(m.toString()).div(new Big(10).pow(s)).toDecimalPlaces(20, Dec.ROUND_HALF_EVEN);
        expect(fixedString(roundToLedger(m, s))).toBe(expected.isZero() ? "0" : expected.toFixed());
      }),
    );
    // Ties go to the even neighbour: 0.5 × 10^−20 → 0, 1.5 × 10^−20 → 2 × 10^−20, −2.5 × 10^−20 → −2 × 10^−20.
    expect(roundToLedger(5n, 21)).toBe(0n);
    expect(roundToLedger(15n, 21)).toBe(2n);
    expect(roundToLedger(-25n, 21)).toBe(-2n);
  });

  it("mulToLedger rounds the exact product once", () => {
    fc.assert(
      fc.property(digits, fc.integer({ min: 0, max: 30 }), digits, fc.integer({ min: 0, max: 50 }), (a, sa, b, sb) => {
        const exact = new Big(a.toString()).times(b.toString()).div(new Big(10).pow(sa + sb)).toDecimalPlaces(20, Dec.ROUND_HALF_EVEN);
        expect(fixedString(mulToLedger({ m: a, s: sa }, { m: b, s: sb }))).toBe(exact.isZero() ? "0" : exact.toFixed());
      }),
    );
  });

  it("reads decimal strings exactly, exponents included, and prints canonical strings", () => {
    const cases: [string, string][] = [
      ["12.50", "12.5"],
      ["-3", "-3"],
      ["1e3", "1000"],
      [".5", "0.5"],
      ["+2.5E-2", "0.025"],
      ["0.000", "0"],
      ["-0", "0"],
    ];
    for (const [text, canonical] of cases) {
      const f = fixedFromString(text)!;
      expect(fixedString(f.m, f.s)).toBe(canonical);
    }
    expect(fixedFromString("abc")).toBeUndefined();
    expect(fixedFromString(".")).toBeUndefined();
  });
});
