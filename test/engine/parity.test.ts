/**
 * The two engines (Float64, the default; Decimal, the audit engine) run the same compiled program: held to
 * 1e-12 relative on every worked example and on property-generated models (fixed seed).
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileModel, runModel, type PathwayModel, type PathwayResult } from "../../src/index.js";
import { chancellorHivModel } from "../../examples/pathway/chancellor-hiv.js";
import { sickSickerModel } from "../../examples/pathway/sick-sicker.js";
import { strokeHybridModel } from "../../examples/pathway/stroke-hybrid.js";
import { surgicalSiteInfectionModel } from "../../examples/pathway/surgical-site-infection.js";
import { markovBenchModel, treeBenchModel } from "../../examples/pathway/bench-models.js";

const json = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")) as PathwayModel;

/** Every per-patient figure of both results within 1e-12 relative (absolute 1e-12 near zero). */
function expectParity(a: PathwayResult, b: PathwayResult): void {
  const near = (x: string, y: string, what: string) => {
    const u = Number(x);
    const v = Number(y);
    expect(Number.isFinite(u) && Number.isFinite(v), what).toBe(true);
    expect(Math.abs(u - v) <= 1e-12 * Math.max(Math.abs(u), Math.abs(v), 1), `${what}: ${x} vs ${y}`).toBe(true);
  };
  expect(a.options.map((o) => o.optionId)).toEqual(b.options.map((o) => o.optionId));
  a.options.forEach((o, i) => {
    const p = o.perPatient;
    const q = b.options[i]!.perPatient;
    near(p.costs.discounted, q.costs.discounted, `${o.optionId} cost`);
    near(p.costs.undiscounted, q.costs.undiscounted, `${o.optionId} undiscounted cost`);
    near(p.qalys.discounted, q.qalys.discounted, `${o.optionId} QALYs`);
    near(p.lifeYears.discounted, q.lifeYears.discounted, `${o.optionId} life years`);
    near(p.carbonKg, q.carbonKg, `${o.optionId} carbon`);
    expect(Object.keys(p.events)).toEqual(Object.keys(q.events));
    for (const k of Object.keys(p.events)) near(p.events[k]!, q.events[k]!, `${o.optionId} event ${k}`);
    for (const k of Object.keys(p.costs.byCategory)) near(p.costs.byCategory[k]!.discounted, q.costs.byCategory[k]!.discounted, `${o.optionId} ${k}`);
    o.traces.forEach((t, ti) => t.occupancy.forEach((row, k) => row.forEach((x, s) => near(x, b.options[i]!.traces[ti]!.occupancy[k]![s]!, `${o.optionId} trace ${k},${s}`))));
  });
}

describe("engine parity on every example", () => {
  const examples: [string, () => PathwayModel][] = [
    ["Chancellor HIV", chancellorHivModel],
    ["surgical site infection", surgicalSiteInfectionModel],
    ["surgical site infection (JSON)", () => json("../../examples/pathway/surgical-site-infection.json")],
    ["stroke hybrid", strokeHybridModel],
    ["Sick-Sicker", sickSickerModel],
    ["Sick-Sicker, time-dependent (JSON)", () => json("../../examples/pathway/sick-sicker-age.json")],
    ["benchmark Markov", markovBenchModel],
    ["benchmark tree (20 options)", () => treeBenchModel(20)],
  ];
  for (const [name, make] of examples) {
    it(name, () => {
      const model = make();
      expectParity(runModel(model), runModel(model, { engine: "exact" }));
    });
  }
});

const prob = fc.integer({ min: 0, max: 1000 }).map((n) => (n / 1000).toString());
const money = fc.integer({ min: 0, max: 100000 }).map((n) => (n / 100).toString());

/** A random cohort model: 2–5 states, the last dead; rates, probabilities and expressions; effects; any method. */
const cohortArb = fc
  .record({
    S: fc.integer({ min: 2, max: 5 }),
    N: fc.integer({ min: 1, max: 40 }),
    L: fc.constantFrom("1", "0.5", "0.25"),
    method: fc.constantFrom("none", "start", "half-cycle", "trapezoid", "simpson-3/8", "simpson-darthtools"),
    rows: fc.array(fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 5, maxLength: 5 }), { minLength: 5, maxLength: 5 }),
    costs: fc.array(money, { minLength: 5, maxLength: 5 }),
    utils: fc.array(prob, { minLength: 5, maxLength: 5 }),
    rate: fc.integer({ min: 0, max: 500 }).map((n) => (n / 1000).toString()),
    hr: fc.integer({ min: 1, max: 300 }).map((n) => (n / 100).toString()),
    entryCost: money,
    timing: fc.constantFrom("start", "middle", "end"),
    discount: fc.constantFrom("nice-3.5", "green-book", "none"),
  })
  .map(({ S, N, L, method, rows, costs, utils, rate, hr, entryCost, timing, discount }): PathwayModel => {
    const ids = Array.from({ length: S }, (_, i) => `s${i}`);
    const transitions: NonNullable<PathwayModel["markov"]>[number]["transitions"][number][] = [];
    for (let r = 0; r < S - 1; r++) {
      transitions.push({ from: ids[r]!, to: ids[r]!, probability: "rest" });
      for (let j = r + 1; j < S; j++) {
        const p = rows[r]![j - r - 1]! / (1000 * S);
        if (j === S - 1 && r === 0) transitions.push({ from: ids[r]!, to: ids[j]!, rate: { expr: `mu * (1 + 0.01 * cycle)` } });
        else transitions.push({ from: ids[r]!, to: ids[j]!, probability: p.toString() });
      }
    }
    const method2 = method === "simpson-3/8" && N < 2 ? "trapezoid" : method;
    return {
      id: "gen",
      parameters: [
        { id: "mu", value: rate },
        { id: "hr", value: hr },
        { id: "c0", value: costs[0]! },
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
              ? { id, dead: true, onEntry: { items: [{ id: "death", category: "care", quantity: 1, unitCost: entryCost }] } }
              : { id, utility: utils[i]!, items: [{ id: "care", category: i === 0 ? "care" : "drugs", quantity: { expr: "1 + 0.01 * cycle" }, unitCost: i === 0 ? { param: "c0" } : costs[i]! }] },
          ),
          transitions,
        },
      ],
      options: [
        { id: "cmp", isComparator: true },
        { id: "hr", effects: [{ op: "hazardRatio", target: { markov: "m", from: "s0", to: ids[S - 1]! }, value: { param: "hr" } }], extraCosts: [{ id: "price", amount: "123.45", timeYears: 1 }] },
        { id: "par", effects: [{ op: "multiply", target: { parameter: "c0" }, value: "0.9" }] },
      ],
      discounting: { costs: discount, health: discount, timing: { position: timing as "start", compounding: "annual" } },
    };
  });

