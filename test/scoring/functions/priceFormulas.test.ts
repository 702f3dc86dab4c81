// The public registry of price formulas: each built-in formula's rule (what scoring uses) joined to its texts
// (how it behaves when a tender is added or removed, and where it is described), frozen.
import { describe, expect, it } from "vitest";
import { PRICE_FORMULAS, priceScores, type PriceFormulaId } from "../../../src/index.js";
import { thrown } from "../../_helpers/thrown.js";

const CHEN = /Chen, T\.H\. \(2008\) 'An economic approach to public procurement', Journal of Public Procurement 8\(3\), 407–430/;
const STILGER = /Stilger, P\.S\., Siderius, J\. & van Raaij, E\.M\. \(2017\) 'A comparative study of formulas for choosing the economically most advantageous tender', Journal of Public Procurement 17\(1\), 88–124/;
const BERGMAN = /Bergman, M\.A\. & Lundberg, S\. \(2013\) 'Tender evaluation and supplier selection methods in public procurement', Journal of Purchasing & Supply Management 19\(2\), 73–83/;

// Which works each built-in formula cites, and a phrase of its rank-reversal statement that says what a buyer
// needs to know (whether the ranking of two other tenders can reverse, and why).
const CITED: Record<PriceFormulaId, { cites: RegExp[]; citesNot: RegExp[]; reversal: RegExp; reference: RegExp }> = {
  "relative-to-lowest": {
    cites: [BERGMAN, CHEN, STILGER],
    citesNot: [],
    reversal: /^Depends on the lowest valid bid Pmin: .*max × Pmin × \(1\/P1 − 1\/P2\) points\), so the ranking of two other tenders can reverse\. The order of prices is kept\.$/,
    reference: /\(price relative to the lowest, the most common rule\); Chen.*\(rank reversals caused by relative scores\); Stilger.*ranking paradox\)$/,
  },
  "proportional-deviation": {
    cites: [BERGMAN, STILGER],
    citesNot: [CHEN],
    reversal: /^Depends on the lowest valid bid Pmin: each 1% above Pmin costs 1% of the maximum.*A bid at twice Pmin or more scores 0\.$/,
    reference: /^Bergman.*; Stilger/,
  },
  "linear-between-limits": {
    cites: [STILGER],
    citesNot: [CHEN, BERGMAN],
    reversal: /the most sensitive of the common formulas\)\. With both params\.floor and params\.ceiling stated, the scale is fixed and no rank reversal can occur\.$/,
    reference: /; Dini, F\., Pacini, R\. & Valletti, T\. \(2006\) 'Scoring rules', in Handbook of Procurement, Cambridge University Press, ch\. 12$/,
  },
  logarithmic: {
    cites: [STILGER],
    citesNot: [CHEN, BERGMAN],
    reversal: /^Depends on the lowest valid bid Pmin only through the floor at 0: the score gap between two bids is max × ln\(P2\/P1\) \/ ln A whatever Pmin is/,
    reference: /; the logarithmic rule scores equal price ratios equally$/,
  },
  "mean-based": {
    cites: [STILGER],
    citesNot: [CHEN, BERGMAN],
    reversal: /^Depends on every valid bid through the mean: .*price differences below the mean do not count\.$/,
    reference: / \(average-price based rules\)$/,
  },
  "ratio-to-reference": {
    cites: [CHEN, STILGER],
    citesNot: [BERGMAN],
    reversal: /^Fixed reference: each score depends only on the tender's own price and R, so adding or removing a tender cannot reverse the ranking of the others\.$/,
    reference: / \(absolute scoring against a fixed reference removes the dependence on other bids\)$/,
  },
  "proportional-to-budget": {
    cites: [CHEN],
    citesNot: [STILGER, BERGMAN],
    reversal: /^Fixed reference: each score depends only on the tender's own price and the budget B, so adding or removing a tender cannot reverse the ranking of the others\.$/,
    reference: /; the same as linear-between-limits with floor 0 and ceiling B$/,
  },
  "absolute-linear": {
    cites: [STILGER],
    citesNot: [CHEN, BERGMAN],
    reversal: /^Absolute scoring: each score depends only on the tender's own price and figures stated before the bids are opened, so adding or removing a tender cannot change another tender's score or reverse the ranking of two others\.$/,
    reference: / \(absolute scoring: a bid's score depends only on its own price and figures stated in advance, so no ranking paradox\)$/,
  },
  "absolute-proportional-deviation": {
    cites: [STILGER],
    citesNot: [CHEN, BERGMAN],
    reversal: /^Absolute scoring: each score depends only on the tender's own price and figures stated before the bids are opened, so adding or removing a tender cannot change another tender's score or reverse the ranking of two others\.$/,
    reference: / \(absolute scoring: a bid's score depends only on its own price and figures stated in advance, so no ranking paradox\)$/,
  },
  "optimal-price": {
    cites: [STILGER],
    citesNot: [CHEN, BERGMAN],
    reversal: /^Absolute scoring: .*reverse the ranking of two others\. Below the optimal price a lower bid earns nothing more, which removes the incentive to bid abnormally low \(ties on price points are then decided by quality\)\.$/,
    reference: /no ranking paradox\)\. The piecewise form here is the library's statement of the optimal-price idea .*state the formula in the tender documents as written here\.$/,
  },
};

