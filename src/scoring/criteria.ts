import { Dec, decString, sumDec } from "../_lib/decimal.js";
import type { VbpIssue, VbpPath } from "../errors/issue.js";
import type { QualitativeScale } from "./functions/index.js";

/**
 * How a price criterion turns a bid price into points: a registered price formula by name, with parameters
 * (e.g. `{ formula: "relative-to-lowest" }`). The formulas live in `priceScore`.
 *
 * @example
 * ```ts
 * const f: PriceFormulaRef = { formula: "logarithmic", params: { A: "2" } };
 * ```
 */
export interface PriceFormulaRef {
  /** Name of a registered price formula (e.g. `"relative-to-lowest"`). */
  readonly formula: string;
  /** Formula parameters as decimal strings (e.g. `{ pmax: "12000" }`). */
  readonly params?: Readonly<Record<string, string>>;
}

/**
 * How a quantitative criterion turns a raw value into points: a registered value function by name.
 *
 * @example
 * ```ts
 * const v: ValueFunctionRef = { fn: "linear", direction: "lower-is-better", params: { lower: "0", upper: "500" } };
 * ```
 */
export interface ValueFunctionRef {
  /** Name of a registered value function (e.g. `"linear"`). */
  readonly fn: string;
  /** Whether more of the value is better (QALYs) or less is better (kgCO2e, whole-life cost). */
  readonly direction?: "higher-is-better" | "lower-is-better";
  /** Value-function parameters (e.g. `{ worst: "0", best: "100" }`). */
  readonly params?: Readonly<Record<string, unknown>>;
}

/**
 * A published weight range (EU Directive 2014/24/EU Art. 67(5): a weighting "may be expressed by providing for
 * a range with an appropriate maximum spread"). The weight used must lie within it.
 *
 * @example
 * ```ts
 * const r: WeightRange = { min: "20", max: "30" };
 * ```
 */
export interface WeightRange {
  /** Lowest weight allowed, percent as a decimal string. */
  readonly min: string;
  /** Highest weight allowed, percent as a decimal string. */
  readonly max: string;
}

/**
 * Fields every criterion has.
 *
 * @example
 * ```ts
 * const c: CriterionCommon = { id: "sv", label: "Social value", tag: "social-value" };
 * ```
 */
export interface CriterionCommon {
  /** Identifier, unique across the whole tree. */
  readonly id: string;
  /** Name shown to evaluators and suppliers (e.g. "3.2 Training and support"). */
  readonly label: string;
  /** The value domain the criterion counts toward in weight policies (e.g. `"social-value"`); applies to its subtree. */
  readonly tag?: string;
  /** What is assessed and how (published with the tender). */
  readonly description?: string;
}

/**
 * Fields of a weighted criterion (everything but pass/fail).
 *
 * @example
 * ```ts
 * const c: WeightedCriterionCommon = { id: "sv", label: "Social value", weight: "10", weightRange: { min: "10", max: "15" } };
 * ```
 */
export interface WeightedCriterionCommon extends CriterionCommon {
  /** Weight among its siblings, in percent as a decimal string; siblings' weights sum to exactly 100. */
  readonly weight: string;
  /** The published weight range the weight must lie within (EU 2014/24 Art. 67(5)). */
  readonly weightRange?: WeightRange;
}

/**
 * A domain or question that groups sub-criteria (any depth).
 *
 * @example
 * ```ts
 * const g: CriterionGroup = { id: "quality", label: "Quality", kind: "group", weight: "60", children: [
 *   { id: "q1", label: "1.1 Outcomes", kind: "qualitative", weight: "100", scale: "nhs-vbp-5" },
 * ] };
 * ```
 */
export interface CriterionGroup extends WeightedCriterionCommon {
  /** Discriminator. */
  readonly kind: "group";
  /** Sub-criteria; the weighted ones' weights sum to 100. */
  readonly children: readonly Criterion[];
}

/**
 * A leaf scored from the bid price with a price formula.
 *
 * @example
 * ```ts
 * const p: PriceCriterion = { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } };
 * ```
 */
export interface PriceCriterion extends WeightedCriterionCommon {
  /** Discriminator. */
  readonly kind: "price";
  /** The price formula. */
  readonly formula: PriceFormulaRef;
}

/**
 * A leaf scored from a raw value per option (whole-life cost, QALYs, NMB, kgCO2e, bed days saved...).
 *
 * @example
 * ```ts
 * const q: QuantitativeCriterion = { id: "co2", label: "Carbon", kind: "quantitative", weight: "10", unit: "kgCO2e",
 *   valueFunction: { fn: "linear", direction: "lower-is-better", params: { lower: "0", upper: "500" } } };
 * ```
 */
