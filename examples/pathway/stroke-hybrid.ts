/**
 * Worked example (c): a hybrid model — a decision tree for the acute episode whose leaves enter a cohort
 * state-transition (Markov) model for the years after.
 *
 * ILLUSTRATIVE FIGURES ONLY — chosen to exercise every feature (rates, a life table by age, an age-dependent
 * expression, one-off costs on entering a state, half-cycle correction); not clinical or NHS cost data.
 *
 * Acute episode: mechanical thrombectomy for ischaemic stroke. 2% die during the episode; 45% leave
 * independent (modified Rankin 0–2), the rest dependent. Post-stroke Markov model (yearly cycles, 10 years,
 * start age 70): independent → dependent at a rate of 0.05 a year (recurrent disabling stroke: £9,000 and a
 * QALY loss of 0.1 on entry); background death from a life table; dependent → death with probability
 * 0.12 + 0.002 × (age − 70). Options: the current catheter (comparator) and a new catheter that raises the
 * chance of independence by 15% (relative) at £1,200 more per patient.
 */
import { defineMarkov, defineModel, defineNode, defineOption, defineParameters, defineState, defineTree, expr, item, lifeTable, multiplyBy, param, type PathwayModel } from "../../src/index.js";

/** Annual probability of death by age: an illustrative curve q = 0.017 × 1.09^(age − 70), rounded to 6 d.p. */
const ILLUSTRATIVE_LIFE_TABLE = Array.from({ length: 16 }, (_, i) => ({ age: 70 + i, q: (0.017 * 1.09 ** i).toFixed(6) }));

/** Builds the illustrative hybrid stroke model. */
export function strokeHybridModel(): PathwayModel {
  return defineModel({
    id: "stroke-thrombectomy",
    label: "Thrombectomy catheters: acute episode and 10 years after (illustrative)",
    currency: "GBP",
    parameters: defineParameters({
      p_death_acute: { value: "0.02", label: "Death during the acute episode" },
      p_independent: { value: "0.45", label: "Independent (mRS 0–2) at discharge" },
      r_recurrence: { value: "0.05", unit: "per year", label: "Rate of recurrent disabling stroke" },
      c_care_home: { value: 18000, unit: "GBP per year", label: "Care for a dependent survivor" },
    }),
    lifeTables: [{ id: "illustrative", label: "Illustrative background mortality", rows: ILLUSTRATIVE_LIFE_TABLE }],
    tree: defineTree("thrombectomy", [
      defineNode("thrombectomy", {
        items: [item("procedure", "theatre", 1, 9000), item("bed-day", "bed-days", 8, 400, { carbonKgPerUnit: 30 })],
        branches: [
          { to: "acute-death", probability: param("p_death_acute") },
          { to: "independent", probability: param("p_independent") },
          { to: "dependent", probability: "rest" },
        ],
      }),
      defineNode("acute-death", { events: [{ name: "death", count: 1 }] }),
      defineNode("independent", { enter: { markov: "post-stroke", state: "independent" } }),
      defineNode("dependent", { enter: { markov: "post-stroke", state: "dependent" } }),
    ]),
    markov: [
      defineMarkov("post-stroke", {
        cycleLengthYears: 1,
        horizonYears: 10,
        startAge: 70,
        withinCycle: "half-cycle",
        states: [
          defineState("independent", { utility: "0.74", costs: { "community-care": 1500 } }),
          defineState("dependent", {
            utility: "0.38",
            costs: { "care-home": param("c_care_home") },
            onEntry: { items: [item("recurrent-stroke", "acute-care", 1, 9000)], qalys: "-0.1", events: [{ name: "recurrent-stroke", count: 1 }] },
          }),
          defineState("dead", { dead: true, onEntry: { events: [{ name: "death", count: 1 }] } }),
        ],
        transitions: [
          { from: "independent", to: "dependent", rate: param("r_recurrence") },
          { from: "independent", to: "dead", probability: lifeTable("illustrative") },
          { from: "independent", to: "independent", probability: "rest" },
          { from: "dependent", to: "dead", probability: expr("0.12 + 0.002 * (age - 70)") },
          { from: "dependent", to: "dependent", probability: "rest" },
        ],
      }),
    ],
    options: [
      defineOption("current", { label: "Current catheter", isComparator: true }),
      defineOption("new-catheter", {
        label: "New catheter",
        effects: [multiplyBy({ node: "thrombectomy", branch: "independent" }, "1.15")],
        extraCosts: [{ id: "catheter-premium", label: "Price difference per patient", amount: 1200, carbonKg: "2.5" }],
      }),
    ],
    volumes: { patientsPerYear: 400, years: 5 },
  });
}
