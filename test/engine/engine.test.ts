import { describe, expect, it } from "vitest";
import { compileModel, runModel, safeRunModel, VbpInputError, type MarkovModel, type PathwayModel } from "../../src/index.js";

/** Alive → Dead with per-cycle probability 0.5; alive costs 100 a cycle, utility 1. */
function twoState(patch: Partial<MarkovModel> = {}, model: Partial<PathwayModel> = {}): PathwayModel {
  return {
    id: "two",
    markov: [
      {
        id: "m",
        cycleLengthYears: 1,
        horizonYears: 2,
        states: [
          { id: "alive", utility: 1, items: [{ id: "care", category: "staff", quantity: 1, unitCost: 100 }] },
          { id: "dead", dead: true },
        ],
        transitions: [
          { from: "alive", to: "dead", probability: "0.5" },
          { from: "alive", to: "alive", probability: "rest" },
        ],
        ...patch,
      },
    ],
    options: [{ id: "c", isComparator: true }],
    discounting: { costs: "none", health: "none" },
    ...model,
  };
}
const messages = (f: () => unknown): string[] => {
  try {
    f();
  } catch (e) {
    if (e instanceof VbpInputError) return e.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw e;
  }
  return [];
};

describe("caller-supplied within-cycle weights", () => {
  it("match a hand computation: LY = Σ w_k × alive_k, boundary k discounted at k·L", () => {
    // alive_k = 1, 0.5, 0.25; weights 0.25, 1, 0.75 → 0.25 + 0.5 + 0.1875
    const r = runModel(twoState({ withinCycle: { weights: ["0.25", 1, "0.75"] } }), { engine: "exact" }).options[0]!.perPatient;
    expect(r.lifeYears.undiscounted).toBe("0.9375");
    expect(r.costs.undiscounted).toBe("93.75");
    // discounted at 3.5% from boundary k = 0, 1, 2: 25 + 50/1.035 + 18.75/1.035²
    const d = runModel(twoState({ withinCycle: { weights: ["0.25", 1, "0.75"] } }, { discounting: { costs: "nice-3.5", health: "none" } })).options[0]!.perPatient;
    expect(Number(d.costs.discounted)).toBeCloseTo(25 + 50 / 1.035 + 18.75 / 1.035 ** 2, 10);
  });

  it("as an expression of the boundary (cycle = 0…N) and the cycle count", () => {
    // w = 0.5, 0.75, 1 → 0.5 + 0.375 + 0.25
    const r = runModel(twoState({ withinCycle: { weightsExpr: "0.5 + 0.25 * cycle * 2 / cycles" } })).options[0]!.perPatient;
    expect(Number(r.lifeYears.undiscounted)).toBeCloseTo(1.125, 14);
  });

  it("darthtools' Simpson weights as a named method equal the same weights supplied by hand", () => {
    const N = 7;
    const w = Array.from({ length: N + 1 }, (_, k) => (k === 0 || k === N ? 1 / 3 : k % 2 === 1 ? 2 / 3 : 4 / 3).toString());
    const named = runModel(twoState({ withinCycle: "simpson-darthtools", horizonYears: N })).options[0]!.perPatient;
    const given = runModel(twoState({ withinCycle: { weights: w }, horizonYears: N })).options[0]!.perPatient;
    expect(Number(named.lifeYears.undiscounted)).toBeCloseTo(Number(given.lifeYears.undiscounted), 14);
  });

  it("the wrong number of weights, a negative weight or a bad expression is an error with its path", () => {
    expect(messages(() => runModel(twoState({ withinCycle: { weights: [1, 1] } })))).toEqual(["markov.0.withinCycle.weights: must give one weight per cycle boundary 0…2 (3 weights), got 2"]);
    expect(messages(() => runModel(twoState({ withinCycle: { weights: [1, "-1", 1] } })))).toEqual(["markov.0.withinCycle.weights.1: must be a finite weight ≥ 0, got -1"]);
    expect(messages(() => runModel(twoState({ withinCycle: { weightsExpr: "1 - cycle" } })))[0]).toMatch(/^markov\.0\.withinCycle\.weightsExpr: gives no valid weight ≥ 0 at boundary cycle = 2/);
  });
});

