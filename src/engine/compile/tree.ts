/**
 * A decision tree compiled: nodes with their values, branches (mutually exclusive, summing to 1) and
 * independent risks (events that can each happen, whatever else happens), in topological order.
 *
 * @module
 */
import type { VbpPath } from "../../errors/issue.js";
import type { PathwayModel } from "../../pathway/model.js";
import type { CBranch, CMarkov, CNode, CRisk, CTree } from "../program.js";
import type { CompileContext } from "./context.js";
import { compileEvents, compileItems, placeholder, site } from "./values.js";

/** Compiles the model's tree. */
export function compileTree(ctx: CompileContext, model: PathwayModel, markovIndex: ReadonlyMap<string, number>, markov: readonly CMarkov[]): CTree {
  const issues = ctx.issues;
  const t = model.tree!;
  const nodeIndex = new Map<string, number>();
  t.nodes.forEach((n, i) => {
    if (nodeIndex.has(n.id)) issues.add(["tree", "nodes", i, "id"], `duplicate node id "${n.id}"`, "duplicate_id");
    nodeIndex.set(n.id, i);
  });
  const root = nodeIndex.get(t.root);
  if (root === undefined) issues.add(["tree", "root"], `unknown node "${t.root}"`, "unknown_reference");
  const scope = { time: false } as const;
  const nodes: CNode[] = t.nodes.map((n, i) => {
    const np: VbpPath = ["tree", "nodes", i];
    const where = `node "${n.id}"`;
    const branches: CBranch[] = [];
    const seenTo = new Set<string>();
    let rests = 0;
    (n.branches ?? []).forEach((b, j) => {
      const bp = [...np, "branches", j];
      const to = nodeIndex.get(b.to);
      if (to === undefined) issues.add([...bp, "to"], `unknown node "${b.to}"`, "unknown_reference");
      if (seenTo.has(b.to)) issues.add([...bp, "to"], `node "${n.id}" has two branches to "${b.to}"`, "duplicate_id");
      seenTo.add(b.to);
      if (b.probability === "rest") {
        rests++;
        if (rests > 1) issues.add([...bp, "probability"], `at most one "rest" branch per node; node "${n.id}" has another`, "invalid_value");
        if (to !== undefined) branches.push({ to, prob: "rest", path: [...bp, "probability"] });
        return;
      }
      const s = site(ctx, b.probability, [...bp, "probability"], "probability", `probability of the branch of node "${n.id}" to "${b.to}"`, scope);
      if (s !== undefined && to !== undefined) branches.push({ to, prob: s, path: [...bp, "probability"] });
    });
    const risks: CRisk[] = [];
    (n.risks ?? []).forEach((r, j) => {
      const rp = [...np, "risks", j];
      const to = nodeIndex.get(r.to);
      if (to === undefined) issues.add([...rp, "to"], `unknown node "${r.to}"`, "unknown_reference");
      if (seenTo.has(r.to)) issues.add([...rp, "to"], `node "${n.id}" already leads to "${r.to}"`, "duplicate_id");
      seenTo.add(r.to);
      const s = site(ctx, r.probability, [...rp, "probability"], "probability", `probability of the risk "${r.to}" at node "${n.id}"`, scope);
      if (s !== undefined && to !== undefined) risks.push({ id: r.to, prob: s, path: [...rp, "probability"], node: to });
    });
    let enter: CNode["enter"];
    if (n.enter !== undefined) {
      const ep = [...np, "enter"];
      if ((n.branches ?? []).length > 0) issues.add(ep, `only a leaf (a node without branches) may enter a Markov model; node "${n.id}" has branches`, "invalid_value");
      const mi = markovIndex.get(n.enter.markov);
      if (mi === undefined) issues.add([...ep, "markov"], `unknown Markov model "${n.enter.markov}"`, "unknown_reference");
      else {
        let si: number | undefined;
        if (n.enter.state !== undefined) {
          si = markov[mi]!.states.findIndex((s) => s.id === n.enter!.state);
          if (si < 0) {
            issues.add([...ep, "state"], `unknown state "${n.enter.state}" in Markov model "${n.enter.markov}"`, "unknown_reference");
            si = undefined;
          }
        }
        enter = { markov: mi, state: si };
      }
    }
    return {
      id: n.id,
      index: i,
      path: np,
      time: site(ctx, n.timeYears, [...np, "timeYears"], "time", `time of ${where}`, scope, "0") ?? placeholder(ctx, np),
      items: compileItems(ctx, n.items, [...np, "items"], where, scope),
      qalys: site(ctx, n.qalys, [...np, "qalys"], "any", `QALYs of ${where}`, scope, "0") ?? placeholder(ctx, np),
      lifeYears: site(ctx, n.lifeYears, [...np, "lifeYears"], "any", `life years of ${where}`, scope, "0") ?? placeholder(ctx, np),
      carbon: site(ctx, n.carbonKg, [...np, "carbonKg"], "any", `carbon of ${where}`, scope, "0") ?? placeholder(ctx, np),
      events: compileEvents(ctx, n.events, [...np, "events"], where, scope),
      branches,
      risks,
      enter,
    };
  });
  // A risk leads to a leaf that enters no Markov model: its consequences are added, the patient goes on.
  nodes.forEach((n) => {
    n.risks.forEach((r, j) => {
      const target = nodes[r.node]!;
      if (target.branches.length > 0 || target.risks.length > 0 || target.enter !== undefined) {
        issues.add([...n.path, "risks", j, "to"], `a risk must lead to a leaf that enters no Markov model (its costs and outcomes are added while the patient goes on); node "${target.id}" is not one`, "invalid_value");
      }
    });
  });
  const edges = (x: number): number[] => [...nodes[x]!.branches.map((b) => b.to), ...nodes[x]!.risks.map((r) => r.node)];
  // Topological order from the root (Kahn), detecting cycles and unreachable nodes.
  const order: number[] = [];
  if (root !== undefined && issues.list.length === 0) {
    const reachable = new Set<number>();
    const stack = [root];
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (reachable.has(x)) continue;
      reachable.add(x);
      for (const y of edges(x)) stack.push(y);
    }
    const indeg = new Map<number, number>();
    for (const x of reachable) for (const y of edges(x)) indeg.set(y, (indeg.get(y) ?? 0) + 1);
    const queue = [...reachable].filter((x) => (indeg.get(x) ?? 0) === 0);
    const seen = new Set<number>();
    while (queue.length > 0) {
      const x = queue.shift()!;
      if (seen.has(x)) continue;
      seen.add(x);
      order.push(x);
      for (const y of edges(x)) {
        const d = (indeg.get(y) ?? 0) - 1;
        indeg.set(y, d);
        if (d === 0) queue.push(y);
      }
    }
    if (order.length < reachable.size) {
      for (const x of reachable) {
        if (seen.has(x)) continue;
        const n = nodes[x]!;
        const j = n.branches.findIndex((b) => !seen.has(b.to));
        issues.add([...n.path, "branches", Math.max(j, 0), "to"], `the tree has a cycle through node "${n.id}" (a decision tree cannot loop; use a Markov model for repeated states)`, "cycle");
        break;
      }
    }
    t.nodes.forEach((n, i) => {
      if (!reachable.has(i)) issues.add(["tree", "nodes", i, "id"], `node "${n.id}" cannot be reached from the root "${t.root}"`, "invalid_value");
    });
  }
  return { root: root ?? 0, nodes, order, tolerance: t.tolerance === undefined ? "1e-9" : String(t.tolerance) };
}
