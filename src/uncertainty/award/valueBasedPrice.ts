import { Dec, decString } from "../../_lib/decimal.js";
import { fixedOf, percentText } from "../../_lib/fixed.js";
import type { VbpIssue, VbpPath } from "../../errors/issue.js";
import { VbpInputError } from "../../errors/VbpInputError.js";
import { evaluate } from "../../evaluate/evaluate.js";
import type { EvaluationResult } from "../../evaluate/result.js";
import { formatMoney } from "../../money/money.js";
import { awardUncertainty, type AwardUncertaintyOptions } from "./awardUncertainty.js";
import { tenderOfEvaluation } from "./documentTender.js";
import { pctText } from "./_internal/words.js";

/**
 * What the bid must keep as its price rises.
 *
 * - `rank`: its rank in the lot (default: its base-case rank) or better;
 * - `cost-effective`: incremental net monetary benefit against the comparator ≥ 0 at a threshold per QALY
 *   (default: the document's threshold), on whole-pathway cost and QALYs per patient;
 * - `probability-of-winning`: a probability of winning at least `probability` under the stated award
 *   uncertainty (the same seed at every trial price: common random numbers).
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const t: ValueBasedPriceTarget = { kind: "rank", rank: 2 };
 * ```
 */
export type ValueBasedPriceTarget =
  | {
      /** Keep a rank. */
      readonly kind: "rank";
      /** The rank to keep or better (default: the base-case rank). */
      readonly rank?: number;
    }
  | {
      /** Stay cost-effective against the comparator. */
      readonly kind: "cost-effective";
      /** Threshold per QALY (decimal string; default: the document's threshold). */
      readonly thresholdPerQaly?: string;
    }
  | {
      /** Keep a probability of winning. */
      readonly kind: "probability-of-winning";
      /** The probability to keep, in (0, 1]. */
      readonly probability: number;
      /** The award uncertainty to simulate at each trial price. */
      readonly uncertainty: Omit<AwardUncertaintyOptions, "onProgress" | "signal">;
    };

/**
 * Options of {@link valueBasedPrice}.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const o: ValueBasedPriceOptions = { optionId: "b", target: { kind: "rank" } };
 * ```
 */
export interface ValueBasedPriceOptions {
  /** The bid whose price is solved for. */
  readonly optionId: string;
  /** What it must keep. */
  readonly target: ValueBasedPriceTarget;
  /** Price step the answer is stated to (default `"0.01"`: a penny). */
  readonly step?: string;
  /** Highest price searched (default 100 × the bid price). */
  readonly maxPrice?: string;
  /** A second input for a two-way analysis: a path into the document and the values to try. */
  readonly twoWay?: {
    /** Where the second input is in the document (e.g. `["options", 2, "price"]`). */
    readonly path: VbpPath;
    /** The values to try (decimal strings). */
    readonly values: readonly string[];
  };
}

/**
 * One value-based price.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const v: ValueBasedPriceResult["prices"][number] = { price: "131.42", holds: true, above: { price: "132.73", holds: false } };
 * ```
 */
export interface ValueBasedPriceResult {
  /** The bid. */
  readonly optionId: string;
  /** Supplier. */
  readonly supplier: string;
  /** The bid's own price. */
  readonly bidPrice: string;
  /** The target in words. */
  readonly target: string;
  /** One entry (one-way), or one per value of the second input (two-way). */
  readonly prices: readonly {
    /** The second input's value (two-way only). */
    readonly at?: string;
    /** The highest price (to `step`) at which the target holds; absent when it holds at no price ≥ step. */
    readonly price?: string;
    /** Whether it holds at every price searched (then `price` is `maxPrice`). */
    readonly unbounded?: boolean;
    /** What the pipeline gives at that price (the check that the answer holds when applied). */
    readonly atPrice?: string;
    /** What the pipeline gives 1% above it (the target fails there). */
    readonly onePercentAbove?: string;
    /** In words. */
    readonly explanation: string;
  }[];
}

function setAt(doc: unknown, path: VbpPath, value: string): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let cur: Record<string | number, unknown> = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const next = cur[path[i] as string | number];
    if (next === null || typeof next !== "object") throw new VbpInputError([{ code: "unknown_reference", path: ["twoWay", "path"], message: `the document has nothing at ${path.slice(0, i + 1).join(".")}` }]);
    cur = next as Record<string | number, unknown>;
  }
  cur[path[path.length - 1] as string | number] = value;
  return copy;
}

