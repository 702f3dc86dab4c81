import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, type EvaluationResult } from "../../src/index.js";
import { catalogueDoc, type Doc } from "../evaluate/helpers.js";

// A compact catalogue run keeps each criterion's points as an integer number of 10^−20 points and works the
// built-in linear value function out in integers; a full run scores every leaf through its worked trace, in
// decimals. The two must write the same digits everywhere: points, fractions, totals and the ranking.

const QUALITY = ["patient-and-staff-quality", "supply-chain-quality", "purpose-quality"] as const;

/** Decimal strings within the decimal rule: up to 15 digits before the point and up to 60 after it (beyond 50 significant digits, where Decimal rounds a difference or product first). */
const digits = (max: number): fc.Arbitrary<string> => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: max }).map((d) => d.join(""));
const decimalArb: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n - 1n }), fc.option(digits(60), { nil: undefined }))
  .map(([neg, whole, frac]) => `${neg && (whole > 0n || /[1-9]/.test(frac ?? "")) ? "-" : ""}${whole}${frac !== undefined ? `.${frac}` : ""}`);
const smallArb: fc.Arbitrary<string> = fc.integer({ min: -50, max: 150 }).map(String);

interface Limits {
  readonly lower: string;
  readonly upper: string;
  readonly direction: "higher-is-better" | "lower-is-better";
}

/** Limits with upper > lower (compared as decimals: both are read exactly as bigint-scaled values here). */
const limitsArb: fc.Arbitrary<Limits> = fc
  .tuple(fc.oneof(smallArb, decimalArb), fc.oneof(smallArb, decimalArb), fc.constantFrom("higher-is-better" as const, "lower-is-better" as const))
  .filter(([a, b]) => compare(a, b) !== 0)
  .map(([a, b, direction]) => (compare(a, b) < 0 ? { lower: a, upper: b, direction } : { lower: b, upper: a, direction }));

function compare(a: string, b: string): number {
  const scaled = (t: string): bigint => {
    const [w = "0", f = ""] = t.replace("-", "").split(".");
    const v = BigInt(w + f.padEnd(60, "0"));
    return t.startsWith("-") ? -v : v;
  };
  const [x, y] = [scaled(a), scaled(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The scores a run writes for each bid: every figure of the tender result but the traces only a full run has. */
function scores(r: EvaluationResult): unknown {
  return r.tender.lots.map((l) => ({
    lot: l.lotId,
    winner: l.winner,
    options: l.options.map((o) => ({
      id: o.optionId,
      rank: o.rank,
      total: o.total,
      totalPoints: o.totalPoints,
      pricePoints: o.pricePoints,
      qualityPoints: o.qualityPoints,
      tree: o.scoreTree.map((n) => ({ id: n.criterionId, points: n.points, fraction: n.fraction, raw: n.raw })),
    })),
  }));
}

describe("points in integers (compact runs) and in decimals (full runs)", () => {
  it("write the same digits for any linear limits and values, inside, at and beyond the limits", () => {
    fc.assert(
      fc.property(
        fc.array(limitsArb, { minLength: 3, maxLength: 3 }),
        fc.array(fc.array(fc.oneof(smallArb, decimalArb, fc.constantFrom("lower", "upper")), { minLength: 3, maxLength: 3 }), { minLength: 4, maxLength: 4 }),
        (limits, values) => {
          const doc: Doc = catalogueDoc(4);
          for (const c of doc.tender.criteria) {
            const k = QUALITY.indexOf(c.children?.[0]?.id);
            if (k >= 0) c.children[0].valueFunction = { fn: "linear", direction: limits[k]!.direction, params: { lower: limits[k]!.lower, upper: limits[k]!.upper } };
          }
          values.forEach((row, i) => {
            const o = doc.options[i + 1];
            row.forEach((v, k) => (o.values[QUALITY[k]!] = v === "lower" ? limits[k]!.lower : v === "upper" ? limits[k]!.upper : v));
          });
          const compact = evaluate(doc, { detail: "compact" });
          const full = evaluate(doc, { detail: "full" });
          expect(compact.detail).toBe("compact");
          expect(scores(compact)).toEqual(scores(full));
          expect(compact.ranking).toEqual(full.ranking);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("score a value with more than 50 significant digits from its limit as Decimal does (rounded before dividing)", () => {
    const doc: Doc = catalogueDoc(2);
    const spec = { fn: "linear", params: { lower: "0.000000000000000000000000000000000000000000000000000000001", upper: "100" } };
    for (const c of doc.tender.criteria) if (c.children?.[0]?.id === "purpose-quality") c.children[0].valueFunction = spec;
    doc.options[1].values["purpose-quality"] = "99999999999999.99999999999999999999999999999999999999999999999999";
    doc.options[2].values["purpose-quality"] = "33.333333333333333333333333333333333333333333333333333333333";
    const points = (r: EvaluationResult): unknown[] => r.tender.lots[0]!.options.map((o) => o.scoreTree.find((n) => n.criterionId === "purpose")?.points);
    const compact = evaluate(doc, { detail: "compact" });
    expect(points(compact)).toEqual(points(evaluate(doc, { detail: "full" })));
    // purpose is worth 5 points: 5 × (33.3… − 1e−57) / (100 − 1e−57), held to 20 places.
    expect(points(compact)).toContain("1.66666666666666666667");
  });
});
