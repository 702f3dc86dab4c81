import { describe, expect, it } from "vitest";
import * as z from "zod";
import {
  carbonExternalityCashFlows,
  carbonFootprint,
  carbonInputSchema,
  carbonValue,
  DESNZ_CARBON_VALUES,
  emissionFactor,
  evaluateSustainabilityGates,
  monetiseCarbon,
  NHS_SUSTAINABILITY_GATES,
  parseCarbonInput,
  safeMonetiseCarbon,
  safeScoreSocialValue,
  scoreSocialValue,
  SOCIAL_VALUE_THEME_SETS,
  UK_GHG_CONVERSION_FACTORS,
} from "../../src/index.js";

// The `@example` blocks of src/sustainability, run as written, so the documentation cannot drift.
describe("sustainability doc comment examples", () => {
  it("reference data", () => {
    expect(UK_GHG_CONVERSION_FACTORS.find((s) => s.year === 2024)?.factors["uk-electricity-generation"]?.kgCO2ePerUnit).toBe("0.20705");
    expect(emissionFactor("uk-electricity-generation", 2025).kgCO2ePerUnit).toBe("0.177");
    expect(emissionFactor("uk-electricity-generation", 2027, { rule: "latest-available" }).setYear).toBe(2025);
    expect(DESNZ_CARBON_VALUES.central["2026"]).toBe("277.22");
    expect(carbonValue(2026).valuePerTonne).toBe("277.22");
    expect(carbonValue(2026, { scenario: "low" }).valuePerTonne).toBe("138.61");
    expect(carbonValue(2026, { scenario: "high" }).valuePerTonne).toBe("415.83");
    expect(SOCIAL_VALUE_THEME_SETS["ppn-06-20"].themes.length).toBe(5);
    expect(SOCIAL_VALUE_THEME_SETS["ppn-002"].themes.map((t) => t.id)[4]).toBe("build-an-nhs-fit-for-the-future");
    expect(NHS_SUSTAINABILITY_GATES.map((g) => g.id)).toEqual(["carbon-reduction-plan", "evergreen-level-1", "net-zero-commitment"]);
  });

  it("carbonFootprint and parseCarbonInput", () => {
    const r = carbonFootprint({
      startYear: 2024,
      horizonYears: 2,
      options: [{ id: "scanner", energy: [{ id: "power", source: "grid electricity", quantity: { perYear: 1000 }, unit: "kWh", factor: { factorId: "uk-electricity-generation" } }] }],
    });
    expect(r.options[0]!.byYear).toEqual([
      { year: 2024, kgCO2e: "207.05" },
      { year: 2025, kgCO2e: "177" },
    ]);
    expect(r.options[0]!.totalKgCO2e).toBe("384.05");
    expect(() => parseCarbonInput({ startYear: 2025, horizonYears: 0, options: [] })).toThrow(/horizonYears: must be ≥ 1/);
  });

  it("monetiseCarbon and carbonExternalityCashFlows", () => {
    expect(monetiseCarbon({ emissions: [{ year: 2026, kgCO2e: 1000 }] }).scenarios.map((s) => s.total.amount)).toEqual(["277.22", "138.61", "415.83"]);
    expect(carbonExternalityCashFlows({ emissions: [{ year: 2026, kgCO2e: 1000 }] }, "high")[0]!.amount.amount).toBe("415.83");
    expect(carbonExternalityCashFlows({ emissions: [{ year: 2026, kgCO2e: 1000 }] })[0]!.amount).toEqual({ amount: "277.22", currency: "GBP" });
    expect(safeMonetiseCarbon({ emissions: [{ year: 2101, kgCO2e: 1 }] }).success).toBe(false);
  });

  it("scoreSocialValue and evaluateSustainabilityGates", () => {
    const r = scoreSocialValue({
      themes: [{ themeId: "fighting-climate-change", weight: 10, metrics: [{ id: "cut", label: "Scope 1–2 cut by 2030", unit: "%", benchmark: 50 }] }],
      commitments: [
        { id: "c1", themeId: "fighting-climate-change", metricId: "cut", description: "Cut 40% by 2030", target: 40, unit: "%", evidence: [{ kind: "carbon reduction plan", reference: "https://supplier.example/crp.pdf" }] },
      ],
    });
    expect(r.themes[0]!.metrics[0]!.attainment).toBe("0.8");
    expect(r.total).toBe("8");
    expect(safeScoreSocialValue({ themes: [{ themeId: "no-such-theme", weight: 1, metrics: [] }], commitments: [] }).success).toBe(false);
    const g = evaluateSustainabilityGates({ supplierId: "acme", documents: { "carbon-reduction-plan": { published: true } }, assessments: { evergreen: 0 } }, NHS_SUSTAINABILITY_GATES);
    expect(g.gates.map((x) => x.pass)).toEqual([true, false, false]);
  });

  it("the input schema yields a JSON Schema with a description on every property", () => {
    const js = z.toJSONSchema(carbonInputSchema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (node === null || typeof node !== "object") return;
      const n = node as Record<string, unknown>;
      if (n["properties"] !== undefined) {
        for (const [k, v] of Object.entries(n["properties"] as Record<string, Record<string, unknown>>)) {
          if (typeof v["description"] !== "string") missing.push(`${path}.${k}`);
          walk(v, `${path}.${k}`);
        }
      }
      for (const key of ["items", "anyOf", "oneOf", "allOf"]) {
        const c = n[key];
        if (Array.isArray(c)) c.forEach((x, i) => walk(x, `${path}.${key}[${i}]`));
        else if (c !== undefined) walk(c, `${path}.${key}`);
      }
      if (n["additionalProperties"] !== undefined) walk(n["additionalProperties"], `${path}.*`);
    };
    walk(js, "$");
    expect(missing).toEqual([]);
  });
});
