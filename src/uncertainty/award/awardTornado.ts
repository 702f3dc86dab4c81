import { runDraws } from "./_internal/draws.js";
import { buildPlan, type PlanOptions } from "./_internal/plan.js";

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
  readonly label: string;
  /** The values tried (2.5% and 97.5% points of the distribution, or the ends of a weight's range, percent). */
  readonly low: number;
  readonly high: number;
  /** Per bid: score and rank at the base case, at low and at high (rank 0: excluded). */
  readonly bids: readonly {
    readonly optionId: string;
    readonly base: { readonly score: number; readonly rank: number };
    readonly atLow: { readonly score: number; readonly rank: number };
    readonly atHigh: { readonly score: number; readonly rank: number };
  }[];
  /** The largest score swing of any bid (bars are sorted on it, widest first). */
  readonly swing: number;
  /** Whether the winner changes at either end. */
  readonly changesWinner: boolean;
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
 * @example
 * ```ts
 * awardTornado(tender, { seed: 0, inputs }).lots[0].bars[0].label; //=> the input that swings a score most
 * ```
 */
export function awardTornado(tender: unknown, options: PlanOptions): { readonly lots: readonly { readonly lotId: string; readonly bars: readonly TornadoBar[] }[] } {
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
    addBar(inp.id, inp.label, inp.dist.low, inp.dist.high, lo, hi, [inp.lot]);
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
