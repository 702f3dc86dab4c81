import { bench, describe } from "vitest";
import { scoreTender } from "../src/scoring/index.js";
import { mulberry32 as prng } from "../test/_helpers/prng.mjs";

/** A lot of `n` options scored on `q` qualitative + `v` quantitative criteria in 4 domains, plus price. */
function lot(n: number, q: number, v: number, settings: Record<string, unknown>): Record<string, unknown> {
  const rnd = prng(42);
  const leaves = [...Array.from({ length: q }, (_, i) => ({ id: `q${i}`, kind: "qualitative" })), ...Array.from({ length: v }, (_, i) => ({ id: `v${i}`, kind: "quantitative" }))];
  const domains = 4;
  const perDomain = Math.ceil(leaves.length / domains);
  const groups = Array.from({ length: domains }, (_, d) => leaves.slice(d * perDomain, (d + 1) * perDomain)).filter((g) => g.length > 0);
  const split = (k: number): string[] => {
    const base = Math.floor(10000 / k);
    return Array.from({ length: k }, (_, i) => ((i === 0 ? 10000 - base * (k - 1) : base) / 100).toString());
  };
  const rootW = split(groups.length + 1);
  const criteria = [
    ...groups.map((g, d) => {
      const w = split(g.length);
      return {
        id: `d${d}`,
        label: `Domain ${d}`,
        kind: "group",
        weight: rootW[d],
        children: g.map((l, i) =>
          l.kind === "qualitative"
            ? { id: l.id, label: l.id, kind: "qualitative", weight: w[i], scale: "0-5" }
            : { id: l.id, label: l.id, kind: "quantitative", weight: w[i], valueFunction: { fn: "linear", params: { lower: "0", upper: "1000" } } },
        ),
      };
    }),
    { id: "price", label: "Price", kind: "price", weight: rootW[groups.length], formula: { formula: "relative-to-lowest" } },
  ];
  const options = Array.from({ length: n }, (_, i) => ({
    id: `O${i}`,
    supplier: `Supplier ${i}`,
    label: `Product ${i}`,
    price: (1000 + Math.floor(rnd() * 1_000_000) / 100).toFixed(2),
    values: Object.fromEntries(leaves.filter((l) => l.kind === "quantitative").map((l) => [l.id, String(Math.floor(rnd() * 1000))])),
  }));
  const evaluatorScores = options.flatMap((o) =>
    leaves.filter((l) => l.kind === "qualitative").map((l) => ({ criterionId: l.id, optionId: o.id, evaluatorId: "E1", level: String(Math.floor(rnd() * 6)), reason: "Evidence reviewed" })),
  );
  return { criteria, options, evaluatorScores, settings };
}

const lot200 = lot(200, 30, 10, { rankReversal: false, overtaking: false });
const lot200full = lot(200, 30, 10, {});
const catalogue = lot(10_000, 2, 2, { rankReversal: false, overtaking: false });

describe("scoreTender", () => {
  bench("lot: 200 options × 40 criteria (scores, gates, ranking)", () => {
    scoreTender(lot200);
  }, { iterations: 3, warmupIterations: 1 });
  bench("lot: 200 options × 40 criteria + rank reversal + overtaking", () => {
    scoreTender(lot200full);
  }, { iterations: 2, warmupIterations: 0 });
  bench("catalogue: 10,000 options × 4 criteria + price", () => {
    scoreTender(catalogue);
  }, { iterations: 2, warmupIterations: 0 });
});
