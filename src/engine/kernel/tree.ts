/**
 * The decision tree on the kernel: `Σ P(reach node) × value` over the nodes in topological order, branch
 * probabilities (with "rest") checked to sum to 1, independent risks reached with their own probability.
 *
 * @module
 */
import { RULE, type Calculator, type ScheduleData } from "../backends/calculator.js";
import type { CTree, Site } from "../program.js";
import type { Conditions } from "./conditions.js";
import type { OptionValues, RunRegisters } from "./optionValues.js";
import { rowMeta, type Sink } from "./sink.js";
import type { TreeSharedValues } from "./treeSharedValues.js";

/** A share of the cohort entering a Markov model from a tree leaf. */
export interface Entry<V> {
  readonly markov: number;
  readonly state: number | undefined;
  readonly share: V;
  readonly nodeId: string | undefined;
}

/** Runs the tree for one option, booking its lines; returns the shares entering Markov models. */
export function runTree<V>(
  calc: Calculator<V>,
  regs: RunRegisters<V>,
  conds: Conditions,
  tree: CTree,
  values: OptionValues<V>,
  sink: Sink<V>,
  schedules: { readonly cost: ScheduleData; readonly health: ScheduleData },
  shared?: TreeSharedValues<V>,
): Entry<V>[] {
  const share = shared?.conds === conds ? shared : undefined;
  const value = (site: Site): V => (share === undefined ? values.value(site) : share.value(values, site));
  const entries: Entry<V>[] = [];
  const reach: V[] = tree.nodes.map(() => regs.tempText("0"));
  calc.setText(reach[tree.root]!, "1");
  const one = calc.constant("1");
  const tol = calc.constant(tree.tolerance);
  const dfcWide = regs.temp();
  const dfhWide = regs.temp();
  const dfcNarrow = calc.narrow();
  const dfhNarrow = calc.narrow();
  const sum = regs.temp();
  const rest = regs.temp();
  const touched = values.touchesParams;
  const meta = rowMeta("tree");
  for (const x of tree.order) {
    const node = tree.nodes[x]!;
    const r = reach[x]!;
    if (calc.allZero(r)) continue;
    meta.nodeId = node.id;
    const t = value(node.time);
    const narrowT = calc.isNarrow(t);
    const dfc = narrowT ? dfcNarrow : dfcWide;
    const dfh = narrowT ? dfhNarrow : dfhWide;
    calc.discount(dfc, schedules.cost, t);
    calc.discount(dfh, schedules.health, t);
    for (const orig of node.items) {
      const it = values.item(orig);
      const q = value(it.quantity);
      meta.itemId = it.id;
      meta.category = it.category;
      sink.line("cost", meta, q, value(it.unitCost), r, dfc);
      meta.category = undefined;
      if (it.carbon !== undefined) sink.line("carbonKg", meta, q, value(it.carbon), r, undefined);
    }
    const qalys = value(node.qalys);
    if (!calc.allZero(qalys)) sink.line("qalys", ((meta.itemId = "qalys"), meta), undefined, qalys, r, dfh);
    const ly = value(node.lifeYears);
    if (!calc.allZero(ly)) sink.line("lifeYears", ((meta.itemId = "lifeYears"), meta), undefined, ly, r, dfh);
    const carbon = value(node.carbon);
    if (!calc.allZero(carbon)) sink.line("carbonKg", ((meta.itemId = "carbonKg"), meta), undefined, carbon, r, undefined);
    for (const ev of node.events) sink.line("event", ((meta.itemId = ev.name), meta), value(ev.count), undefined, r, undefined);
    if (node.enter !== undefined) entries.push({ markov: node.enter.markov, state: node.enter.state, share: r, nodeId: node.id });
    for (const risk of node.risks) calc.mulAdd(reach[risk.node]!, r, value(risk.prob));
    if (node.branches.length === 0) continue;
    const probs: V[] = node.branches.map((b) => (b.prob === "rest" ? rest : value(b.prob)));
    const check = (restOut: V): void => {
      calc.setText(sum, "0");
      node.branches.forEach((b, j) => {
        if (b.prob !== "rest") calc.add(sum, sum, probs[j]!);
      });
      const changed = touched || node.branches.some((b) => b.prob !== "rest" && values.o.siteOps.has(b.prob.id));
      const forOption = changed ? ` for option "${values.o.id}" (after its effects)` : "";
      if (node.branches.some((b) => b.prob === "rest")) {
        // rest = 1 − Σ; a shortfall within the tolerance (rounding) counts as 0.
        calc.sub(restOut, one, sum);
        const neg = regs.temp();
        calc.add(neg, restOut, tol);
        conds.test(calc, neg, RULE.nonNegative, undefined, "sum_mismatch", [...node.path, "branches"], (_, lane) => `the branch probabilities of node "${node.id}" sum to ${calc.text(sum, lane)}${forOption}, more than 1, so the "rest" branch would be negative`);
        calc.max(restOut, restOut, calc.constant("0"));
      } else {
        const dev = regs.temp();
        calc.sub(dev, sum, one);
        conds.test(calc, dev, RULE.withinAbs, tol, "sum_mismatch", [...node.path, "branches"], (_, lane) => `the branch probabilities of node "${node.id}" must sum to 1 (±${tree.tolerance})${forOption}, got ${calc.text(sum, lane)}; or mark one branch "rest"`);
      }
    };
    const sharedRest = share?.branches(values, node, check, rest);
    if (sharedRest === undefined) check(rest);
    else node.branches.forEach((b, j) => b.prob === "rest" && (probs[j] = sharedRest));
    node.branches.forEach((b, j) => calc.mulAdd(reach[b.to]!, r, probs[j]!));
  }
  return entries;
}