describe("hostile expressions are refused at once with the parameter's path", () => {
  for (const expr of ["exp(1e12)", "10^999999999999", "9^9^9"]) {
    it(`${expr} (constant: refused while compiling)`, () => {
      const model = twoState({}, { parameters: [{ id: "x", value: { expr } }] });
      const issues = messages(() => compileModel(model));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatch(/^parameters\.0\.value\.expr: cannot be evaluated: .*not a finite number/);
    });
  }
  it("exp(x) with x = 1e12 from another parameter: refused when evaluated, on both engines", () => {
    const model = twoState({}, { parameters: [{ id: "big", value: "1e12" }, { id: "x", value: { expr: "exp(big)" } }, { id: "y", value: { expr: "10^big" } }] });
    const compiled = compileModel(model);
    for (const engine of ["float64", "exact"] as const) {
      expect(messages(() => compiled.evaluate({}, { engine }))).toEqual([
        "parameters.1.value: cannot be evaluated: exp() is not a finite number (beyond ±1.8e308)",
      ]);
    }
    expect(messages(() => compiled.evaluate({ big: 2 }))).toEqual([]);
  });
});

describe("bad input", () => {
  it("a horizon at the cycle cap (10,000 cycles) completes", () => {
    const r = runModel(twoState({ cycleLengthYears: "0.01", horizonYears: 100, transitions: [{ from: "alive", to: "dead", rate: "0.05" }, { from: "alive", to: "alive", probability: "rest" }] }), { ledger: false });
    expect(r.options[0]!.traces[0]!.occupancy).toHaveLength(10001);
    expect(messages(() => runModel(twoState({ cycleLengthYears: "0.01", horizonYears: "100.01" })))).toEqual(["markov.0.horizonYears: must be at most 10000 cycles, got 10001"]);
  });

  it("a utility above 1 is an error unless the model allows it", () => {
    const m = twoState({ states: [{ id: "alive", utility: "1.2" }, { id: "dead", dead: true }] });
    expect(messages(() => runModel(m))).toEqual([
      "markov.0.states.0.utility: must be ≤ 1 (full health), got 1.2; set allowUtilityAboveOne: true on the model if a utility above 1 is intended",
    ]);
    expect(runModel({ ...m, allowUtilityAboveOne: true }).options[0]!.perPatient.qalys.undiscounted).toBe("0.9");
  });

  it("a discount rate outside 0–25% a year is an error", () => {
    const schedule = { id: "typo", label: "3.5 typed as a percentage", steps: [{ fromYear: 0, rate: "3.5" }] };
    expect(messages(() => runModel(twoState({}, { discounting: { costs: schedule } })))).toEqual([
      "discounting.costs.steps.0.rate: must be an annual rate between 0 and 0.25 (0% to 25% a year; 0.035 is 3.5%), got 3.5",
    ]);
  });

  it("overrides name known parameters and are finite numbers", () => {
    const compiled = compileModel(twoState({}, { parameters: [{ id: "x", value: 1 }] }));
    expect(messages(() => compiled.evaluate({ nope: 1, x: Number.NaN }))).toEqual(['overrides.nope: unknown parameter "nope"', "overrides.x: must be a finite number, got NaN"]);
  });

  it("never lets NaN or Infinity into a result: value problems come back as issues", () => {
    const m = twoState({}, { parameters: [{ id: "z", value: 0 }] });
    const bad: PathwayModel = { ...m, markov: [{ ...m.markov![0]!, states: [{ id: "alive", utility: { expr: "1 / z" } }, { id: "dead", dead: true }] }] };
    const r = safeRunModel(bad);
    expect(r.success).toBe(false);
  });
});

