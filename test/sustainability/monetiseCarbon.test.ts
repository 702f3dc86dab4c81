import { describe, expect, expectTypeOf, it } from "vitest";
import { formatIssue } from "../../src/errors/index.js";
import { DISCOUNT_SCHEDULES } from "../../src/time/index.js";
import { carbonExternalityCashFlows, carbonFootprint, monetiseCarbon, safeMonetiseCarbon } from "../../src/sustainability/index.js";

function problems(input: unknown): string[] {
  const r = safeMonetiseCarbon(input);
  return r.success ? [] : r.error.issues.map(formatIssue);
}

describe("monetiseCarbon", () => {
  it("1 tCO2e in 2026 → £277.22 central, £138.61 low, £415.83 high (2022 prices)", () => {
    const m = monetiseCarbon({ emissions: [{ year: 2026, kgCO2e: 1000 }] });
    expect(m).toMatchObject({ seriesId: "desnz-carbon-values-2023", priceYear: "2022", currency: "GBP", treatment: "externality", totalKgCO2e: "1000" });
    expect(m.scenarios.map((s) => [s.scenario, s.total.amount])).toEqual([
      ["central", "277.22"],
      ["low", "138.61"],
      ["high", "415.83"],
    ]);
    expect(m.scenarios[0]!.lines[0]).toMatchObject({ year: 2026, kgCO2e: "1000", valuePerTonne: { amount: "277.22", currency: "GBP" }, amount: { amount: "277.22", currency: "GBP" } });
    expect(m.scenarios[0]!.totalPresentValue).toBeUndefined();
  });

  it("values each year's emissions at that year's carbon value and sums exactly", () => {
    // 500 kg in 2024 × 268.97/t = 134.485; 2,000 kg in 2030 × 294.50/t = 589; total 723.485
    const m = monetiseCarbon({ emissions: [{ year: 2024, kgCO2e: 500 }, { year: 2030, kgCO2e: "2000" }], scenarios: ["central"] });
    expect(m.scenarios[0]!.lines.map((l) => l.amount.amount)).toEqual(["134.485", "589"]);
    expect(m.scenarios[0]!.total.amount).toBe("723.485");
  });

  it("re-bases to the evaluation's price year with the caller's index and records it", () => {
    const priceIndex = { id: "deflator", label: "Illustrative GDP deflator", values: { "2022": "100", "2025": "108.5" } };
    const m = monetiseCarbon({ emissions: [{ year: 2026, kgCO2e: 1000 }], scenarios: ["central"], priceYear: "2025", priceIndex });
    // 277.22 × 108.5 / 100 = 300.7837
    expect(m.scenarios[0]!.total.amount).toBe("300.7837");
    expect(m.priceYear).toBe("2025");
    expect(m.assumptions).toEqual(['carbon values re-based from 2022 to 2025 prices with index "deflator" (ratio 1.085)']);
  });

  it("discounts with a src/time schedule: year 0 undiscounted, year 1 at 1/1.035 (NICE convention)", () => {
    const m = monetiseCarbon({
      emissions: [{ year: 2025, kgCO2e: 1000 }, { year: 2026, kgCO2e: 1000 }],
      scenarios: ["central"],
      discount: { schedule: DISCOUNT_SCHEDULES["nice-3.5"], baseYear: 2025 },
    });
    const [a, b] = m.scenarios[0]!.lines;
    expect(a!.discountFactor).toBe("1");
    expect(a!.presentValue!.amount).toBe("273.06");
    // 277.22 / 1.035 = 267.84541062801932367149758454106…, held at 20 places
    expect(b!.presentValue!.amount).toBe("267.8454106280193236715");
    expect(m.scenarios[0]!.totalPresentValue!.amount).toBe("540.9054106280193236715");
    expect(m.discountScheduleId).toBe("nice-3.5");
  });

  it("turns a carbon footprint's byYear into externality cash-flow lines for whole-life cost", () => {
    const fp = carbonFootprint({ startYear: 2024, horizonYears: 2, options: [{ id: "a", energy: [{ id: "p", quantity: { perYear: 1000 }, unit: "kWh", factor: { factorId: "uk-electricity-generation" } }] }] });
    const lines = carbonExternalityCashFlows({ emissions: fp.options[0]!.byYear });
    // 207.05 kg × 268.97/1000 = 55.6902385; 177 kg × 273.06/1000 = 48.33162
    expect(lines.map((l) => [l.year, l.kgCO2e, l.valuePerTonne.amount, l.amount.amount])).toEqual([
      [2024, "207.05", "268.97", "55.6902385"],
      [2025, "177", "273.06", "48.33162"],
    ]);
    expect(lines[0]!.source.publisher).toContain("DESNZ");
    expect(lines[0]!.label).toBe("Carbon externality 2024 (central)");
    expect(carbonExternalityCashFlows({ emissions: [{ year: 2026, kgCO2e: 1000 }] }, "low")[0]!.amount.amount).toBe("138.61");
  });

  it("avoided emissions (negative kg) monetise to a negative amount", () => {
    expect(monetiseCarbon({ emissions: [{ year: 2026, kgCO2e: -1000 }], scenarios: ["central"] }).scenarios[0]!.total.amount).toBe("-277.22");
  });

  it("errors name the path: year outside the series, duplicate years, missing index, bad schedule", () => {
    expect(problems({ emissions: [{ year: 2051, kgCO2e: 1 }] })).toEqual([
      'emissions[0].year: no carbon value for 2051 in "desnz-carbon-values-2023" (it covers 2020–2050); set rule.outsideData to "hold-nearest" or supply your own series',
    ]);
    expect(problems({ emissions: [{ year: 2026, kgCO2e: 1 }, { year: 2026, kgCO2e: 2 }] })).toEqual(["emissions[1].year: years must be unique, got 2026 twice"]);
    expect(problems({ emissions: [{ year: 2026, kgCO2e: 1 }], priceYear: "2025" })[0]).toMatch(/^emissions\[0\]\.priceIndex: carbon values are in 2022 prices/);
    expect(problems({ emissions: [{ year: 2026, kgCO2e: 1 }], discount: { schedule: { id: "x", label: "x", steps: [{ fromYear: 5, rate: 0.03 }] }, baseYear: 2025 } })).toEqual([
      "discount.schedule.steps[0].fromYear: the first step must start at year 0, got 5",
    ]);
    expect(monetiseCarbon({ emissions: [{ year: 2051, kgCO2e: 1000 }], rule: { outsideData: "hold-nearest" }, scenarios: ["central"] }).assumptions[0]).toContain("held at the 2050 value");
  });
});

