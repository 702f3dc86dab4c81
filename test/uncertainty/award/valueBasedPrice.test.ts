import { describe, expect, it } from "vitest";
import { evaluate, valueBasedPrice, winProbabilityByPrice } from "../../../src/index.js";
import { workedDocument } from "./helpers.js";

function rankAt(doc: Record<string, unknown>, optionId: string, price: string): number | undefined {
  const d = structuredClone(doc) as { options: { id: string; price?: string }[] };
  d.options.find((o) => o.id === optionId)!.price = price;
  return evaluate(d, { summaries: false }).ranking.find((r) => r.optionId === optionId)?.rank;
}

describe("value-based price through evaluate", () => {
  it("must show: the lot 4 runner-up's value-based price applied through evaluate keeps rank 2, and 1% above it does not", () => {
    const doc = workedDocument();
    const base = evaluate(doc, { summaries: false });
    const runnerUp = base.ranking.find((r) => r.lot === "lot-4" && r.rank === 2)!;
    expect(runnerUp.optionId).toBe("f");
    const v = valueBasedPrice(doc, { optionId: "f", target: { kind: "rank" } });
    const p = v.prices[0]!;
    expect(p.unbounded).toBeUndefined();
    expect(p.price).toBe("168.87");
    expect(p.explanation).toBe(
      "Fenwick Medical plc keeps rank 2 or better up to a price of £168.87 (6.9% above its bid of £158.00): at that price it ranks 2nd; at £170.56 (1% above) it ranks 3rd.",
    );
    // Applied through evaluate, independently of the solver: rank 2 at the stated price, lost 1% above it.
    expect(rankAt(doc, "f", p.price!)).toBe(2);
    expect(rankAt(doc, "f", (Number(p.price) * 1.01).toFixed(2))).toBe(3);
    // The answer is the highest such price to the penny: one penny more already loses the rank.
    expect(rankAt(doc, "f", (Number(p.price) + 0.01).toFixed(2))).toBe(3);
    // Everything else in the lot is as the solver left it: Eastgate still wins at that price.
    const at = structuredClone(doc) as { options: { id: string; price?: string }[] };
    at.options.find((o) => o.id === "f")!.price = p.price!;
    expect(evaluate(at, { summaries: false }).tender.lots.find((l) => l.lotId === "lot-4")!.winner).toBe("e");
  });

  it("the lot 3 runner-up keeps its rank at any price: its points on criteria the price does not feed outscore the third bid's total", () => {
    const doc = workedDocument();
    const base = evaluate(doc, { summaries: false });
    const runnerUp = base.ranking.find((r) => r.lot === "lot-3" && r.rank === 2)!;
    expect(runnerUp.optionId).toBe("b");
    const v = valueBasedPrice(doc, { optionId: runnerUp.optionId, target: { kind: "rank" } });
    const p = v.prices[0]!;
    // Every price-fed criterion (bid price, whole-pathway cost, NMB) floors at 0 points, and Bramley's other
    // points (about 44.55) stay above Carrow's total (43.68): no price loses the rank.
    expect(p.unbounded).toBe(true);
    expect(p.explanation).toMatch(/^Bramley Healthcare plc keeps rank 2 or better at every price up to £[\d,]+\.\d\d\.$/);
    // Applied through evaluate: rank 2 at the stated price and at 100 times the bid.
    expect(rankAt(doc, "b", p.price!)).toBe(2);
    expect(rankAt(doc, "b", "10900")).toBe(2);
  });

  it("the winner's highest price that still wins, cost-effectiveness at the threshold, and a two-way analysis", () => {
    const doc = workedDocument();
    const win = valueBasedPrice(doc, { optionId: "a", target: { kind: "rank", rank: 1 } });
    const wp = win.prices[0]!.price!;
    expect(rankAt(doc, "a", wp)).toBe(1);
    expect(rankAt(doc, "a", (Number(wp) + 0.01).toFixed(2))).not.toBe(1);
    const ce = valueBasedPrice(doc, { optionId: "a", target: { kind: "cost-effective" } });
    const cp = ce.prices[0]!;
    expect(cp.atPrice).toMatch(/incremental net monetary benefit of £\d/);
    expect(cp.onePercentAbove).toMatch(/incremental net monetary benefit of -£|−£/);
    // Two-way: a's value-based price for rank 1 falls as b's bid falls.
    const bIndex = (doc.options as { id: string }[]).findIndex((o) => o.id === "b");
    const two = valueBasedPrice(doc, { optionId: "a", target: { kind: "rank", rank: 1 }, twoWay: { path: ["options", bIndex, "price"], values: ["100", "109", "118"] } });
    const ps = two.prices.map((x) => Number(x.price));
    expect(ps[0]!).toBeLessThan(ps[1]!);
    expect(ps[1]!).toBeLessThan(ps[2]!);
    expect(two.prices[1]!.price).toBe(wp);
  });

  it("the probability of winning falls as the bid price rises (a curve under uncertainty)", () => {
    const doc = workedDocument();
    const curve = winProbabilityByPrice(doc, "b", ["100", "109", "118", "130"], { iterations: 1500, seed: 8, weights: { groups: ["root"] } });
    const p = curve.map((c) => c.probability);
    for (let i = 1; i < p.length; i++) expect(p[i]!).toBeLessThanOrEqual(p[i - 1]!);
    expect(p[0]!).toBeGreaterThan(p[3]!);
  });
});
