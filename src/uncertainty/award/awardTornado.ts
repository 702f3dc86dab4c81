import { runDraws } from "./_internal/draws.js";
import { buildPlan, type AwardInputs } from "./_internal/plan.js";

/**
 * One bar of a tornado: one uncertain input (or weight) set to its low and then its high value, everything
 * else at the base case, and what happens to each bid's score and rank.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const bar: TornadoBar = { inputId: "b.price", label: "Bramley: price", low: 98.1, high: 130.8, bids: [] };
 * ```
 */
export interface TornadoBar {
  /** `"<optionId>.<input>"` or `"weight:<criterionId>"`. */
  readonly inputId: string;
  /** Name in words. */
  readonly label: string;
  /** The low value tried (2.5% point of the distribution, or the low end of a weight's range, percent). */
  readonly low: number;
  /** The high value tried (97.5% point, or the high end of the range). */
  readonly high: number;
  /** Per bid: score and rank at the base case, at low and at high. */
  readonly bids: readonly {
    /** The bid. */
    readonly optionId: string;
    /** At the base case. */
    readonly base: TornadoPoint;
    /** With the input at its low value. */
    readonly atLow: TornadoPoint;
    /** With the input at its high value. */
    readonly atHigh: TornadoPoint;
  }[];
  /** The largest score swing of any bid (bars are sorted on it, widest first). */
  readonly swing: number;
  /** Whether the winner changes at either end. */
  readonly changesWinner: boolean;
}

/**
 * A bid's aggregate score and rank at one end of a tornado bar.
 *
 * @category Award uncertainty
 * @example
 * ```ts
 * const p: TornadoPoint = { score: 71.2, rank: 2 };
 * ```
 */
export interface TornadoPoint {
  /** The aggregate figure (NaN when not computed). */
  readonly score: number;
  /** The rank (0: excluded). */
  readonly rank: number;
}

/**
 * Per lot, the bars of {@link awardTornado}.
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
 * const inputs = [{ optionId: "A", input: "price", distribution: { type: "triangular", min: "9000", mode: "10000", max: "12500" } }];
 * const r: AwardTornado = awardTornado(tender, { seed: 0, inputs });
 * ```
 */
export interface AwardTornado {
  /** Per lot. */
  readonly lots: readonly {
    /** Lot id. */
    readonly lotId: string;
    /** Bars, widest first. */
    readonly bars: readonly TornadoBar[];
  }[];
}

/**
 * Tornado data on the tender score and rank, one-way over every uncertain input: each input at the 2.5% and
 * 97.5% points of its distribution (closed-form quantiles for normal, lognormal, uniform and triangular; mean ±
 * 1.96 SD clipped to the support for beta, gamma and PERT), each varied weight at the ends of its range (the
 * others in its group rescaled in proportion; 0–100% when no range is given), everything else at the base
 * case; scored with the tender's full rules. Bars are sorted widest first. Lot by lot.
 *
 * @param tender - the tender
 * @param options - the uncertain inputs and weights (as for {@link awardUncertainty}; `seed` is not used)
 * @returns per lot, the bars
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
 * const inputs = [{ optionId: "A", input: "price", distribution: { type: "triangular", min: "9000", mode: "10000", max: "12500" } }];
 * awardTornado(tender, { seed: 0, inputs }).lots[0].bars[0].label; //=> "Acme: price" (the input that swings a score most)
 * ```
 */
export function awardTornado(tender: unknown, options: AwardInputs): AwardTornado {
  const plan = buildPlan(tender, options);
  const { sampler } = plan;
  const base = runDraws(plan, 0, 1, sampler.baseLocal, { index: -1, value: 0 });
  const at = (block: ReturnType<typeof runDraws>, li: number, o: number): { score: number; rank: number } => {
    return { score: block.measure[li]?.[o] as number, rank: block.ranks[li]?.[o] as number };
  };
  const barsByLot = plan.lots.map((): TornadoBar[] => []);
  const addBar = (inputId: string, label: string, low: number, high: number, lo: ReturnType<typeof runDraws>, hi: ReturnType<typeof runDraws>, lots: readonly number[]): void => {
    for (const li of lots) {
      const kern = plan.lots[li];
      if (kern === undefined) continue;
      const bids = kern.optionIds.map((optionId, o) => ({ optionId, base: at(base, li, o), atLow: at(lo, li, o), atHigh: at(hi, li, o) }));
      const fin = (x: number): number => (Number.isFinite(x) ? x : 0);
      const swing = Math.max(0, ...bids.map((b) => Math.abs(fin(b.atHigh.score) - fin(b.atLow.score))));
      const w0 = base.winner[li]?.[0];
      barsByLot[li]?.push({ inputId, label, low, high, bids, swing, changesWinner: lo.winner[li]?.[0] !== w0 || hi.winner[li]?.[0] !== w0 });
    }
  };
  plan.inputs.forEach((inp, k) => {
    const lo = runDraws(plan, 0, 1, sampler.baseLocal, { index: k, value: inp.dist.low });
    const hi = runDraws(plan, 0, 1, sampler.baseLocal, { index: k, value: inp.dist.high });
    addBar(inp.id, inp.label, inp.dist.low, inp.dist.high, lo, hi, inp.lots);
  });
  for (const fi of sampler.varied) {
    const [lower, upper] = sampler.limits(fi);
    const withWeight = (w: number): Float64Array => {
      const local = new Float64Array(sampler.baseLocal);
      const sib = sampler.siblings(fi);
      const w0 = sampler.baseLocal[fi] as number;
      for (const s of sib) local[s] = s === fi ? w : ((sampler.baseLocal[s] as number) * (1 - w)) / (1 - w0);
      return local;
    };
    const node = sampler.flat[fi]?.node;
    const lo = runDraws(plan, 0, 1, withWeight(lower), { index: -1, value: 0 });
    const hi = runDraws(plan, 0, 1, withWeight(upper), { index: -1, value: 0 });
    addBar(`weight:${node?.id}`, `weight of ${node?.label}`, lower * 100, upper * 100, lo, hi, plan.lots.map((_, i) => i));
  }
  return { lots: plan.lots.map((k, li) => ({ lotId: k.lotId, bars: (barsByLot[li] ?? []).sort((a, b) => b.swing - a.swing) })) };
}
