import { Dec, decString } from "../_lib/decimal.js";
import { type Figure, figureDec, figureFixed } from "../_lib/figure.js";
import { compareFixed, decimalQuotient, fixedOf, fixedString, minusDecimal } from "../_lib/fixed.js";
import { parseOptions, type ParsedOption } from "./_internal/options.js";
import { safely, type SafeResult } from "../errors/VbpInputError.js";
import { parseWith } from "../schema/issues.js";
import { nonNegativeDecimalSchema } from "../schema/primitives.js";
import * as z from "zod/mini";
import { formatRatio, ratioSettingsSchema } from "./_internal/ratio.js";
import type { CeaOption, IncrementalAnalysis, IncrementalOptionResult } from "./types.js";

/**
 * Settings for {@link incrementalAnalysis}.
 *
 * @example
 * ```ts
 * const settings: IncrementalSettings = { icerDecimalPlaces: 2 };
 * ```
 */
export interface IncrementalSettings {
  /** Decimal places to round ICERs to (half-even) in the output; all digits (50 significant) when omitted. */
  readonly icerDecimalPlaces?: number;
}

/** A point on the cost-effectiveness plane: one or more options with identical cost and effect. */
interface Point {
  /** Ledger units (from the whole job) or a Decimal. */
  readonly cost: Figure;
  readonly effect: Dec;
  /** Cost and effect as written in the result. */
  readonly costText: string;
  readonly effectText: string;
  /** The cost as the nearest double. */
  readonly approx: number;
  /** Members sorted by id; members[0] names the point. */
  readonly members: ParsedOption[];
}

type Fate =
  | { readonly kind: "dominated"; readonly by: Point }
  | { readonly kind: "extended"; readonly between: readonly [Point, Point] }
  | { readonly kind: "frontier"; readonly position: number };

function byId(a: ParsedOption, b: ParsedOption): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Groups identical (cost, effect) pairs into points; the grouping does not depend on input order. */
function toPoints(options: readonly ParsedOption[]): Point[] {
  const groups = new Map<string, Point>();
  // Options often share one effect (or cost) object: each is written once.
  const texts = new Map<Dec, string>();
  const textOf = (d: Dec): string => {
    let t = texts.get(d);
    if (t === undefined) texts.set(d, (t = decString(d)));
    return t;
  };
  for (const o of options) {
    const costText = typeof o.cost === "bigint" ? fixedString(o.cost) : textOf(o.cost);
    const effectText = textOf(o.effect);
    const key = `${costText}|${effectText}`;
    const g = groups.get(key);
    if (g === undefined) groups.set(key, { cost: o.cost, effect: o.effect, costText, effectText, approx: +costText, members: [o] });
    else g.members.push(o);
  }
  const points = [...groups.values()];
  for (const p of points) p.members.sort(byId);
  return points;
}

/**
 * Cost ascending, then effect descending: the first point at each cost is the only candidate there. Rounding
 * to the nearest double keeps order, so costs whose doubles differ are settled by them (equal ones, and two
 * infinities, whose difference is NaN, are compared exactly).
 */
function byCostThenEffectDesc(a: Point, b: Point): number {
  return a.approx - b.approx || compareFixed(figureFixed(a.cost), figureFixed(b.cost)) || b.effect.comparedTo(a.effect);
}

/**
 * Whether the middle point's ICER (versus `a`) is greater than that of `c` versus the middle point, that is
 * `(b.c − a.c)/(b.e − a.e) > (c.c − b.c)/(c.e − b.e)`, compared exactly by cross-multiplication (both effect
 * increments are > 0 on the non-dominated list).
 */
function icerExceedsNext(a: Point, b: Point, c: Point): boolean {
  const [ac, bc, cc] = [figureDec(a.cost), figureDec(b.cost), figureDec(c.cost)];
  const left = bc.minus(ac).times(c.effect.minus(b.effect));
  const right = cc.minus(bc).times(b.effect.minus(a.effect));
  return left.greaterThan(right);
}

