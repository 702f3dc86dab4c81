import { Decimal } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runModel, type Effect, type LedgerMeasure, type OptionResult, type PathwayModel, type TreeNode } from "../../src/index.js";

const D = Decimal.clone({ precision: 80 });
const sum = (xs: readonly string[]) => xs.reduce((a, x) => a.plus(x), new D(0));

/** The per-patient total of one measure as reported, and as the sum of the ledger lines. */
function check(o: OptionResult): void {
  const lines = (m: LedgerMeasure) => o.ledger.filter((l) => l.measure === m);
  const eq = (a: Decimal, b: string) => expect(a.eq(b)).toBe(true);
  eq(sum(lines("cost").map((l) => l.discounted)), o.perPatient.costs.discounted);
  eq(sum(lines("cost").map((l) => l.undiscounted)), o.perPatient.costs.undiscounted);
  eq(sum(lines("qalys").map((l) => l.discounted)), o.perPatient.qalys.discounted);
  eq(sum(lines("lifeYears").map((l) => l.discounted)), o.perPatient.lifeYears.discounted);
  eq(sum(lines("carbonKg").map((l) => l.undiscounted)), o.perPatient.carbonKg);
  for (const [name, v] of Object.entries(o.perPatient.events)) eq(sum(lines("event").filter((l) => l.itemId === name).map((l) => l.undiscounted)), v);
  eq(sum(Object.values(o.perPatient.costs.byCategory).map((c) => c.discounted)), o.perPatient.costs.discounted);
  // Every ledger line is held at 20 decimal places and is plain data
  for (const l of o.ledger) {
    expect(l.discounted).toMatch(/^-?\d+(\.\d{1,20})?$/);
    expect(l.undiscounted).toMatch(/^-?\d+(\.\d{1,20})?$/);
  }
}

const decimalArb = (max: number) => fc.integer({ min: 0, max: max * 1000 }).map((n) => (n / 1000).toString());

/** A random tree: node i branches only to later nodes (so no cycles); the last branch of each node is "rest". */
const treeModelArb = fc
  .record({
    n: fc.integer({ min: 2, max: 8 }),
    seed: fc.array(fc.record({ q: decimalArb(10), c: decimalArb(500), qaly: decimalArb(1), t: fc.integer({ min: 0, max: 3 }), cat: fc.constantFrom("staff", "drugs", "bed-days") }), { minLength: 8, maxLength: 8 }),
    probs: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 8, maxLength: 8 }),
    effects: fc.array(fc.record({ node: fc.integer({ min: 0, max: 7 }), factor: decimalArb(1), qf: decimalArb(3) }), { maxLength: 4 }),
  })
  .map(({ n, seed, probs, effects }): PathwayModel => {
    const nodes: TreeNode[] = [];
    for (let i = 0; i < n; i++) {
      const s = seed[i]!;
      const kids = [i + 1, i + 2].filter((k) => k < n);
      nodes.push({
        id: `n${i}`,
        timeYears: s.t,
        items: [{ id: "x", category: s.cat, quantity: s.q, unitCost: s.c, carbonKgPerUnit: "0.5" }],
        qalys: s.qaly,
        events: [{ name: "e", count: 1 }],
        ...(kids.length > 0
          ? { branches: kids.map((k, j) => ({ to: `n${k}`, probability: j === kids.length - 1 ? ("rest" as const) : (probs[i]! / 1000).toString() })) }
          : {}),
      });
    }
    // n0 → n1 always exists; n(i) reachable: every node i ≥ 1 is a child of i − 1.
    const devEffects: Effect[] = effects
      .filter((e) => e.node < n)
      .flatMap((e) => [
        { op: "multiply" as const, target: { node: `n${e.node}`, item: "x", field: "quantity" }, value: e.qf },
        ...(e.node + 2 < n ? [{ op: "multiply" as const, target: { node: `n${e.node}`, branch: `n${e.node + 1}` }, value: e.factor }] : []),
      ]);
    return {
      id: "random",
      parameters: [{ id: "one", value: 1 }],
      tree: { root: "n0", nodes },
      options: [
        { id: "cmp", isComparator: true },
        { id: "dev", effects: devEffects, extraCosts: [{ id: "price", amount: "12.34", timeYears: 1 }] },
        // The same option with a no-op parameter effect: evaluated in full, without reusing the base case.
        { id: "dev-full", effects: [...devEffects, { op: "multiply", target: { parameter: "one" }, value: 1 }], extraCosts: [{ id: "price", amount: "12.34", timeYears: 1 }] },
      ],
      volumes: { patientsPerYear: 100, years: 2 },
    };
  });