describe("life tables and look-up tables in expressions", () => {
  it("an mx table gives q = 1 − e^(−m) with lifeTable() and m with lifeTableRate()", () => {
    const m = twoState(
      { startAge: 60, horizonYears: 2, transitions: [{ from: "alive", to: "dead", probability: { expr: "1 - (1 - lifeTable('lt', age)) * exp(-lifeTableRate('lt', age))" } }, { from: "alive", to: "alive", probability: "rest" }] },
      { lifeTables: [{ id: "lt", kind: "mx", fromAge: 60, values: ["0.1", "0.2"] }] },
    );
    const tr = runModel(m).options[0]!.traces[0]!;
    // survival in cycle 1 = e^(−0.1) × e^(−0.1); cycle 2 adds e^(−0.4)
    expect(Number(tr.occupancy[1]![0])).toBeCloseTo(Math.exp(-0.2), 14);
    expect(Number(tr.occupancy[2]![0])).toBeCloseTo(Math.exp(-0.6), 14);
  });

  it("a qx table gives its rate as −ln(1 − q); an age below the first row is an error", () => {
    const m = twoState(
      { startAge: 60, horizonYears: 1, transitions: [{ from: "alive", to: "dead", probability: { expr: "rateToProb(lifeTableRate('lt', age), 1)" } }, { from: "alive", to: "alive", probability: "rest" }] },
      { lifeTables: [{ id: "lt", rows: [{ age: 60, q: "0.1" }] }] },
    );
    expect(Number(runModel(m).options[0]!.traces[0]!.occupancy[1]![0])).toBeCloseTo(0.9, 14);
    const young = { ...m, markov: [{ ...m.markov![0]!, startAge: 50 }] };
    expect(messages(() => runModel(young))[0]).toMatch(/lifeTableRate\("lt", …\) is asked for age 50, below the table's first row \(60\)/);
  });

  it("look-up tables by cycle, and entry values that depend on the cycle", () => {
    const m = twoState(
      {
        horizonYears: 2,
        states: [
          { id: "alive", utility: 1, items: [{ id: "drug", category: "drugs", quantity: { expr: "lookup('dose', cycle)" }, unitCost: 10 }] },
          { id: "dead", dead: true, onEntry: { items: [{ id: "funeral", category: "other", quantity: 1, unitCost: { expr: "1000 * cycle" } }] } },
        ],
      },
      { lookupTables: [{ id: "dose", from: 1, values: [3, 1] }] },
    );
    const r = runModel(m, { engine: "exact" }).options[0]!.perPatient;
    // drug: 0.5 × 3 × 10 + 0.25 × 1 × 10 = 17.5; funeral: 0.5 × 1000 + 0.25 × 2000 = 1000
    expect(r.costs.byCategory).toEqual({ drugs: { discounted: "17.5", undiscounted: "17.5" }, other: { discounted: "1000", undiscounted: "1000" } });
  });
});

describe("decision trees: independent risks and hazard ratios on branches", () => {
  const tree = (effects: NonNullable<PathwayModel["options"][number]["effects"]> = []): PathwayModel => ({
    id: "t",
    tree: {
      root: "surgery",
      nodes: [
        { id: "surgery", items: [{ id: "op", category: "theatre", quantity: 1, unitCost: 1000 }], risks: [{ to: "bleed", probability: "0.1" }, { to: "infection", probability: "0.2" }], branches: [{ to: "home", probability: 1 }] },
        { id: "bleed", items: [{ id: "transfusion", category: "blood", quantity: 1, unitCost: 500 }], events: [{ name: "bleed", count: 1 }] },
        { id: "infection", items: [{ id: "antibiotics", category: "drugs", quantity: 1, unitCost: 200 }], events: [{ name: "infection", count: 1 }] },
        { id: "home", qalys: "0.8" },
      ],
    },
    options: [{ id: "c", isComparator: true }, { id: "d", effects }],
  });

  it("each risk adds its consequences with its own probability, without pass-through chains", () => {
    const r = runModel(tree(), { engine: "exact" }).options[0]!.perPatient;
    expect(r.costs.undiscounted).toBe("1090"); // 1000 + 0.1 × 500 + 0.2 × 200
    expect(r.events).toEqual({ bleed: "0.1", infection: "0.2" });
    expect(r.qalys.undiscounted).toBe("0.8"); // the patient goes on whatever happens
  });

  it("a hazard ratio on a risk or branch probability is 1 − (1 − p)^HR", () => {
    const r = runModel(tree([{ op: "hazardRatio", target: { node: "surgery", branch: "infection" }, value: "0.5" }])).options[1]!.perPatient;
    expect(Number(r.events.infection)).toBeCloseTo(1 - Math.sqrt(0.8), 14);
  });

  it("a risk must lead to a leaf that enters no Markov model", () => {
    const t = tree();
    const bad: PathwayModel = { ...t, tree: { ...t.tree!, nodes: t.tree!.nodes.map((n) => (n.id === "bleed" ? { ...n, branches: [{ to: "home", probability: 1 }] } : n)) } };
    expect(messages(() => runModel(bad))[0]).toMatch(/^tree\.nodes\.0\.risks\.0\.to: a risk must lead to a leaf/);
  });
});

describe("evaluateDraws: many parameter sets at once", () => {
  it("counts the draws that break a rule, with the first one, and keeps their outputs NaN-free", () => {
    const m = twoState({ transitions: [{ from: "alive", to: "dead", probability: { param: "p" } }, { from: "alive", to: "alive", probability: "rest" }] }, { parameters: [{ id: "p", value: "0.5" }] });
    const out = compileModel(m).evaluateDraws({ parameterIds: ["p"], count: 4, values: Float64Array.from([0.5, 1.5, 0.2, -0.1]) });
    expect([...out.valid]).toEqual([1, 0, 1, 0]);
    expect(out.conditions).toEqual([{ code: "invalid_value", path: ["markov", 0, "transitions", 0, "probability"], message: "must be a probability in [0, 1], got 1.5", count: 2, firstDraw: 1 }]);
    const ly = out.options[0]!.lifeYears;
    expect([...ly].every(Number.isFinite)).toBe(true);
    expect(ly[1]).toBe(0);
    expect(ly[0]).toBeCloseTo(0.75, 14);
    expect(ly[2]).toBeCloseTo(0.8 + 0.64, 14);
  });

  it("refuses a malformed matrix", () => {
    const compiled = compileModel(twoState({}, { parameters: [{ id: "p", value: 1 }] }));
    expect(messages(() => compiled.evaluateDraws({ parameterIds: ["q"], count: 2, values: new Float64Array(3) }))).toEqual([
      'parameterIds.0: unknown parameter "q"',
      "values: must hold parameterIds.length × count = 2 values, got 3",
    ]);
  });
});

describe("named within-cycle methods", () => {
  it("the engine's own refusal of an unknown name lists every name of WITHIN_CYCLE_METHODS in its order", async () => {
    const { WITHIN_CYCLE_METHODS } = await import("../../src/index.js");
    const { WITHIN_CYCLE_NAMES } = await import("../../src/engine/compile/withinCycle.js");
    expect(WITHIN_CYCLE_NAMES).toBe(Object.keys(WITHIN_CYCLE_METHODS).join(", "));
    // The schema refuses an unknown name first; the engine's message is its own guard.
    expect(messages(() => runModel(twoState({ withinCycle: "simpsons" as NonNullable<MarkovModel["withinCycle"]> })))).toEqual(['markov.0.withinCycle: does not match any allowed form, got "simpsons"']);
  });
});
