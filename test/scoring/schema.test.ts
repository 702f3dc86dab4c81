import { describe, expect, it } from "vitest";
import * as z from "zod";
import { checkWeightPolicy, globalWeights, makeTenderSchema, parseTender, PRICE_FORMULAS, scoreTender, tenderJsonSchema, tenderSchema, type PriceFormula } from "../../src/scoring/index.js";
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

describe("doc examples", () => {
  it("scoreTender", () => {
    const result = scoreTender({
      criteria: [
        { id: "quality", label: "Quality", kind: "qualitative", weight: "60", scale: "0-5" },
        { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
      ],
      options: [
        { id: "A", supplier: "Acme", label: "Pump A", price: "10000" },
        { id: "B", supplier: "Beta", label: "Pump B", price: "8000" },
      ],
      evaluatorScores: [
        { criterionId: "quality", optionId: "A", evaluatorId: "E1", level: "4", reason: "Strong training plan" },
        { criterionId: "quality", optionId: "B", evaluatorId: "E1", level: "3", reason: "Adequate" },
      ],
    });
    expect(result.lots[0]?.options.map((o) => [o.optionId, o.total])).toEqual([
      ["A", "80"],
      ["B", "76"],
    ]);
  });
  it("globalWeights and checkWeightPolicy", () => {
    expect(
      globalWeights([
        { id: "q", label: "Quality", kind: "group", weight: "60", children: [
          { id: "q1", label: "Q1", kind: "qualitative", weight: "25", scale: "0-5" },
          { id: "q2", label: "Q2", kind: "qualitative", weight: "75", scale: "0-5" },
        ] },
        { id: "p", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
      ]).map((w) => [w.id, w.globalWeight]),
    ).toEqual([["q", "60"], ["q1", "15"], ["q2", "45"], ["p", "40"]]);
    expect(
      checkWeightPolicy([
        { id: "wlc", label: "Whole-life cost", kind: "price", weight: "55", tag: "whole-life-cost", formula: { formula: "relative-to-lowest" } },
        { id: "sv", label: "Social value", kind: "qualitative", weight: "45", tag: "social-value", scale: "0-5" },
      ], "nhs-vbp-2026").map((i) => i.message),
    ).toEqual([
      "weight across the five value domains (social value; efficiency; patient and staff; supply chain; purpose) 45% is below the NHS VBP minimum of 60% (sv 45%)",
      "whole-life cost weight 55% exceeds the NHS VBP maximum of 40%",
    ]);
  });
});
