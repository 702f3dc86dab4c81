/**
 * Re-evaluating a compiled cohort model without a ledger runs the program lowered to typed arrays (the one-draw
 * evaluation). Its results must be the kernel's, bit for bit: every figure, every trace text, and every error
 * (a value that breaks a rule falls back to the kernel, which reports it). Checked on every example (those the
 * lowering does not cover must fall back unchanged) and on property-generated cohort models with overrides
 * (fast-check, fixed seed). `runModel` without a ledger takes the same path and is held to the same figures.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileModel, runModel, type PathwayModel, type PathwayResult } from "../../src/index.js";
import { compileProgram } from "../../src/engine/compile/compileProgram.js";
import { singleRunFromProgram } from "../../src/engine/compileModel.js";
import { evaluateOneDraw, oneDrawPlan } from "../../src/engine/kernel/oneDrawEvaluation.js";
import { population } from "../../src/engine/evaluateProgram.js";
import { markovBenchModel, treeBenchModel } from "../../examples/pathway/bench-models.js";
import { chancellorHivModel } from "../../examples/pathway/chancellor-hiv.js";
import { sickSickerModel } from "../../examples/pathway/sick-sicker.js";
import { strokeHybridModel } from "../../examples/pathway/stroke-hybrid.js";
import { surgicalSiteInfectionModel } from "../../examples/pathway/surgical-site-infection.js";

const json = (path: string): PathwayModel => {
  const { uncertainty, ...model } = JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")) as Record<string, unknown>;
  void uncertainty;
  return model as unknown as PathwayModel;
};

/** The result, or the error's issues. */
function outcome(f: () => PathwayResult): { readonly text: string } | { readonly issues: unknown } {
  try {
    return { text: JSON.stringify(f()) };
  } catch (e) {
    return { issues: (e as { issues?: unknown }).issues ?? String(e) };
  }
}

/**
 * The compiled model's evaluation (one-draw evaluation where it applies) against the kernel's on the same
 * program, with traces on and off; returns whether the lowering covers the model.
 */
function expectSame(model: PathwayModel, overrides: Readonly<Record<string, number>> = {}): boolean {
  const compiled = compileModel(model);
  const program = compileProgram(compiled.model).program!;
  const kernel = singleRunFromProgram(compiled.model, program);
  for (const traces of [true, false]) {
    const fast = outcome(() => compiled.evaluate(overrides, { ledger: false, traces }));
    const slow = outcome(() => kernel.evaluate(overrides, { ledger: false, traces }));
    expect(fast).toEqual(slow);
  }
  // runModel without a ledger (parse, compile and one evaluation per call) gives the same figures or errors.
  if (Object.keys(overrides).length === 0) {
    expect(outcome(() => runModel(JSON.parse(JSON.stringify(model)), { ledger: false }))).toEqual(outcome(() => kernel.evaluate({}, { ledger: false })));
  }
  // Deep equality through the lazily written figures, too.
  try {
    expect(compiled.evaluate(overrides, { ledger: false })).toEqual(kernel.evaluate(overrides, { ledger: false }));
  } catch (e) {
    expect(() => kernel.evaluate(overrides, { ledger: false })).toThrow((e as Error).message);
  }
  const plan = oneDrawPlan(program);
  if (plan === undefined) return false;
  // Where the lowering covers the model and no rule is broken, the figures come from it (not a fallback).
  const slow = outcome(() => kernel.evaluate(overrides, { ledger: false }));
  if ("text" in slow) {
    const index = new Map(program.parameters.map((p) => [p.id, p.index] as const));
    const fixed = new Map(Object.entries(overrides).map(([id, v]) => [index.get(id)!, String(v)] as const));
    const direct = evaluateOneDraw(plan, fixed, true, population);
    expect(direct).toBeDefined();
    expect(JSON.stringify(direct)).toBe(slow.text);
  }
  return true;
}

