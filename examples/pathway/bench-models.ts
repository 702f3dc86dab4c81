/**
 * Synthetic models used by bench/pathway.bench.ts (sizes from the design's performance stance): a 4-state,
 * 75-cycle Markov model with 4 options, and a 30-node episode tree with many options whose effects differ.
 * Figures are arbitrary.
 */
import type { PathwayModel, PathwayOption, TreeNode } from "../../src/index.js";

/** A 4-state, 75-cycle Markov model (life-time horizon in yearly cycles) with 4 options. */
export function markovBenchModel(): PathwayModel {
  return {
    id: "bench-markov",
    parameters: [{ id: "c_severe", value: 12000 }],
    markov: [
      {
        id: "m",
        cycleLengthYears: 1,
        horizonYears: 75,
        startAge: 20,
        withinCycle: "half-cycle",
        states: [
          { id: "well", utility: "0.9", items: [{ id: "gp", category: "staff", quantity: 2, unitCost: 39 }] },
          { id: "mild", utility: "0.7", items: [{ id: "drug", category: "drugs", quantity: 12, unitCost: "31.5" }], onEntry: { items: [{ id: "dx", category: "tests", quantity: 1, unitCost: 250 }] } },
          { id: "severe", utility: "0.45", items: [{ id: "care", category: "staff", quantity: 1, unitCost: { param: "c_severe" } }] },
          { id: "dead", dead: true },
        ],
        transitions: [
          { from: "well", to: "mild", rate: "0.08" },
          { from: "well", to: "dead", probability: { expr: "min(1, 0.0005 * exp(0.085 * (age - 20)))" } },
          { from: "well", to: "well", probability: "rest" },
          { from: "mild", to: "severe", probability: "0.12" },
          { from: "mild", to: "dead", probability: { expr: "min(1, 0.001 * exp(0.085 * (age - 20)))" } },
          { from: "mild", to: "mild", probability: "rest" },
          { from: "severe", to: "dead", probability: "0.2" },
          { from: "severe", to: "severe", probability: "rest" },
        ],
      },
    ],
    options: [
      { id: "current", isComparator: true },
      ...[0.9, 0.8, 0.7].map((hr, i) => ({
        id: `device-${i + 1}`,
        effects: [
          { op: "hazardRatio" as const, target: { markov: "m", from: "well", to: "mild" }, value: hr },
          { op: "multiply" as const, target: { markov: "m", from: "mild", to: "severe" }, value: hr, cycles: { from: 1, to: 10 } },
        ],
        extraCosts: [{ id: "device", amount: 500 + 250 * i }],
      })),
    ],
    volumes: { patientsPerYear: 1000, years: 5 },
  };
}

/** A 30-node episode tree (a binary tree of depth 4, plus a root) and `n` options whose effects differ. */
export function treeBenchModel(n: number): PathwayModel {
  const nodes: TreeNode[] = [];
  for (let i = 0; i < 30; i++) {
    const kids = [2 * i + 1, 2 * i + 2].filter((k) => k < 30);
    nodes.push({
      id: `n${i}`,
      items: [
        { id: "bed", category: "bed-days", quantity: (1 + (i % 4)).toString(), unitCost: 345, carbonKgPerUnit: 30 },
        { id: "kit", category: "consumables", quantity: 1, unitCost: (20 + i).toString() },
      ],
      qalys: i % 3 === 0 ? "-0.01" : "0",
      events: i % 5 === 0 ? [{ name: `e${i % 2}`, count: 1 }] : [],
      ...(kids.length === 2 ? { branches: [{ to: `n${kids[0]}`, probability: { param: `p${i}` } }, { to: `n${kids[1]}`, probability: "rest" as const }] } : kids.length === 1 ? { branches: [{ to: `n${kids[0]}`, probability: 1 }] } : {}),
    });
  }
  const parameters = nodes.map((_, i) => ({ id: `p${i}`, value: (0.1 + (i % 7) / 10).toFixed(2) }));
  const options: PathwayOption[] = [{ id: "o0", isComparator: true }];
  for (let k = 1; k < n; k++) {
    const node = k % 14; // a node with two branches
    options.push({
      id: `o${k}`,
      effects: [
        { op: "multiply", target: { node: `n${node}`, branch: `n${2 * node + 1}` }, value: (0.5 + (k % 50) / 100).toFixed(2) },
        { op: "add", target: { node: `n${(k * 7) % 30}`, item: "bed", field: "quantity" }, value: "-0.5" },
        { op: "set", target: { node: `n${(k * 11) % 30}`, item: "kit", field: "unitCost" }, value: (10 + (k % 90)).toString() },
      ],
      extraCosts: [{ id: "price", amount: (100 + (k % 400)).toString() }],
    });
  }
  return { id: "bench-tree", parameters, tree: { root: "n0", nodes }, options };
}

