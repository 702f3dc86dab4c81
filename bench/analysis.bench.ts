import { bench, describe } from "vitest";
import { incrementalAnalysis, netMonetaryBenefit, type CeaOption } from "../src/analysis/index.js";

// Deterministic pseudo-random catalogue (a 32-bit LCG: benchmarks must not use Math.random).
function catalogue(n: number, seed: number): CeaOption[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  return Array.from({ length: n }, (_, i) => ({
    id: `opt-${i}`,
    cost: (1000 + next() * 50000).toFixed(2),
    effect: (5 + next() * 2).toFixed(4),
  }));
}

// Every option on a convex frontier: the worst case for ICER output (n − 1 exact divisions).
function convex(n: number): CeaOption[] {
  return Array.from({ length: n }, (_, i) => ({ id: `c-${i}`, cost: String(i * i), effect: String(i) }));
}

const random10k = catalogue(10_000, 42);
const convex10k = convex(10_000);

describe("incremental analysis, 10,000 options", () => {
  bench("random catalogue (mostly dominated)", () => {
    incrementalAnalysis(random10k);
  });
  bench("all on the frontier (10,000 ICERs)", () => {
    incrementalAnalysis(convex10k);
  });
  bench("net monetary benefit at 3 thresholds", () => {
    netMonetaryBenefit(random10k, { thresholds: [20000, 25000, 35000] });
  });
});
