/**
 * Golden test: the Chancellor et al. (1997) HIV model reproduced to the published precision.
 *
 * Source of the published figures: Briggs A, Claxton K, Sculpher M. Decision Modelling for Health Economic
 * Evaluation (OUP 2006), exercise 2.5 (deterministic model; solution spreadsheet), replicating Chancellor JV
 * et al. PharmacoEconomics 1997;12(1):54–66, whose abstract reports the ICER of £6,276 per life year gained
 * (costs discounted at 6%). Monotherapy: 7.991 life years, £44,663; combination: 8.937 life years, £50,602.
 */
import { describe, expect, it } from "vitest";
import { Decimal } from "decimal.js";
import { parsePathwayModel, runModel, type PathwayModel } from "../../src/index.js";
import { chancellorHivModel } from "../../examples/pathway/chancellor-hiv.js";

// A local high-precision Decimal (the library keeps its own isolated clone).
const D = Decimal.clone({ precision: 60 });
const d = (s: string) => new D(s);

describe("Chancellor et al. (1997) HIV model, as in Briggs et al. (2006) exercise 2.5", () => {
  const result = runModel(chancellorHivModel());
  const mono = result.options.find((o) => o.optionId === "mono")!;
  const comb = result.options.find((o) => o.optionId === "comb")!;

  it("reproduces the published life years (3 d.p.) and discounted costs (nearest £)", () => {
    expect(d(mono.perPatient.lifeYears.undiscounted).toFixed(3)).toBe("7.991");
    expect(d(comb.perPatient.lifeYears.undiscounted).toFixed(3)).toBe("8.937");
    expect(d(mono.perPatient.costs.discounted).toFixed(0)).toBe("44663");
    expect(d(comb.perPatient.costs.discounted).toFixed(0)).toBe("50602");
    // Life years are not discounted in the original (0%).
    expect(mono.perPatient.lifeYears.discounted).toBe(mono.perPatient.lifeYears.undiscounted);
  });

  it("reproduces the published ICER of £6,276 per life year gained", () => {
    const icer = d(comb.perPatient.costs.discounted).minus(mono.perPatient.costs.discounted).div(d(comb.perPatient.lifeYears.discounted).minus(mono.perPatient.lifeYears.discounted));
    expect(icer.toFixed(0)).toBe("6276");
  });

  it("starts from the Briggs Table 2.2 transition matrix (3 d.p.) and keeps the cohort whole", () => {
    const row1 = mono.traces[0]!.occupancy[1]!.map((x) => d(x).toFixed(3));
    expect(row1).toEqual(["0.721", "0.202", "0.067", "0.010"]);
    // Combination therapy (RR 0.509) in cycle 1: Briggs Table 2.2 "combination" row A.
    const c1 = comb.traces[0]!.occupancy[1]!.map((x) => d(x).toFixed(3));
    expect(c1).toEqual(["0.858", "0.103", "0.034", "0.005"]);
    // Float64 (the default) keeps the cohort whole to rounding; the exact engine to 50 digits.
    for (const row of mono.traces[0]!.occupancy) expect(row.reduce((a, x) => a.plus(x), d("0")).minus(1).abs().lt("1e-14")).toBe(true);
    const exact = runModel(chancellorHivModel(), { engine: "exact", ledger: false }).options[0]!;
    for (const row of exact.traces[0]!.occupancy) expect(row.reduce((a, x) => a.plus(x), d("0")).minus(1).abs().lt("1e-45")).toBe(true);
    expect(mono.traces[0]!.occupancy).toHaveLength(21);
  });

  it("costs by category sum exactly to the total and the ledger explains it", () => {
    const cats = Object.values(comb.perPatient.costs.byCategory).reduce((a, c) => a.plus(c.discounted), d("0"));
    expect(cats.toString()).toBe(d(comb.perPatient.costs.discounted).toString());
    expect(Object.keys(comb.perPatient.costs.byCategory)).toEqual(["direct-medical", "community-care", "drugs"]);
    // Lamivudine appears in cycles 1 and 2 only.
    const lam = comb.ledger.filter((l) => l.itemId === "lamivudine" && l.undiscounted !== "0");
    expect([...new Set(lam.map((l) => l.cycle))]).toEqual([1, 2]);
    expect(mono.ledger.filter((l) => l.itemId === "lamivudine" && l.undiscounted !== "0")).toEqual([]);
  });

  it("with the trapezoidal correction adds half the first cycle and removes half the last (Elbasha & Chhatwal 2016)", () => {
    const model = chancellorHivModel();
    const trap: PathwayModel = { ...model, markov: model.markov!.map((m) => ({ ...m, withinCycle: "trapezoid" as const })) };
    const r = runModel(trap, { ledger: false });
    const m = r.options[0]!;
    const alive20 = mono.traces[0]!.occupancy[20]!.slice(0, 3).reduce((a, x) => a.plus(x), d("0"));
    // LY_trapezoid = Σ_{k=1..20} alive_k + ½·alive_0 − ½·alive_20 (each cycle one year)
    const expected = d(mono.perPatient.lifeYears.undiscounted).plus("0.5").minus(alive20.div(2));
    expect(d(m.perPatient.lifeYears.undiscounted).minus(expected).abs().lt("1e-12")).toBe(true);
    expect(d(m.perPatient.lifeYears.undiscounted).toFixed(3)).toBe("8.475"); // Briggs ex. 2.5 with half-cycle correction
  });

  it("gives the same figures on the exact (Decimal) engine, to 1e-12 relative", () => {
    const exact = runModel(chancellorHivModel(), { engine: "exact" });
    exact.options.forEach((o, i) => {
      for (const [a, b] of [
        [o.perPatient.costs.discounted, result.options[i]!.perPatient.costs.discounted],
        [o.perPatient.lifeYears.undiscounted, result.options[i]!.perPatient.lifeYears.undiscounted],
      ] as const) expect(d(a).minus(b).abs().div(d(a).abs()).lt("1e-12")).toBe(true);
    });
    expect(d(exact.options[0]!.perPatient.costs.discounted).toFixed(0)).toBe("44663");
  });

  it("is the same model as a JSON document", () => {
    const json = JSON.parse(JSON.stringify(chancellorHivModel())) as unknown;
    expect(runModel(parsePathwayModel(json))).toEqual(result);
  });
});
