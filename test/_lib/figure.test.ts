import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, decString } from "../../src/_lib/decimal.js";
import { figureDec, figureOfText, figureText, figureTextAt, plusFigure } from "../../src/_lib/figure.js";
import { fixedString } from "../../src/_lib/fixed.js";

// An option's figures between the stages are whole numbers of 10^−20 units when they have at most 20 places,
// else Decimals. Every sum and every text must be what the same figures held as Decimals give: the held form
// never shows in a result.

/** Decimal texts as the engines write them: up to 40 places, large and small magnitudes, exponents, signs. */
const text = fc.oneof(
  fc.tuple(fc.bigInt({ min: -(10n ** 45n), max: 10n ** 45n }), fc.integer({ min: 0, max: 40 })).map(([m, s]) => fixedString(m, s)),
  fc.tuple(fc.integer({ min: -999_999, max: 999_999 }), fc.integer({ min: -40, max: 40 })).map(([m, e]) => `${m}e${e}`),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((x) => String(x)),
  fc.constantFrom("0", "-0", "0.1", "-0.03", "3191.838", "132.07440000000003", "1.234e-22", "1e40", "0.00000000000000000001", "0.000000000000000000015"),
);

describe("exact figures between stages (internal)", () => {
  it("a figure's text and its sums are the Decimal's, digit for digit", () => {
    fc.assert(
      fc.property(text, text, text, (a, b, c) => {
        const [fa, fb, fc_] = [figureOfText(a), figureOfText(b), figureOfText(c)];
        expect(figureText(fa)).toBe(decString(new Dec(a)));
        expect(figureDec(fa).eq(new Dec(a))).toBe(true);
        // Chained as the figures chain them (each sum rounded to 50 significant digits as Decimal's plus rounds it).
        expect(figureText(plusFigure(plusFigure(fa, fb), fc_))).toBe(decString(new Dec(a).plus(b).plus(c)));
      }),
      { numRuns: 3000 },
    );
  });

  it("a figure rounded to a metric's places is the Decimal's toDecimalPlaces, half-even", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 24 }), (a, places) => {
        expect(figureTextAt(figureOfText(a), places)).toBe(decString(new Dec(a).toDecimalPlaces(places, Dec.ROUND_HALF_EVEN)));
      }),
      { numRuns: 3000 },
    );
    // Ties to the even neighbour, either sign; a figure of more than 20 places is held as a Decimal.
    expect(figureTextAt(figureOfText("2.345"), 2)).toBe("2.34");
    expect(figureTextAt(figureOfText("-2.355"), 2)).toBe("-2.36");
    expect(figureTextAt(figureOfText("0.005"), 2)).toBe("0");
    expect(typeof figureOfText("1.234e-22")).toBe("object");
    expect(typeof figureOfText("3191.838")).toBe("bigint");
  });

  it("sums beyond 50 significant digits round as Decimal's plus rounds them", () => {
    // 10^30 + 10^−20 has 51 significant digits: Decimal keeps 50, so the 10^−20 is lost (half-even).
    expect(figureText(plusFigure(figureOfText("1e30"), figureOfText("0.00000000000000000001")))).toBe(decString(new Dec("1e30").plus("1e-20")));
    expect(figureText(plusFigure(plusFigure(figureOfText("1e30"), figureOfText("1e-20")), figureOfText("-1e30")))).toBe("0");
  });
});
