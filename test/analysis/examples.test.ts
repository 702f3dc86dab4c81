import { describe, expect, it } from "vitest";
import {
  breakEvenParameter,
  breakEvenPrice,
  breakEvenPriceLinear,
  COST_EFFECTIVENESS_THRESHOLDS,
  costComparisonTable,
  costConsequenceTable,
  findRoot,
  incrementalAnalysis,
  netMonetaryBenefit,
  pairwiseComparison,
  renderCostComparisonMarkdown,
  renderCostConsequenceMarkdown,
  thresholdFor,
} from "../../src/analysis/index.js";

// The `@example` blocks of the public doc comments, run as written, so the documentation cannot drift.
describe("doc comment examples", () => {
  it("incrementalAnalysis", () => {
    const r = incrementalAnalysis([
      { id: "A", cost: 1000, effect: "1.0" },
      { id: "B", cost: 3000, effect: "1.1" },
      { id: "C", cost: 4000, effect: "1.3" },
      { id: "D", cost: 5000, effect: "1.2" },
    ]);
    expect(r.frontier).toEqual(["A", "C"]);
    expect(r.frontierIcers).toEqual(["10000"]);
    expect(r.options[1]?.status).toBe("extendedly-dominated");
    expect(incrementalAnalysis([{ id: "A", cost: 1000, effect: 1 }]).frontier).toEqual(["A"]);
  });

  it("pairwiseComparison and netMonetaryBenefit", () => {
    const rows = pairwiseComparison(
      [{ id: "usual", cost: 1000, effect: 5 }, { id: "new", cost: 1500, effect: "5.02" }, { id: "cheap", cost: 900, effect: "4.99" }],
      { comparator: "usual" },
    );
    expect(rows[1]?.icer).toBe("25000");
    expect(rows[2]?.status).toBe("cost-saving, less effective");
    expect(rows[2]?.icer).toBe("10000");
    const r = netMonetaryBenefit([{ id: "usual", cost: 1000, effect: 5 }, { id: "new", cost: 1500, effect: "5.02" }], { thresholds: [20000, 30000], comparator: "usual" });
    expect(r.byThreshold[0]?.best).toEqual(["usual"]);
    expect(r.byThreshold[1]?.options[1]?.incrementalNmb).toBe("100");
    expect(r.byThreshold[1]?.best).toEqual(["new"]);
  });

  it("solvers", () => {
    expect(findRoot((x) => Number(x) ** 2 - 2, { bracket: [0, 2], tolerance: "1e-12" }).root.slice(0, 12)).toBe("1.4142135623");
    const p = breakEvenPrice({ model: (q) => ({ cost: 500 + 3 * Number(q), effect: "1.25" }), alternatives: [{ id: "usual", cost: 1500, effect: "1.2" }], threshold: 30000, bracket: [0, 10000] });
    expect(Number(p.value).toFixed(2)).toBe("833.33");
    expect(breakEvenPriceLinear({ baseCost: 500, units: 2, effect: "1.25", alternatives: [{ id: "usual", cost: 1500, effect: "1.2" }], threshold: 30000 }).value).toBe("1250");
    const g = breakEvenParameter({
      model: (gain) => [{ id: "usual", cost: 1000, effect: 5 }, { id: "new", cost: 1500, effect: 5 + Number(gain) }],
      option: "new",
      comparator: "usual",
      threshold: 25000,
      bracket: [0, 1],
    });
    expect(Number(g.value)).toBe(0.02);
  });

  it("HealthTech tables and renderers", () => {
    const t = costConsequenceTable({
      currency: "GBP",
      options: [
        { id: "usual", costs: [{ category: "bed-days", amount: 1900 }], outcomes: [{ outcome: "ssi", value: "4.0" }] },
        { id: "dressing", costs: [{ category: "device", amount: 45 }, { category: "bed-days", amount: 1600 }], outcomes: [{ outcome: "ssi", value: "2.5" }] },
      ],
    });
    expect(t.costRows.map((r) => r.values)).toEqual([["1900", "1600"], ["0", "45"]]);
    expect(t.totalCost).toEqual(["1900", "1645"]);
    const c = costComparisonTable({
      currency: "GBP",
      comparator: "usual",
      population: 1200,
      options: [
        { id: "usual", costs: [{ category: "bed-days", amount: 1900 }] },
        { id: "dressing", costs: [{ category: "device", amount: 45 }, { category: "bed-days", amount: 1600 }] },
      ],
    });
    expect(c.rows[1]?.incrementalPerPatient).toBe("-255");
    expect(c.rows[1]?.incrementalPopulation).toBe("-306000");
    expect(renderCostConsequenceMarkdown(costConsequenceTable({ currency: "GBP", options: [{ id: "a", costs: [{ category: "device", amount: 10 }] }] }))).toBe(
      "| | a |\n|---|---:|\n| **Costs per patient** | |\n| device | £10.00 |\n| **Total cost per patient** | **£10.00** |\n",
    );
    expect(
      renderCostComparisonMarkdown(costComparisonTable({ currency: "GBP", comparator: "a", population: 10, options: [{ id: "a", costs: [{ category: "x", amount: 5 }] }, { id: "b", costs: [{ category: "x", amount: 3 }] }] })),
    ).toBe(
      "| Option | Cost per patient | Incremental cost per patient | Incremental cost, population of 10 | Result |\n|---|---:|---:|---:|---|\n| a | £5.00 | — | — | comparator |\n| b | £3.00 | -£2.00 | -£20.00 | cost-saving |\n",
    );
  });

  it("thresholds", () => {
    expect(thresholdFor({ jurisdiction: "GB-ENG", programme: "technology-appraisal", on: "2026-06-30" }).lower).toBe("25000");
    expect(thresholdFor({ jurisdiction: "GB-ENG", programme: "healthtech", on: "2026-06-30" }).lower).toBe("20000");
    expect(COST_EFFECTIVENESS_THRESHOLDS.map((t) => `${t.id}: ${t.lower}–${t.upper}`)).toEqual(["nice-2004: 20000–30000", "nice-2026: 25000–35000", "nice-2004-other: 20000–30000"]);
  });
});