/** A random tree: node i branches to later nodes (last branch "rest"), with independent risks, effects and times. */
const treeArb = fc
  .record({
    n: fc.integer({ min: 2, max: 9 }),
    probs: fc.array(prob, { minLength: 9, maxLength: 9 }),
    costs: fc.array(money, { minLength: 9, maxLength: 9 }),
    times: fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 9, maxLength: 9 }),
    risk: prob,
    hr: fc.integer({ min: 0, max: 300 }).map((x) => (x / 100).toString()),
    rr: fc.integer({ min: 0, max: 100 }).map((x) => (x / 100).toString()),
  })
  .map(({ n, probs, costs, times, risk, hr, rr }): PathwayModel => ({
    id: "gen-tree",
    parameters: [{ id: "p_risk", value: risk }, { id: "hr", value: hr }],
    tree: {
      root: "n0",
      nodes: [
        ...Array.from({ length: n }, (_, i) => {
          const kids = [i + 1, i + 2].filter((k) => k < n);
          return {
            id: `n${i}`,
            timeYears: times[i]! / 10,
            items: [{ id: "x", category: i % 2 === 0 ? "staff" : "drugs", quantity: 1, unitCost: costs[i]! }],
            qalys: { expr: `${probs[i]} / 10` },
            events: [{ name: "e", count: 1 }],
            ...(i === 0 ? { risks: [{ to: "adverse", probability: { param: "p_risk" } }] } : {}),
            ...(kids.length > 0 ? { branches: kids.map((k, j) => ({ to: `n${k}`, probability: j === kids.length - 1 ? ("rest" as const) : (Number(probs[i]) / 2).toString() })) } : {}),
          };
        }),
        { id: "adverse", items: [{ id: "care", category: "staff", quantity: 2, unitCost: 150 }], qalys: "-0.01", events: [{ name: "adverse", count: 1 }] },
      ],
    },
    options: [
      { id: "cmp", isComparator: true },
      { id: "hr", effects: [{ op: "hazardRatio", target: { node: "n0", branch: "adverse" }, value: { param: "hr" } }] },
      { id: "rr", effects: n > 2 ? [{ op: "multiply", target: { node: "n0", branch: "n1" }, value: rr }] : [], extraCosts: [{ id: "price", amount: "99.99", timeYears: 2 }] },
    ],
    volumes: { patientsPerYear: 100, years: 3 },
  }));

describe("engine parity on generated trees (fast-check, fixed seed)", () => {
  it("Float64 and Decimal agree to 1e-12 relative on every figure (risks, hazard ratios, discounting, volumes)", () => {
    fc.assert(
      fc.property(treeArb, (model) => {
        const compiled = compileModel(model);
        expectParity(compiled.evaluate(), compiled.evaluate({}, { engine: "exact" }));
      }),
      { numRuns: 60, seed: 42 },
    );
  });
});

describe("engine parity on generated cohort models (fast-check, fixed seed)", () => {
  it("Float64 and Decimal agree to 1e-12 relative on every figure", () => {
    fc.assert(
      fc.property(cohortArb, (model) => {
        const compiled = compileModel(model);
        expectParity(compiled.evaluate(), compiled.evaluate({}, { engine: "exact" }));
      }),
      { numRuns: 40, seed: 20261201 },
    );
  });

  it("evaluateDraws gives per draw what evaluate gives with the same overrides", () => {
    fc.assert(
      fc.property(cohortArb, fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 3, maxLength: 3 }), (model, hs) => {
        const compiled = compileModel(model);
        const values = Float64Array.from(hs.map((h) => h / 100));
        const draws = compiled.evaluateDraws({ parameterIds: ["hr"], count: values.length, values });
        expect(draws.conditions).toEqual([]);
        values.forEach((v, d) => {
          const one = compiled.evaluate({ hr: v }, { ledger: false });
          draws.options.forEach((o, i) => {
            const c = Number(one.options[i]!.perPatient.costs.discounted);
            const q = Number(one.options[i]!.perPatient.qalys.discounted);
            expect(Math.abs(o.costs[d]! - c)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(c)));
            expect(Math.abs(o.qalys[d]! - q)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(q)));
          });
        });
      }),
      { numRuns: 20, seed: 7 },
    );
  });
});