/**
 * The value-based price: the highest price at which a bid stays cost-effective at a threshold, keeps its rank,
 * or keeps a stated probability of winning. Solved through the whole pipeline: each trial price is written into
 * the document and `evaluate` runs again (lifecycle cost, whole-pathway cost, NMB, every criterion, the price
 * formula with the lowest price recomputed, gates and tie-breaks), then bisection to the price step. The answer
 * is checked by applying it: the target holds at the price and fails 1% above (both reported).
 *
 * With `twoWay`, the price is solved again for each value of a second input (any number in the document, by
 * path): a two-way analysis. For a probability curve, see {@link winProbabilityByPrice}.
 *
 * @param document - an evaluation document
 * @param options - the bid, the target, the step, and an optional second input
 * @returns the price(s) with the check and an explanation
 * @throws VbpInputError for a bad document or options
 * @category Award uncertainty
 * @example
 * ```ts
 * const json = { title: "Wound dressings", currency: "GBP", priceBaseDate: "2026-04-01", horizonYears: 1, discounting: {}, patientsPerYear: "100",
 *   pathway: { id: "ssi", parameters: [{ id: "p_ssi", value: "0.1" }], tree: { root: "surgery", nodes: [
 *     { id: "surgery", items: [{ id: "bed", category: "bed-days", quantity: 3, unitCost: 400, carbonKgPerUnit: 30 }],
 *       branches: [{ to: "ssi", probability: { param: "p_ssi" } }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: 7, unitCost: 400, carbonKgPerUnit: 30 }], qalys: "-0.02" },
 *     { id: "healed" },
 *   ] } },
 *   options: [
 *     { id: "current", supplier: "Current practice", label: "Standard dressing", isComparator: true, price: "5" },
 *     { id: "a", supplier: "Acme", label: "Dressing A", price: "100", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }] },
 *     { id: "b", supplier: "Bramley", label: "Dressing B", price: "60", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.8" }] },
 *   ],
 *   tender: { criteria: [
 *     { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 *     { id: "cost", label: "Whole-pathway cost", kind: "quantitative", weight: "60", valueFunction: { fn: "linear", direction: "lower-is-better", params: { lower: "1300", upper: "1500" } } },
 *   ] },
 *   criterionMetrics: { cost: "wholePathwayCostPerPatient" },
 * };
 * const v = valueBasedPrice(json, { optionId: "b", target: { kind: "rank" } });
 * v.prices[0].explanation; //=> "Bramley keeps rank 2 or better at every price up to £6,000.00."
 * ```
 */
