/**
 * The cohort state-transition model on the kernel: the trace `m_n = m_(n−1) · P_n` per entry group (the model
 * is linear in its starting distribution), rates turned into cycle probabilities `p = 1 − e^(−r·L)`, rows
 * checked to sum to 1, each cycle valued by its within-cycle parts, and one-off values on entering a state.
 * Streams over cycles: only two boundaries are held per group (plus the reported trace for one draw).
 *
 * @module
 */
import type { MarkovTrace } from "../../pathway/types.js";
import { RULE, type Calculator } from "../backends/calculator.js";
import type { CItem, CMarkov, Program, Site } from "../program.js";
import type { Conditions } from "./conditions.js";
import type { CycleEnv, OptionValues, RunRegisters } from "./optionValues.js";
import { CyclePlan } from "./cyclePlan.js";
import { rowMeta, type Sink } from "./sink.js";

/** Shares entering one Markov model in the same way (a given state, or the initial distribution). */
export interface EntryGroup<V> {
  readonly state: number | undefined;
  readonly list: readonly { readonly share: V; readonly nodeId: string | undefined }[];
}

/** next := prev · P and inflow := what enters each state from another one (sparse rows). */
function propagate<V>(calc: Calculator<V>, S: number, rowsTo: readonly (readonly number[])[], rowsP: readonly (readonly V[])[], prev: readonly V[], next: readonly V[], inflow: readonly V[], zero: V): void {
  for (let s = 0; s < S; s++) {
    calc.copy(next[s]!, zero);
    calc.copy(inflow[s]!, zero);
  }
  for (let r = 0; r < S; r++) {
    const occ = prev[r]!;
    const to = rowsTo[r]!;
    const ps = rowsP[r]!;
    for (let j = 0; j < to.length; j++) {
      const t = to[j]!;
      calc.mulAdd(next[t]!, occ, ps[j]!);
      if (t !== r) calc.mulAdd(inflow[t]!, occ, ps[j]!);
    }
  }
}

/** Adds occ × (coeff, coeff·dfc, coeff·dfh) to the three running sums of a state valued once. */
function accumulate<V>(calc: Calculator<V>, acc: readonly V[], occ: V, a: V, b: V, c: V): void {
  calc.mulAdd(acc[0]!, occ, a);
  calc.mulAdd(acc[1]!, occ, b);
  calc.mulAdd(acc[2]!, occ, c);
}

