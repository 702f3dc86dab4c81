import { Dec, decString } from "../../_lib/decimal.js";
import type { WeightedCriterionCommon, Criterion } from "../../scoring/criteria.js";
import { scoreTender } from "../../scoring/scoreTender.js";
import type { ScoringRegistries } from "../../scoring/schema.js";
import type { Tender } from "../../scoring/tender.js";
import type { FloatPriceKernel, FloatValueKernel } from "./floatKernels.js";
import { buildPlan } from "./_internal/plan.js";

/**
 * The smallest change of one criterion's weight that changes the winner.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const f: WeightFlip = { criterionId: "price", label: "Price", weight: "40", possible: true, newWeight: "47.31", newWinner: "B", verified: true, explanation: "…" };
 * ```
 */
export interface WeightFlip {
  /** The criterion. */
  readonly criterionId: string;
  /** Its label. */
  readonly label: string;
  /** Its weight among its siblings now, percent. */
  readonly weight: string;
  /** Whether some weight of this criterion alone (siblings rescaled in proportion) changes the winner. */
  readonly possible: boolean;
  /** The nearest weight (percent, 2 decimals, siblings rescaled) at which the winner changes. */
  readonly newWeight?: string;
  /** The new winner there (absent when the first rank is then shared). */
  readonly newWinner?: string;
  /** Checked by re-scoring the tender exactly with the new weights. */
  readonly verified: boolean;
  /** In words. */
  readonly explanation: string;
}

/**
 * Options of {@link weightFlips}.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const o: WeightFlipOptions = { registries: {} };
 * ```
 */
export interface WeightFlipOptions {
  /** Your own price formulas and value functions (as for `scoreTender`). */
  readonly registries?: ScoringRegistries;
  /** Float64 kernels for your own price formulas. */
  readonly priceKernels?: Readonly<Record<string, FloatPriceKernel>>;
  /** Float64 kernels for your own value functions. */
  readonly valueKernels?: Readonly<Record<string, FloatValueKernel>>;
}

/**
 * The result of {@link weightFlips}: per lot, the base winner and one entry per weighted criterion.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const tender = {
 *   criteria: [
 *     { id: "quality", label: "Quality", kind: "qualitative", weight: "60", scale: "0-5" },
 *     { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 *   ],
 *   options: [{ id: "A", supplier: "Acme", label: "Pump A", price: "10000" }, { id: "B", supplier: "Beta", label: "Pump B", price: "8000" }],
 *   evaluatorScores: [
 *     { criterionId: "quality", optionId: "A", evaluatorId: "E1", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", evaluatorId: "E1", level: "3", reason: "Adequate" },
 *   ],
 *   consensus: [
 *     { criterionId: "quality", optionId: "A", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", level: "3", reason: "Adequate" },
 *   ],
 * };
 * const r: WeightFlipResult = weightFlips(tender);
 * ```
 */
export interface WeightFlipResult {
  /** Per lot. */
  readonly lots: readonly {
    /** Lot id. */
    readonly lotId: string;
    /** Winner of the exact base-case scoring. */
    readonly baseWinner?: string;
    /** One entry per weighted criterion. */
    readonly criteria: readonly WeightFlip[];
  }[];
}

/**
 * Per lot and per weighted criterion, the smallest change of that criterion's weight that changes the winner,
 * the other weights in its group rescaled in proportion so they still sum to 100% (one-way weight
 * sensitivity; Triantaphyllou & Sánchez (1997) Decision Sciences 28(1) 151–194 ask the same question of the
 * weighted sum). Solved on the Float64 scoring (a scan in 0.25-point steps, then bisection), stated to 2
 * decimals rounded away from the current weight, then verified by re-scoring the tender exactly with those
 * weights; `verified` says whether the exact scoring confirms it.
 *
 * @param tender - the tender
 * @param options - registries and Float64 kernels for your own formulas
 * @returns per lot: the base winner and one entry per weighted criterion
 * @category Award uncertainty
 * @example
 * ```ts
 * const tender = {
 *   criteria: [
 *     { id: "quality", label: "Quality", kind: "qualitative", weight: "60", scale: "0-5" },
 *     { id: "price", label: "Price", kind: "price", weight: "40", formula: { formula: "relative-to-lowest" } },
 *   ],
 *   options: [{ id: "A", supplier: "Acme", label: "Pump A", price: "10000" }, { id: "B", supplier: "Beta", label: "Pump B", price: "8000" }],
 *   evaluatorScores: [
 *     { criterionId: "quality", optionId: "A", evaluatorId: "E1", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", evaluatorId: "E1", level: "3", reason: "Adequate" },
 *   ],
 *   consensus: [
 *     { criterionId: "quality", optionId: "A", level: "4", reason: "Strong training plan" },
 *     { criterionId: "quality", optionId: "B", level: "3", reason: "Adequate" },
 *   ],
 * };
 * weightFlips(tender).lots[0].criteria.find((c) => c.criterionId === "price")?.explanation;
 * //=> "Raising the weight of Price from 40% to 50.01% (the others in its group scaled down in proportion) makes Beta the winner instead of Acme."
 * ```
 */
