import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, decString } from "../../src/_lib/decimal.js";
import { addLedger, compareFixed, decimalQuotient, fixedAt, fixedFromString, fixedOf, fixedString, ledgerQuotient, minusDecimal, mulToLedger, percentText, plusLedger, roundToLedger, timesToLedger, unitsDec } from "../../src/_lib/fixed.js";

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

  it("ledgerQuotient is the Decimal quotient (50 significant digits) held at 20 places, ties included", () => {
    const viaDecimal = (n: bigint, m: bigint, s: number): string => {
      const q = new Dec(fixedString(n)).div(new Dec(fixedString(m, s))).toDecimalPlaces(20, Dec.ROUND_HALF_EVEN);
      return q.isZero() ? "0" : q.toFixed();
    };
    const divisor = fc.oneof(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.constantFrom(1n, 2n, 4n, 5n, 8n, 12n, 60n, -2n, 3n, 7n)).filter((m) => m !== 0n);
    const numerator = fc.oneof(digits, fc.bigInt({ min: -(10n ** 60n), max: 10n ** 60n }));
    fc.assert(
      fc.property(numerator, divisor, fc.integer({ min: 0, max: 45 }), (n, m, s) => {
        expect(fixedString(ledgerQuotient(n, { m, s }))).toBe(viaDecimal(n, m, s));
        // A numerator at another scale: n × 10^−(s + 3) as its Decimal.
        const scaled = new Dec(fixedString(n, s + 3));
        const expected = scaled.div(new Dec(fixedString(m, 7))).toDecimalPlaces(20, Dec.ROUND_HALF_EVEN);
        const f = fixedOf(scaled);
        expect(decString(unitsDec(ledgerQuotient(f.m, { m, s: 7 }, f.s)))).toBe(decString(expected));
      }),
      { numRuns: 2000 },
    );
    // Quotients of exactly 51 significant digits ending in 5 (a tie at the 50th digit), for either sign and
    // at several scales; and ties at the 20th place.
    for (const n of [10n ** 50n + 1n, 3n * 10n ** 50n + 7n, 123456789n * 10n ** 42n + 1n, 5n, 15n, 25n]) {
      for (const s of [0, 1, 5, 21, 30, 40]) {
        for (const sign of [1n, -1n]) {
          expect(fixedString(ledgerQuotient(sign * n, { m: 2n, s }))).toBe(viaDecimal(sign * n, 2n, s));
          expect(fixedString(ledgerQuotient(sign * n, { m: -8n, s }))).toBe(viaDecimal(sign * n, -8n, s));
        }
      }
    }
  });

  it("decimalQuotient, minusDecimal, compareFixed and fixedAt give what the library's Decimal div, minus, comparedTo and toDecimalPlaces give", () => {
    const text = (d: InstanceType<typeof Dec>): string => (d.isZero() ? "0" : d.toFixed());
    const check = (a: bigint, sa: number, b: bigint, sb: number, places: number): void => {
      const da = new Dec(fixedString(a, sa));
      const db = new Dec(fixedString(b, sb));
      const d = minusDecimal({ m: a, s: sa }, { m: b, s: sb });
      expect(fixedString(d.m, d.s)).toBe(text(da.minus(db)));
      expect(compareFixed({ m: a, s: sa }, { m: b, s: sb })).toBe(da.comparedTo(db));
      if (b !== 0n) {
        const q = decimalQuotient(a, { m: b, s: sb }, sa);
        expect(fixedString(q.m, q.s)).toBe(text(da.div(db)));
        const r = fixedAt(q, places);
        expect(fixedString(r.m, r.s)).toBe(text(da.div(db).toDecimalPlaces(places)));
      }
    };
    const big = fc.oneof(digits, fc.bigInt({ min: -(10n ** 75n), max: 10n ** 75n }), fc.constantFrom(0n, 1n, -1n, 5n, 25n));
    fc.assert(fc.property(big, fc.integer({ min: 0, max: 50 }), big, fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 40 }), check), { numRuns: 2000 });
    // Differences of 51 or more digits (a tie at the 50th digit either way), equal values at other scales, and
    // quotients and roundings exactly halfway.
    for (const sign of [1n, -1n]) {
      check(sign * (10n ** 50n + 5n), 0, sign * 10n ** 50n, 0, 0);
      check(sign * (10n ** 51n + 5n), 0, sign * 10n ** 50n, 1, 0);
      check(sign * 125n, 2, sign * 1250n, 3, 1);
      check(sign * 5n, 1, 2n, 0, 1);
      check(sign * 15n, 0, 4n, 0, 1);
      check(sign * 45n, 0, 4n, 0, 1);
    }
  });

  it("percentText is the Decimal percentage |change| ÷ |base| × 100 to 1 or 2 places, half-even, and empty for a zero base", () => {
    const viaDecimal = (change: InstanceType<typeof Dec>, base: InstanceType<typeof Dec>, places: number): string =>
      base.isZero() ? "" : decString(change.abs().div(base.abs()).times(100).toDecimalPlaces(places, Dec.ROUND_HALF_EVEN));
    const check = (a: bigint, sa: number, b: bigint, sb: number, places: number): void => {
      expect(percentText({ m: a, s: sa }, { m: b, s: sb }, places)).toBe(viaDecimal(new Dec(fixedString(a, sa)), new Dec(fixedString(b, sb)), places));
    };
    const big = fc.oneof(digits, fc.bigInt({ min: -(10n ** 75n), max: 10n ** 75n }), fc.constantFrom(0n, 1n, -1n, 5n, 25n));
    fc.assert(fc.property(big, fc.integer({ min: 0, max: 50 }), big, fc.integer({ min: 0, max: 50 }), fc.constantFrom(1, 2), check), { numRuns: 2000 });
    // Halfway at the last place shown, either sign: 0.25% → 0.2, 0.35% → 0.4, 1.005% → 1 at 2 places, 1.015% → 1.02.
    for (const sign of [1n, -1n]) {
      check(sign * 25n, 4, 1n, 0, 1);
      check(sign * 35n, 4, -1n, 0, 1);
      check(sign * 1005n, 5, 1n, 0, 2);
      check(sign * 1015n, 5, 1n, 0, 2);
    }
    expect(percentText({ m: 25n, s: 4 }, { m: 1n, s: 0 }, 1)).toBe("0.2");
    expect(percentText({ m: -1n, s: 0 }, { m: 3n, s: 0 }, 2)).toBe("33.33");
    expect(percentText({ m: 7n, s: 0 }, { m: 0n, s: 5 }, 1)).toBe("");
  });

  it("timesToLedger, addLedger and plusLedger round as the library's Decimal does (50 significant digits, then 20 places), beyond 10^30 and at ties", () => {
    const text = (d: InstanceType<typeof Dec>): string => (d.isZero() ? "0" : d.toFixed());
    const check = (a: bigint, sa: number, b: bigint, sb: number): void => {
      const da = new Dec(fixedString(a, sa));
      const db = new Dec(fixedString(b, sb));
      expect(fixedString(timesToLedger({ m: a, s: sa }, { m: b, s: sb }))).toBe(text(da.times(db).toDecimalPlaces(20, Dec.ROUND_HALF_EVEN)));
      // Sums of two amounts held at the ledger scale, and of any decimal and one such amount.
      const la = new Dec(fixedString(a));
      const lb = new Dec(fixedString(b));
      expect(fixedString(addLedger(a, b))).toBe(text(la.plus(lb)));
      const p = plusLedger({ m: a, s: sa }, b);
      expect(fixedString(p.m, p.s)).toBe(text(da.plus(lb)));
    };
    const big = fc.oneof(digits, fc.bigInt({ min: -(10n ** 75n), max: 10n ** 75n }));
    fc.assert(fc.property(big, fc.integer({ min: 0, max: 50 }), big, fc.integer({ min: 0, max: 50 }), check), { numRuns: 2000 });
    // Products of every length up to 200 digits, either side of a power of ten.
    for (let k = 45; k < 200; k++) for (const a of [10n ** BigInt(k) - 1n, 10n ** BigInt(k), 10n ** BigInt(k) + 5n]) check(a, 40, 1n, 0);
    // Exact results of 51 or more digits ending in a 5 (ties at the 50th digit) and carries to a new digit.
    for (const a of [10n ** 50n + 5n, 10n ** 51n - 5n, 25n * 10n ** 49n + 5n, 99999n * 10n ** 46n + 5n, 10n ** 50n - 1n, 7n]) {
      for (const [b, sb] of [[1n, 0], [10n, 1], [3n, 0], [10n ** 50n - 5n, 0], [5n, 1]] as const) {
        for (const sa of [0, 10, 20, 25]) for (const sign of [1n, -1n]) check(sign * a, sa, b, sb);
      }
    }
    // Exact results within a unit of the 50th digit of a halfway point of the 20th place, where rounding twice
    // (to 50 digits, then to 20 places) and rounding once differ: (50 + cut)-digit values q × 10^K + 10^K/2 + δ,
    // K = cut + k2 places below the 20th, |δ| ≤ 10^cut.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.bigInt({ min: 0n, max: 10n ** 50n }), fc.bigInt({ min: -1000n, max: 1000n }), fc.boolean(), (cut, k2, seed, step, negative) => {
        const K = cut + k2;
        const q = 10n ** BigInt(49 - k2) + (seed % (9n * 10n ** BigInt(49 - k2)));
        const delta = (step * 10n ** BigInt(cut)) / 1000n;
        const m = q * 10n ** BigInt(K) + 5n * 10n ** BigInt(K - 1) + delta;
        check(negative ? -m : m, 20 + K, 1n, 0);
      }),
      { numRuns: 3000 },
    );
  });

  it("unitsDec builds the very Decimal that parsing the amount's text gives (digits, exponent and sign)", () => {
    const same = (units: bigint): void => {
      const built = unitsDec(units);
      const parsed = new Dec(fixedString(units));
      expect([built.d, built.e, built.s]).toEqual([parsed.d, parsed.e, parsed.s]);
    };
    fc.assert(fc.property(fc.oneof(digits, fc.bigInt({ min: -(10n ** 75n), max: 10n ** 75n })), same), { numRuns: 5000 });
    // Every alignment of the first digit on a word of 7, trailing zeros, and zero.
    for (let k = 0; k < 60; k++) for (const m of [1n, 5n * 10n ** 6n, 1234567n, 10n ** 7n + 1n]) for (const sign of [1n, -1n]) same(sign * m * 10n ** BigInt(k));
    same(0n);
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
    // Zero of either sign is written "0".
    for (const zero of ["0", "-0", "-0.000", "0e5"]) expect(decString(new Dec(zero))).toBe("0");
    expect(fixedFromString("abc")).toBeUndefined();
    expect(fixedFromString(".")).toBeUndefined();
  });
});
