/**
 * What each ranked bid would need to overtake the bid above it, one criterion at a time: the next level of a
 * qualitative criterion, the value of a quantitative one (by bracketing and bisection on the value function),
 * or the price (by bisection in pennies, re-scoring every price criterion with the bid's new price).
 *
 * The public `scoreTender` asks for it; the whole job (`evaluate`) solves overtaking through its own
 * pipeline instead, so its bundle does not carry this analysis.
 *
 * @internal
 * @module
 */
import { Dec, decString, sumDec } from "../_lib/decimal.js";
import { VbpInputError } from "../errors/VbpInputError.js";
import { formatMoney } from "../money/money.js";
import type { QualitativeScale } from "./functions/index.js";
import { resolveValueFunction } from "./functions/value.js";
import { figureDec } from "../_lib/figure.js";
import { fixedOf, percentText, unitsDec } from "../_lib/fixed.js";
import type { Measure } from "./points.js";
import type { Leaf, LeafScore, OptionState, OvertakingTools, Priced, Run } from "./scoreTender.js";
import type { Overtaking, OvertakingStep } from "./tender.js";

const ZERO = new Dec(0);

const CANNOT = "cannot overtake on this criterion alone";

/** A bid's measure as a decimal (a weighted sum's is its points in ledger units). */
function measureDec(m: Measure | undefined): Dec | undefined {
  return m === undefined ? undefined : figureDec(m);
}

/** True if measure a is strictly better than b. */
function better(t: OvertakingTools, run: Run, a: Dec | undefined, b: Dec | undefined): boolean {
  return t.measureOrder(run, a, b) < 0;
}

/** The aggregate measure of a bid with these quality and total points and this price. */
function measureOf(t: OvertakingTools, run: Run, quality: Dec, totalPoints: Dec, price: Dec | undefined): Dec | undefined {
  return run.aggregation === "weighted-sum" ? totalPoints : t.priceMeasure(run, quality, price);
}

/** The overtaking answer of bid `me` against the bid ranked just above it. */
export function overtakingFor(t: OvertakingTools, run: Run, states: readonly OptionState[], me: Priced, target: Priced): Overtaking {
  const steps: OvertakingStep[] = [];
  const tm = measureDec(target.measure);
  const beatsWith = (quality: Dec, pricePoints: Dec, price: Dec | undefined): boolean => better(t, run, measureOf(t, run, quality, quality.plus(pricePoints), price), tm);
  const s = me.state;
  // The bid's points as decimals (the scores hold them in ledger units).
  const [quality, pricePoints] = [unitsDec(s.quality), unitsDec(me.pricePoints)];
  const money = (d: Dec): string => formatMoney({ amount: decString(d), currency: run.currency });
  run.leaves.forEach((leaf, li) => {
    const node = leaf.node;
    const base = { criterionId: node.id, label: node.label };
    if (node.kind === "qualitative") {
      const scale = leaf.scale as QualitativeScale;
      const cur = s.leafScores[li] as LeafScore;
      const curPoints = unitsDec(cur.units);
      const options = scale.levels
        .map((l, i) => ({ l, pts: (leaf.levelPoints as readonly Dec[])[i] as Dec }))
        .filter((x) => x.pts.gt(curPoints))
        .sort((a, b) => a.pts.comparedTo(b.pts));
      const found = options.find((x) => beatsWith(quality.minus(curPoints).plus(x.pts), pricePoints, s.price));
      if (found === undefined) steps.push({ ...base, possible: false, change: CANNOT });
      else {
        const n = options.filter((x) => x.pts.lte(found.pts)).length;
        steps.push({ ...base, possible: true, required: found.l.value, change: `+${n} level${n === 1 ? "" : "s"} on ${node.label} (${cur.level?.label ?? cur.raw} → ${found.l.label})` });
      }
    } else if (node.kind === "quantitative") {
      steps.push({ ...base, ...solveValue(t, run, leaf, me, (pts) => beatsWith(quality.minus(unitsDec((s.leafScores[li] as LeafScore).units)).plus(pts), pricePoints, s.price)) });
    }
  });
  if (s.price !== undefined && (run.priceLeaves.length > 0 || run.aggregation !== "weighted-sum")) {
    const label = run.priceLeaves[0]?.node.label ?? "Price";
    const id = run.priceLeaves[0]?.node.id ?? "price";
    const unit = new Dec(10).pow(-2);
    const solver = run.priceLeaves.length > 0 ? pricePairSolver(t, run, states, s.option.id, target.state.option.id) : undefined;
    const ok = (p: Dec): boolean => {
      if (solver === undefined) return beatsWith(quality, ZERO, p);
      const priced = solver(p);
      return better(t, run, priced.me, priced.target);
    };
    // Largest price (in pennies) that overtakes, by bisection on exact decimals; assumes that a lower price
    // never makes overtaking harder (true of every shipped formula: a lower bid never lowers its own score
    // and lowers Pmin-based scores of the others at most).
    let lo = unit;
    let hi = s.price;
    if (!ok(lo)) steps.push({ criterionId: id, label, possible: false, change: `${CANNOT} (even a price of ${money(lo)} does not overtake)` });
    else if (ok(hi)) steps.push({ criterionId: id, label, possible: true, required: decString(hi), change: "already ahead on price" });
    else {
      while (hi.minus(lo).gt(unit)) {
        const mid = lo.plus(hi).div(2).toDecimalPlaces(2, Dec.ROUND_DOWN);
        if (ok(mid)) lo = mid;
        else hi = mid;
      }
      steps.push({ criterionId: id, label, possible: true, required: decString(lo), change: `a price ${percentText(fixedOf(s.price.minus(lo)), fixedOf(s.price), 1)}% lower (≤ ${money(lo)})` });
    }
  }
  const mine = measureDec(me.measure);
  const gap = mine === undefined || tm === undefined ? "0" : decString(tm.minus(mine).abs());
  return { targetOptionId: target.state.option.id, gap, steps };
}