export interface QuantitativeCriterion extends WeightedCriterionCommon {
  /** Discriminator. */
  readonly kind: "quantitative";
  /** The value function. */
  readonly valueFunction: ValueFunctionRef;
  /** Unit of the raw value, for reports (e.g. "kgCO2e per procedure"). */
  readonly unit?: string;
  /**
   * The value is computed from the bid price (e.g. whole-life cost, net monetary benefit): it is not scored,
   * nor shown, for a tender excluded before price is opened, and a gate on it is applied after price.
   */
  readonly priceDerived?: boolean;
  /**
   * What the value measures, for weight policies: `"whole-life-cost"` (acquisition, running and disposal cost of
   * the product, counted in the NHS VBP whole-life cost limit like a price criterion), `"other-cost"` (e.g. bed
   * days saved: a cost, but an efficiency gain) or `"not-cost"`. A policy that needs it warns when it is missing.
   */
  readonly costClass?: "whole-life-cost" | "other-cost" | "not-cost";
  /** How reports show the raw value: `"money"` (in the tender currency), `"share"` (a 0–1 share, shown as a percentage) or `"number"` (default: with the unit). */
  readonly display?: "money" | "share" | "number";
}

/**
 * A leaf scored by evaluators on a qualitative scale, then moderated.
 *
 * @example
 * ```ts
 * const q: QualitativeCriterion = { id: "q1", label: "1.1 Outcomes", kind: "qualitative", weight: "25", scale: "nhs-vbp-5", moderation: "consensus" };
 * ```
 */
export interface QualitativeCriterion extends WeightedCriterionCommon {
  /** Discriminator. */
  readonly kind: "qualitative";
  /** Scale id from `QUALITATIVE_SCALES` (e.g. `"nhs-five-point"`) or a scale given inline. */
  readonly scale: string | QualitativeScale;
  /** How individual scores become one: a recorded consensus (default), or the mean or median level. */
  readonly moderation?: "consensus" | "mean" | "median";
}

/**
 * A gate: the option must pass (Procurement Act 2023 s23 requires pass/fail criteria to be declared). No weight.
 *
 * @example
 * ```ts
 * const g: PassFailCriterion = { id: "ukca", label: "UKCA or CE marking", kind: "pass-fail" };
 * ```
 */
export interface PassFailCriterion extends CriterionCommon {
  /** Discriminator. */
  readonly kind: "pass-fail";
}

/**
 * A node of the criteria tree.
 *
 * @example
 * ```ts
 * const tree: Criterion[] = [
 *   { id: "quality", label: "Quality", kind: "qualitative", weight: "60", scale: "0-5" },
 *   { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 * ];
 * ```
 */
export type Criterion = CriterionGroup | PriceCriterion | QuantitativeCriterion | QualitativeCriterion | PassFailCriterion;

/**
 * A scored leaf (price, quantitative or qualitative).
 *
 * @example
 * ```ts
 * const leaf: ScoredCriterion = { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } };
 * ```
 */
export type ScoredCriterion = PriceCriterion | QuantitativeCriterion | QualitativeCriterion;

/** @internal A node flattened with its place in the tree. */
export interface FlatNode {
  readonly node: Criterion;
  /** Path of the node in the input (`["criteria", 0, "children", 1]`). */
  readonly path: VbpPath;
  /** Ids from the root to this node. */
  readonly ids: readonly string[];
  /** Global weight in percent: the product of the weights from the root down (0 for pass/fail). */
  readonly globalWeight: Dec;
  /** Index of the parent in the flat list, or -1 at the root. */
  readonly parent: number;
  /** Depth from 0 at the root level. */
  readonly depth: number;
}

const HUNDRED = new Dec(100);

/** @internal Flattens the tree depth-first (pre-order) with global weights. Assumes weights already parsed. */
export function flattenCriteria(criteria: readonly Criterion[], basePath: VbpPath = ["criteria"]): FlatNode[] {
  const out: FlatNode[] = [];
  const walk = (nodes: readonly Criterion[], path: VbpPath, ids: readonly string[], parentWeight: Dec, parent: number, depth: number): void => {
    nodes.forEach((node, i) => {
      const p = [...path, i];
      const w = node.kind === "pass-fail" ? new Dec(0) : parentWeight.times(new Dec(node.weight)).div(HUNDRED);
      const index = out.length;
      out.push({ node, path: p, ids: [...ids, node.id], globalWeight: w, parent, depth });
      if (node.kind === "group") walk(node.children, [...p, "children"], [...ids, node.id], w, index, depth + 1);
    });
  };
  walk(criteria, basePath, [], HUNDRED, -1, 0);
  return out;
}

