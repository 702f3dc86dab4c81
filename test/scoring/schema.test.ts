import { describe, expect, it } from "vitest";
import * as z from "zod";
import { makeTenderSchema, parseTender, PRICE_FORMULAS, scoreTender, tenderJsonSchema, tenderSchema, type PriceFormula } from "../../src/scoring/index.js";
import { handTender } from "./fixtures.js";

describe("tenderSchema", () => {
  it("documents every key in the JSON Schema (recursive criteria included)", () => {
    const js = tenderJsonSchema();
    expect(js).toEqual(z.toJSONSchema(tenderSchema, { io: "input", unrepresentable: "any" }));
    expect(Object.keys(js.properties as object)).toEqual(["criteria", "options", "lots", "evaluatorScores", "consensus", "passFail", "gates", "settings"]);
    const undocumented: string[] = [];
    const seen = new Set<unknown>();
    const walk = (node: unknown, at: string): void => {
      if (node === null || typeof node !== "object" || seen.has(node)) return;
      seen.add(node);
      const o = node as Record<string, unknown>;
      if (o.properties !== undefined && typeof o.properties === "object") {
        for (const [k, v] of Object.entries(o.properties as Record<string, unknown>)) {
          if (typeof (v as { description?: unknown }).description !== "string") undocumented.push(`${at}.${k}`);
          walk(v, `${at}.${k}`);
        }
      }
      for (const key of ["items", "additionalProperties", "anyOf", "oneOf", "allOf", "$defs"]) {
        const child = o[key];
        if (Array.isArray(child)) child.forEach((c, i) => walk(c, `${at}.${key}[${i}]`));
        else if (key === "$defs" && child !== undefined) for (const [k, v] of Object.entries(child as Record<string, unknown>)) walk(v, `$defs.${k}`);
        else walk(child, `${at}.${key}`);
      }
    };
    walk(js, "tender");
    expect(undocumented).toEqual([]);
    expect(JSON.stringify(js)).toContain("Sibling weights must sum to exactly 100");
  });

  it("parses numbers to canonical decimal strings and leaves the input untouched", () => {
    const t = handTender();
    (t.options as Record<string, unknown>[])[0] = { id: "A", supplier: "Acme Medical", label: "Infusion pump A", price: 10000 };
    const parsed = parseTender(t);
    expect(parsed.options[0]?.price).toBe("10000");
    expect((t.options as Record<string, unknown>[])[0]?.price).toBe(10000);
  });

  it("accepts a price formula the caller registers", () => {
    const half: PriceFormula = { ...PRICE_FORMULAS["relative-to-lowest"], id: "half-of-lowest", formula: "max × Pmin / (2 × P)", score: (p, ctx) => ({ points: ctx.maxPoints.times(ctx.lowest).div(p.times(2)), substituted: "…" }) };
    const t = handTender();
    (t.criteria as Record<string, unknown>[])[2] = { id: "price", label: "Price", kind: "price", weight: "30", formula: { formula: "half-of-lowest" } };
    expect(() => scoreTender(t)).toThrow(/unknown price formula/);
    const r = scoreTender(t, { priceFormulas: { ...PRICE_FORMULAS, "half-of-lowest": half } });
    expect(r.lots[0]?.options.find((o) => o.optionId === "B")?.pricePoints).toBe("15");
    expect(makeTenderSchema({ priceFormulas: { ...PRICE_FORMULAS, "half-of-lowest": half } }).safeParse(t).success).toBe(true);
  });

  it("rejects a price criterion under a price-based aggregation, and a missing value per point", () => {
    const r = tenderSchema.safeParse(handTender({ settings: { aggregation: "monetised-quality" } }));
    expect(r.success).toBe(false);
    const paths = r.success ? [] : r.error.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(["criteria.2.kind", "settings.valuePerQualityPoint"]);
  });
});
