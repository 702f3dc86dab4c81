/**
 * Golden test: a published time-dependent cohort model with age-specific background mortality from a life
 * table, reproduced to its printed precision.
 *
 * Source: Alarid-Escudero F, Krijkamp E, Enns EA, Yang A, Hunink MGM, Pechlivanoglou P, Jalal H. "A Tutorial
 * on Time-Dependent Cohort State-Transition Models in R Using a Cost-Effectiveness Analysis Example".
 * Med Decis Making 2023;43(1):21–41, Table 4 (simulation-time-dependent Sick-Sicker model): costs (US$) and
 * QALYs per person, incremental costs and QALYs, ICERs. Inputs: the paper's Table 3 and the authors' code
 * (github.com/DARTH-git/cohort-modeling-tutorial-timedep, MIT licence), US 2015 all-cause mortality rates
 * for ages 25–99. The model here is our own JSON document (examples/pathway/sick-sicker-age.json, 94 lines;
 * the authors' deterministic R script is 239 lines of code without comments and blank lines).
 *
 * Printed (Table 4): Standard of care 116,374 / 18.879; Strategy B 202,536 / 20.199 (+86,162, +1.320, ICER
 * 65,288); Strategy AB 296,300 / 21.097 (+93,764, +0.898, ICER 104,461); Strategy A 218,789 / 19.636
 * (dominated).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runModel, type PathwayResult } from "../../src/index.js";

const model = JSON.parse(readFileSync(new URL("../../examples/pathway/sick-sicker-age.json", import.meta.url), "utf8")) as unknown;

function figures(r: PathwayResult) {
  const by = (id: string) => r.options.find((o) => o.optionId === id)!.perPatient;
  const cost = (id: string) => Number(by(id).costs.discounted);
  const qaly = (id: string) => Number(by(id).qalys.discounted);
  return { cost, qaly };
}

describe("Alarid-Escudero et al. (2023), time-dependent Sick-Sicker model, Table 4", () => {
  for (const engine of ["float64", "exact"] as const) {
    it(`reproduces the printed costs (nearest $) and QALYs (3 d.p.) on the ${engine} engine`, () => {
      const { cost, qaly } = figures(runModel(model, { engine, ledger: false }));
      expect(Math.round(cost("SoC"))).toBe(116374);
      expect(qaly("SoC").toFixed(3)).toBe("18.879");
      expect(Math.round(cost("A"))).toBe(218789);
      expect(qaly("A").toFixed(3)).toBe("19.636");
      expect(Math.round(cost("B"))).toBe(202536);
      expect(qaly("B").toFixed(3)).toBe("20.199");
      expect(Math.round(cost("AB"))).toBe(296300);
      expect(qaly("AB").toFixed(3)).toBe("21.097");
    });
  }

  it("reproduces the printed increments and ICERs along the frontier (SoC → B → AB; A dominated by B)", () => {
    const { cost, qaly } = figures(runModel(model, { ledger: false }));
    expect(Math.round(cost("B") - cost("SoC"))).toBe(86162);
    expect((qaly("B") - qaly("SoC")).toFixed(3)).toBe("1.320");
    expect(Math.round((cost("B") - cost("SoC")) / (qaly("B") - qaly("SoC")))).toBe(65288);
    expect(Math.round(cost("AB") - cost("B"))).toBe(93764);
    expect((qaly("AB") - qaly("B")).toFixed(3)).toBe("0.898");
    expect(Math.round((cost("AB") - cost("B")) / (qaly("AB") - qaly("B")))).toBe(104461);
    expect(cost("A") > cost("B") && qaly("A") < qaly("B")).toBe(true);
  });

  it("reads background mortality by age from the mx table: the first cycle uses age 25", () => {
    const r = runModel(model, { ledger: false });
    const m1 = r.options[0]!.traces[0]!.occupancy[1]!.map(Number);
    const pHD = 1 - Math.exp(-0.001014);
    // H → D in cycle 1 is the age-25 probability; H → S1 is conditional on surviving.
    expect(m1[3]).toBeCloseTo(pHD, 15);
    expect(m1[1]).toBeCloseTo((1 - pHD) * (1 - Math.exp(-0.15)), 15);
  });
});