describe("one-draw evaluation equals the kernel on every example", () => {
  const examples: [string, () => PathwayModel, boolean][] = [
    ["Sick-Sicker", sickSickerModel, true],
    ["Chancellor HIV (an effect for the first cycles only; falls back)", chancellorHivModel, false],
    ["Sick-Sicker, time-dependent (JSON; falls back)", () => json("../../examples/pathway/sick-sicker-age.json"), false],
    ["Sick-Sicker PSA, time-dependent (JSON; falls back)", () => json("../../examples/pathway/sick-sicker-age-psa.json"), false],
    ["chemotherapy side effects (JSON)", () => json("../../examples/pathway/chemotherapy-side-effects-psa.json"), false],
    ["surgical site infection (tree; falls back)", surgicalSiteInfectionModel, false],
    ["surgical site infection (JSON; falls back)", () => json("../../examples/pathway/surgical-site-infection.json"), false],
    ["stroke hybrid (tree and cohort; falls back)", strokeHybridModel, false],
    ["benchmark Markov (age-dependent; falls back)", markovBenchModel, false],
    ["benchmark tree (falls back)", () => treeBenchModel(5), false],
  ];
  for (const [name, make, covered] of examples) {
    it(name, () => {
      const model = make();
      expect(expectSame(model)).toBe(covered);
      // Seeded ±10% changes of every literal parameter.
      let seed = 7;
      const next = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
      const overrides: Record<string, number> = {};
      for (const p of model.parameters ?? []) if (typeof p.value === "number" || typeof p.value === "string") overrides[p.id] = Number(p.value) * (0.9 + 0.2 * next());
      expectSame(model, overrides);
    });
  }

  it("a value that breaks a rule is reported by the kernel, exactly as before", () => {
    const model = sickSickerModel();
    // A utility above 1, and rates whose row sums past 1.
    expect(expectSame(model, { u_S1: 1.5 })).toBe(true);
    expect(expectSame(model, { r_HS1: -0.5 })).toBe(true);
    expect(expectSame(model, { hr_S2: 1e308, r_HD: 10 })).toBe(true);
    expect(() => compileModel(model).evaluate({ u_S1: 1.5 }, { ledger: false })).toThrow(/u_S1|utility|≤ 1/);
    // The same rule broken in the document itself: runModel without a ledger reports it as the kernel does.
    const broken = { ...model, parameters: model.parameters!.map((p) => (p.id === "u_S1" ? { ...p, value: "1.5" } : p)) };
    expect(expectSame(broken)).toBe(true);
    expect(() => runModel(broken, { ledger: false })).toThrow(/utility|≤ 1/);
  });
});

const prob = fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000);
const money = fc.integer({ min: 0, max: 100000 }).map((n) => n / 100);

/**
 * A random cohort model whose values do not change with the cycle: 2–6 states (the last dead), probabilities,
 * rates and expressions, several "rest" rows or rows that sum to 1 exactly, entry costs, QALYs, carbon and
 * events, parameter, hazard-ratio, set and replace effects, extra costs, volumes and any within-cycle method.
 */
