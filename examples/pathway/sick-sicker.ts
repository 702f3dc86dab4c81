/**
 * The Sick-Sicker cohort model with four strategies (time-independent version), after Alarid-Escudero F et
 * al., "An Introductory Tutorial on Cohort State-Transition Models in R Using a Cost-Effectiveness Analysis
 * Example", Med Decis Making 2023;43(1):3–20 (DARTH; inputs from its Table 2). 4 states (Healthy, Sick,
 * Sicker, Dead), 75 yearly cycles from age 25, 16 parameters (rates turned into probabilities, hazard
 * ratios, state costs and utilities), 3% discounting, darthtools' Simpson weights.
 *
 * Used by the benchmark (bench/engine.bench.ts) as the size of model of the standard tutorials, next to a
 * hand-written Float64Array loop of the same arithmetic.
 */
import type { PathwayModel } from "../../src/index.js";

/** Base-case inputs (DARTH Sick-Sicker, Table 2). */
export const SICK_SICKER_INPUTS: Readonly<Record<"r_HD" | "r_HS1" | "r_S1H" | "r_S1S2" | "hr_S1" | "hr_S2" | "hr_S1S2_trtB" | "c_H" | "c_S1" | "c_S2" | "c_trtA" | "c_trtB" | "u_H" | "u_S1" | "u_S2" | "u_trtA", number>> = Object.freeze({
  r_HD: 0.002,
  r_HS1: 0.15,
  r_S1H: 0.5,
  r_S1S2: 0.105,
  hr_S1: 3,
  hr_S2: 10,
  hr_S1S2_trtB: 0.6,
  c_H: 2000,
  c_S1: 4000,
  c_S2: 15000,
  c_trtA: 12000,
  c_trtB: 13000,
  u_H: 1,
  u_S1: 0.75,
  u_S2: 0.5,
  u_trtA: 0.95,
});

/** The Sick-Sicker model as a pathway model document. */
export function sickSickerModel(): PathwayModel {
  const p = (id: string, value: string | number) => ({ id, value });
  return {
    id: "sick-sicker",
    label: "Sick-Sicker cohort model (DARTH tutorial, time-independent)",
    parameters: [
      ...Object.entries(SICK_SICKER_INPUTS).map(([k, v]) => p(k, v)),
      p("p_HD", { expr: "rateToProb(r_HD, 1)" } as never),
      p("p_S1D", { expr: "rateToProb(r_HD * hr_S1, 1)" } as never),
      p("p_S2D", { expr: "rateToProb(r_HD * hr_S2, 1)" } as never),
      p("p_HS1", { expr: "rateToProb(r_HS1, 1)" } as never),
      p("p_S1H", { expr: "rateToProb(r_S1H, 1)" } as never),
      p("p_S1S2", { expr: "rateToProb(r_S1S2, 1)" } as never),
    ],
    markov: [
      {
        id: "ss",
        cycleLengthYears: 1,
        horizonYears: 75,
        startAge: 25,
        withinCycle: "simpson-darthtools",
        states: [
          { id: "H", utility: { param: "u_H" }, items: [{ id: "care", category: "care", quantity: 1, unitCost: { param: "c_H" } }] },
          { id: "S1", utility: { param: "u_S1" }, items: [{ id: "care", category: "care", quantity: 1, unitCost: { param: "c_S1" } }, { id: "trt", category: "treatment", quantity: 0, unitCost: 0 }] },
          { id: "S2", utility: { param: "u_S2" }, items: [{ id: "care", category: "care", quantity: 1, unitCost: { param: "c_S2" } }, { id: "trt", category: "treatment", quantity: 0, unitCost: 0 }] },
          { id: "D", dead: true },
        ],
        transitions: [
          { from: "H", to: "S1", probability: { expr: "(1 - p_HD) * p_HS1" } },
          { from: "H", to: "D", probability: { param: "p_HD" } },
          { from: "H", to: "H", probability: "rest" },
          { from: "S1", to: "H", probability: { expr: "(1 - p_S1D) * p_S1H" } },
          { from: "S1", to: "S2", probability: { expr: "(1 - p_S1D) * p_S1S2" } },
          { from: "S1", to: "D", probability: { param: "p_S1D" } },
          { from: "S1", to: "S1", probability: "rest" },
          { from: "S2", to: "D", probability: { param: "p_S2D" } },
          { from: "S2", to: "S2", probability: "rest" },
        ],
      },
    ],
    options: [
      { id: "SoC", isComparator: true },
      {
        id: "A",
        effects: [
          { op: "set", target: { markov: "ss", state: "S1", field: "utility" }, value: { param: "u_trtA" } },
          { op: "set", target: { markov: "ss", state: "S1", item: "trt", field: "quantity" }, value: 1 },
          { op: "set", target: { markov: "ss", state: "S1", item: "trt", field: "unitCost" }, value: { param: "c_trtA" } },
          { op: "set", target: { markov: "ss", state: "S2", item: "trt", field: "quantity" }, value: 1 },
          { op: "set", target: { markov: "ss", state: "S2", item: "trt", field: "unitCost" }, value: { param: "c_trtA" } },
        ],
      },
      {
        id: "B",
        effects: [
          { op: "multiply", target: { parameter: "r_S1S2" }, value: { param: "hr_S1S2_trtB" } },
          { op: "set", target: { markov: "ss", state: "S1", item: "trt", field: "quantity" }, value: 1 },
          { op: "set", target: { markov: "ss", state: "S1", item: "trt", field: "unitCost" }, value: { param: "c_trtB" } },
          { op: "set", target: { markov: "ss", state: "S2", item: "trt", field: "quantity" }, value: 1 },
          { op: "set", target: { markov: "ss", state: "S2", item: "trt", field: "unitCost" }, value: { param: "c_trtB" } },
        ],
      },
      {
        id: "AB",
        effects: [
          { op: "set", target: { markov: "ss", state: "S1", field: "utility" }, value: { param: "u_trtA" } },
          { op: "multiply", target: { parameter: "r_S1S2" }, value: { param: "hr_S1S2_trtB" } },
          { op: "set", target: { markov: "ss", state: "S1", item: "trt", field: "quantity" }, value: 1 },
          { op: "set", target: { markov: "ss", state: "S1", item: "trt", field: "unitCost" }, value: { expr: "c_trtA + c_trtB" } },
          { op: "set", target: { markov: "ss", state: "S2", item: "trt", field: "quantity" }, value: 1 },
          { op: "set", target: { markov: "ss", state: "S2", item: "trt", field: "unitCost" }, value: { expr: "c_trtA + c_trtB" } },
        ],
      },
    ],
    discounting: { costs: { id: "3pc", label: "3% a year", steps: [{ fromYear: 0, rate: "0.03" }] }, health: { id: "3pc", label: "3% a year", steps: [{ fromYear: 0, rate: "0.03" }] } },
  };
}

