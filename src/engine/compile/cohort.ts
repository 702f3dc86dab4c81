/**
 * A cohort state-transition (Markov) model compiled: states with their values, transition rows, the
 * starting distribution, and the within-cycle weights as data.
 *
 * @module
 */
import { Dec } from "../../_lib/decimal.js";
import type { VbpPath } from "../../errors/issue.js";
import type { MarkovModel, TimeValueInput } from "../../pathway/model.js";
import type { DiscountTiming } from "../../time/discount.js";
import type { CMarkov, CState, CTransition, Site } from "../program.js";
import type { CompileContext } from "./context.js";
import { compileEvents, compileItems, site } from "./values.js";
import { compileWithinCycle } from "./withinCycle.js";

/** The most cycles a Markov model may have. */
export const MAX_CYCLES = 10000;

/** Compiles one Markov model. */
export function compileMarkov(ctx: CompileContext, m: MarkovModel, mi: number, mp: VbpPath, timing: DiscountTiming): CMarkov {
  const issues = ctx.issues;
  const L = new Dec(m.cycleLengthYears);
  const H = new Dec(m.horizonYears);
  let cycles = 1;
  if (!L.gt(0)) issues.add([...mp, "cycleLengthYears"], `must be > 0, got ${String(m.cycleLengthYears)}`, "too_small");
  else if (!H.gt(0)) issues.add([...mp, "horizonYears"], `must be > 0, got ${String(m.horizonYears)}`, "too_small");
  else {
    const n = H.div(L);
    if (!n.isInteger()) issues.add([...mp, "horizonYears"], `must be a whole number of cycles of ${L.toString()} years, got ${H.toString()} years (${n.toSignificantDigits(8).toString()} cycles)`, "not_multiple_of");
    else if (n.gt(MAX_CYCLES)) issues.add([...mp, "horizonYears"], `must be at most ${MAX_CYCLES} cycles, got ${n.toString()}`, "limit_exceeded");
    else cycles = n.toNumber();
  }
  const hasAge = m.startAge !== undefined;
  const scope = { time: true, startAge: hasAge, markov: mi } as const;

  const stateIndex = new Map<string, number>();
  m.states.forEach((s, i) => {
    if (stateIndex.has(s.id)) issues.add([...mp, "states", i, "id"], `duplicate state id "${s.id}"`, "duplicate_id");
    stateIndex.set(s.id, i);
  });
  const states: CState[] = m.states.map((s, i) => {
    const sp = [...mp, "states", i];
    const where = `state "${s.id}" of Markov model "${m.id}"`;
    const dead = s.dead === true;
    if (!dead && s.utility === undefined) issues.add([...sp, "utility"], `is required for a state that is not dead (give 1 to count life years as QALYs, or set dead: true)`, "invalid_type");
    const utility = s.utility === undefined ? undefined : site(ctx, s.utility, [...sp, "utility"], "utility", `utility of ${where}`, scope);
    const items = compileItems(ctx, s.items, [...sp, "items"], where, scope);
    const carbon = s.carbonKgPerCycle === undefined ? undefined : site(ctx, s.carbonKgPerCycle, [...sp, "carbonKgPerCycle"], "any", `carbon per cycle of ${where}`, scope);
    const e = s.onEntry;
    const ep = [...sp, "onEntry"];
    const entryItems = compileItems(ctx, e?.items, [...ep, "items"], `entry to ${where}`, scope);
    const entryQalys = e?.qalys === undefined ? undefined : site(ctx, e.qalys, [...ep, "qalys"], "any", `entry QALYs of ${where}`, scope);
    const entryCarbon = e?.carbonKg === undefined ? undefined : site(ctx, e.carbonKg, [...ep, "carbonKg"], "any", `entry carbon of ${where}`, scope);
    const entryEvents = compileEvents(ctx, e?.events, [...ep, "events"], `entry to ${where}`, scope);
    return {
      id: s.id,
      index: i,
      dead,
      utility,
      items,
      carbon,
      entryItems,
      entryQalys,
      entryCarbon,
      entryEvents,
      hasEntry: entryItems.length > 0 || entryQalys !== undefined || entryCarbon !== undefined || entryEvents.length > 0,
    };
  });

  const rows: CTransition[][] = m.states.map(() => []);
  const seenPair = new Set<string>();
  let timeDependentRows = false;
  m.transitions.forEach((t, i) => {
    const tp = [...mp, "transitions", i];
    const from = stateIndex.get(t.from);
    const to = stateIndex.get(t.to);
    if (from === undefined) issues.add([...tp, "from"], `unknown state "${t.from}" in Markov model "${m.id}"`, "unknown_reference");
    if (to === undefined) issues.add([...tp, "to"], `unknown state "${t.to}" in Markov model "${m.id}"`, "unknown_reference");
    if ((t.probability === undefined) === (t.rate === undefined)) {
      issues.add(tp, "give exactly one of probability and rate", "invalid_value");
      return;
    }
    if (from === undefined || to === undefined) return;
    const pair = `${from}>${to}`;
    if (seenPair.has(pair)) issues.add(tp, `duplicate transition ${t.from} → ${t.to}`, "duplicate_id");
    seenPair.add(pair);
    const describe = `transition ${t.from} → ${t.to} of Markov model "${m.id}"`;
    if (t.probability === "rest") {
      if (rows[from]!.some((x) => x.kind === "rest")) issues.add([...tp, "probability"], `at most one "rest" transition per state; state "${t.from}" has another`, "invalid_value");
      rows[from]!.push({ to, kind: "rest", site: undefined, path: [...tp, "probability"] });
      return;
    }
    const isRate = t.rate !== undefined;
    const value = isRate ? t.rate : t.probability;
    const s = site(ctx, value as TimeValueInput, [...tp, isRate ? "rate" : "probability"], isRate ? "rate" : "probability", describe, { ...scope, lifeTable: true });
    if (s === undefined) return;
    if (s.timeDependent) timeDependentRows = true;
    rows[from]!.push({ to, kind: isRate ? "rate" : "probability", site: s, path: [...tp, isRate ? "rate" : "probability"] });
  });

  const initial: { state: number; share: Site }[] = [];
  if (m.initial === undefined) initial.push({ state: 0, share: site(ctx, 1, [...mp, "initial"], "probability", "initial share", { time: false })! });
  else {
    const seen = new Set<string>();
    m.initial.forEach((x, i) => {
      const ip = [...mp, "initial", i];
      const s = stateIndex.get(x.state);
      if (s === undefined) issues.add([...ip, "state"], `unknown state "${x.state}" in Markov model "${m.id}"`, "unknown_reference");
      if (seen.has(x.state)) issues.add([...ip, "state"], `duplicate initial state "${x.state}"`, "duplicate_id");
      seen.add(x.state);
      const share = site(ctx, x.share, [...ip, "share"], "probability", `initial share of state "${x.state}"`, { time: false });
      if (s !== undefined && share !== undefined) initial.push({ state: s, share });
    });
  }

  const wc = compileWithinCycle(m, cycles, timing.position, mp, issues);
  return {
    id: m.id,
    index: mi,
    path: mp,
    cycleLength: L.toString(),
    halfCycleLength: L.div(2).toString(),
    cycles,
    startAge: m.startAge === undefined ? undefined : String(m.startAge),
    method: wc.method,
    states,
    rows,
    initial,
    tolerance: m.tolerance === undefined ? "1e-9" : String(m.tolerance),
    parts: wc.parts,
    entries: wc.entries,
    weights: wc.weights,
    timeDependentRows,
  };
}