/** Runs one Markov model for one option; returns the reported trace when asked (one draw). */
export function runCohort<V>(
  calc: Calculator<V>,
  regs: RunRegisters<V>,
  conds: Conditions,
  program: Program,
  m: CMarkov,
  groups: readonly EntryGroup<V>[],
  values: OptionValues<V>,
  sink: Sink<V>,
  wantTrace: boolean,
): MarkovTrace | undefined {
  const S = m.states.length;
  const N = m.cycles;
  const one = calc.constant("1");
  const zero = calc.constant("0");
  const tol = calc.constant(m.tolerance);
  const L = calc.constant(m.cycleLength);
  // Cycle variables.
  let plan = regs.plans.get(m.index) as CyclePlan<V> | undefined;
  if (plan === undefined) regs.plans.set(m.index, (plan = new CyclePlan(calc, program, m)));
  const env: { cycle: number; regs: CycleEnv<V>["regs"] } = { cycle: 1, regs: plan.env };
  let parts = plan.cycle(1);
  const setEnv = (n: number): void => {
    env.cycle = n;
    parts = plan.cycle(n);
  };

  // Transition matrix of the current cycle (sparse rows).
  const rowRest: V[] = m.rows.map(() => regs.temp());
  const rowSum = regs.temp();
  const dev = regs.temp();
  const Lis1 = m.cycleLength === "1";
  const sites = m.rows.flatMap((row) => row.map((t) => t.site).filter((s) => s !== undefined));
  const dynamic = m.timeDependentRows || sites.some((s) => values.varies(s));
  const changed = values.touchesParams || sites.some((s) => values.o.siteOps.has(s.id));
  const forOption = changed ? ` for option "${values.o.id}" (after its effects)` : "";
  const rowsTo: number[][] = m.rows.map(() => []);
  const rowsP: V[][] = m.rows.map(() => []);
  const buildMatrix = (): void => {
    const envNow = env as CycleEnv<V>;
    m.rows.forEach((row, r) => {
      const to = rowsTo[r]!;
      const ps = rowsP[r]!;
      to.length = 0;
      ps.length = 0;
      const out = { push: (x: { to: number; p: V }): void => void (to.push(x.to), ps.push(x.p)) };
      if (row.length === 0) {
        out.push({ to: r, p: one });
        return;
      }
      calc.setText(rowSum, "0");
      let hasRest = false;
      for (const t of row) {
        if (t.kind === "rest") {
          hasRest = true;
          out.push({ to: t.to, p: rowRest[r]! });
          continue;
        }
        const site = t.site!;
        const v = values.value(site, envNow);
        let p = v;
        if (t.kind === "rate" || (site.annualProbability === true && !Lis1)) {
          p = regs.convertedRegister(site.id);
          if (t.kind === "rate") {
            // p = 1 − e^(−r·L)
            calc.mul(p, v, L);
            calc.neg(p, p);
            calc.exp(p, p);
            calc.sub(p, one, p);
          } else {
            // an annual probability over a cycle of L years: 1 − (1 − q)^L
            calc.sub(p, one, v);
            calc.pow(p, p, L);
            calc.sub(p, one, p);
          }
        }
        out.push({ to: t.to, p });
        calc.add(rowSum, rowSum, p);
      }
      const state = m.states[r]!;
      if (hasRest) {
        const rest = rowRest[r]!;
        calc.sub(rest, one, rowSum);
        calc.add(dev, rest, tol);
        conds.test(calc, dev, RULE.nonNegative, undefined, "sum_mismatch", [...m.path, "transitions"], (_, lane) => `the transition probabilities out of state "${state.id}" sum to ${calc.text(rowSum, lane)} in cycle ${env.cycle}${forOption}, more than 1, so the "rest" transition would be negative`);
        // A shortfall within the tolerance (rounding) counts as 0.
        calc.max(rest, rest, zero);
      } else {
        calc.sub(dev, rowSum, one);
        conds.test(calc, dev, RULE.withinAbs, tol, "sum_mismatch", [...m.path, "transitions"], (_, lane) => `the transition probabilities out of state "${state.id}" must sum to 1 (±${m.tolerance}) in cycle ${env.cycle}${forOption}, got ${calc.text(rowSum, lane)}; or mark one transition "rest"`);
      }
    });
  };

  // Unit traces per entry group: two boundaries each, and the inflow of the current cycle.
  const traces = groups.map((g) => {
    const prev = m.states.map(() => regs.tempText("0"));
    const next = m.states.map(() => regs.temp());
    const inflow = m.states.map(() => regs.temp());
    if (g.state !== undefined) calc.setText(prev[g.state]!, "1");
    else {
      const sum = regs.tempText("0");
      for (const x of m.initial) {
        const s = values.value(x.share);
        calc.copy(prev[x.state]!, s);
        calc.add(sum, sum, s);
      }
      calc.sub(dev, sum, one);
      conds.test(calc, dev, RULE.withinAbs, tol, "sum_mismatch", [...m.path, "initial"], (_, lane) => `the initial shares must sum to 1 (±${m.tolerance}), got ${calc.text(sum, lane)}`);
    }
    return { g, prev, next, inflow };
  });
  const shareSums = groups.map((g) => {
    const s = regs.tempText("0");
    for (const e of g.list) calc.add(s, s, e.share);
    return s;
  });

  const occupancy: string[][] | undefined = wantTrace ? [] : undefined;
  const tmp = regs.temp();
  const recordTrace = (rowOf: (t: (typeof traces)[number]) => V[]): void => {
    if (occupancy === undefined) return;
    const row: string[] = [];
    for (let s = 0; s < S; s++) {
      calc.setText(tmp, "0");
      traces.forEach((t, gi) => calc.mulAdd(tmp, rowOf(t)[s]!, shareSums[gi]!));
      row.push(calc.text(tmp, 0));
    }
    occupancy.push(row);
  };
  recordTrace((t) => t.prev);

  const w = regs.temp();
  const stateMeta = rowMeta("markov-state");
  stateMeta.markovId = m.id;
  const entryMeta = rowMeta("markov-entry");
  entryMeta.markovId = m.id;
  const stateVals = m.states.map(() => ({ utility: undefined as V | undefined, items: [] as { it: CItem; q: V; u: V; c: V | undefined }[], carbon: undefined as V | undefined }));

  // A sink that keeps no lines takes a state whose values do not change with the cycle in one go: its
  // occupancy is summed over cycles with the (weight × discount factor) of each part, then valued once.
  const aggregate = sink.aggregate !== undefined;
  const siteVaries = (x: Site | undefined): boolean => x !== undefined && values.varies(x);
  const itemVaries = (orig: CItem): boolean => {
    const it = values.item(orig);
    return siteVaries(it.quantity) || siteVaries(it.unitCost) || siteVaries(it.carbon);
  };
  const staticState = m.states.map((st) => aggregate && !siteVaries(st.utility) && !siteVaries(st.carbon) && !st.items.some(itemVaries));
  const staticEntry = m.states.map((st) => aggregate && st.hasEntry && !siteVaries(st.entryQalys) && !siteVaries(st.entryCarbon) && !st.entryItems.some(itemVaries) && !st.entryEvents.some((e) => siteVaries(e.count)));
  const sums = traces.map(() =>
    m.states.map((_, s) => ({
      occ: staticState[s] ? [regs.tempText("0"), regs.tempText("0"), regs.tempText("0")] : undefined,
      entry: staticEntry[s] ? [regs.tempText("0"), regs.tempText("0"), regs.tempText("0")] : undefined,
    })),
  );
  for (let n = 1; n <= N; n++) {
    setEnv(n);
    if (n === 1 || dynamic) buildMatrix();
    for (const t of traces) propagate(calc, S, rowsTo, rowsP, t.prev, t.next, t.inflow, zero);
    // Values of cycle n per state (after effects).
    m.states.forEach((st, s) => {
      if (staticState[s]) return;
      const sv = stateVals[s]!;
      sv.utility = st.dead || st.utility === undefined ? undefined : values.value(st.utility, env);
      sv.items.length = 0;
      for (const orig of st.items) {
        const it = values.item(orig);
        sv.items.push({ it, q: values.value(it.quantity, env), u: values.value(it.unitCost, env), c: it.carbon === undefined ? undefined : values.value(it.carbon, env) });
      }
      sv.carbon = st.carbon === undefined ? undefined : values.value(st.carbon, env);
    });
    for (const part of parts) {
      const { dfc, dfh, coeff } = part;
      for (let gi = 0; gi < traces.length; gi++) {
        const t = traces[gi]!;
        const occRow = part.k === n ? t.next : t.prev;
        const groupSums = sums[gi]!;
        for (let s = 0; s < S; s++) {
          const occ = occRow[s]!;
          const acc = groupSums[s]!.occ;
          if (acc !== undefined) {
            accumulate(calc, acc, occ, coeff, part.coeffC, part.coeffH);
            continue;
          }
          if (calc.allZero(occ)) continue;
          const st = m.states[s]!;
          const sv = stateVals[s]!;
          for (const e of t.g.list) {
            calc.mul(w, e.share, coeff);
            calc.mul(w, w, occ);
            if (calc.allZero(w)) continue;
            const meta = stateMeta;
            meta.nodeId = e.nodeId;
            meta.stateId = st.id;
            meta.cycle = n;
            meta.boundary = part.k;
            for (const x of sv.items) {
              meta.itemId = x.it.id;
              meta.category = x.it.category;
              sink.line("cost", meta, x.q, x.u, w, dfc);
              meta.category = undefined;
              if (x.c !== undefined) sink.line("carbonKg", meta, x.q, x.c, w, undefined);
            }
            if (!st.dead) {
              meta.itemId = "qalys";
              sink.line("qalys", meta, L, sv.utility ?? zero, w, dfh);
              meta.itemId = "lifeYears";
              sink.line("lifeYears", meta, L, undefined, w, dfh);
            }
            meta.itemId = "carbonKg";
            if (sv.carbon !== undefined) sink.line("carbonKg", meta, undefined, sv.carbon, w, undefined);
          }
        }
      }
    }
    // One-off values on entering a state during cycle n.
    const ent = plan.entry;
    const ecoeff = ent.coeff;
    for (let gi = 0; gi < traces.length; gi++) {
      const t = traces[gi]!;
      for (let s = 0; s < S; s++) {
        const st = m.states[s]!;
        if (!st.hasEntry) continue;
        const f = t.inflow[s]!;
        const acc = sums[gi]![s]!.entry;
        if (acc !== undefined) {
          accumulate(calc, acc, f, ecoeff, ent.coeffC, ent.coeffH);
          continue;
        }
        if (calc.allZero(f)) continue;
        const { dfc, dfh } = ent;
        for (const e of t.g.list) {
          calc.mul(w, e.share, f);
          if (!ent.unit) calc.mul(w, w, ecoeff);
          if (calc.allZero(w)) continue;
          const meta = entryMeta;
          meta.nodeId = e.nodeId;
          meta.stateId = st.id;
          meta.cycle = n;
          for (const orig of st.entryItems) {
            const it = values.item(orig);
            const q = values.value(it.quantity, env);
            meta.itemId = it.id;
            meta.category = it.category;
            sink.line("cost", meta, q, values.value(it.unitCost, env), w, dfc);
            meta.category = undefined;
            if (it.carbon !== undefined) sink.line("carbonKg", meta, q, values.value(it.carbon, env), w, undefined);
          }
          meta.itemId = "qalys";
          if (st.entryQalys !== undefined) sink.line("qalys", meta, undefined, values.value(st.entryQalys, env), w, dfh);
          meta.itemId = "carbonKg";
          if (st.entryCarbon !== undefined) sink.line("carbonKg", meta, undefined, values.value(st.entryCarbon, env), w, undefined);
          for (const ev of st.entryEvents) sink.line("event", ((meta.itemId = ev.name), meta), values.value(ev.count, env), undefined, w, undefined);
        }
      }
    }
    recordTrace((t) => t.next);
    for (const t of traces) {
      const p = t.prev;
      (t as { prev: V[] }).prev = t.next;
      (t as { next: V[] }).next = p;
    }
  }
  // Static states and entries, valued once with their summed weights.
  const und = regs.temp();
  const dc = regs.temp();
  const dh = regs.temp();
  traces.forEach((t, gi) => {
    m.states.forEach((st, s) => {
      const acc = sums[gi]![s]!;
      for (const e of t.g.list) {
        if (acc.occ !== undefined) {
          calc.mul(und, e.share, acc.occ[0]!);
          calc.mul(dc, e.share, acc.occ[1]!);
          calc.mul(dh, e.share, acc.occ[2]!);
          const meta = stateMeta;
          meta.nodeId = e.nodeId;
          meta.stateId = st.id;
          for (const orig of st.items) {
            const it = values.item(orig);
            const q = values.value(it.quantity);
            meta.itemId = it.id;
            meta.category = it.category;
            sink.aggregate!("cost", meta, q, values.value(it.unitCost), und, dc);
            meta.category = undefined;
            if (it.carbon !== undefined) sink.aggregate!("carbonKg", meta, q, values.value(it.carbon), und, und);
          }
          if (!st.dead) {
            sink.aggregate!("qalys", meta, L, st.utility === undefined ? zero : values.value(st.utility), und, dh);
            sink.aggregate!("lifeYears", meta, L, undefined, und, dh);
          }
          if (st.carbon !== undefined) sink.aggregate!("carbonKg", meta, undefined, values.value(st.carbon), und, und);
        }
        if (acc.entry !== undefined) {
          calc.mul(und, e.share, acc.entry[0]!);
          calc.mul(dc, e.share, acc.entry[1]!);
          calc.mul(dh, e.share, acc.entry[2]!);
          const meta = entryMeta;
          meta.nodeId = e.nodeId;
          meta.stateId = st.id;
          for (const orig of st.entryItems) {
            const it = values.item(orig);
            const q = values.value(it.quantity);
            meta.itemId = it.id;
            meta.category = it.category;
            sink.aggregate!("cost", meta, q, values.value(it.unitCost), und, dc);
            meta.category = undefined;
            if (it.carbon !== undefined) sink.aggregate!("carbonKg", meta, q, values.value(it.carbon), und, und);
          }
          if (st.entryQalys !== undefined) sink.aggregate!("qalys", meta, undefined, values.value(st.entryQalys), und, dh);
          if (st.entryCarbon !== undefined) sink.aggregate!("carbonKg", meta, undefined, values.value(st.entryCarbon), und, und);
          for (const ev of st.entryEvents) sink.aggregate!("event", ((meta.itemId = ev.name), meta), values.value(ev.count), undefined, und, und);
        }
      }
    });
  });
  if (occupancy === undefined) return undefined;
  return { markovId: m.id, states: m.states.map((s) => s.id), cycleLengthYears: m.cycleLength, occupancy };
}
