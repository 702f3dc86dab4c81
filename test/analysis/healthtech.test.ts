import { describe, expect, it } from "vitest";
import { costComparisonTable, costConsequenceTable, renderCostComparisonMarkdown, renderCostConsequenceMarkdown, type HealthTechOption } from "../../src/analysis/index.js";
import { issueLines } from "../_helpers/thrown.js";

// A dressing that reduces surgical site infections, against usual care (illustrative per-patient figures).
const usual: HealthTechOption = {
  id: "usual",
  label: "Usual care",
  costs: [{ category: "bed-days", amount: "1900" }, { category: "treatment", amount: "310.50" }],
  outcomes: [{ outcome: "ssi", value: "4.0" }, { outcome: "experience", value: "baseline" }],
};
const dressing: HealthTechOption = {
  id: "dressing",
  label: "Dressing | Pro",
  costs: [{ category: "device", amount: "45.25" }, { category: "bed-days", amount: "1600" }, { category: "treatment", amount: "180" }],
  outcomes: [{ outcome: "ssi", value: 2.5 }],
};

describe("costConsequenceTable", () => {
  it("lists costs by category and outcomes side by side, without combining them", () => {
    const t = costConsequenceTable({
      currency: "GBP",
      options: [usual, dressing],
      costCategories: [{ id: "device", label: "Device" }, { id: "bed-days", label: "Bed days" }, { id: "treatment", label: "Treating infections" }],
      outcomes: [{ id: "ssi", label: "Surgical site infections", unit: "per 100 patients" }, { id: "experience", label: "Patient experience" }],
    });
    expect(t.columns).toEqual([{ id: "usual", label: "Usual care" }, { id: "dressing", label: "Dressing | Pro" }]);
    expect(t.costRows).toEqual([
      { category: "device", label: "Device", values: ["0", "45.25"] },
      { category: "bed-days", label: "Bed days", values: ["1900", "1600"] },
      { category: "treatment", label: "Treating infections", values: ["310.5", "180"] },
    ]);
    // 1900 + 310.50 = 2210.5; 45.25 + 1600 + 180 = 1825.25
    expect(t.totalCost).toEqual(["2210.5", "1825.25"]);
    expect(t.outcomeRows).toEqual([
      { outcome: "ssi", label: "Surgical site infections", unit: "per 100 patients", values: ["4.0", "2.5"] },
      { outcome: "experience", label: "Patient experience", values: ["baseline", null] },
    ]);
    expect(renderCostConsequenceMarkdown(t)).toBe(
      [
        "| | Usual care | Dressing \\| Pro |",
        "|---|---:|---:|",
        "| **Costs per patient** | | |",
        "| Device | £0.00 | £45.25 |",
        "| Bed days | £1,900.00 | £1,600.00 |",
        "| Treating infections | £310.50 | £180.00 |",
        "| **Total cost per patient** | **£2,210.50** | **£1,825.25** |",
        "| **Outcomes** | | |",
        "| Surgical site infections (per 100 patients) | 4.0 | 2.5 |",
        "| Patient experience | baseline | not reported |",
        "",
      ].join("\n"),
    );
  });

  it("orders rows by first appearance when no headings are given", () => {
    const t = costConsequenceTable({ currency: "GBP", options: [usual, dressing] });
    expect(t.costRows.map((r) => r.category)).toEqual(["bed-days", "treatment", "device"]);
    expect(t.outcomeRows.map((r) => r.outcome)).toEqual(["ssi", "experience"]);
  });

  it("names the path of each problem", () => {
    expect(
      issueLines(() =>
        costConsequenceTable({
          currency: "GBP",
          options: [usual, { id: "x", costs: [{ category: "a", amount: "abc" }, { category: "a", amount: 1 }] }],
        }),
      ),
    ).toEqual(['invalid_type options[1].costs[0].amount: must be a finite decimal number, got "abc"']);
    expect(issueLines(() => costConsequenceTable({ currency: "GBP", options: [{ id: "x", costs: [{ category: "a", amount: 1 }, { category: "a", amount: 1 }] }] }))).toEqual([
      'duplicate_id options[0].costs[1].category: must be unique, got "a" again',
    ]);
    expect(issueLines(() => costConsequenceTable({ currency: "GBP", options: [usual], costCategories: [{ id: "bed-days" }] }))).toEqual([
      'unknown_reference options[0].costs[1].category: must be one of the ids in costCategories, got "treatment"',
    ]);
  });
});

describe("costComparisonTable", () => {
  it("gives incremental cost per patient and for the population, saving or incurring", () => {
    // dressing: 1825.25 − 2210.5 = −385.25 per patient; × 1200 patients = −462300.
    const t = costComparisonTable({ currency: "GBP", comparator: "usual", population: 1200, options: [usual, dressing, { id: "pricey", costs: [{ category: "device", amount: "2300" }] }] });
    expect(t.rows).toEqual([
      { id: "usual", label: "Usual care", costPerPatient: "2210.5", incrementalPerPatient: "0", incrementalPopulation: "0", direction: "comparator" },
      { id: "dressing", label: "Dressing | Pro", costPerPatient: "1825.25", incrementalPerPatient: "-385.25", incrementalPopulation: "-462300", direction: "cost-saving" },
      { id: "pricey", label: "pricey", costPerPatient: "2300", incrementalPerPatient: "89.5", incrementalPopulation: "107400", direction: "cost-incurring" },
    ]);
    expect(renderCostComparisonMarkdown(t, { decimals: 0 })).toBe(
      [
        "| Option | Cost per patient | Incremental cost per patient | Incremental cost, population of 1200 | Result |",
        "|---|---:|---:|---:|---|",
        "| Usual care | £2,210 | — | — | comparator |",
        "| Dressing \\| Pro | £1,825 | -£385 | -£462,300 | cost-saving |",
        "| pricey | £2,300 | £90 | £107,400 | cost-incurring |",
        "",
      ].join("\n"),
    );
  });

  it("reports an equal-cost option as cost-neutral and rejects bad input", () => {
    const t = costComparisonTable({ currency: "EUR", comparator: "a", population: 0, options: [{ id: "a", costs: [{ category: "x", amount: 5 }] }, { id: "b", costs: [{ category: "y", amount: "5.00" }] }] });
    expect(t.rows[1]?.direction).toBe("cost-neutral");
    expect(issueLines(() => costComparisonTable({ currency: "GBP", comparator: "zz", population: -1, options: [usual] }))).toEqual([
      "too_small population: must be ≥ 0, got -1",
      'unknown_reference comparator: must be the id of one of the options, got "zz"',
    ]);
    expect(issueLines(() => renderCostComparisonMarkdown(t, { decimals: 1.5 }))).toEqual(["invalid_value settings.decimals: must be a whole number from 0 to 20, got 1.5"]);
  });
});
