/**
 * An option compiled: its effects as ops over parameter indices and sites, its item replacements and its
 * extra costs.
 *
 * @module
 */
import type { VbpPath } from "../../errors/issue.js";
import type { EffectTarget, PathwayModel, ResourceItem, TimeValueInput } from "../../pathway/model.js";
import type { CEffect, CItem, CMarkov, CNode, COption, CState, CTree, Site } from "../program.js";
import type { CompileContext, Issues } from "./context.js";
import { compileItem, compileValue, site } from "./values.js";

function targetText(t: EffectTarget): string {
  return Object.entries(t)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(", ");
}

function itemField(it: CItem, field: string, tp: VbpPath, issues: Issues): Site | undefined {
  if (field === "quantity") return it.quantity;
  if (field === "unitCost") return it.unitCost;
  if (field === "carbonKgPerUnit") {
    if (it.carbon === undefined) issues.add([...tp, "field"], `item "${it.id}" has no carbonKgPerUnit to change`, "unknown_reference");
    return it.carbon;
  }
  issues.add([...tp, "field"], `an item's field must be quantity, unitCost or carbonKgPerUnit, got "${field}"`, "invalid_value");
  return undefined;
}

/** Compiles one option. */
export function compileOption(
  ctx: CompileContext,
  o: PathwayModel["options"][number],
  oi: number,
  op: VbpPath,
  tree: CTree | undefined,
  markov: readonly CMarkov[],
  markovIndex: ReadonlyMap<string, number>,
): COption {
  const issues = ctx.issues;
  const paramOps = new Map<number, CEffect[]>();
  const siteOps = new Map<number, CEffect[]>();
  const replacements = new Map<number, { item: CItem; path: VbpPath }>();
  const nodeById = new Map<string, CNode>();
  for (const n of tree?.nodes ?? []) nodeById.set(n.id, n);

  (o.effects ?? []).forEach((e, ei) => {
    const ep: VbpPath = [...op, "effects", ei];
    const t = e.target;
    const tp = [...ep, "target"];
    // The keys given (with a value), sorted and joined once: each combination below is one comparison.
    const keys = Object.keys(t)
      .filter((k) => (t as Record<string, unknown>)[k] !== undefined)
      .sort()
      .join();
    const missing = (message: string): void => issues.add(tp, message, "unknown_reference");

    let m: CMarkov | undefined;
    let state: CState | undefined;
    if (t.markov !== undefined) {
      const mi = markovIndex.get(t.markov);
      if (mi === undefined) return missing(`no Markov model "${t.markov}"`);
      m = markov[mi];
      if (t.state !== undefined) {
        state = m!.states.find((s) => s.id === t.state);
        if (state === undefined) return missing(`no state "${t.state}" in Markov model "${t.markov}"`);
      }
    }
    let node: CNode | undefined;
    if (t.node !== undefined) {
      node = nodeById.get(t.node);
      if (node === undefined) return missing(tree === undefined ? `no node "${t.node}" (the model has no decision tree)` : `no node "${t.node}" in the tree`);
    }
    const findItem = (items: readonly CItem[], where: string): CItem | undefined => {
      const it = items.find((x) => x.id === t.item);
      if (it === undefined) missing(`no item "${t.item}" in ${where}`);
      return it;
    };

    if (e.op === "replaceItem") {
      let item: CItem | undefined;
      if (node !== undefined && keys === "item,node") item = findItem(node.items, `node "${node.id}"`);
      else if (state !== undefined && keys === "item,markov,state") item = findItem(state.items, `state "${state.id}"`);
      else if (state !== undefined && keys === "item,markov,onEntry,state" && t.onEntry === true) item = findItem(state.entryItems, `the entry items of state "${state.id}"`);
      else return issues.add(tp, `replaceItem needs { node, item } or { markov, state, item } (optionally onEntry: true), got { ${targetText(t)} }`, "invalid_value");
      if (item === undefined) return;
      const replacement = compileItem(ctx, e.item as ResourceItem<TimeValueInput>, [...ep, "item"], `the replacement in option "${o.id}"`, {
        time: state !== undefined,
        ...(m !== undefined ? { markov: m.index, startAge: m.startAge !== undefined } : {}),
      });
      replacements.set(item.replaceSite, { item: replacement, path: ep });
      return;
    }

    const value = compileValue(ctx, e.value, [...ep, "value"], { time: false });
    if (value === undefined) return;
    let from = 1;
    let to = Number.MAX_SAFE_INTEGER;
    if (e.cycles !== undefined) {
      if (m === undefined) return issues.add([...ep, "cycles"], "cycles apply only to Markov targets", "invalid_value");
      from = e.cycles.from;
      to = e.cycles.to ?? Number.MAX_SAFE_INTEGER;
      if (to < from) return issues.add([...ep, "cycles", "to"], `must be ≥ cycles.from (${from}), got ${to}`, "out_of_order");
    }
    const ce: CEffect = { op: e.op, value, from, to, path: ep };

    let target: Site | undefined;
    if (keys === "parameter") {
      const pi = ctx.paramIndex.get(t.parameter!);
      if (pi === undefined) return missing(`no parameter "${t.parameter}"`);
      if (e.op === "hazardRatio") return issues.add([...ep, "op"], "hazardRatio applies to probabilities and rates (transitions, branches, risks), not to a parameter; use multiply, or hazardRatio(p, hr) in an expression", "invalid_value");
      const list = paramOps.get(pi) ?? [];
      list.push(ce);
      paramOps.set(pi, list);
      return;
    } else if (node !== undefined && keys === "branch,node") {
      const b = node.branches.find((x) => tree!.nodes[x.to]!.id === t.branch);
      const r = node.risks.find((x) => x.id === t.branch);
      if (b === undefined && r === undefined) return missing(`node "${node.id}" has no branch or risk to "${t.branch}"`);
      if (b !== undefined && b.prob === "rest") return issues.add(tp, `the branch of node "${node.id}" to "${t.branch}" is "rest" (the complement); change the other branches instead`, "invalid_value");
      target = b !== undefined ? (b.prob as Site) : r!.prob;
    } else if (node !== undefined && keys === "field,item,node") {
      const it = findItem(node.items, `node "${node.id}"`);
      if (it === undefined) return;
      target = itemField(it, t.field!, tp, issues);
      if (target === undefined) return;
    } else if (node !== undefined && keys === "field,node") {
      const f = t.field!;
      target = f === "qalys" ? node.qalys : f === "lifeYears" ? node.lifeYears : f === "carbonKg" ? node.carbon : f === "timeYears" ? node.time : undefined;
      if (target === undefined) return issues.add([...tp, "field"], `a node's field must be one of qalys, lifeYears, carbonKg, timeYears, got "${f}"`, "invalid_value");
    } else if (node !== undefined && keys === "event,node") {
      const ev = node.events.find((x) => x.name === t.event);
      if (ev === undefined) return missing(`node "${node.id}" counts no event "${t.event}"`);
      target = ev.count;
    } else if (m !== undefined && keys === "from,markov,to") {
      const fi = m.states.findIndex((s) => s.id === t.from);
      const ti = m.states.findIndex((s) => s.id === t.to);
      if (fi < 0) return missing(`no state "${t.from}" in Markov model "${m.id}"`);
      if (ti < 0) return missing(`no state "${t.to}" in Markov model "${m.id}"`);
      const tr = m.rows[fi]!.find((x) => x.to === ti);
      if (tr === undefined) return missing(`Markov model "${m.id}" has no transition ${t.from} → ${t.to}`);
      if (tr.kind === "rest") return issues.add(tp, `the transition ${t.from} → ${t.to} is "rest" (the complement); change the other transitions of the row instead`, "invalid_value");
      target = tr.site;
    } else if (state !== undefined && keys === "field,markov,state") {
      const f = t.field!;
      target = f === "utility" ? state.utility : f === "carbonKgPerCycle" ? state.carbon : undefined;
      if (target === undefined) return issues.add([...tp, "field"], f === "utility" || f === "carbonKgPerCycle" ? `state "${state.id}" has no ${f} to change` : `a state's field must be utility or carbonKgPerCycle, got "${f}"`, f === "utility" || f === "carbonKgPerCycle" ? "unknown_reference" : "invalid_value");
    } else if (state !== undefined && keys === "field,item,markov,state") {
      const it = findItem(state.items, `state "${state.id}"`);
      if (it === undefined) return;
      target = itemField(it, t.field!, tp, issues);
      if (target === undefined) return;
    } else if (state !== undefined && keys === "field,item,markov,onEntry,state" && t.onEntry === true) {
      const it = findItem(state.entryItems, `the entry items of state "${state.id}"`);
      if (it === undefined) return;
      target = itemField(it, t.field!, tp, issues);
      if (target === undefined) return;
    } else if (state !== undefined && keys === "field,markov,onEntry,state" && t.onEntry === true) {
      const f = t.field!;
      target = f === "qalys" ? state.entryQalys : f === "carbonKg" ? state.entryCarbon : undefined;
      if (target === undefined) return issues.add([...tp, "field"], f === "qalys" || f === "carbonKg" ? `state "${state.id}" has no entry ${f} to change` : `an entry field must be qalys or carbonKg, got "${f}"`, f === "qalys" || f === "carbonKg" ? "unknown_reference" : "invalid_value");
    } else if (state !== undefined && keys === "event,markov,onEntry,state" && t.onEntry === true) {
      const ev = state.entryEvents.find((x) => x.name === t.event);
      if (ev === undefined) return missing(`state "${state.id}" counts no entry event "${t.event}"`);
      target = ev.count;
    } else {
      return issues.add(tp, `is not a target this library knows: { ${targetText(t)} } (see EffectTarget for the combinations)`, "invalid_value");
    }
    if (target === undefined) return;
    if (e.op === "hazardRatio" && target.kind !== "probability" && target.kind !== "rate") return issues.add([...ep, "op"], "hazardRatio applies to probabilities and rates only", "invalid_value");
    if (e.cycles !== undefined && target.markov === undefined) return issues.add([...ep, "cycles"], "cycles apply only to Markov targets", "invalid_value");
    const list = siteOps.get(target.id) ?? [];
    list.push(ce);
    siteOps.set(target.id, list);
  });

  const extras: COption["extras"][number][] = [];
  const seen = new Set<string>();
  (o.extraCosts ?? []).forEach((x, xi) => {
    const xp = [...op, "extraCosts", xi];
    if (seen.has(x.id)) issues.add([...xp, "id"], `duplicate extra cost id "${x.id}" in option "${o.id}"`, "duplicate_id");
    seen.add(x.id);
    const amount = site(ctx, x.amount, [...xp, "amount"], "any", `extra cost "${x.id}" of option "${o.id}"`, { time: false });
    const carbon = x.carbonKg === undefined ? undefined : site(ctx, x.carbonKg, [...xp, "carbonKg"], "any", `carbon of extra cost "${x.id}"`, { time: false });
    const time = site(ctx, x.timeYears, [...xp, "timeYears"], "time", `time of extra cost "${x.id}"`, { time: false }, "0");
    if (amount !== undefined && time !== undefined) extras.push({ id: x.id, category: x.category ?? "device", amount, carbon, time });
  });
  return {
    index: oi,
    id: o.id,
    label: o.label ?? o.id,
    isComparator: o.isComparator === true,
    paramOps,
    siteOps,
    replacements,
    extras,
  };
}