export function weightFlips(tender: unknown, options: WeightFlipOptions = {}): WeightFlipResult {
  const plan = buildPlan(tender, { seed: 0, ...options });
  const { sampler } = plan;
  const flat = sampler.flat;
  const local = new Float64Array(sampler.baseLocal);
  const global = new Float64Array(sampler.leafFlat.length);
  const siblings = (fi: number): number[] => flat.flatMap((f, i) => (f.parent === (flat[fi]?.parent ?? -2) && f.node.kind !== "pass-fail" ? [i] : []));
  const weighted = flat.flatMap((f, i) => (f.node.kind === "pass-fail" ? [] : [i])).filter((i) => siblings(i).length > 1);
  const setWeight = (fi: number, w: number): void => {
    local.set(sampler.baseLocal);
    const sib = siblings(fi);
    const rest = 1 - (sampler.baseLocal[fi] as number);
    for (const s of sib) {
      if (s === fi) local[s] = w;
      else local[s] = rest <= 0 ? (1 - w) / (sib.length - 1) : ((sampler.baseLocal[s] as number) * (1 - w)) / rest;
    }
    sampler.globals(local, global);
  };
  return {
    lots: plan.lots.map((kern, li) => {
      const prices = Float64Array.from(kern.basePrice);
      const values = new Float64Array(0);
      const pass = Uint8Array.from(kern.basePass);
      const winnerAt = (fi: number, w: number): number => {
        setWeight(fi, w);
        kern.run(global, prices, [], values, pass);
        return kern.winner();
      };
      const baseId = plan.baseWinner[li];
      const base = baseId === undefined ? -1 : kern.optionIds.indexOf(baseId);
      const criteria: WeightFlip[] = weighted.map((fi) => {
        const node = flat[fi]?.node as Criterion & WeightedCriterionCommon;
        const w0 = sampler.baseLocal[fi] as number;
        const head = { criterionId: node.id, label: node.label, weight: node.weight };
        let best: { w: number; winner: number } | undefined;
        // Every weight must stay > 0: keep each weight in the group at 0.01% or more.
        const others = siblings(fi).filter((s) => s !== fi);
        const smallest = Math.min(...others.map((s) => sampler.baseLocal[s] as number));
        const wMax = 1 - (0.0001 * (1 - w0)) / smallest;
        const wMin = 0.0001;
        for (const dir of [1, -1]) {
          let prev = w0;
          for (let k = 1; ; k++) {
            const w = w0 + dir * k * 0.0025;
            const edge = dir > 0 ? w >= wMax : w <= wMin;
            const cand = edge ? (dir > 0 ? wMax : wMin) : w;
            const win = winnerAt(fi, cand);
            if (win !== base) {
              let a = prev;
              let b = cand;
              for (let it = 0; it < 60; it++) {
                const m = (a + b) / 2;
                if (winnerAt(fi, m) !== base) b = m;
                else a = m;
              }
              if (best === undefined || Math.abs(b - w0) < Math.abs(best.w - w0)) best = { w: b, winner: winnerAt(fi, b) };
              break;
            }
            prev = cand;
            if (edge) break;
          }
        }
        if (best === undefined) return { ...head, possible: false, verified: true, explanation: `No weight of ${node.label} alone (anywhere between 0.01% and the most its group allows, the others rescaled in proportion) changes the winner.` };
        const up = best.w > w0;
        // State it to 2 decimals away from the current weight, then confirm with the exact scoring (a few hundredths further if rounding lands short).
        let stated = new Dec(best.w * 100).toDecimalPlaces(2, up ? Dec.ROUND_CEIL : Dec.ROUND_FLOOR);
        let verified = false;
        let newWinner: string | undefined;
        for (let tries = 0; tries < 5 && !verified; tries++) {
          const exact = exactWithWeight(plan.tender, node.id, stated);
          if (exact !== undefined && exact.criteria !== plan.tender.criteria) {
            const lot = scoreTender(exact, options.registries ?? {}).lots[li];
            if (lot !== undefined && lot.winner !== baseId) {
              verified = true;
              newWinner = lot.winner;
              break;
            }
          }
          stated = stated.plus(up ? "0.01" : "-0.01");
          if (stated.lt(0) || stated.gt(100)) break;
        }
        // Sibling weights are stated to 2 decimals, so near a tie the exact winner can flip in a sliver short of
        // the Float64 boundary: the ten hundredths before the stated weight are checked exactly too, and the
        // nearest that changes the winner is stated.
        if (verified) {
          const from = stated;
          for (let k = 1; k <= 10; k++) {
            const back = from.plus(up ? new Dec(-0.01).times(k) : new Dec(0.01).times(k));
            if (up ? !back.gt(new Dec(node.weight)) : !back.lt(new Dec(node.weight))) break;
            const exact = exactWithWeight(plan.tender, node.id, back);
            if (exact === undefined || exact.criteria === plan.tender.criteria) continue;
            const lot = scoreTender(exact, options.registries ?? {}).lots[li];
            if (lot !== undefined && lot.winner !== baseId) {
              newWinner = lot.winner;
              stated = back;
            }
          }
        }
        const whoNew = newWinner === undefined ? "no single winner (a tie on every published rule)" : `${kern.options[kern.optionIds.indexOf(newWinner)]?.supplier ?? newWinner} the winner`;
        const whoOld = baseId === undefined ? "" : ` instead of ${kern.options[base]?.supplier ?? baseId}`;
        return {
          ...head,
          possible: true,
          newWeight: decString(stated),
          ...(newWinner !== undefined ? { newWinner } : {}),
          verified,
          explanation: `${up ? "Raising" : "Lowering"} the weight of ${node.label} from ${node.weight}% to ${decString(stated)}% (the others in its group scaled ${up ? "down" : "up"} in proportion) makes ${whoNew}${whoOld}.${verified ? "" : " (Not confirmed by the exact scoring at 2 decimals: the change lies within rounding of a tie.)"}`,
        };
      });
      return { lotId: kern.lotId, ...(baseId !== undefined ? { baseWinner: baseId } : {}), criteria };
    }),
  };
}

