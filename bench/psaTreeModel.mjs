// The 30-node, n-option tree of examples/pathway/bench-models.ts, as plain JavaScript for the PSA benchmark.
export function treeBenchModel(n) {
  const nodes = [];
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
      ...(kids.length === 2 ? { branches: [{ to: `n${kids[0]}`, probability: { param: `p${i}` } }, { to: `n${kids[1]}`, probability: "rest" }] } : kids.length === 1 ? { branches: [{ to: `n${kids[0]}`, probability: 1 }] } : {}),
    });
  }
  const parameters = nodes.map((_, i) => ({ id: `p${i}`, value: (0.1 + (i % 7) / 10).toFixed(2) }));
  const options = [{ id: "o0", isComparator: true }];
  for (let k = 1; k < n; k++) {
    const node = k % 14;
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
