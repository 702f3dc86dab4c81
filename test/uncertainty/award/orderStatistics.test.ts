import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantileInPlace, selectInPlace, sortInPlace } from "../../../src/uncertainty/award/_internal/orderStatistics.js";

// Type 7 quantile on a sorted copy (Hyndman & Fan 1996), the definition the summaries used before selection.
function sortedQuantile(values: readonly number[], p: number): number {
  const s = Float64Array.from(values).sort();
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

const values = fc.array(fc.oneof(fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.integer({ min: -3, max: 3 })), { minLength: 1, maxLength: 300 });

describe("order statistics without a full sort (summaries of large lots)", () => {
  it("sortInPlace sorts like the engine's typed-array sort (with ties, runs and -Infinity)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double({ noNaN: true }), fc.constant(-Infinity), fc.integer({ min: 0, max: 2 })), { maxLength: 400 }), (xs) => {
        const a = Float64Array.from(xs);
        sortInPlace(a);
        expect(Array.from(a)).toEqual(Array.from(Float64Array.from(xs).sort()));
      }),
    );
  });

  it("selectInPlace puts the k-th order statistic at k; quantileInPlace equals the sorted type-7 quantile", () => {
    fc.assert(
      fc.property(values, fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
        const k = Math.floor(p * (xs.length - 1));
        // Selection compares with <, for which -0 and +0 are the same number; the typed-array sort puts -0
        // first. Both are compared as numbers (x + 0 turns -0 into +0), as every summary prints them.
        const num = (x: number | undefined): number => x! + 0;
        expect(num(selectInPlace(Float64Array.from(xs), k))).toBe(num(Float64Array.from(xs).sort()[k]));
        expect(num(quantileInPlace(Float64Array.from(xs), 0.025))).toBe(num(sortedQuantile(xs, 0.025)));
        expect(num(quantileInPlace(Float64Array.from(xs), p))).toBe(num(sortedQuantile(xs, p)));
      }),
    );
  });
});
