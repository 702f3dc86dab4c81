import { readFileSync } from "node:fs";
import { bench, describe } from "vitest";
import { awardUncertainty, tenderOfEvaluation, type AwardUncertaintyOptions, type Tender } from "../src/index.js";
import { mulberry32 as prng } from "../test/_helpers/prng.mjs";

/** A lot of `n` bids on `m` criteria: one price criterion (relative to the lowest) and m − 1 measured values. */
function bigLot(n: number, m: number): Tender {
  const r = prng(7);
  const w = (100 / m).toFixed(4);
  const last = (100 - Number(w) * (m - 1)).toFixed(4);
  const criteria: Tender["criteria"] = [
    { id: "price", label: "Price", kind: "price", weight: w, formula: { formula: "relative-to-lowest" } },
    ...Array.from({ length: m - 1 }, (_, j) => ({ id: `c${j}`, label: `Criterion ${j + 1}`, kind: "quantitative" as const, weight: j === m - 2 ? last : w, valueFunction: { fn: "linear", params: { lower: "0", upper: "100" } } })),
  ];
  const options = Array.from({ length: n }, (_, i) => ({
    id: `o${i}`,
    supplier: `Supplier ${i}`,
    label: `Product ${i}`,
    price: (1000 + r() * 500).toFixed(2),
    values: Object.fromEntries(Array.from({ length: m - 1 }, (_, j) => [`c${j}`, (r() * 100).toFixed(2)])),
  }));
  return { criteria, options, settings: { rankReversal: false, overtaking: false } };
}

const lot = bigLot(200, 40);
const draws = 10_000;

/** Yardstick: the same weighted sums and a sort per draw, hand-written over Float64Arrays (no gates, no tie-breaks). */
function handLoop(): number {
  const n = 200;
  const m = 40;
  const r = prng(1);
  const share = new Float64Array(n * m);
  for (let i = 0; i < share.length; i++) share[i] = r();
  const w = new Float64Array(m);
  const total = new Float64Array(n);
  const idx = Array.from({ length: n }, (_, i) => i);
  let wins = 0;
  for (let d = 0; d < draws; d++) {
    let s = 0;
    for (let j = 0; j < m; j++) {
      w[j] = -Math.log(r());
      s += w[j] as number;
    }
    for (let o = 0; o < n; o++) {
      let t = 0;
      for (let j = 0; j < m; j++) t += ((w[j] as number) / s) * (share[o * m + j] as number);
      total[o] = t;
    }
    idx.sort((a, b) => (total[b] as number) - (total[a] as number));
    wins += idx[0] as number;
  }
  return wins;
}

describe("award uncertainty: 200 bids × 40 criteria, 10,000 weight draws (target < 5 s)", () => {
  bench("awardUncertainty (SMAA-2: rank acceptability, central weights, confidence factors)", () => {
    awardUncertainty(lot, { iterations: draws, seed: 1, weights: { groups: ["root"] }, importance: false });
  }, { iterations: 1, warmupIterations: 0 });
  bench("awardUncertainty with rank-based importance of the 40 weights", () => {
    awardUncertainty(lot, { iterations: draws, seed: 1, weights: { groups: ["root"] } });
  }, { iterations: 1, warmupIterations: 0 });
  bench("yardstick: hand-written Float64 loop (weighted sums and a sort per draw)", () => {
    handLoop();
  }, { iterations: 1, warmupIterations: 0 });
});

const workedDocument = JSON.parse(readFileSync("examples/tender/tender.json", "utf8")) as Record<string, unknown>;
const workedSpec = JSON.parse(readFileSync("examples/tender/award-uncertainty.json", "utf8")) as Pick<AwardUncertaintyOptions, "weights" | "inputs" | "documentValues">;
const worked = tenderOfEvaluation(workedDocument);
describe("worked tender: 10,000 draws of pathway, lifecycle, prices and weights through scoring (target < 2 s)", () => {
  bench("awardUncertainty on the worked evaluation document (3 pathway parameters via evaluateDraws, 3 lifecycle lines, 6 prices, weights)", () => {
    awardUncertainty(workedDocument, { ...workedSpec, iterations: draws, seed: 1 });
  }, { iterations: 3, warmupIterations: 1 });
  bench("awardUncertainty on the worked tender's raw values (prices, values and weights, no document)", () => {
    awardUncertainty(worked, {
      iterations: draws,
      seed: 1,
      weights: { groups: "all" },
      inputs: worked.options.flatMap((o) => [
        { optionId: o.id, input: "price", distribution: { type: "pert" as const, min: Number(o.price) * 0.9, mode: Number(o.price), max: Number(o.price) * 1.2 } },
        { optionId: o.id, input: "pathway-cost", distribution: { type: "normal" as const, mean: Number(o.values?.["pathway-cost"]), sd: 15 } },
        { optionId: o.id, input: "health-gain", distribution: { type: "normal" as const, mean: Number(o.values?.["health-gain"]), sd: 10 } },
      ]),
    });
  }, { iterations: 3, warmupIterations: 1 });
  bench("yardstick: JSON round trip of the worked document", () => {
    JSON.parse(JSON.stringify(workedDocument));
  });
});
