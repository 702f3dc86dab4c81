import { describe, expect, it } from "vitest";
import { formatIssue, runModel, safeRunModel, type Effect, type PathwayModel } from "../../src/index.js";

const runIssues = (m: unknown) => {
  const r = safeRunModel(m);
  return r.success ? [] : r.error.issues.map(formatIssue);
};

/** Well (cost 100/cycle, utility 0.8; entry test £50) → Sick (cost 1000, utility 0.5) → Dead, 3 yearly cycles. */
function cohort(effects: Effect[] = [], extra: Partial<PathwayModel> = {}): PathwayModel {
  return {
    id: "cohort",
    parameters: [
      { id: "p_sick", value: "0.2" },
      { id: "rr", value: "0.5" },
      { id: "p_sick_tx", value: { expr: "p_sick * rr" } },
    ],
    markov: [
      {
        id: "m",
        cycleLengthYears: 1,
        horizonYears: 3,
        states: [
          { id: "well", utility: "0.8", items: [{ id: "gp", category: "staff", quantity: 1, unitCost: 100 }] },
          { id: "sick", utility: "0.5", items: [{ id: "drug", category: "drugs", quantity: 1, unitCost: 1000 }], onEntry: { items: [{ id: "test", category: "tests", quantity: 1, unitCost: 50 }], qalys: "-0.05" } },
          { id: "dead", dead: true },
        ],
        transitions: [
          { from: "well", to: "sick", probability: { param: "p_sick" } },
          { from: "well", to: "well", probability: "rest" },
          { from: "sick", to: "dead", probability: "0.1" },
          { from: "sick", to: "sick", probability: "rest" },
        ],
      },
    ],
    options: [{ id: "cmp", isComparator: true }, { id: "x", effects }],
    discounting: { costs: "none", health: "none" },
    ...extra,
  };
}

const x = (m: PathwayModel) => runModel(m).options[1]!;

describe("effects on Markov targets", () => {
  it("replaces a state's resource item", () => {
    const r = x(cohort([{ op: "replaceItem", target: { markov: "m", state: "sick", item: "drug" }, item: { id: "generic", category: "drugs", quantity: 1, unitCost: 400 } }]));
    expect(r.ledger.some((l) => l.itemId === "generic")).toBe(true);
    expect(r.ledger.some((l) => l.itemId === "drug")).toBe(false);
  });

  it("sets a utility for some cycles only; changes entry values", () => {
    const base = runModel(cohort()).options[0]!;
    // well occupancy at the end of cycles 1..3: 0.8, 0.64, 0.512 — utility 0.9 instead of 0.8 in cycle 1 only: +0.1 × 0.8
    const r = x(cohort([{ op: "set", target: { markov: "m", state: "well", field: "utility" }, value: "0.9", cycles: { from: 1, to: 1 } }]));
    expect(Number(r.perPatient.qalys.undiscounted) - Number(base.perPatient.qalys.undiscounted)).toBeCloseTo(0.08, 12);
    // inflow to sick: 0.2, 0.16, 0.128 = 0.488; entry test £50 → £0 saves 24.4; QALY loss −0.05 → 0 adds 0.0244
    const e = x(cohort([
      { op: "set", target: { markov: "m", state: "sick", item: "test", field: "unitCost", onEntry: true }, value: 0 },
      { op: "set", target: { markov: "m", state: "sick", field: "qalys", onEntry: true }, value: 0 },
    ]));
    expect(Number(base.perPatient.costs.undiscounted) - Number(e.perPatient.costs.undiscounted)).toBeCloseTo(24.4, 10);
    expect(Number(e.perPatient.qalys.undiscounted) - Number(base.perPatient.qalys.undiscounted)).toBeCloseTo(0.0244, 12);
  });

  it("an effect on a parameter flows to the values defined from it", () => {
    const m = cohort([{ op: "set", target: { parameter: "p_sick" }, value: { param: "p_sick_tx" } }]);
    // p_sick_tx = 0.2 × 0.5 = 0.1: well after cycle 1 is 0.9
    expect(x(m).traces[0]!.occupancy[1]![0]).toBe("0.9");
    const m2 = cohort([{ op: "multiply", target: { parameter: "rr" }, value: 2 }, { op: "set", target: { parameter: "p_sick" }, value: { expr: "0.2 * 0.25" } }]);
    expect(x(m2).traces[0]!.occupancy[1]![0]).toBe("0.95");
  });

  it("rejects misdirected effects with the path", () => {
    expect(runIssues(cohort([{ op: "set", target: { markov: "m", state: "well", field: "colour" }, value: 1 }]))).toEqual([
      'options[1].effects[0].target.field: a state\'s field must be utility or carbonKgPerCycle, got "colour"',
    ]);
    expect(runIssues(cohort([{ op: "set", target: { markov: "m", state: "well", field: "carbonKgPerCycle" }, value: 1 }]))).toEqual([
      'options[1].effects[0].target.field: state "well" has no carbonKgPerCycle to change',
    ]);
    expect(runIssues(cohort([{ op: "hazardRatio", target: { markov: "m", state: "well", field: "utility" }, value: 1 }]))).toEqual([
      "options[1].effects[0].op: hazardRatio applies to probabilities and rates only",
    ]);
    expect(runIssues(cohort([{ op: "set", target: { markov: "m", from: "well", to: "dead" }, value: 1 }]))).toEqual([
      'options[1].effects[0].target: Markov model "m" has no transition well → dead',
    ]);
    expect(runIssues(cohort([{ op: "set", target: { markov: "m", from: "well", to: "well" }, value: 1 }]))).toEqual([
      'options[1].effects[0].target: the transition well → well is "rest" (the complement); change the other transitions of the row instead',
    ]);
    expect(runIssues(cohort([{ op: "add", target: { markov: "m", state: "sick", item: "drug", field: "quantity" }, value: -2 }]))).toEqual([
      'options[1].effects[0].value: makes the quantity of item "drug" in state "sick" of Markov model "m" -1, which must be ≥ 0 (markov[0].states[1].items[0].quantity)',
    ]);
    expect(runIssues(cohort([{ op: "hazardRatio", target: { markov: "m", from: "well", to: "sick" }, value: -1 }]))).toEqual([
      "options[1].effects[0].value: a hazard ratio must be ≥ 0, got -1",
    ]);
  });
});

