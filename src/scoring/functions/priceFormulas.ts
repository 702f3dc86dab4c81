import { PRICE_FORMULA_RULES, type PriceFormula, type PriceFormulaId } from "./price.js";

// How each built-in formula behaves when a tender is added or removed, where it is described, and what its
// parameters mean. Scoring never reads these texts, so they live apart from the formulas' arithmetic and stay out of
// a bundle that only scores.

const CHEN_2008 =
  "Chen, T.H. (2008) 'An economic approach to public procurement', Journal of Public Procurement 8(3), 407–430 (rank reversals caused by relative scores)";

const STILGER_2017 =
  "Stilger, P.S., Siderius, J. & van Raaij, E.M. (2017) 'A comparative study of formulas for choosing the economically most advantageous tender', Journal of Public Procurement 17(1), 88–124 (38 formulas, relative versus absolute scoring, ranking paradox)";

const BERGMAN_LUNDBERG =
  "Bergman, M.A. & Lundberg, S. (2013) 'Tender evaluation and supplier selection methods in public procurement', Journal of Purchasing & Supply Management 19(2), 73–83";

const STILGER_2017_ABSOLUTE =
  "Stilger, P.S., Siderius, J. & van Raaij, E.M. (2017) 'A comparative study of formulas for choosing the economically most advantageous tender', Journal of Public Procurement 17(1), 88–124 (absolute scoring: a bid's score depends only on its own price and figures stated in advance, so no ranking paradox)";

const NO_REVERSAL =
  "Absolute scoring: each score depends only on the tender's own price and figures stated before the bids are opened, so adding or removing a tender cannot change another tender's score or reverse the ranking of two others.";


/** A built-in formula's texts: how it behaves, where it is described, and what each parameter means (by name). */
type FormulaTexts = Pick<PriceFormula, "rankReversal" | "reference"> & { readonly params?: Readonly<Record<string, string>> };

/** Each built-in formula's texts (built when the registry is first loaded, so a bundle that never reads it drops them). */
function texts(): Readonly<Record<PriceFormulaId, FormulaTexts>> {
  return {
    "relative-to-lowest": {
      rankReversal: "Depends on the lowest valid bid Pmin: adding or removing a tender that changes Pmin rescales every price score (the gap between two bids is worth max × Pmin × (1/P1 − 1/P2) points), so the ranking of two other tenders can reverse. The order of prices is kept.",
      reference: `${BERGMAN_LUNDBERG} (price relative to the lowest, the most common rule); ${CHEN_2008}; ${STILGER_2017}`,
    },
    "proportional-deviation": {
      rankReversal: "Depends on the lowest valid bid Pmin: each 1% above Pmin costs 1% of the maximum, so adding or removing the lowest tender changes every score and can reverse the ranking of two others. A bid at twice Pmin or more scores 0.",
      reference: `${BERGMAN_LUNDBERG}; ${STILGER_2017}`,
    },
    "linear-between-limits": {
      rankReversal: "With limits taken from the bids, depends on both the lowest and the highest valid bid: a new expensive bid compresses every other score difference and can reverse the ranking of two others (the most sensitive of the common formulas). With both params.floor and params.ceiling stated, the scale is fixed and no rank reversal can occur.",
      reference: `${STILGER_2017}; Dini, F., Pacini, R. & Valletti, T. (2006) 'Scoring rules', in Handbook of Procurement, Cambridge University Press, ch. 12`,
      params: {
        floor: "Stated lower price limit: prices at or below it score full marks (default: the lowest valid bid).",
        ceiling: "Stated upper price limit (e.g. the budget ceiling): prices at or above it score 0 (default: the highest valid bid).",
      },
    },
    "logarithmic": {
      rankReversal: "Depends on the lowest valid bid Pmin only through the floor at 0: the score gap between two bids is max × ln(P2/P1) / ln A whatever Pmin is, so adding or removing a tender cannot reverse the ranking of two others unless it moves one of them onto or off the floor (P ≥ A × Pmin).",
      reference: `${STILGER_2017}; the logarithmic rule scores equal price ratios equally`,
      params: {
        A: "Price ratio to the lowest at which the score reaches 0 (e.g. 2: twice the lowest price scores 0).",
      },
    },
    "mean-based": {
      rankReversal: "Depends on every valid bid through the mean: adding or removing any tender moves Pmean, which changes the scores of all tenders priced above it and can reverse rankings. Every bid at or below the mean scores full marks, so price differences below the mean do not count.",
      reference: `${STILGER_2017} (average-price based rules)`,
      params: {
        band: "Fraction above the mean price at which the score reaches 0 (default 1: a bid at twice the mean scores 0).",
      },
    },
    "ratio-to-reference": {
      rankReversal: "Fixed reference: each score depends only on the tender's own price and R, so adding or removing a tender cannot reverse the ranking of the others.",
      reference: `${CHEN_2008}; ${STILGER_2017} (absolute scoring against a fixed reference removes the dependence on other bids)`,
      params: {
        reference: "Stated reference price R (e.g. the pre-tender estimate of the lowest achievable price); prices at or below it score full marks.",
      },
    },
    "proportional-to-budget": {
      rankReversal: "Fixed reference: each score depends only on the tender's own price and the budget B, so adding or removing a tender cannot reverse the ranking of the others.",
      reference: `${CHEN_2008}; the same as linear-between-limits with floor 0 and ceiling B`,
      params: {
        budget: "Stated budget B; a price at or above it scores 0.",
      },
    },
    "absolute-linear": {
      rankReversal: NO_REVERSAL,
      reference: STILGER_2017_ABSOLUTE,
      params: {
        floor: "Stated price F at or below which a bid scores full marks.",
        ceiling: "Stated price C (e.g. the budget) at or above which a bid scores 0.",
      },
    },
    "absolute-proportional-deviation": {
      rankReversal: NO_REVERSAL,
      reference: STILGER_2017_ABSOLUTE,
      params: {
        reference: "Stated reference price R (e.g. the pre-tender estimate): each 1% above it costs 1% of the maximum.",
      },
    },
    "optimal-price": {
      rankReversal: NO_REVERSAL +
        " Below the optimal price a lower bid earns nothing more, which removes the incentive to bid abnormally low (ties on price points are then decided by quality).",
      reference: `${STILGER_2017_ABSOLUTE}. The piecewise form here is the library's statement of the optimal-price idea (no extra reward below a stated optimum); it was not checked symbol by symbol against the paper's table, so state the formula in the tender documents as written here.`,
      params: {
        optimal: "Stated optimal price Popt: the price the buyer considers right for the quality sought; lower bids score no more.",
        ceiling: "Stated price C at or above which a bid scores 0.",
      },
    },
  };
}

