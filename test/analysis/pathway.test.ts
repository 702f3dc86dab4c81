import { describe, expect, it } from "vitest";
import { ceaOptionsFromPathway, costComparisonTable, healthTechOptionsFromPathway, incrementalAnalysisOfPathway } from "../../src/analysis/index.js";
import type { OptionResult, OutcomeTotals, PathwayResult } from "../../src/pathway/types.js";
import { issueLines } from "../_helpers/thrown.js";

function totals(cost: string, qalys: string, ssi: string, byCategory: Record<string, string>): OutcomeTotals {
  return {
    costs: { discounted: cost, undiscounted: `${cost}0`, byCategory: Object.fromEntries(Object.entries(byCategory).map(([k, v]) => [k, { discounted: v, undiscounted: v }])) },
    qalys: { discounted: qalys, undiscounted: "9" },
    lifeYears: { discounted: "10", undiscounted: "11" },
    events: { ssi },
    carbonKg: "12.5",
  };
}

function option(id: string, cost: string, qalys: string, ssi: string, byCategory: Record<string, string>, population = false): OptionResult {
  const perPatient = totals(cost, qalys, ssi, byCategory);
  return {
    optionId: id,
    label: id.toUpperCase(),
    isComparator: id === "usual",
    perPatient,
    ...(population ? { population: { ...totals(`${cost}000`, `${qalys}000`, "42", byCategory), patients: "1000", years: 1 } } : {}),
    traces: [],
    ledger: [],
  };
}

const result: PathwayResult = {
  modelId: "ssi-model",
  currency: "GBP",
  comparatorId: "usual",
  discounting: { costs: "nice-3.5", health: "nice-3.5", timing: { position: "start", compounding: "annual" } },
  options: [
    option("usual", "1000", "5", "0.04", { "bed-days": "900", treatment: "100" }),
    option("dressing", "1200", "5.01", "0.02", { "bed-days": "1000", device: "200" }),
  ],
};

describe("pathway adapters", () => {
  it("read per-patient discounted cost and QALYs by default, or events avoided", () => {
    expect(ceaOptionsFromPathway(result)).toEqual([
      { id: "usual", label: "USUAL", cost: "1000", effect: "5" },
      { id: "dressing", label: "DRESSING", cost: "1200", effect: "5.01" },
    ]);
    expect(ceaOptionsFromPathway(result, { effect: { event: "ssi" }, discounted: false }).map((o) => [o.cost, o.effect])).toEqual([
      ["10000", "-0.04"],
      ["12000", "-0.02"],
    ]);
    // ICER: 200 / 0.01 = 20000 per QALY.
    expect(incrementalAnalysisOfPathway(result).frontierIcers).toEqual(["20000"]);
    // Per infection avoided: 200 / 0.02 = 10000.
    expect(incrementalAnalysisOfPathway(result, { effect: { event: "ssi" } }).frontierIcers).toEqual(["10000"]);
  });

  it("feed the HealthTech tables with costs by category and every outcome", () => {
    const options = healthTechOptionsFromPathway(result);
    expect(options[1]?.outcomes).toEqual([
      { outcome: "qalys", value: "5.01" },
      { outcome: "life-years", value: "10" },
      { outcome: "event:ssi", value: "0.02" },
      { outcome: "carbon-kg", value: "12.5" },
    ]);
    const t = costComparisonTable({ currency: "GBP", comparator: result.comparatorId, population: 100, options });
    expect(t.rows[1]).toMatchObject({ incrementalPerPatient: "200", incrementalPopulation: "20000", direction: "cost-incurring" });
  });

  it("say when population totals are asked for but absent, or an event is unknown", () => {
    expect(issueLines(() => ceaOptionsFromPathway(result, { basis: "population" }))).toEqual([
      'not_computable result.options[0].population: option "usual" has no population totals (the model states no patient volumes); use basis "perPatient"',
    ]);
    expect(issueLines(() => ceaOptionsFromPathway(result, { effect: { event: "vte" } }))).toEqual([
      'unknown_reference reading.effect.event: option "usual" reports no event "vte" (reported: ssi)',
    ]);
    const withPopulation: PathwayResult = { ...result, options: [option("usual", "1", "1", "0", { a: "1" }, true)] };
    expect(ceaOptionsFromPathway(withPopulation, { basis: "population" })).toEqual([{ id: "usual", label: "USUAL", cost: "1000", effect: "1000" }]);
  });
});