describe("model shape rules", () => {
  it("needs a tree or exactly one Markov model", () => {
    expect(runIssues({ id: "x", options: [{ id: "a", isComparator: true }] })).toEqual(["(root): needs a decision tree (tree) or a Markov model (markov)"]);
    const two = cohort();
    expect(runIssues({ ...two, markov: [two.markov![0]!, { ...two.markov![0]!, id: "m2" }] })).toEqual(["markov: without a tree, give exactly one Markov model (the cohort starts in it), got 2"]);
  });

  it("only a leaf may enter a Markov model; cycles need Markov targets; a hazard ratio needs a probability or rate", () => {
    const m: PathwayModel = {
      id: "t",
      tree: { root: "a", nodes: [{ id: "a", branches: [{ to: "b", probability: 1 }], enter: { markov: "zz" } }, { id: "b" }] },
      options: [{ id: "c", isComparator: true }],
    };
    expect(runIssues(m)).toEqual([
      'tree.nodes[0].enter: only a leaf (a node without branches) may enter a Markov model; node "a" has branches',
      'tree.nodes[0].enter.markov: unknown Markov model "zz"',
    ]);
    const n: PathwayModel = {
      id: "t",
      tree: { root: "a", nodes: [{ id: "a", branches: [{ to: "b", probability: "0.5" }, { to: "c", probability: "rest" }] }, { id: "b" }, { id: "c" }] },
      options: [
        { id: "c", isComparator: true },
        { id: "d", effects: [{ op: "multiply", target: { node: "a", branch: "b" }, value: 2, cycles: { from: 1 } }] },
        { id: "e", effects: [{ op: "hazardRatio", target: { node: "a", field: "qalys" }, value: 2 }] },
      ],
    };
    expect(runIssues(n)).toEqual([
      "options[1].effects[0].cycles: cycles apply only to Markov targets",
      "options[2].effects[0].op: hazardRatio applies to probabilities and rates only",
    ]);
  });

  it("volumes: a constant a year for one year by default; extra costs discounted at their time", () => {
    const m: PathwayModel = {
      id: "t",
      tree: { root: "a", nodes: [{ id: "a", items: [{ id: "x", category: "staff", quantity: 1, unitCost: 100 }] }] },
      options: [{ id: "c", isComparator: true, extraCosts: [{ id: "service", amount: "103.5", timeYears: 1 }] }],
      volumes: { patientsPerYear: 10 },
    };
    const r = runModel(m).options[0]!;
    expect(r.perPatient.costs.discounted).toBe("200"); // 100 + 103.5/1.035
    expect(r.perPatient.costs.byCategory.device).toEqual({ discounted: "100", undiscounted: "103.5" });
    expect(r.population).toMatchObject({ patients: "10", years: 1, costs: { discounted: "2000", undiscounted: "2035" } });
  });
});