/**
 * Checks a criteria tree: ids unique, sibling weights sum to exactly 100 (exact decimal equality after
 * parsing: `33.33 + 33.33 + 33.34` passes, `33.33 × 3` does not), each weight within its published range,
 * groups not empty of weighted criteria. Every issue names the node's path.
 *
 * @param criteria - the root criteria (siblings)
 * @param basePath - the path of the array in the caller's document
 * @param maxSpread - optional largest spread (max − min, percentage points) a weight range may have
 * @returns the issues found (empty when the tree is sound)
 * @example
 * ```ts
 * checkCriteriaTree([
 *   { id: "quality", label: "Quality", kind: "qualitative", weight: "60", scale: "0-5" },
 *   { id: "price", label: "Price", kind: "price", weight: "30", formula: { formula: "relative-to-lowest" } },
 * ]);
 * //=> [{ code: "sum_mismatch", path: ["criteria"], message: "weights of these criteria must sum to exactly 100%, got 90% (quality 60 + price 30)" }]
 * ```
 */
export function checkCriteriaTree(criteria: readonly Criterion[], basePath: VbpPath = ["criteria"], maxSpread?: string): VbpIssue[] {
  const issues: VbpIssue[] = [];
  const seen = new Map<string, VbpPath>();
  const checkSiblings = (nodes: readonly Criterion[], path: VbpPath): void => {
    const weighted = nodes.filter((n) => n.kind !== "pass-fail");
    if (weighted.length === 0) {
      issues.push({ code: "too_small", path, message: "must contain at least one weighted criterion (price, quantitative, qualitative or group); pass/fail criteria carry no weight" });
    } else {
      const total = sumDec(weighted.map((n) => new Dec((n as WeightedCriterionCommon).weight)));
      if (!total.eq(HUNDRED)) {
        const parts = weighted.map((n) => `${n.id} ${(n as WeightedCriterionCommon).weight}`).join(" + ");
        issues.push({ code: "sum_mismatch", path, message: `weights of these criteria must sum to exactly 100%, got ${decString(total)}% (${parts})` });
      }
    }
    nodes.forEach((node, i) => {
      const p = [...path, i];
      const previous = seen.get(node.id);
      if (previous !== undefined) issues.push({ code: "duplicate_id", path: [...p, "id"], message: `criterion id "${node.id}" is already used at ${pathText(previous)}` });
      else seen.set(node.id, p);
      if (node.kind !== "pass-fail") {
        const w = new Dec(node.weight);
        if (w.lte(0) || w.gt(HUNDRED)) issues.push({ code: w.lte(0) ? "too_small" : "too_big", path: [...p, "weight"], message: `must be > 0 and ≤ 100 (percent), got ${node.weight}` });
        if (node.weightRange !== undefined) {
          const lo = new Dec(node.weightRange.min);
          const hi = new Dec(node.weightRange.max);
          if (lo.gt(hi)) issues.push({ code: "out_of_order", path: [...p, "weightRange"], message: `min ${node.weightRange.min} must be ≤ max ${node.weightRange.max}` });
          else if (w.lt(lo) || w.gt(hi)) issues.push({ code: "invalid_value", path: [...p, "weight"], message: `must lie within the published weight range ${node.weightRange.min}–${node.weightRange.max}%, got ${node.weight}` });
          if (maxSpread !== undefined && hi.minus(lo).gt(new Dec(maxSpread))) {
            issues.push({ code: "too_big", path: [...p, "weightRange"], message: `spread ${decString(hi.minus(lo))} percentage points exceeds the maximum spread of ${maxSpread}` });
          }
        }
      }
      if (node.kind === "group") checkSiblings(node.children, [...p, "children"]);
    });
  };
  checkSiblings(criteria, basePath);
  return issues;
}