/**
 * The built-in price formulas (P = bid price, Pmin = lowest valid price, max = maximum points):
 *
 * - `relative-to-lowest`: `max × Pmin / P` (the most used).
 * - `proportional-deviation`: `max × (1 − (P − Pmin)/Pmin)`, 0 at twice the lowest.
 * - `linear-between-limits`: `max × (Pmax − P)/(Pmax − Pmin)`, limits from the bids or stated (`floor`, `ceiling`).
 * - `logarithmic`: `max × (1 − ln(P/Pmin)/ln A)`, 0 at A times the lowest.
 * - `mean-based`: `max × (1 − (P − Pmean)/(b × Pmean))` clipped to [0, max].
 * - `ratio-to-reference`: `max × R / P`, capped at max (fixed reference R).
 * - `proportional-to-budget`: `max × (B − P)/B` (fixed budget B).
 * - `absolute-linear`: `max × (C − P)/(C − F)` between a stated floor F and ceiling C (absolute scoring).
 * - `absolute-proportional-deviation`: `max × (1 − (P − R)/R)` against a stated reference R (absolute scoring).
 * - `optimal-price`: full marks up to a stated optimal price, linear to 0 at a stated ceiling.
 *
 * Each carries its rank-reversal behaviour. Sources: Bergman & Lundberg (2013), Journal of Purchasing & Supply
 * Management 19(2) 73–83; Chen (2008), Journal of Public Procurement 8(3) 407–430; Stilger, Siderius & van Raaij
 * (2017), Journal of Public Procurement 17(1) 88–124.
 *
 * @example
 * ```ts
 * PRICE_FORMULAS["relative-to-lowest"].formula; //=> "max × Pmin / P"
 * ```
 */
export const PRICE_FORMULAS: Readonly<Record<PriceFormulaId, PriceFormula>> & Readonly<Record<string, PriceFormula | undefined>> = /* @__PURE__ */ withTexts();

/** Each built-in formula with its texts, frozen. */
function withTexts(): Readonly<Record<PriceFormulaId, PriceFormula>> {
  const all = {} as Record<PriceFormulaId, PriceFormula>;
  const byId = texts();
  for (const id of Object.keys(byId) as PriceFormulaId[]) {
    const { params: described, ...own } = byId[id];
    const rule = PRICE_FORMULA_RULES[id];
    const params = rule.params.map((p) => Object.freeze({ ...p, description: described?.[p.name] ?? p.description }));
    all[id] = Object.freeze({ ...rule, ...own, params: Object.freeze(params) });
  }
  return Object.freeze(all);
}