export function valueBasedPrice(document: unknown, options: ValueBasedPriceOptions): ValueBasedPriceResult {
  const base = evaluate(document, { summaries: false });
  const idx = base.options.findIndex((o) => o.optionId === options.optionId);
  const issues: VbpIssue[] = [];
  const opt = base.options[idx];
  if (opt === undefined) issues.push({ code: "unknown_reference", path: ["optionId"], message: `no option "${options.optionId}" in the document` });
  else if (opt.isComparator) issues.push({ code: "invalid_value", path: ["optionId"], message: `"${options.optionId}" is the comparator (current practice): it has no bid price to solve for` });
  else if (opt.price === undefined) issues.push({ code: "invalid_value", path: ["optionId"], message: `bid "${options.optionId}" has no price` });
  const step = readPositive(options.step ?? "0.01", ["step"], issues);
  if (issues.length > 0 || opt === undefined || step === undefined) throw new VbpInputError(issues);
  const bid = new Dec(opt.price as string);
  const maxPrice = options.maxPrice === undefined ? bid.times(100) : readPositive(options.maxPrice, ["maxPrice"], issues);
  const t = options.target;
  const baseRank = base.ranking.find((r) => r.optionId === options.optionId)?.rank;
  const wantRank = t.kind === "rank" ? (t.rank ?? baseRank) : undefined;
  if (t.kind === "rank" && (wantRank === undefined || !Number.isInteger(wantRank) || wantRank < 1)) issues.push({ code: "invalid_value", path: ["target", "rank"], message: `must be a whole number ≥ 1 (the bid is excluded in the base case, so it has no rank to keep)` });
  let lambda: Dec | undefined;
  if (t.kind === "cost-effective") {
    const l = t.thresholdPerQaly ?? base.referenceData.threshold?.perQaly;
    if (l === undefined) issues.push({ code: "invalid_value", path: ["target", "thresholdPerQaly"], message: "is required: the document sets no threshold" });
    else lambda = readPositive(l, ["target", "thresholdPerQaly"], issues);
  }
  if (t.kind === "probability-of-winning" && !(t.probability > 0 && t.probability <= 1)) issues.push({ code: "invalid_value", path: ["target", "probability"], message: `must lie in (0, 1], got ${t.probability}` });
  if (issues.length > 0 || maxPrice === undefined) throw new VbpInputError(issues);
  const money = (d: Dec): string => formatMoney({ amount: decString(d), currency: base.currency as "GBP" });
  const pathToPrice: VbpPath = ["options", (document as { options: unknown[] }).options.findIndex((o) => (o as { id?: string }).id === options.optionId), "price"];

  // What the pipeline says at one price: [holds, description].
  const judge = (doc: unknown, price: Dec): [boolean, string] => {
    const d = setAt(doc, pathToPrice, decString(price));
    if (t.kind === "probability-of-winning") {
      const r = awardUncertainty(tenderOfEvaluation(d), { ...t.uncertainty, importance: false, confidenceFactors: false });
      const b = r.lots.flatMap((l) => l.bids).find((x) => x.optionId === options.optionId);
      const p = b?.probabilityOfWinning ?? 0;
      return [p >= t.probability, `wins in ${pctText(p)} of scenarios`];
    }
    const res: EvaluationResult = evaluate(d, { summaries: false });
    if (t.kind === "rank") {
      const row = res.ranking.find((r) => r.optionId === options.optionId);
      return [row?.rank !== undefined && row.rank <= (wantRank as number), row?.rank === undefined ? "is excluded" : `ranks ${ordinal(row.rank)}`];
    }
    const me = res.options.find((o) => o.optionId === options.optionId);
    const cmp = res.options.find((o) => o.optionId === res.comparatorId);
    const inmb = new Dec(me?.qalysPerPatient ?? 0).minus(new Dec(cmp?.qalysPerPatient ?? 0)).times(lambda as Dec).minus(new Dec(me?.costs.wholePathway ?? 0).minus(new Dec(cmp?.costs.wholePathway ?? 0)));
    return [inmb.gte(0), `has an incremental net monetary benefit of ${money(inmb.toDecimalPlaces(2, Dec.ROUND_HALF_EVEN))} per patient`];
  };
  const targetText =
    t.kind === "rank" ? `keeps rank ${wantRank} or better` : t.kind === "cost-effective" ? `stays cost-effective against ${base.comparatorId} at ${money(lambda as Dec)} per QALY` : `keeps a probability of winning of at least ${pctText(t.probability)}`;
  const solve = (doc: unknown, at?: string): ValueBasedPriceResult["prices"][number] => {
    const units = (p: Dec): Dec => p.div(step).toDecimalPlaces(0, Dec.ROUND_FLOOR);
    const price = (u: Dec): Dec => u.times(step);
    let lo = new Dec(1);
    let hi = units(maxPrice);
    const who = `${opt.supplier}`;
    const where = at === undefined ? "" : ` (with ${options.twoWay?.path.join(".")} = ${at})`;
    if (!judge(doc, price(lo))[0]) return { ...(at !== undefined ? { at } : {}), explanation: `${who} ${targetText.replace("keeps", "cannot keep").replace("stays", "cannot stay")} at any price${where}: even ${money(price(lo))} is not enough.` };
    if (judge(doc, price(hi))[0]) return { ...(at !== undefined ? { at } : {}), price: decString(price(hi)), unbounded: true, explanation: `${who} ${targetText} at every price up to ${money(price(hi))}${where}.` };
    // Bisection on whole steps, assuming a higher price never helps the bid (true of every shipped price formula and of cost).
    while (hi.minus(lo).gt(1)) {
      const mid = lo.plus(hi).div(2).toDecimalPlaces(0, Dec.ROUND_FLOOR);
      if (judge(doc, price(mid))[0]) lo = mid;
      else hi = mid;
    }
    const p = price(lo);
    const [, atText] = judge(doc, p);
    const above = p.times("1.01").toDecimalPlaces(step.decimalPlaces(), Dec.ROUND_CEIL);
    const [aboveHolds, aboveText] = judge(doc, above);
    const change = p.minus(bid);
    const percent = percentText(fixedOf(change), fixedOf(bid), 1);
    const rel = percent === "" ? "" : ` (${percent}% ${change.isNegative() ? "below" : "above"} its bid of ${money(bid)})`;
    return {
      ...(at !== undefined ? { at } : {}),
      price: decString(p),
      atPrice: atText,
      onePercentAbove: aboveText,
      explanation: `${who} ${targetText} up to a price of ${money(p)}${rel}${where}: at that price it ${atText}; at ${money(above)} (1% above) it ${aboveText}${aboveHolds ? " (the target still holds there: the answer is limited by the price step's rounding only)" : ""}.`,
    };
  };
  const prices = options.twoWay === undefined ? [solve(document)] : options.twoWay.values.map((v) => solve(setAt(document, options.twoWay?.path ?? [], v), v));
  return { optionId: options.optionId, supplier: opt.supplier, bidPrice: decString(bid), target: targetText, prices };
}

