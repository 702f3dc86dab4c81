/**
 * A published cohort state-transition model reproduced in vbp-score:
 *
 *   Chancellor JV, Hill AM, Sabin CA, Simpson KN, Youle M. Modelling the cost effectiveness of
 *   lamivudine/zidovudine combination therapy in HIV infection. PharmacoEconomics 1997;12(1):54–66.
 *   doi:10.2165/00019053-199712010-00006
 *
 * as replicated in Briggs A, Claxton K, Sculpher M. Decision Modelling for Health Economic Evaluation.
 * Oxford University Press, 2006: §2.3 (Tables 2.1–2.4) and exercise 2.5; and in Drummond MF et al. Methods
 * for the Economic Evaluation of Health Care Programmes (3rd ed., 2005), and heemod's "homogenous" vignette.
 *
 * Structure: four states — A (CD4 200–500 cells/mm³), B (CD4 < 200), C (AIDS), D (death); patients only
 * stay or progress. Yearly cycles, 20-year horizon, everyone starts in A.
 * Transition probabilities from the Chelsea and Westminster cohort counts (Briggs Table 2.1): from A
 * 1251/350/116/17 (to A/B/C/D), from B 731/512/15 (to B/C/D), from C 1312/437 (to C/D).
 * Annual costs (£, 1995): direct medical A 1701, B 1774, C 6948; community A 1055, B 1278, C 2059;
 * zidovudine 2278 a year in every living state; lamivudine 2086.50 a year.
 * Combination therapy: relative risk 0.509 on every progression probability, and lamivudine's cost, for the
 * first 2 years; monotherapy probabilities and costs after.
 * Discounting: costs 6% a year, life years undiscounted; cycle n's costs discounted by 1/1.06^n (end of
 * cycle); life years counted from the end-of-cycle trace, no half-cycle correction (Briggs ex. 2.5).
 * Published results (Briggs ex. 2.5 spreadsheet; Chancellor et al. 1997): monotherapy 7.991 undiscounted
 * life years and £44,663 discounted cost; combination 8.937 life years and £50,602; ICER £6,276 per life
 * year gained.
 */
import {
  defineMarkov,
  defineModel,
  defineOption,
  defineParameters,
  defineState,
  expr,
  item,
  multiplyBy,
  param,
  setTo,
  transitionMatrix,
  type PathwayModel,
} from "../../src/index.js";

const CHANCELLOR_1997 = {
  publisher: "PharmacoEconomics",
  title: "Chancellor JV et al. Modelling the cost effectiveness of lamivudine/zidovudine combination therapy in HIV infection. 1997;12(1):54–66",
  publishedOn: "1997-07-01",
  url: "https://doi.org/10.2165/00019053-199712010-00006",
  note: "As replicated in Briggs, Claxton & Sculpher, Decision Modelling for Health Economic Evaluation (OUP 2006), §2.3 and exercise 2.5.",
};

const countsA = [1251, 350, 116, 17];
const countsB = [731, 512, 15];
const countsC = [1312, 437];