/** The tender with one criterion's weight set to `w` (percent) and its siblings rescaled in proportion, as exact 2-decimal strings summing to 100. */
function exactWithWeight(t: Tender, id: string, w: Dec): Tender | undefined {
  let done = false;
  const fix = (nodes: readonly Criterion[]): Criterion[] => {
    const idx = nodes.findIndex((n) => n.id === id);
    if (idx >= 0) {
      done = true;
      const weighted = nodes.map((n, i) => ({ n, i })).filter((x) => x.n.kind !== "pass-fail");
      const old = new Dec((nodes[idx] as WeightedCriterionCommon).weight);
      const rest = new Dec(100).minus(old);
      const left = new Dec(100).minus(w);
      const others = weighted.filter((x) => x.i !== idx);
      const scaled = others.map((x) => (rest.isZero() ? left.div(others.length) : new Dec((x.n as WeightedCriterionCommon).weight).times(left).div(rest)).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN));
      // The last sibling takes the rounding remainder so the group sums to exactly 100.
      const sum = scaled.reduce((s, x) => s.plus(x), new Dec(0));
      if (scaled.length > 0) scaled[scaled.length - 1] = (scaled[scaled.length - 1] as Dec).plus(left.minus(sum));
      if (scaled.some((x) => !x.gt(0)) || !w.gt(0)) return [...nodes];
      const byIndex = new Map(others.map((x, k) => [x.i, scaled[k] as Dec] as const));
      return nodes.map((n, i) => {
        if (n.kind === "pass-fail") return n;
        const nw = i === idx ? w : byIndex.get(i);
        const { weightRange: _r, ...rest2 } = n as Criterion & WeightedCriterionCommon;
        void _r;
        return { ...rest2, weight: decString(nw as Dec) } as Criterion;
      });
    }
    return nodes.map((n) => (n.kind === "group" ? { ...n, children: fix(n.children) } : n));
  };
  const criteria = fix(t.criteria);
  return done ? { ...t, criteria, settings: { ...(t.settings ?? {}), policyMode: "warn", rankReversal: false, overtaking: false } } : undefined;
}
