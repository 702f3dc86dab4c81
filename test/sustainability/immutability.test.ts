import { describe, expect, it } from "vitest";
import {
  carbonExternalityCashFlows,
  carbonFootprint,
  evaluateSustainabilityGates,
  monetiseCarbon,
  NHS_SUSTAINABILITY_GATES,
  scoreSocialValue,
} from "../../src/sustainability/index.js";
import { DISCOUNT_SCHEDULES } from "../../src/time/index.js";

// Frozen inputs make any write by the library throw (ES modules run in strict mode); the JSON comparison
// catches anything else.
function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe("sustainability functions never mutate their input, and results are plain JSON", () => {
  it("carbonFootprint, monetiseCarbon, carbonExternalityCashFlows, scoreSocialValue, evaluateSustainabilityGates", () => {
    const source = { publisher: "Trust", title: "Local factor", publishedOn: "2025-01-01" };
    const carbon = deepFreeze({
      startYear: 2025,
      horizonYears: 3,
      factorYearRule: "latest-available" as const,
      factors: [{ factorId: "uk-electricity-generation", year: 2025, kgCO2ePerUnit: "0.15", unit: "kWh", source }],
      options: [{ id: "a", usesPerYear: 10, energy: [{ id: "p", quantity: { perUse: 2 }, unit: "kWh", factor: { factorId: "uk-electricity-generation" } }], embodied: [{ id: "d", quantity: { once: 1 }, serviceLifeYears: 2, unit: "unit", factor: { kgCO2ePerUnit: 40, source } }] }],
    });
    const money = deepFreeze({ emissions: [{ year: 2025, kgCO2e: "100" }, { year: 2026, kgCO2e: 50 }], priceYear: "2025", priceIndex: { id: "ix", label: "Index", values: { "2022": 100, "2025": 110 } }, discount: { schedule: DISCOUNT_SCHEDULES["green-book"], baseYear: 2025 } });
    const social = deepFreeze({ themes: [{ themeId: "wellbeing", weight: 5, metrics: [{ id: "m", label: "Hours", unit: "h", benchmark: 10 }] }], commitments: [{ id: "c", themeId: "wellbeing", metricId: "m", description: "x", target: 5, unit: "h", evidence: [{ kind: "report", reference: "r" }] }] });
    const evidence = deepFreeze({ supplierId: "s", documents: { "carbon-reduction-plan": { published: true } }, assessments: { evergreen: 1 } });
    const before = JSON.stringify([carbon, money, social, evidence]);

    const results = [
      carbonFootprint(carbon),
      monetiseCarbon(money),
      carbonExternalityCashFlows(money),
      scoreSocialValue(social),
      evaluateSustainabilityGates(evidence, NHS_SUSTAINABILITY_GATES),
    ];
    expect(JSON.stringify([carbon, money, social, evidence])).toBe(before);
    for (const r of results) expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    // 2025: 20 kWh × 0.15 (override) + 40 (device) = 43; 2026: 20 × 0.15 (latest-available) = 3; 2027: 3 + 40 (replacement) = 43
    expect((results[0] as ReturnType<typeof carbonFootprint>).options[0]!.byYear.map((y) => y.kgCO2e)).toEqual(["43", "3", "43"]);
  });
});