describe("monetiseCarbon: caller carbon values", () => {
  it("a caller series replaces DESNZ and is recorded by id; results are plain JSON types", () => {
    const carbonValues = {
      id: "board-policy-2025",
      label: "Board carbon price",
      currency: "GBP",
      priceYear: "2025",
      central: { "2026": "100", "2027": "110" },
      lowMultiplier: "0.8",
      highMultiplier: "1.2",
      source: { publisher: "Example Trust", title: "Board paper 12/2025", publishedOn: "2025-12-01" },
    };
    const m = monetiseCarbon({ emissions: [{ year: 2026, kgCO2e: 500 }, { year: 2027, kgCO2e: 500 }], carbonValues });
    expect(m.seriesId).toBe("board-policy-2025");
    expect(m.priceYear).toBe("2025");
    // 0.5 t × 100 + 0.5 t × 110 = 105; low × 0.8 = 84; high × 1.2 = 126
    expect(m.scenarios.map((s) => s.total.amount)).toEqual(["105", "84", "126"]);
    expect(m.scenarios[0]!.lines[0]!.source.publisher).toBe("Example Trust");
    expectTypeOf(m.scenarios[0]!.lines[0]!.amount.amount).toEqualTypeOf<string>();
    expectTypeOf(m.totalKgCO2e).toEqualTypeOf<string>();
  });
});