/** Builds the Chancellor et al. (1997) HIV model as a vbp-score pathway model. */
export function chancellorHivModel(): PathwayModel {
  const parameters = defineParameters({
    // Transition probabilities from the cohort counts (Briggs Table 2.1); Dirichlet for later PSA.
    p_AB: { value: expr("350 / 1734"), label: "A → B", distribution: { type: "dirichlet", alpha: countsA, index: 1 }, source: CHANCELLOR_1997 },
    p_AC: { value: expr("116 / 1734"), label: "A → C", distribution: { type: "dirichlet", alpha: countsA, index: 2 }, source: CHANCELLOR_1997 },
    p_AD: { value: expr("17 / 1734"), label: "A → D", distribution: { type: "dirichlet", alpha: countsA, index: 3 }, source: CHANCELLOR_1997 },
    p_BC: { value: expr("512 / 1258"), label: "B → C", distribution: { type: "dirichlet", alpha: countsB, index: 1 }, source: CHANCELLOR_1997 },
    p_BD: { value: expr("15 / 1258"), label: "B → D", distribution: { type: "dirichlet", alpha: countsB, index: 2 }, source: CHANCELLOR_1997 },
    p_CD: { value: expr("437 / 1749"), label: "C → D", distribution: { type: "dirichlet", alpha: countsC, index: 1 }, source: CHANCELLOR_1997 },
    rr: { value: "0.509", label: "Relative risk of progression, combination vs monotherapy", distribution: { type: "lognormal", meanlog: "-0.675", sdlog: "0.171" }, source: CHANCELLOR_1997 },
    c_zidovudine: { value: 2278, unit: "GBP per year", label: "Zidovudine (AZT)", source: CHANCELLOR_1997 },
    c_lamivudine: { value: "2086.50", unit: "GBP per year", label: "Lamivudine (3TC)", source: CHANCELLOR_1997 },
  });

  // Per-cycle costs: direct medical + community care + zidovudine; lamivudine doses 0 unless an option sets them.
  const living = (id: string, label: string, dmc: number, ccc: number) =>
    defineState(id, {
      label,
      utility: 1, // QALY weight 1: the paper's outcome is life years, so QALYs here equal life years
      items: [
        item("direct-medical", "direct-medical", 1, dmc),
        item("community", "community-care", 1, ccc),
        item("zidovudine", "drugs", 1, param("c_zidovudine")),
        item("lamivudine", "drugs", 0, param("c_lamivudine")),
      ],
    });

  const hiv = defineMarkov("hiv", {
    label: "HIV progression (Chancellor et al. 1997)",
    cycleLengthYears: 1,
    horizonYears: 20,
    withinCycle: "none",
    states: [
      living("A", "CD4 200–500 cells/mm³", 1701, 1055),
      living("B", "CD4 < 200 cells/mm³", 1774, 1278),
      living("C", "AIDS", 6948, 2059),
      defineState("D", { label: "Death", dead: true }),
    ],
    transitions: transitionMatrix(
      ["A", "B", "C", "D"],
      [
        ["rest", param("p_AB"), param("p_AC"), param("p_AD")],
        [0, "rest", param("p_BC"), param("p_BD")],
        [0, 0, "rest", param("p_CD")],
        [0, 0, 0, 1],
      ],
    ),
    initial: [{ state: "A", share: 1 }],
  });

  const firstTwoYears = { cycles: { from: 1, to: 2 } } as const;
  const progressions = [
    ["A", "B"],
    ["A", "C"],
    ["A", "D"],
    ["B", "C"],
    ["B", "D"],
    ["C", "D"],
  ] as const;

  return defineModel({
    id: "chancellor-1997-hiv",
    label: "Lamivudine/zidovudine combination vs zidovudine monotherapy in HIV (Chancellor et al. 1997)",
    currency: "GBP",
    parameters,
    markov: [hiv],
    options: [
      defineOption("mono", { label: "Zidovudine monotherapy", isComparator: true }),
      defineOption("comb", {
        label: "Lamivudine + zidovudine combination therapy",
        effects: [
          ...progressions.map(([from, to]) => multiplyBy({ markov: "hiv", from, to }, param("rr"), { ...firstTwoYears, note: "RR 0.509 for 2 years" })),
          ...["A", "B", "C"].map((state) => setTo({ markov: "hiv", state, item: "lamivudine", field: "quantity" }, 1, { ...firstTwoYears, note: "lamivudine for 2 years" })),
        ],
      }),
    ],
    discounting: {
      costs: { id: "6pc", label: "6% a year (Chancellor et al. 1997)", steps: [{ fromYear: 0, rate: "0.06" }] },
      health: "none",
      timing: { position: "end", compounding: "annual" },
    },
    source: CHANCELLOR_1997,
  });
}