describe("invariants (fast-check)", () => {
  it("per-patient totals are the exact sums of their ledger lines; turning the ledger off changes nothing (exact engine) or at most 1e-12 relative (Float64)", () => {
    fc.assert(
      fc.property(treeModelArb, (model) => {
        const r = runModel(model);
        for (const o of r.options) check(o);
        const lean = runModel(model, { ledger: false });
        expect(lean.options.every((o) => o.ledger.length === 0)).toBe(true);
        lean.options.forEach((o, i) => {
          const full = r.options[i]!.perPatient;
          for (const [a, b] of [
            [o.perPatient.costs.discounted, full.costs.discounted],
            [o.perPatient.qalys.discounted, full.qalys.discounted],
            [o.perPatient.carbonKg, full.carbonKg],
          ] as const) expect(new D(a).minus(b).abs().lte(new D(b).abs().times("1e-12").plus("1e-18"))).toBe(true);
        });
        const exact = runModel(model, { engine: "exact" });
        for (const o of exact.options) check(o);
        const exactLean = runModel(model, { engine: "exact", ledger: false });
        expect(exactLean.options.map((o) => o.perPatient)).toEqual(exact.options.map((o) => o.perPatient));
        expect(JSON.parse(JSON.stringify(r))).toEqual(r);
        // Reusing the base case's lines for untouched nodes gives exactly the full evaluation.
        const [, dev, full] = r.options;
        expect(dev!.perPatient).toEqual(full!.perPatient);
        expect(dev!.ledger.map((l) => ({ ...l, optionId: "" }))).toEqual(full!.ledger.map((l) => ({ ...l, optionId: "" })));
      }),
      { numRuns: 40 },
    );
  });

  it("the expected event count equals the probability mass reaching each node (tree expectation, recomputed here)", () => {
    fc.assert(
      fc.property(treeModelArb, (model) => {
        const o = runModel(model, { ledger: false }).options[0]!;
        // Independent recomputation: edges only go forward, so index order is a topological order.
        const nodes = model.tree!.nodes;
        const reach = nodes.map((_, i) => new D(i === 0 ? 1 : 0));
        nodes.forEach((n, i) => {
          const explicit = (n.branches ?? []).filter((b) => b.probability !== "rest").reduce((a, b) => a.plus(b.probability as string), new D(0));
          for (const b of n.branches ?? []) {
            const k = Number(b.to.slice(1));
            reach[k] = reach[k]!.plus(reach[i]!.times(b.probability === "rest" ? new D(1).minus(explicit) : new D(b.probability as string)));
          }
        });
        const expected = reach.reduce((a, x) => a.plus(x), new D(0));
        expect(new D(o.perPatient.events.e!).minus(expected).abs().lt("1e-14")).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it("a Markov trace keeps the cohort whole (rows with a rest entry), for any transition probabilities", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 333 }), { minLength: 2, maxLength: 2 }), { minLength: 3, maxLength: 3 }), fc.constantFrom("none", "trapezoid", "simpson", "simpson-3/8", "simpson-darthtools", "half-cycle", "start"), (rows, method) => {
        const states = ["s0", "s1", "s2"];
        const transitions = rows.flatMap((ps, i) => [
          { from: states[i]!, to: states[i]!, probability: "rest" as const },
          ...ps.map((p, j) => ({ from: states[i]!, to: states[(i + j + 1) % 3]!, probability: (p / 1000).toString() })),
        ]);
        const model: PathwayModel = {
          id: "m",
          markov: [{ id: "m", cycleLengthYears: 1, horizonYears: 6, withinCycle: method, states: states.map((id) => ({ id, utility: "0.5", items: [{ id: "c", category: "staff", quantity: 1, unitCost: 10 }] })), transitions }],
          options: [{ id: "c", isComparator: true }],
        };
        const o = runModel(model).options[0]!;
        for (const row of o.traces[0]!.occupancy) expect(sum(row).minus(1).abs().lt("1e-14")).toBe(true);
        check(o);
        // every state is alive: undiscounted LYs equal the number of cycles for every correction method
        // (darthtools' Simpson weights sum to N − 2/3 for an even N: they do not integrate a constant exactly)
        const expectedLy = method === "simpson-darthtools" ? new D(6).minus(new D(2).div(3)) : new D(6);
        expect(new D(o.perPatient.lifeYears.undiscounted).minus(expectedLy).abs().lt("1e-13")).toBe(true);
        const exact = runModel(model, { engine: "exact" }).options[0]!;
        for (const row of exact.traces[0]!.occupancy) expect(sum(row).minus(1).abs().lt("1e-45")).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