/**
 * The same model as a hand-written Float64Array loop: per-patient discounted costs and QALYs of the four
 * strategies (SoC, A, B, AB), written into `out` as [cost, qaly] × 4. The yardstick of the benchmark.
 */
export function sickSickerHandLoop(inp: typeof SICK_SICKER_INPUTS, out: Float64Array, scratch: Float64Array = new Float64Array(16)): void {
  const N = 75;
  const p = (r: number) => 1 - Math.exp(-r);
  const pHD = p(inp.r_HD);
  const pS1D = p(inp.r_HD * inp.hr_S1);
  const pS2D = p(inp.r_HD * inp.hr_S2);
  const pHS1 = p(inp.r_HS1);
  const pS1H = p(inp.r_S1H);
  for (let s = 0; s < 4; s++) {
    const trtA = s === 1 || s === 3;
    const trtB = s === 2 || s === 3;
    const pS1S2 = p(inp.r_S1S2 * (trtB ? inp.hr_S1S2_trtB : 1));
    const P = scratch;
    P[0] = (1 - pHD) * (1 - pHS1); P[1] = (1 - pHD) * pHS1; P[2] = 0; P[3] = pHD;
    P[4] = (1 - pS1D) * pS1H; P[5] = (1 - pS1D) * (1 - pS1H - pS1S2); P[6] = (1 - pS1D) * pS1S2; P[7] = pS1D;
    P[8] = 0; P[9] = 0; P[10] = 1 - pS2D; P[11] = pS2D;
    const trt = (trtA ? inp.c_trtA : 0) + (trtB ? inp.c_trtB : 0);
    const c0 = inp.c_H, c1 = inp.c_S1 + trt, c2 = inp.c_S2 + trt;
    const u0 = inp.u_H, u1 = trtA ? inp.u_trtA : inp.u_S1, u2 = inp.u_S2;
    let m0 = 1, m1 = 0, m2 = 0;
    let cost = c0 / 3;
    let qaly = u0 / 3;
    let df = 1;
    for (let k = 1; k <= N; k++) {
      const n0 = m0 * P[0]! + m1 * P[4]!;
      const n1 = m0 * P[1]! + m1 * P[5]!;
      const n2 = m1 * P[6]! + m2 * P[10]!;
      m0 = n0; m1 = n1; m2 = n2;
      df /= 1.03;
      const w = (k === N ? 1 / 3 : k % 2 === 1 ? 2 / 3 : 4 / 3) * df;
      cost += w * (m0 * c0 + m1 * c1 + m2 * c2);
      qaly += w * (m0 * u0 + m1 * u1 + m2 * u2);
    }
    out[2 * s] = cost;
    out[2 * s + 1] = qaly;
  }
}