const steadyCohortArb = fc
  .record({
    S: fc.integer({ min: 2, max: 6 }),
    N: fc.integer({ min: 1, max: 60 }),
    L: fc.constantFrom("1", "0.5", "0.25", "2"),
    method: fc.constantFrom("none", "start", "half-cycle", "trapezoid", "simpson-3/8", "simpson-darthtools", "simpson"),
    rows: fc.array(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 6, maxLength: 6 }), { minLength: 6, maxLength: 6 }),
    costs: fc.array(money, { minLength: 6, maxLength: 6 }),
    utils: fc.array(prob, { minLength: 6, maxLength: 6 }),
    rate: fc.integer({ min: 0, max: 500 }).map((n) => n / 1000),
    hr: fc.integer({ min: 1, max: 300 }).map((n) => n / 100),
    entryCost: money,
    carbon: fc.option(money, { nil: undefined }),
    closedRow: fc.boolean(),
    volumes: fc.boolean(),
    timing: fc.constantFrom("start", "middle", "end"),
    discount: fc.constantFrom("nice-3.5", "green-book", "none"),
    healthDiscount: fc.constantFrom("same", "nice-1.5"),
  })
  .map(({ S, N, L, method, rows, costs, utils, rate, hr, entryCost, carbon, closedRow, volumes, timing, discount, healthDiscount }): PathwayModel => {
    const ids = Array.from({ length: S }, (_, i) => `s${i}`);
    const transitions: NonNullable<PathwayModel["markov"]>[number]["transitions"][number][] = [];
    for (let r = 0; r < S - 1; r++) {
      // The first row may sum to 1 without "rest" (its own probability the complement, written out).
      const closed = closedRow && r === 0 && S > 2;
      if (!closed) transitions.push({ from: ids[r]!, to: ids[r]!, probability: "rest" });
      for (let j = r + 1; j < S; j++) {
        const p = rows[r]![j - r - 1]! / (1000 * S);
        if (j === S - 1 && r === 0) transitions.push({ from: ids[r]!, to: ids[j]!, rate: { expr: "mu * 1.5" } });
        else transitions.push({ from: ids[r]!, to: ids[j]!, probability: j === 1 ? { expr: `(1 - p_x) * ${p}` } : p.toString() });
      }
    }
    if (closedRow && S > 2) {
      // Row 0 without rest: s0 → s1 takes whatever the others leave, as an expression.
      const others = transitions.filter((t) => t.from === "s0" && t.to !== "s1");
      const rest = others.map((t) => ("rate" in t ? "rateToProb(mu * 1.5, " + L + ")" : typeof t.probability === "string" ? t.probability : "0")).join(" - ");
      const i = transitions.findIndex((t) => t.from === "s0" && t.to === "s1");
      transitions[i] = { from: "s0", to: "s1", probability: { expr: `1 - ${rest}` } };
    }
    const method2 = (method === "simpson-3/8" || method === "simpson") && N < 2 ? "trapezoid" : method === "simpson" && N % 2 === 1 ? "simpson-3/8" : method;
    return {
      id: "gen-steady",
      parameters: [
        { id: "mu", value: rate },
        { id: "hr", value: hr },
        { id: "c0", value: costs[0]! },
        { id: "p_x", value: { expr: "mu / 4" } },
        { id: "u0", value: utils[0]! },
      ],
      markov: [
        {
          id: "m",
          cycleLengthYears: L,
          horizonYears: (Number(L) * N).toString(),
          startAge: 40,
          withinCycle: method2 as "none",
          states: ids.map((id, i) =>
            i === S - 1
              ? { id, dead: true, onEntry: { items: [{ id: "death", category: "care", quantity: 1, unitCost: entryCost }], events: [{ name: "death", count: 1 }] } }
              : {
                  id,
                  utility: i === 0 ? { param: "u0" } : utils[i]!,
                  items: [{ id: "care", category: i === 0 ? "care" : "drugs", quantity: { expr: "1 + mu" }, unitCost: i === 0 ? { param: "c0" } : costs[i]!, ...(carbon !== undefined ? { carbonKgPerUnit: carbon } : {}) }],
                  ...(i === 1 ? { onEntry: { qalys: "-0.01", items: [{ id: "admit", category: "hospital", quantity: 1, unitCost: costs[5]! }], ...(carbon !== undefined ? { carbonKg: carbon / 5 } : {}) } } : {}),
                  ...(carbon !== undefined && i === 0 ? { carbonKgPerCycle: carbon / 10 } : {}),
                },
          ),
          transitions,
        },
      ],
      options: [
        { id: "cmp", isComparator: true },
        { id: "hr", effects: [{ op: "hazardRatio", target: { markov: "m", from: "s0", to: ids[S - 1]! }, value: { param: "hr" } }], extraCosts: [{ id: "price", category: "device", amount: "123.45", timeYears: 1, ...(carbon !== undefined ? { carbonKg: 2.5 } : {}) }] },
        { id: "par", effects: [{ op: "multiply", target: { parameter: "c0" }, value: "0.9" }, { op: "add", target: { parameter: "mu" }, value: "0.001" }] },
        { id: "set", effects: [{ op: "set", target: { markov: "m", state: "s0", field: "utility" }, value: { expr: "min(1, u0 + 0.05)" } }] },
      ],
      discounting: { costs: discount, health: healthDiscount === "same" ? discount : healthDiscount, timing: { position: timing as "start", compounding: "annual" } },
      ...(volumes ? { volumes: { patientsPerYear: 250, years: 3 } } : {}),
    } as PathwayModel;
  });

describe("one-draw evaluation equals the kernel on generated cohort models (fast-check, fixed seed)", () => {
  it("bit for bit, with and without traces, base case and overrides (some breaking a rule)", () => {
    let covered = 0;
    let runs = 0;
    fc.assert(
      fc.property(steadyCohortArb, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: -50, max: 200 }), (model, hr, c0) => {
        runs++;
        if (expectSame(model)) covered++;
        // Overrides, some out of range (a negative cost, a hazard ratio past any row's room).
        expectSame(model, { hr: hr / 100, c0: c0 * 10 });
      }),
      { numRuns: 40, seed: 20261202 },
    );
    // Generated models are the lowering's own kind: nearly every one must take the one-draw path.
    expect(covered).toBeGreaterThan(runs * 0.9);
  });
});