/** @internal */
export function pathText(path: VbpPath): string {
  let out = "";
  for (const part of path) out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`;
  return out;
}

/**
 * One criterion's weight as published and as it counts in the total.
 *
 * @example
 * ```ts
 * const w: GlobalWeight = { id: "q1", idPath: ["quality", "q1"], localWeight: "25", globalWeight: "15", kind: "qualitative" };
 * ```
 */
export interface GlobalWeight {
  /** Criterion id. */
  readonly id: string;
  /** Ids from the root to the criterion. */
  readonly idPath: readonly string[];
  /** Weight among its siblings, percent. */
  readonly localWeight: string;
  /** Weight in the whole tender, percent: the product of the local weights from the root down. */
  readonly globalWeight: string;
  /** The criterion's kind. */
  readonly kind: Criterion["kind"];
}

/**
 * Global weights of every node: the product of the sibling weights from the root down
 * (global = Π local/100 × 100). Leaves' global weights sum to exactly 100 when every sibling set sums to 100.
 * Pass/fail criteria have global weight 0.
 *
 * @param criteria - the root criteria
 * @returns one entry per node, depth-first
 * @example
 * ```ts
 * globalWeights([
 *   { id: "q", label: "Quality", kind: "group", weight: "60", children: [
 *     { id: "q1", label: "Q1", kind: "qualitative", weight: "25", scale: "0-5" },
 *     { id: "q2", label: "Q2", kind: "qualitative", weight: "75", scale: "0-5" } ] },
 *   { id: "p", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 * ]).map((w) => [w.id, w.globalWeight]);
 * //=> [["q","60"],["q1","15"],["q2","45"],["p","40"]]
 * ```
 */
export function globalWeights(criteria: readonly Criterion[]): GlobalWeight[] {
  return flattenCriteria(criteria).map((f) => ({
    id: f.node.id,
    idPath: f.ids,
    localWeight: f.node.kind === "pass-fail" ? "0" : f.node.weight,
    globalWeight: decString(f.globalWeight),
    kind: f.node.kind,
  }));
}

/**
 * One attribute for swing weighting.
 *
 * @example
 * ```ts
 * const item: SwingItem = { id: "co2", worst: "500", best: "100", importance: "0.1" };
 * ```
 */
export interface SwingItem {
  /** Criterion id. */
  readonly id: string;
  /** Worst plausible level of the attribute across the options considered (decimal string). */
  readonly worst?: string;
  /** Best plausible level (decimal string). */
  readonly best?: string;
  /** Importance of the swing: per unit of the attribute when a range is given, or the panel's swing rating (e.g. 0–100) when not. */
  readonly importance: string;
}

/**
 * A swing weight.
 *
 * @example
 * ```ts
 * const w: SwingWeight = { id: "co2", swing: "40", weight: "25" };
 * ```
 */
export interface SwingWeight {
  /** Criterion id. */
  readonly id: string;
  /** Unnormalised swing value: |best − worst| × importance (or importance alone). */
  readonly swing: string;
  /** Weight in percent, rounded so the weights sum to exactly 100. */
  readonly weight: string;
}

/**
 * Swing weighting (von Winterfeldt & Edwards 1986; UK DCLG "Multi-criteria analysis: a manual", 2009, §6.2.10):
 * weight_i ∝ swing_i × importance_i, where swing_i = |best_i − worst_i|. Weights are normalised to 100 and
 * rounded to `decimals` places by the largest-remainder method (ties to the earlier item), so they sum to
 * exactly 100 and can be published as they are.
 *
 * @param items - attributes with their ranges and importances
 * @param decimals - decimal places of the weights (default 2)
 * @returns one weight per item, in input order
 * @throws RangeError if every swing is zero (there is nothing to weight)
 * @example
 * ```ts
 * swingWeights([{ id: "a", importance: "100" }, { id: "b", importance: "50" }, { id: "c", importance: "50" }]);
 * //=> [{ id: "a", swing: "100", weight: "50" }, { id: "b", swing: "50", weight: "25" }, { id: "c", swing: "50", weight: "25" }]
 * ```
 */
export function swingWeights(items: readonly SwingItem[], decimals = 2): SwingWeight[] {
  const swings = items.map((it) => {
    const imp = new Dec(it.importance);
    if (imp.isNegative()) throw new RangeError(`importance of ${it.id} must be ≥ 0, got ${it.importance}`);
    return it.worst !== undefined && it.best !== undefined ? new Dec(it.best).minus(new Dec(it.worst)).abs().times(imp) : imp;
  });
  const total = sumDec(swings);
  if (total.isZero()) throw new RangeError("every swing is zero: nothing to weight");
  const unit = new Dec(10).pow(-decimals);
  const exact = swings.map((s) => s.times(HUNDRED).div(total));
  const floors = exact.map((e) => e.toDecimalPlaces(decimals, Dec.ROUND_DOWN));
  let remaining = HUNDRED.minus(sumDec(floors)).div(unit).round().toNumber();
  const order = exact.map((e, i) => ({ i, rem: e.minus(floors[i] as Dec) })).sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
  const weights = [...floors];
  for (const { i } of order) {
    if (remaining <= 0) break;
    weights[i] = (weights[i] as Dec).plus(unit);
    remaining--;
  }
  return items.map((it, i) => ({ id: it.id, swing: decString(swings[i] as Dec), weight: decString(weights[i] as Dec) }));
}