/** First index in `list` (effects strictly increasing) whose effect is ≥ `effect`. */
function firstWithEffectAtLeast(list: readonly Point[], effect: Dec): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as Point).effect.greaterThanOrEqualTo(effect)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Fully incremental cost-effectiveness analysis: sorts options by cost, removes strictly dominated options,
 * then extendedly dominated ones, and reports the ICERs along the efficiency frontier. Exact (decimal
 * arithmetic throughout; comparisons of ICERs by exact cross-multiplication).
 *
 * Rules (Drummond et al. 2015, *Methods for the Economic Evaluation of Health Care Programmes*, 4th ed., ch. 4;
 * Briggs, Claxton & Sculpher 2006, *Decision Modelling for Health Economic Evaluation*, ch. 1 and 4):
 * - **Strict dominance**: an option is dominated when another is no more costly and no less effective, at
 *   least one strictly (so "equal cost, less effective" and "equal effect, more costly" are dominated).
 * - **Extended dominance**: among the non-dominated options in increasing cost, an option whose ICER (versus
 *   the previous one) is greater than the ICER of the next, more effective option is removed; repeated until
 *   ICERs increase along the frontier. Equal ICERs (collinear options) are kept. The result is the lower-right
 *   convex hull of the cost-effectiveness plane, computed in one pass (O(n log n) overall).
 * - **Ties**: options with identical cost and effect are one point on the plane; all are kept, each lists the
 *   others in `tiedWith`, and all share that point's fate. On the frontier their status is `"tie"`; elsewhere
 *   the point is referred to by the smallest id of the group. The result never depends on input order.
 * - **ICER** = ΔC/ΔE between consecutive frontier options; the frontier has ΔC > 0 and ΔE > 0 throughout, so an
 *   ICER is always a positive finite number; no ICER is reported off the frontier.
 *
 * @param options - the options, each `{ id, label?, cost, effect }` (costs and effects as decimal strings or finite numbers); ids unique
 * @param settings - optional presentation settings (`icerDecimalPlaces`)
 * @returns one result per option in input order, plus the frontier ids and ICERs
 * @throws VbpInputError when the list is empty, an id repeats, or a cost or effect is not a finite decimal
 * @example
 * ```ts
 * const r = incrementalAnalysis([
 *   { id: "A", cost: 1000, effect: "1.0" },
 *   { id: "B", cost: 3000, effect: "1.1" },  // extendedly dominated by A and C
 *   { id: "C", cost: 4000, effect: "1.3" },
 *   { id: "D", cost: 5000, effect: "1.2" },  // dominated by C
 * ]);
 * r.frontier;       //=> ["A", "C"]
 * r.frontierIcers;  //=> ["10000"]
 * r.options[1].status; //=> "extendedly-dominated"
 * ```
 */
export function incrementalAnalysis(options: readonly CeaOption[], settings: IncrementalSettings = {}): IncrementalAnalysis {
  const parsed = parseOptions(options);
  parseWith(z.strictObject({ settings: ratioSettingsSchema() }), { settings });
  return parsedIncrementalAnalysis(parsed, settings);
}

/** @internal {@link incrementalAnalysis} on options already parsed to exact decimals (ids unique) and valid settings. */
export function parsedIncrementalAnalysis(parsed: readonly ParsedOption[], settings: IncrementalSettings = {}): IncrementalAnalysis {
  const points = toPoints(parsed).sort(byCostThenEffectDesc);

  const fate = new Map<Point, Fate>();
  // Strict dominance sweep: `undominated` keeps cost and effect strictly increasing.
  const undominated: Point[] = [];
  for (const p of points) {
    const last = undominated[undominated.length - 1];
    if (last !== undefined && last.effect.greaterThanOrEqualTo(p.effect)) {
      fate.set(p, { kind: "dominated", by: undominated[firstWithEffectAtLeast(undominated, p.effect)] as Point });
    } else undominated.push(p);
  }

  // Extended dominance: lower convex hull by a monotone stack.
  const hull: Point[] = [];
  for (const p of undominated) {
    while (hull.length >= 2 && icerExceedsNext(hull[hull.length - 2] as Point, hull[hull.length - 1] as Point, p)) hull.pop();
    hull.push(p);
  }
  hull.forEach((p, position) => fate.set(p, { kind: "frontier", position }));
  let previous: Point | undefined;
  const pending: Point[] = [];
  for (const p of undominated) {
    if (fate.has(p)) {
      for (const q of pending) fate.set(q, { kind: "extended", between: [previous as Point, p] });
      pending.length = 0;
      previous = p;
    } else pending.push(p);
  }

  const frontierIcers: string[] = [];
  const icers = hull.map((p, k) => {
    if (k === 0) return undefined;
    const prev = hull[k - 1] as Point;
    const dc = minusDecimal(figureFixed(p.cost), figureFixed(prev.cost));
    const de = p.effect.minus(prev.effect);
    const icer = formatRatio(decimalQuotient(dc.m, fixedOf(de), dc.s), settings);
    frontierIcers.push(icer);
    return { comparedWith: (prev.members[0] as ParsedOption).id, incrementalCost: fixedString(dc.m, dc.s), incrementalEffect: decString(de), icer };
  });
  const dominantAlone = hull.length === 1 && points.length > 1;

  const results = new Array<IncrementalOptionResult>(parsed.length);
  for (const p of points) {
    const f = fate.get(p) as Fate;
    // Same for every member of the point (the pair of an extended dominance is shared, frozen).
    const pair = f.kind === "extended" ? Object.freeze([(f.between[0].members[0] as ParsedOption).id, (f.between[1].members[0] as ParsedOption).id] as const) : undefined;
    for (const o of p.members) {
      const tiedWith = p.members.length > 1 ? Object.freeze(p.members.filter((m) => m !== o).map((m) => m.id)) : undefined;
      // Written key by key in the result's order (id, label, cost, effect, status, onFrontier, …).
      const row: Record<string, unknown> = { id: o.id };
      if (o.label !== undefined) row.label = o.label;
      row.cost = p.costText;
      row.effect = p.effectText;
      if (f.kind === "frontier") {
        row.status = tiedWith !== undefined ? "tie" : dominantAlone ? "dominant" : f.position === 0 ? "reference" : "frontier";
        row.onFrontier = true;
        row.frontierPosition = f.position;
      } else {
        row.status = f.kind === "dominated" ? "dominated" : "extendedly-dominated";
        row.onFrontier = false;
      }
      if (tiedWith !== undefined) row.tiedWith = tiedWith;
      if (f.kind === "dominated") row.dominatedBy = (f.by.members[0] as ParsedOption).id;
      else if (f.kind === "extended") row.extendedlyDominatedBy = pair;
      else Object.assign(row, icers[f.position]);
      results[o.index] = Object.freeze(row) as unknown as IncrementalOptionResult;
    }
  }
  return Object.freeze({
    options: Object.freeze(results),
    frontier: Object.freeze(hull.map((p) => (p.members[0] as ParsedOption).id)),
    frontierIcers: Object.freeze(frontierIcers),
  });
}

