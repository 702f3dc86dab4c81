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
import type { CItem, CMarkov, Program } from "../program.js";
import type { Conditions } from "./conditions.js";
import type { CycleEnv, OptionValues, RunRegisters } from "./optionValues.js";
import type { RowMeta, Sink } from "./sink.js";

/** Shares entering one Markov model in the same way (a given state, or the initial distribution). */
export interface EntryGroup<V> {
  readonly state: number | undefined;
  readonly list: readonly { readonly share: V; readonly nodeId: string | undefined }[];
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
  const halfL = calc.constant(m.halfCycleLength);
  const weights = m.weights.map((w) => calc.constant(w));
  const fixed = (key: string, make: (out: V) => void): V => {
    let v = regs.fixed.get(key);
    if (v === undefined) {
      v = calc.register();
      make(v);
      regs.fixed.set(key, v);
    }
    return v;
  };
  const factor = (which: "cost" | "health", half: number): V =>
    fixed(`${m.index}|${which}|${half}`, (out) => {
      const t = calc.register();
      calc.mul(t, calc.constant(String(half)), halfL);
      calc.discount(out, which === "cost" ? program.costSchedule : program.healthSchedule, t);
    });

  // Cycle variables.
  const env: { cycle: number; regs: CycleEnv<V>["regs"] } = { cycle: 1, regs: { cycle: regs.temp(), time: regs.temp(), age: regs.temp() } };
  const startAge = m.startAge === undefined ? undefined : calc.constant(m.startAge);
  const setEnv = (n: number): void => {
    env.cycle = n;
    calc.setText(env.regs.cycle, String(n));
    calc.mul(env.regs.time, calc.constant(String(n - 1)), L);
    if (startAge !== undefined) calc.add(env.regs.age, startAge, env.regs.time);
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
  const matrix: { to: number; p: V }[][] = m.rows.map(() => []);
  const buildMatrix = (): void => {
    const envNow = env as CycleEnv<V>;
    m.rows.forEach((row, r) => {
      const out = matrix[r]!;
      out.length = 0;
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
  const stateVals = m.states.map(() => ({ utility: undefined as V | undefined, items: [] as { it: CItem; q: V; u: V; c: V | undefined }[], carbon: undefined as V | undefined }));
  for (let n = 1; n <= N; n++) {
    setEnv(n);
    if (n === 1 || dynamic) buildMatrix();
    for (const t of traces) {
      for (let s = 0; s < S; s++) {
        calc.setText(t.next[s]!, "0");
        calc.setText(t.inflow[s]!, "0");
      }
      for (let r = 0; r < S; r++) {
        const occ = t.prev[r]!;
        if (calc.allZero(occ)) continue;
        for (const { to, p } of matrix[r]!) {
          calc.mulAdd(t.next[to]!, occ, p);
          if (to !== r) calc.mulAdd(t.inflow[to]!, occ, p);
        }
      }
    }
    // Values of cycle n per state (after effects).
    m.states.forEach((st, s) => {
      const sv = stateVals[s]!;
      sv.utility = st.dead || st.utility === undefined ? undefined : values.value(st.utility, env);
      sv.items.length = 0;
      for (const orig of st.items) {
        const it = values.item(orig);
        sv.items.push({ it, q: values.value(it.quantity, env), u: values.value(it.unitCost, env), c: it.carbon === undefined ? undefined : values.value(it.carbon, env) });
      }
      sv.carbon = st.carbon === undefined ? undefined : values.value(st.carbon, env);
    });
    for (const part of m.parts[n - 1]!) {
      const dfc = factor("cost", part.half);
      const dfh = factor("health", part.half);
      const coeff = weights[part.coeff]!;
      for (const t of traces) {
        const occRow = part.k === n ? t.next : t.prev;
        for (let s = 0; s < S; s++) {
          const occ = occRow[s]!;
          if (calc.allZero(occ)) continue;
          const st = m.states[s]!;
          const sv = stateVals[s]!;
          for (const e of t.g.list) {
            calc.mul(w, e.share, coeff);
            calc.mul(w, w, occ);
            if (calc.allZero(w)) continue;
            const base: RowMeta = { part: "markov-state", ...(e.nodeId !== undefined ? { nodeId: e.nodeId } : {}), markovId: m.id, stateId: st.id, cycle: n, boundary: part.k, itemId: "" };
            for (const x of sv.items) {
              sink.line("cost", { ...base, itemId: x.it.id, category: x.it.category }, x.q, x.u, w, dfc);
              if (x.c !== undefined) sink.line("carbonKg", { ...base, itemId: x.it.id }, x.q, x.c, w, undefined);
            }
            if (!st.dead) {
              sink.line("qalys", { ...base, itemId: "qalys" }, L, sv.utility ?? zero, w, dfh);
              sink.line("lifeYears", { ...base, itemId: "lifeYears" }, L, undefined, w, dfh);
            }
            if (sv.carbon !== undefined) sink.line("carbonKg", { ...base, itemId: "carbonKg" }, undefined, sv.carbon, w, undefined);
          }
        }
      }
    }
    // One-off values on entering a state during cycle n.
    const ent = m.entries[n - 1]!;
    const ecoeff = weights[ent.coeff]!;
    for (const t of traces) {
      for (let s = 0; s < S; s++) {
        const st = m.states[s]!;
        if (!st.hasEntry) continue;
        const f = t.inflow[s]!;
        if (calc.allZero(f)) continue;
        const dfc = factor("cost", ent.half);
        const dfh = factor("health", ent.half);
        for (const e of t.g.list) {
          calc.mul(w, e.share, f);
          if (m.weights[ent.coeff] !== "1") calc.mul(w, w, ecoeff);
          if (calc.allZero(w)) continue;
          const base: RowMeta = { part: "markov-entry", ...(e.nodeId !== undefined ? { nodeId: e.nodeId } : {}), markovId: m.id, stateId: st.id, cycle: n, itemId: "" };
          for (const orig of st.entryItems) {
            const it = values.item(orig);
            const q = values.value(it.quantity, env);
            sink.line("cost", { ...base, itemId: it.id, category: it.category }, q, values.value(it.unitCost, env), w, dfc);
            if (it.carbon !== undefined) sink.line("carbonKg", { ...base, itemId: it.id }, q, values.value(it.carbon, env), w, undefined);
          }
          if (st.entryQalys !== undefined) sink.line("qalys", { ...base, itemId: "qalys" }, undefined, values.value(st.entryQalys, env), w, dfh);
          if (st.entryCarbon !== undefined) sink.line("carbonKg", { ...base, itemId: "carbonKg" }, undefined, values.value(st.entryCarbon, env), w, undefined);
          for (const ev of st.entryEvents) sink.line("event", { ...base, itemId: ev.name }, values.value(ev.count, env), undefined, w, undefined);
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
  if (occupancy === undefined) return undefined;
  return { markovId: m.id, states: m.states.map((s) => s.id), cycleLengthYears: m.cycleLength, occupancy };
}
