import { Decimal } from "decimal.js";
import { beforeAll, describe, expect, it } from "vitest";
import { runModel as runModelOn, type MarkovModel, type PathwayModel, type WithinCycleMethod } from "../../src/index.js";

const D = Decimal.clone({ precision: 60 });
const d = (s: string | number) => new D(s);
// Ledger lines are held at 20 decimal places, so totals of non-terminating values agree to ~1e-19.
// The exact engine agrees to ~1e-19; the Float64 engine to 1e-12 relative (the parity bound).
let engine: "exact" | "float64" = "exact";
const close = (a: string, expected: Decimal | string | number) => {
  const b = new D(expected);
  const tol = engine === "exact" ? d("1e-18") : b.abs().times("1e-12").plus("1e-15");
  expect(d(a).minus(b).abs().lte(tol), `${engine}: ${a} vs ${b.toString()}`).toBe(true);
};
const runModel = (m: PathwayModel) => runModelOn(m, { engine });

/** Alive → Dead with per-cycle probability p; alive costs 100 a cycle, utility 0.5. */
function twoState(patch: Partial<MarkovModel> = {}, model: Partial<PathwayModel> = {}): PathwayModel {
  return {
    id: "two",
    markov: [
      {
        id: "m",
        cycleLengthYears: 1,
        horizonYears: 2,
        states: [
          { id: "alive", utility: "0.5", items: [{ id: "care", category: "staff", quantity: 1, unitCost: 100 }] },
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

const ly = (m: PathwayModel) => runModel(m).options[0]!.perPatient.lifeYears.undiscounted;

for (const e of ["exact", "float64"] as const) {
describe(`${e} engine`, () => {
  beforeAll(() => {
    engine = e;
  });
  describe("within-cycle corrections (Elbasha & Chhatwal 2016), alive S = 1, 0.5, 0.25, 0.125", () => {
    // Hand computations with S_k = 0.5^k (k = 0…N), each cycle 1 year:
    const cases: [WithinCycleMethod, number, string][] = [
      ["none", 2, "0.75"], // S1 + S2
      ["start", 2, "1.5"], // S0 + S1
      ["trapezoid", 2, "1.125"], // ½S0 + S1 + ½S2
      ["half-cycle", 2, "1.125"], // (S1 + S2) + ½S0 − ½S2
      ["simpson", 2, "1.0833333333333333333333333333333333333333333333333"], // (S0 + 4S1 + S2)/3 = 3.25/3
      ["simpson-3/8", 3, "1.265625"], // 3/8 rule: 3/8 (S0 + 3S1 + 3S2 + S3) = 3/8 × 3.375
      ["simpson", 4, "1.3541666666666666666666666666666666666666666666667"], // (S0 + 4S1 + 2S2 + 4S3 + S4)/3 = 4.0625/3
      ["simpson-3/8", 5, "1.3997395833333333333333333333333333333333333333333"], // (S0+4S1+S2)/3 + 3/8(S2+3S3+3S4+S5) = 3.25/3 + 3/8 × 0.84375 = 1075/768
    ];
    for (const [method, horizon, expected] of cases) {
      it(`${method}, ${horizon} cycles: ${expected}`, () => {
        close(ly(twoState({ withinCycle: method, horizonYears: horizon })), expected);
      });
    }

    it("QALYs are utility × cycle length × the corrected occupancy", () => {
      const r = runModel(twoState({ withinCycle: "trapezoid", cycleLengthYears: "0.5", horizonYears: 1 })).options[0]!;
      // S = 1, 0.5, 0.25 per half-year: LY = 0.5 × 1.125; QALY = 0.5 × LY; cost = 100 × 1.125 (per cycle)
      close(r.perPatient.lifeYears.undiscounted, "0.5625");
      close(r.perPatient.qalys.undiscounted, "0.28125");
      close(r.perPatient.costs.undiscounted, "112.5");
    });
  });

  describe("transitions", () => {
    it("turns an annual rate into a cycle probability p = 1 − e^(−r·L)", () => {
      const m = twoState({ cycleLengthYears: "0.5", horizonYears: "0.5", transitions: [{ from: "alive", to: "dead", rate: "0.2" }, { from: "alive", to: "alive", probability: "rest" }] });
      const tr = runModel(m).options[0]!.traces[0]!;
      close(tr.occupancy[1]![1]!, d(1).minus(d(-0.1).exp()));
    });

    it("applies a hazard ratio to a probability as 1 − (1 − p)^HR and to a rate as r·HR", () => {
      const base = twoState({ horizonYears: 1 });
      const withHr: PathwayModel = { ...base, options: [{ id: "c", isComparator: true }, { id: "hr", effects: [{ op: "hazardRatio", target: { markov: "m", from: "alive", to: "dead" }, value: "0.5" }] }] };
      const r = runModel(withHr).options[1]!.traces[0]!;
      close(r.occupancy[1]![1]!, d(1).minus(d("0.5").pow("0.5"))); // 1 − √0.5
      const rated = twoState({ horizonYears: 1, transitions: [{ from: "alive", to: "dead", rate: "0.3" }, { from: "alive", to: "alive", probability: "rest" }] });
      const r2 = runModel({ ...rated, options: [{ id: "c", isComparator: true }, { id: "hr", effects: [{ op: "hazardRatio", target: { markov: "m", from: "alive", to: "dead" }, value: "0.5" }] }] });
      close(r2.options[1]!.traces[0]!.occupancy[1]![1]!, d(1).minus(d(-0.15).exp()));
    });

    it("reads age-dependent mortality from a life table: q at floor(age), 1 − (1 − q)^L per cycle", () => {
      const m = twoState(
        { startAge: 60, cycleLengthYears: "0.5", horizonYears: "1.5", transitions: [{ from: "alive", to: "dead", probability: { lifeTable: "lt" } }, { from: "alive", to: "alive", probability: "rest" }] },
        { lifeTables: [{ id: "lt", rows: [{ age: 60, q: "0.1" }, { age: 61, q: "0.2" }] }] },
      );
      const tr = runModel(m).options[0]!.traces[0]!;
      // ages 60, 60.5 (q 0.1), 61 (q 0.2): S1 = 0.9^0.5, S2 = 0.9, S3 = 0.9 × 0.8^0.5
      close(tr.occupancy[1]![0]!, d("0.9").sqrt());
      close(tr.occupancy[2]![0]!, "0.9");
      close(tr.occupancy[3]![0]!, d("0.9").times(d("0.8").sqrt()));
    });

    it("evaluates time-dependent values by cycle, age and expression", () => {
      const m = twoState({
        horizonYears: 3,
        transitions: [
          { from: "alive", to: "dead", probability: { byCycle: [{ fromCycle: 1, value: "0.1" }, { fromCycle: 3, value: { expr: "0.05 * cycle" } }] } },
          { from: "alive", to: "alive", probability: "rest" },
        ],
      });
      const tr = runModel(m).options[0]!.traces[0]!;
      close(tr.occupancy[3]![0]!, d("0.9").times("0.9").times("0.85"));
    });

    it("counts one-off entry costs and QALY decrements on the inflow (no tunnel state needed)", () => {
      const m = twoState({
        horizonYears: 2,
        states: [
          { id: "alive", utility: "0.5" },
          { id: "dead", dead: true, onEntry: { items: [{ id: "funeral", category: "other", quantity: 1, unitCost: 1000 }], qalys: "-0.1", events: [{ name: "death", count: 1 }] } },
        ],
      });
      const r = runModel(m).options[0]!;
      // inflow to dead: 0.5 in cycle 1, 0.25 in cycle 2
      close(r.perPatient.costs.undiscounted, "750");
      close(r.perPatient.qalys.undiscounted, d("0.75").times("0.5").minus("0.075")); // 0.375 − 0.075
      expect(r.perPatient.events).toEqual({ death: "0.75" });
    });

    it("discounts cycle n at the start of the cycle by default (NICE: year 1 undiscounted)", () => {
      const { discounting: _none, ...m } = twoState({ horizonYears: 2 });
      const r = runModel(m).options[0]!;
      // costs: cycle 1 occupancy 0.5 at t = 0, cycle 2 occupancy 0.25 at t = 1 → 50 + 25/1.035
      close(r.perPatient.costs.discounted, d(50).plus(d(25).div("1.035")));
      const end = runModel({ ...m, discounting: { timing: { position: "end", compounding: "annual" } } }).options[0]!;
      close(end.perPatient.costs.discounted, d(50).div("1.035").plus(d(25).div(d("1.035").pow(2))));
      // a stepped schedule from src/time (Green Book) is applied exactly too
      const gb = runModel({ ...m, discounting: { costs: "green-book", health: "green-book-health" } }).options[0]!;
      close(gb.perPatient.costs.discounted, d(50).plus(d(25).div("1.035")));
    });

    it("rejects a horizon that is not a whole number of cycles", () => {
      expect(() => runModel(twoState({ cycleLengthYears: "0.25", horizonYears: "1.1" }))).toThrow(/horizonYears: must be a whole number of cycles of 0\.25 years, got 1\.1 years \(4\.4 cycles\)/);
    });
  });
});
}