/**
 * {@link incrementalAnalysis} that returns the problems instead of throwing.
 *
 * @param options - as for {@link incrementalAnalysis}
 * @param settings - as for {@link incrementalAnalysis}
 * @returns `{ success: true, data }` or `{ success: false, error }` with every issue
 * @example
 * ```ts
 * const r = safeIncrementalAnalysis([]);
 * r.success; //=> false
 * ```
 */
export function safeIncrementalAnalysis(options: readonly CeaOption[], settings: IncrementalSettings = {}): SafeResult<IncrementalAnalysis> {
  return safely(() => incrementalAnalysis(options, settings));
}

/**
 * The frontier option that is optimal at a threshold, with the range of thresholds over which it is.
 *
 * @example
 * ```ts
 * const choice: FrontierChoice = { id: "B", from: "100", to: "1000" };
 * ```
 */
export interface FrontierChoice {
  /** Id of the optimal frontier option (the smallest id of a tied group). */
  readonly id: string;
  /** The ICER at which it becomes optimal (its own ICER); absent for the reference. */
  readonly from?: string;
  /** The ICER of the next frontier option, from which that one is optimal; absent for the last. */
  readonly to?: string;
}

/**
 * The decision at a willingness to pay λ read off an incremental analysis: the frontier option whose ICER
 * interval contains λ, i.e. the last frontier option whose ICER is ≤ λ (the reference when λ is below every
 * ICER). At λ equal to an ICER the two neighbours have equal NMB; the more effective one is returned (an ICER
 * at the threshold counts as cost-effective). This is the option with the highest net monetary benefit.
 *
 * @param analysis - the result of {@link incrementalAnalysis}
 * @param threshold - λ, ≥ 0
 * @returns the frontier option's id (the smallest id of a tied group) and the ICER interval `[from, to)` where it is optimal
 * @throws VbpInputError when λ is negative or not a finite decimal
 * @example
 * ```ts
 * const cea = incrementalAnalysis([{ id: "A", cost: 0, effect: 0 }, { id: "B", cost: 100, effect: 1 }, { id: "C", cost: 1100, effect: 2 }]);
 * frontierOptionAt(cea, 500);  //=> { id: "B", from: "100", to: "1000" }
 * frontierOptionAt(cea, 50);   //=> { id: "A", to: "100" }
 * ```
 */
export function frontierOptionAt(analysis: IncrementalAnalysis, threshold: string | number): FrontierChoice {
  const lambda = new Dec(parseWith(z.strictObject({ threshold: nonNegativeDecimalSchema() }), { threshold }).threshold);
  let k = 0;
  while (k < analysis.frontierIcers.length && new Dec(analysis.frontierIcers[k] as string).lessThanOrEqualTo(lambda)) k++;
  const from = analysis.frontierIcers[k - 1];
  const to = analysis.frontierIcers[k];
  return Object.freeze({ id: analysis.frontier[k] as string, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) });
}
