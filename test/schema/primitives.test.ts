import { describe, expect, it } from "vitest";
import * as z from "zod";
import { decimalSchema, nonNegativeDecimalSchema, isoDateSchema } from "../../src/schema/primitives.js";
import { safeParseWith } from "../../src/schema/issues.js";
import { formatIssue } from "../../src/index.js";

const doc = z.strictObject({ price: nonNegativeDecimalSchema(), on: isoDateSchema(), items: z.array(z.strictObject({ q: decimalSchema() })).max(3) });

function problems(input: unknown): string[] {
  const r = safeParseWith(doc, input);
  return r.success ? [] : r.error.issues.map(formatIssue);
}

describe("schema primitives", () => {
  it("name the path and the value for each broken rule", () => {
    expect(problems({ price: -12.5, on: "2026-02-30", items: [{ q: "abc" }] })).toEqual([
      "price: must be ≥ 0, got -12.5",
      'on: must be a calendar date in YYYY-MM-DD form, got "2026-02-30"',
      'items[0].q: must be a finite decimal number, got "abc"',
    ]);
  });
  it("reject NaN, Infinity, unknown keys and __proto__ keys", () => {
    const withProto = JSON.parse('{"price": 1, "on": "2026-01-01", "items": [], "__proto__": {"x": 1}}');
    expect(problems(withProto)).toEqual(['__proto__: unknown key "__proto__" (check the spelling; unknown keys are not allowed)']);
    expect(problems({ price: Number.NaN, on: "2026-01-01", items: [{ q: Infinity }], extra: 1 })).toEqual([
      "price: must be a finite decimal number, got NaN",
      "items[0].q: must be a finite decimal number, got Infinity",
      'extra: unknown key "extra" (check the spelling; unknown keys are not allowed)',
    ]);
  });
  it("report missing fields and size limits", () => {
    expect(problems({ on: "2026-01-01", items: [{ q: 1 }, { q: 1 }, { q: 1 }, { q: 1 }] })).toEqual([
      "price: is required (a decimal number)",
      "items: must have at most 3 items",
    ]);
  });
});
