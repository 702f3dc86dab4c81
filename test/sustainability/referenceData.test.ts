import { describe, expect, it } from "vitest";
import { VbpInputError } from "../../src/errors/index.js";
import { carbonValue, DESNZ_CARBON_VALUES, emissionFactor, UK_GHG_CONVERSION_FACTORS, type CarbonValueSeries } from "../../src/sustainability/index.js";

function issuesOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof VbpInputError) return e.issues;
    throw e;
  }
  throw new Error("expected a VbpInputError");
}

describe("UK GHG conversion factors (DESNZ), the set for the year of activity", () => {
  it("returns the published grid electricity factor for each set year", () => {
    // DESNZ condensed sets, UK electricity generation kgCO2e/kWh.
    expect(emissionFactor("uk-electricity-generation", 2022).kgCO2ePerUnit).toBe("0.19338");
    expect(emissionFactor("uk-electricity-generation", 2023).kgCO2ePerUnit).toBe("0.20707");
    expect(emissionFactor("uk-electricity-generation", 2024).kgCO2ePerUnit).toBe("0.20705");
    const f2025 = emissionFactor("uk-electricity-generation", 2025);
    expect(f2025).toMatchObject({ kgCO2ePerUnit: "0.177", unit: "kWh", setYear: 2025, setId: "desnz-2025", rule: "exact" });
    expect(f2025.source.publishedOn).toBe("2025-06-10");
    expect(f2025.assumption).toBeUndefined();
  });

  it("ships T&D, natural gas and water factors with their set years", () => {
    expect(emissionFactor("uk-electricity-td-losses", 2023).kgCO2ePerUnit).toBe("0.01792");
    expect(emissionFactor("natural-gas-kwh-gross", 2022).kgCO2ePerUnit).toBe("0.18254");
    expect(emissionFactor("water-supply", 2025)).toMatchObject({ kgCO2ePerUnit: "0.17088", unit: "m³" });
  });

  it("every bundled set is frozen and cites a source", () => {
    expect(Object.isFrozen(UK_GHG_CONVERSION_FACTORS)).toBe(true);
    for (const s of UK_GHG_CONVERSION_FACTORS) {
      expect(Object.isFrozen(s.factors)).toBe(true);
      expect(s.source.publisher).toMatch(/(DESNZ|BEIS)/);
      expect(s.source.validFrom).toBe(`${s.year}-01-01`);
    }
  });

  it("a year outside the data is an error unless a rule is set, and the rule's choice is recorded", () => {
    const issues = issuesOf(() => emissionFactor("uk-electricity-generation", 2027));
    expect(issues[0]).toMatchObject({ code: "unknown_reference", path: ["factorId"] });
    expect(issues[0]!.message).toContain("no \"uk-electricity-generation\" factor for 2027");
    const latest = emissionFactor("uk-electricity-generation", 2027, { rule: "latest-available" });
    expect(latest).toMatchObject({ setYear: 2025, kgCO2ePerUnit: "0.177", rule: "latest-available" });
    expect(latest.assumption).toContain("used the 2025 set");
    // Before the first set there is nothing "latest" to use.
    expect(() => emissionFactor("uk-electricity-generation", 2020, { rule: "latest-available" })).toThrow(VbpInputError);
    expect(emissionFactor("uk-electricity-generation", 2020, { rule: "nearest" }).setYear).toBe(2022);
    // T&D only 2022–2023: 2025 falls back to 2023 under latest-available.
    expect(emissionFactor("uk-electricity-td-losses", 2025, { rule: "latest-available" }).setYear).toBe(2023);
  });

  it("an unknown factor id names the known ids", () => {
    const issues = issuesOf(() => emissionFactor("uk-electricity", 2024, { path: ["options", 0] }));
    expect(issues[0]!.path).toEqual(["options", 0, "factorId"]);
    expect(issues[0]!.message).toContain("uk-electricity-generation");
  });
});

describe("DESNZ carbon values for appraisal (£/tCO2e, 2022 prices)", () => {
  it("central series at the published years", () => {
    const published: [number, string][] = [
      [2024, "268.97"],
      [2025, "273.06"],
      [2026, "277.22"],
      [2030, "294.5"],
      [2040, "342.55"],
      [2050, "397.54"],
    ];
    for (const [year, v] of published) expect(carbonValue(year).valuePerTonne).toBe(v);
    expect(Object.keys(DESNZ_CARBON_VALUES.central)).toHaveLength(31);
  });

  it("low = 0.5 × central, high = 1.5 × central", () => {
    // 277.22 × 0.5 = 138.61; 277.22 × 1.5 = 415.83
    expect(carbonValue(2026, { scenario: "low" }).valuePerTonne).toBe("138.61");
    expect(carbonValue(2026, { scenario: "high" }).valuePerTonne).toBe("415.83");
    // 268.97 × 0.5 = 134.485 (the published low column rounds to 134.48; see the source note)
    expect(carbonValue(2024, { scenario: "low" }).valuePerTonne).toBe("134.485");
  });

  it("re-bases from 2022 prices with a caller index: value × index[to] / index[2022]", () => {
    const index = { id: "gdp-deflator-illustrative", label: "Illustrative deflator", values: { "2022": "100", "2025": "110" } };
    const v = carbonValue(2026, { priceYear: "2025", priceIndex: index });
    // 277.22 × 110 / 100 = 304.942
    expect(v).toMatchObject({ valuePerTonne: "304.942", seriesValuePerTonne: "277.22", rebaseRatio: "1.1", priceYear: "2025", seriesPriceYear: "2022" });
    expect(v.assumptions[0]).toContain("re-based from 2022 to 2025");
    const issues = issuesOf(() => carbonValue(2026, { priceYear: "2025" }));
    expect(issues[0]).toMatchObject({ code: "invalid_value", path: ["priceIndex"] });
    const missing = issuesOf(() => carbonValue(2026, { priceYear: "2024", priceIndex: index }));
    expect(missing[0]!.message).toContain('price year "2024" is not in index');
  });

  it("years outside the series are an error unless the caller sets a rule", () => {
    expect(issuesOf(() => carbonValue(2051))[0]!.message).toContain("covers 2020–2050");
    const held = carbonValue(2051, { rule: { outsideData: "hold-nearest" } });
    expect(held.valuePerTonne).toBe("397.54");
    expect(held.assumptions[0]).toContain("held at the 2050 value");
  });

  it("interpolates a caller series linearly between published years only when asked, with a note", () => {
    const sparse: CarbonValueSeries = {
      ...DESNZ_CARBON_VALUES,
      id: "sparse",
      central: { "2026": "277.22", "2030": "294.50" },
    };
    expect(() => carbonValue(2028, { series: sparse })).toThrow(/gap in the series/);
    const v = carbonValue(2028, { series: sparse, rule: { gaps: "interpolate-linear" } });
    // 277.22 + (294.50 − 277.22) × 2/4 = 285.86
    expect(v.valuePerTonne).toBe("285.86");
    expect(v.assumptions[0]).toContain("linear interpolation between 2026");
  });
});