/**
 * The probability that a bid wins as a function of its price: the curve of the value-based price under
 * uncertainty. Each price is written into the document, the whole evaluation runs, and the award
 * uncertainty is simulated with the same seed at every price (common random numbers, so the curve is smooth
 * and comparisons between prices are not blurred by sampling noise).
 *
 * @param document - an evaluation document
 * @param optionId - the bid
 * @param prices - the prices to try (decimal strings)
 * @param uncertainty - the award uncertainty (iterations, seed, weights, inputs)
 * @returns one point per price
 * @category Award uncertainty
 * @example
 * ```ts
 * const json = { title: "Wound dressings", currency: "GBP", priceBaseDate: "2026-04-01", horizonYears: 1, discounting: {}, patientsPerYear: "100",
 *   pathway: { id: "ssi", parameters: [{ id: "p_ssi", value: "0.1" }], tree: { root: "surgery", nodes: [
 *     { id: "surgery", items: [{ id: "bed", category: "bed-days", quantity: 3, unitCost: 400, carbonKgPerUnit: 30 }],
 *       branches: [{ to: "ssi", probability: { param: "p_ssi" } }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: 7, unitCost: 400, carbonKgPerUnit: 30 }], qalys: "-0.02" },
 *     { id: "healed" },
 *   ] } },
 *   options: [
 *     { id: "current", supplier: "Current practice", label: "Standard dressing", isComparator: true, price: "5" },
 *     { id: "a", supplier: "Acme", label: "Dressing A", price: "100", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }] },
 *     { id: "b", supplier: "Bramley", label: "Dressing B", price: "60", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.8" }] },
 *   ],
 *   tender: { criteria: [
 *     { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 *     { id: "cost", label: "Whole-pathway cost", kind: "quantitative", weight: "60", valueFunction: { fn: "linear", direction: "lower-is-better", params: { lower: "1300", upper: "1500" } } },
 *   ] },
 *   criterionMetrics: { cost: "wholePathwayCostPerPatient" },
 * };
 * winProbabilityByPrice(json, "b", ["40", "50", "60"], { iterations: 2000, seed: 1, weights: { groups: ["root"] } }).map((p) => [p.price, p.probability]);
 * //=> [["40", 0.6735], ["50", 0.636], ["60", 0.59]]
 * ```
 */
export function winProbabilityByPrice(document: unknown, optionId: string, prices: readonly string[], uncertainty: Omit<AwardUncertaintyOptions, "onProgress" | "signal">): readonly {
  /** The price tried. */
  readonly price: string;
  /** Probability of winning at that price. */
  readonly probability: number;
  /** Its Monte Carlo standard error. */
  readonly standardError: number;
}[] {
  const idx = Array.isArray((document as { options?: unknown }).options) ? (document as { options: { id?: string }[] }).options.findIndex((o) => o.id === optionId) : -1;
  if (idx < 0) throw new VbpInputError([{ code: "unknown_reference", path: ["optionId"], message: `no option "${optionId}" in the document` }]);
  const issues: VbpIssue[] = [];
  prices.forEach((p, i) => readPositive(p, ["prices", i], issues));
  if (issues.length > 0) throw new VbpInputError(issues);
  return prices.map((p) => {
    const r = awardUncertainty(tenderOfEvaluation(setAt(document, ["options", idx, "price"], p)), { ...uncertainty, importance: false, confidenceFactors: false });
    const b = r.lots.flatMap((l) => l.bids).find((x) => x.optionId === optionId);
    return { price: p, probability: b?.probabilityOfWinning ?? 0, standardError: b?.standardError ?? 0 };
  });
}

function readPositive(v: string, path: VbpPath, issues: VbpIssue[]): Dec | undefined {
  try {
    const d = new Dec(v);
    if (d.isFinite() && d.gt(0)) return d;
  } catch {
    // reported below
  }
  issues.push({ code: "invalid_value", path, message: `must be a decimal number > 0, got ${JSON.stringify(v)}` });
  return undefined;
}

function ordinal(r: number): string {
  const s = r % 100 >= 11 && r % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][r % 10] ?? "th");
  return `${r}${s}`;
}