describe("PRICE_FORMULAS: the built-in formulas with their texts", () => {
  it("lists the ten built-in formulas, each under its own id", () => {
    expect(Object.keys(PRICE_FORMULAS)).toEqual(Object.keys(CITED));
    for (const id of Object.keys(CITED) as PriceFormulaId[]) expect(PRICE_FORMULAS[id].id).toBe(id);
  });

  it("each formula's texts state its rank-reversal behaviour and cite exactly its sources", () => {
    for (const [id, want] of Object.entries(CITED) as [PriceFormulaId, (typeof CITED)[PriceFormulaId]][]) {
      const f = PRICE_FORMULAS[id];
      expect(f.rankReversal, id).toMatch(want.reversal);
      expect(f.reference, id).toMatch(want.reference);
      for (const source of want.cites) expect(f.reference, `${id} cites ${String(source)}`).toMatch(source);
      for (const source of want.citesNot) expect(f.reference, `${id} does not cite ${String(source)}`).not.toMatch(source);
    }
  });

  it("each entry carries the arithmetic scoring uses: the same scores through the registry as by name", () => {
    const bids = ["8000", "9000", "12000"];
    const specs = [
      { formula: "relative-to-lowest" },
      { formula: "linear-between-limits", params: { floor: "8500" } },
      { formula: "logarithmic", params: { A: "2" } },
      { formula: "optimal-price", params: { optimal: "8500", ceiling: "13000" } },
    ];
    for (const spec of specs) {
      const byName = priceScores(bids, "40", spec);
      expect(priceScores(bids, "40", spec, PRICE_FORMULAS), spec.formula).toEqual(byName);
    }
    expect(PRICE_FORMULAS.logarithmic.params).toEqual([
      { name: "A", required: true, rule: "greater-than-one", description: "Price ratio to the lowest at which the score reaches 0 (e.g. 2: twice the lowest price scores 0)." },
    ]);
  });

  it("describes every parameter of every built-in formula, and a missing one is reported with its description through the registry", () => {
    for (const id of Object.keys(CITED) as PriceFormulaId[]) {
      for (const p of PRICE_FORMULAS[id].params) expect(p.description, `${id}.${p.name}`).toMatch(/^[A-Z].{20,}\.$/);
    }
    expect(PRICE_FORMULAS["optimal-price"].params.map((p) => [p.name, p.description])).toEqual([
      ["optimal", "Stated optimal price Popt: the price the buyer considers right for the quality sought; lower bids score no more."],
      ["ceiling", "Stated price C at or above which a bid scores 0."],
    ]);
    // Scoring names the parameter and the formula; a registry that describes its parameters (this one, or a
    // caller's) has the description added.
    expect(thrown(() => priceScores(["8000", "9000"], "40", { formula: "logarithmic" }))).toEqual([
      { code: "invalid_type", path: ["spec", "params", "A"], message: 'is required by price formula "logarithmic"' },
    ]);
    expect(thrown(() => priceScores(["8000", "9000"], "40", { formula: "logarithmic" }, PRICE_FORMULAS))).toEqual([
      {
        code: "invalid_type",
        path: ["spec", "params", "A"],
        message: 'is required by price formula "logarithmic" (Price ratio to the lowest at which the score reaches 0 (e.g. 2: twice the lowest price scores 0).)',
      },
    ]);
  });

  it("is frozen: the registry, each formula and each documented parameter", () => {
    expect(Object.isFrozen(PRICE_FORMULAS)).toBe(true);
    for (const id of Object.keys(CITED) as PriceFormulaId[]) {
      const f = PRICE_FORMULAS[id];
      expect(Object.isFrozen(f), f.id).toBe(true);
      expect(Object.isFrozen(f.params), f.id).toBe(true);
      for (const p of f.params) expect(Object.isFrozen(p), `${f.id}.${p.name}`).toBe(true);
    }
  });
});
