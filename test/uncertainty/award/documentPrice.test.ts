import { describe, expect, it } from "vitest";
import { awardDraws, awardTornado, awardUncertainty, evaluate, mergeAwardDraws, type AwardUncertaintyOptions, type UncertainTenderInput } from "../../../src/index.js";
import { workedDocument } from "./helpers.js";

/** The worked document with option prices changed. */
function withPrices(prices: Readonly<Record<string, number>>): Record<string, unknown> {
  const doc = workedDocument() as { options: { id: string; price?: string }[] };
  for (const o of doc.options) if (prices[o.id] !== undefined) o.price = String(prices[o.id]);
  return doc as unknown as Record<string, unknown>;
}

// The worked example's own price distributions (examples/tender/award-uncertainty.json), for bids of both lots.
const inputs: UncertainTenderInput[] = [
  { optionId: "a", input: "price", distribution: { type: "pert", min: "121.60", mode: "128", max: "147.20" } },
  { optionId: "c", input: "price", distribution: { type: "pert", min: "75.05", mode: "79", max: "90.85" } },
  { optionId: "f", input: "price", distribution: { type: "pert", min: "150.10", mode: "158", max: "181.70" } },
];

describe("a bid price drawn under inputs on an evaluation document", () => {
  it("moves every raw value built from it: each one-way end is the exact evaluation of the document with that price", () => {
    const r = awardTornado(workedDocument(), { seed: 0, inputs });
    const bars = r.lots.flatMap((l, li) => l.bars.map((b) => ({ li, b })));
    let checked = 0;
    for (const u of inputs) {
      const mine = bars.filter((x) => x.b.inputId === `${u.optionId}.price`);
      expect(mine.length).toBeGreaterThan(0);
      for (const { li, b } of mine) {
        for (const [end, value] of [["atLow", b.low], ["atHigh", b.high]] as const) {
          const exact = evaluate(withPrices({ [u.optionId]: value }), { summaries: false }).tender.lots[li]!;
          for (const bid of b.bids) {
            const e = exact.options.find((o) => o.optionId === bid.optionId)!;
            expect(bid[end].rank, `${u.optionId} price ${value}: rank of ${bid.optionId}`).toBe(e.rank ?? 0);
            // The exact evaluation rounds raw values to their metric's places (pence): within 0.01 points.
            if (e.rank !== undefined) expect(Math.abs(bid[end].score - Number(e.total)), `${u.optionId} price ${value}: score of ${bid.optionId}`).toBeLessThan(0.01);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("with an uncertain lifecycle figure of the same bid, both at their high points match the exact evaluation (the interaction is carried)", () => {
    const o: AwardUncertaintyOptions = {
      iterations: 30,
      seed: 5,
      inputs: [inputs[0]!],
      documentValues: [{ path: "options.a.lifecycle.items.apply.quantity", distribution: { type: "triangular", min: 8, mode: 10, max: 15 } }],
    };
    const parts = awardDraws(workedDocument(), o);
    const N = parts.count;
    const price = parts.block.inputs.subarray(0, N);
    const q = parts.block.inputs.subarray(N, 2 * N);
    let checked = 0;
    for (let d = 0; d < N && checked < 3; d++) {
      const doc = withPrices({ a: price[d]! }) as { options: { id: string; lifecycle: { items: { id: string; quantity: string }[] } }[] };
      doc.options.find((x) => x.id === "a")!.lifecycle.items.find((i) => i.id === "apply")!.quantity = String(q[d]!);
      const exact = evaluate(doc, { summaries: false }).tender.lots[0]!;
      // Bid a is the lot's first bid: its score and rank in the draw are the exact evaluation's at the drawn values.
      const n = parts.block.measure[0]!.length / N;
      const e = exact.options.find((x) => x.optionId === "a")!;
      expect(parts.block.ranks[0]![d * n]).toBe(e.rank ?? 0);
      expect(Math.abs(parts.block.measure[0]![d * n]! - Number(e.total))).toBeLessThan(0.01);
      checked++;
    }
    expect(checked).toBe(3);
  });

  it("seeded: chunks and shards give the single run, bit for bit", () => {
    const o: AwardUncertaintyOptions = { iterations: 400, seed: 7, inputs };
    const whole = awardUncertainty(workedDocument(), { ...o, chunkSize: 400 });
    expect(awardUncertainty(workedDocument(), { ...o, chunkSize: 33 })).toEqual(whole);
    const cuts = [0, 1, 150, 400];
    const parts = cuts.slice(0, -1).map((c, i) => awardDraws(workedDocument(), { ...o, firstDraw: c, iterations: cuts[i + 1]! - c, chunkSize: 64 }));
    expect(mergeAwardDraws(workedDocument(), o, [...parts].reverse())).toEqual(whole);
  });
});