/**
 * Builds a solver for "the option's measure and the target's when the option bids `price`": the other eligible
 * bids' lowest, highest and sum are computed once, so each trial price costs O(number of bids) array work
 * and no Decimal parsing.
 */
function pricePairSolver(t: OvertakingTools, run: Run, states: readonly OptionState[], meId: string, targetId: string): (price: Dec) => { me: Dec | undefined; target: Dec | undefined } {
  const eligible = states.filter((x) => x.eligibleForPrice);
  const base = eligible.map((x) => x.price as Dec);
  const meIdx = eligible.findIndex((x) => x.option.id === meId);
  const me = eligible[meIdx] as OptionState;
  const target = eligible.find((x) => x.option.id === targetId) as OptionState;
  const others = base.filter((_, i) => i !== meIdx);
  // Read one by one: a lot can have more bids than one call takes as arguments.
  const oMin = others.length > 0 ? others.reduce((a, b) => (b.lt(a) ? b : a)) : undefined;
  const oMax = others.length > 0 ? others.reduce((a, b) => (b.gt(a) ? b : a)) : undefined;
  const oSum = sumDec(others);
  const compiled = run.priceLeaves.map((leaf) => t.compilePrice(run, leaf, base));
  return (price) => {
    const prices = [...base];
    prices[meIdx] = price;
    const lowest = oMin === undefined || price.lt(oMin) ? price : oMin;
    const highest = oMax === undefined || price.gt(oMax) ? price : oMax;
    const mean = oSum.plus(price).div(prices.length);
    const pts = (p: Dec): Dec =>
      sumDec(
        compiled.map((c) => {
          const ctx = { ...c.ctx, prices, lowest, highest, mean };
          return t.guard(c.formula.score(p, ctx).points, c.ctx.maxPoints as Dec);
        }),
      );
    const mePts = pts(price);
    const tPts = pts(target.price as Dec);
    const [meQuality, targetQuality] = [unitsDec(me.quality), unitsDec(target.quality)];
    return { me: measureOf(t, run, meQuality, meQuality.plus(mePts), price), target: measureOf(t, run, targetQuality, targetQuality.plus(tPts), target.price) };
  };
}

function solveValue(t: OvertakingTools, run: Run, leaf: Leaf, me: Priced, ok: (points: Dec) => boolean): Omit<OvertakingStep, "criterionId" | "label"> {
  const node = leaf.node;
  if (node.kind !== "quantitative") return { possible: false, change: CANNOT };
  const li = run.leaves.indexOf(leaf);
  const cur = me.state.leafScores[li] as LeafScore;
  if (!ok(leaf.max)) return { possible: false, change: `${CANNOT} (even full marks, ${t.short(leaf.max)} points, do not overtake)` };
  const v0 = new Dec(cur.raw as string);
  const spec = node.valueFunction;
  const dir = spec.direction === "lower-is-better" ? -1 : 1;
  // The function and its parameters are resolved once; each trial value then costs one call of the function.
  const { fn, direction, params } = resolveValueFunction(spec, run.valueFunctions);
  const points = (v: Dec): Dec | undefined => {
    try {
      return t.guard(fn.score(v, { maxPoints: leaf.max, direction, params }).points, leaf.max);
    } catch (e) {
      if (e instanceof VbpInputError) return undefined;
      throw e;
    }
  };
  const step = Dec.max(v0.abs(), new Dec(1));
  let lo = v0;
  let hi: Dec | undefined;
  for (let k = 0; k < 64; k++) {
    const cand = v0.plus(step.times(new Dec(2).pow(k)).times(dir));
    const p = points(cand);
    if (p !== undefined && ok(p)) {
      hi = cand;
      break;
    }
    if (p !== undefined) lo = cand;
  }
  if (hi === undefined) return { possible: false, change: CANNOT };
  // Bisect until the bracket is below 1e-7 of the value's scale: enough to state the bound to 6 significant figures.
  const tol = step.times("1e-7");
  for (let k = 0; k < 100 && hi.minus(lo).abs().gt(tol); k++) {
    const mid = lo.plus(hi).div(2);
    const p = points(mid);
    if (p !== undefined && ok(p)) hi = mid;
    else lo = mid;
  }
  // Show the bound to 6 significant figures, rounded toward the side that still overtakes.
  let shown = hi.toSignificantDigits(6, dir > 0 ? Dec.ROUND_UP : Dec.ROUND_DOWN);
  const sp = points(shown);
  if (sp === undefined || !ok(sp)) shown = hi;
  const unit = node.unit !== undefined ? ` ${node.unit}` : "";
  const change = shown.minus(v0);
  const percent = percentText(fixedOf(change), fixedOf(v0), 1);
  return {
    possible: true,
    required: decString(shown),
    change: `a value ${dir > 0 ? "≥" : "≤"} ${decString(shown)}${unit} on ${node.label} (now ${decString(v0)}${unit}; ${percent === "" ? decString(change.abs()) : `${percent}%`} ${change.isNegative() ? "lower" : "higher"})`,
  };
}
