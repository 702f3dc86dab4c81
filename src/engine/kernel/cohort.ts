/**
 * The cohort state-transition model on the kernel: the trace `m_n = m_(n−1) · P_n` per entry group (the model
 * is linear in its starting distribution), rates turned into cycle probabilities `p = 1 − e^(−r·L)`, rows
 * checked to sum to 1, each cycle valued by its within-cycle parts, and one-off values on entering a state.
 * Streams over cycles: only two boundaries are held per group (plus the reported trace for one draw).
 *
 * @module
 */
import type { VbpPath } from "../../errors/issue.js";
import type { MarkovTrace } from "../../pathway/types.js";
import { RULE, type Calculator } from "../backends/calculator.js";
import { float64Text } from "../backends/float64.js";
import type { CItem, CMarkov, Program, Site } from "../program.js";
import type { Conditions } from "./conditions.js";
import type { CycleEnv, OptionValues, RunRegisters } from "./optionValues.js";
import { CyclePlan, type CycleData } from "./cyclePlan.js";
import { rowMeta, type RowMeta, type Sink } from "./sink.js";
import { mapList } from "./mapList.js";

/** Shares entering one Markov model in the same way (a given state, or the initial distribution). */
export interface EntryGroup<V> {
  readonly state: number | undefined;
  readonly list: readonly { readonly share: V; readonly nodeId: string | undefined }[];
}

/**
 * next := prev · P and inflow := what enters each state from another one (sparse rows; inflow only for the
 * states that value entries). The first term into a state is written, the others added (0 + x is x, so the
 * sums are those of a zeroed start).
 */
export function propagate<V>(calc: Calculator<V>, S: number, rowsTo: readonly (readonly number[])[], rowsP: readonly (readonly V[])[], prev: readonly V[], next: readonly V[], inflow: readonly (V | undefined)[], zero: V, seen: Uint8Array, seenIn: Uint8Array): void {
  seen.fill(0);
  seenIn.fill(0);
  for (let r = 0; r < S; r++) {
    const occ = prev[r]!;
    const to = rowsTo[r]!;
    const ps = rowsP[r]!;
    for (let j = 0; j < to.length; j++) {
      const t = to[j]!;
      if (seen[t] === 0) {
        calc.mul(next[t]!, occ, ps[j]!);
        seen[t] = 1;
      } else calc.mulAdd(next[t]!, occ, ps[j]!);
      const f = inflow[t];
      if (t !== r && f !== undefined) {
        if (seenIn[t] === 0) {
          calc.mul(f, occ, ps[j]!);
          seenIn[t] = 1;
        } else calc.mulAdd(f, occ, ps[j]!);
      }
    }
  }
  for (let s = 0; s < S; s++) {
    if (seen[s] === 0) calc.copy(next[s]!, zero);
    const f = inflow[s];
    if (f !== undefined && seenIn[s] === 0) calc.copy(f, zero);
  }
}

/**
 * A trace whose occupancy texts are written from the Float64 numbers the first time they are read (an
 * enumerable property, so JSON, structured cloning and deep equality see it as plain data).
 */
export function lazyTrace(head: Omit<MarkovTrace, "occupancy">, numbers: Float64Array, S: number): MarkovTrace {
  let texts: string[][] | undefined;
  const trace = { ...head } as MarkovTrace;
  Object.defineProperty(trace, "occupancy", {
    enumerable: true,
    configurable: true,
    get(): readonly (readonly string[])[] {
      if (texts === undefined) {
        texts = [];
        for (let k = 0; k < numbers.length / S; k++) {
          const row: string[] = [];
          for (let s = 0; s < S; s++) row.push(float64Text(numbers[k * S + s]!));
          texts.push(row);
        }
      }
      return texts;
    },
  });
  return trace;
}

/**
 * Into `p`, the probability of a transition within one cycle of `L` years: from a rate `v`, 1 − e^(−v·L); from an
 * annual probability `v`, 1 − (1 − v)^L.
 */
export function cycleProbability<V>(calc: Calculator<V>, p: V, v: V, L: V, one: V, rate: boolean): void {
  if (rate) {
    calc.mul(p, v, L);
    calc.neg(p, p);
    calc.exp(p, p);
    calc.sub(p, one, p);
  } else {
    calc.sub(p, one, v);
    calc.pow(p, p, L);
    calc.sub(p, one, p);
  }
}

/**
 * Adds occ × (coeff, coeff·dfc, coeff·dfh) to the three running sums of a state valued once; `need` says
 * which sums are read (the undiscounted one only when some figure is reported undiscounted; the health one
 * only when health is discounted on its own schedule, else it is the cost one).
 */
export function accumulate<V>(calc: Calculator<V>, acc: readonly V[], occ: V, a: V, b: V, c: V, need: Need): void {
  if (need.undiscounted) calc.mulAdd(acc[0]!, occ, a);
  calc.mulAdd(acc[1]!, occ, b);
  if (need.health) calc.mulAdd(acc[2]!, occ, c);
}

export interface Need {
  readonly undiscounted: boolean;
  readonly health: boolean;
}

/** What `buildRow` reads: one option's run of a Markov model and its sparse transition matrix. */
interface CohortRows<V> {
  readonly calc: Calculator<V>;
  readonly regs: RunRegisters<V>;
  readonly conds: Conditions;
  readonly m: CMarkov;
  readonly values: OptionValues<V>;
  readonly run: CohortRun<V>;
  readonly rowRest: readonly V[];
  readonly rowSum: V;
  readonly Lis1: boolean;
  readonly forOption: string;
  readonly transitionsPath: () => VbpPath;
  readonly rowsTo: number[][];
  readonly rowsP: V[][];
  readonly steady: (V | undefined)[][];
}

/**
 * Builds row r of the transition matrix of the current cycle. A function of the module, not a closure made
 * per run: the optimising compiler's code for a closure is dropped once the run that made it is collected.
 */
function buildRow<V>(x: CohortRows<V>, r: number): void {
  const { calc, regs, conds, m, values, rowRest, rowSum, Lis1, forOption, transitionsPath, rowsTo, rowsP, steady } = x;
  const { one, zero, tol, L, negTol, dev, env } = x.run;
  const row = m.rows[r]!;
  const envNow = env as CycleEnv<V>;
  const to = rowsTo[r]!;
  const ps = rowsP[r]!;
  to.length = 0;
  ps.length = 0;
  if (row.length === 0) {
    to.push(r);
    ps.push(one);
    return;
  }
  let hasRest = false;
  let terms = 0;
  const kept = steady[r]!;
  for (let j = 0; j < row.length; j++) {
    const t = row[j]!;
    if (t.kind === "rest") {
      hasRest = true;
      to.push(t.to);
      ps.push(rowRest[r]!);
      continue;
    }
    const site = t.site!;
    let p = kept[j];
    if (p !== undefined) {
      to.push(t.to);
      ps.push(p);
      if (terms++ === 0) calc.copy(rowSum, p);
      else calc.add(rowSum, rowSum, p);
      continue;
    }
    const v = values.value(site, envNow);
    p = v;
    if (t.kind === "rate" || (site.annualProbability === true && !Lis1)) {
      p = regs.convertedRegister(site.id, v);
      cycleProbability(calc, p, v, L, one, t.kind === "rate");
    }
    if (!values.varies(site)) kept[j] = p;
    to.push(t.to);
    ps.push(p);
    // The sum starts at its first term (0 + p is p).
    if (terms++ === 0) calc.copy(rowSum, p);
    else calc.add(rowSum, rowSum, p);
  }
  if (terms === 0) calc.setText(rowSum, "0");
  const state = m.states[r]!;
  if (hasRest) {
    const rest = rowRest[r]!;
    calc.sub(rest, one, rowSum);
    // rest + tolerance ≥ 0, tested as rest ≥ −tolerance (the same rule: the sum of two close doubles is exact).
    conds.test(calc, rest, RULE.atLeast, negTol, "sum_mismatch", transitionsPath, (_, lane) => `the transition probabilities out of state "${state.id}" sum to ${calc.text(rowSum, lane)} in cycle ${env.cycle}${forOption}, more than 1, so the "rest" transition would be negative`);
    // A shortfall within the tolerance (rounding) counts as 0.
    calc.max(rest, rest, zero);
  } else {
    calc.sub(dev, rowSum, one);
    conds.test(calc, dev, RULE.withinAbs, tol, "sum_mismatch", transitionsPath, (_, lane) => `the transition probabilities out of state "${state.id}" must sum to 1 (±${m.tolerance}) in cycle ${env.cycle}${forOption}, got ${calc.text(rowSum, lane)}; or mark one transition "rest"`);
  }
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
  const run = startCohortRun(calc, regs, conds, program, m, groups, values, sink, wantTrace);
  const { zero, traces } = run;

  // Transition matrix of the current cycle (sparse rows).
  const rowRest: V[] = mapList(m.rows, () => regs.temp());
  const rowSum = regs.temp();
  const Lis1 = m.cycleLength === "1";
  const rowVaries = mapList(m.rows, (row) => row.some((t) => t.site !== undefined && values.varies(t.site)));
  const dynamic = rowVaries.some((x) => x);
  const sites = m.rows.flatMap((row) => row.map((t) => t.site).filter((x) => x !== undefined));
  const changed = values.touchesParams || sites.some((x) => values.o.siteOps.has(x.id));
  const forOption = changed ? ` for option "${values.o.id}" (after its effects)` : "";
  const transitionsPath = (): VbpPath => [...m.path, "transitions"];
  const rowsTo: number[][] = mapList(m.rows, () => []);
  const rowsP: V[][] = mapList(m.rows, () => []);
  // Transition values that do not change with the cycle, as cycle probabilities: converted in the first
  // cycle and kept while their row is rebuilt for its other transitions (their value registers are cached).
  const steady: (V | undefined)[][] = mapList(m.rows, (row) => mapList(row, () => undefined));
  const rows: CohortRows<V> = { calc, regs, conds, m, values, run, rowRest, rowSum, Lis1, forOption, transitionsPath, rowsTo, rowsP, steady };
  const seen = new Uint8Array(S);
  const seenIn = new Uint8Array(S);
  for (let n = 1; n <= m.cycles; n++) {
    run.setEnv(n);
    // The first cycle builds every row; later cycles rebuild only the rows whose values change with the cycle.
    if (n === 1 || dynamic) for (let r = 0; r < m.rows.length; r++) if (n === 1 || rowVaries[r]) buildRow(rows, r);
    for (const t of traces) propagate(calc, S, rowsTo, rowsP, t.prev, t.next, t.inflow, zero, seen, seenIn);
    run.valueStates(n, values.value.bind(values), undefined);
    run.valueEntries(n, undefined);
    run.endCycle();
  }
  return run.finish();
}

/** A group's two boundaries (the occupancy at the start and at the end of the cycle) and its inflow. */
export interface GroupTrace<V> {
  readonly g: EntryGroup<V>;
  prev: V[];
  next: V[];
  readonly inflow: readonly (V | undefined)[];
}

/** A state's running sums (undiscounted, discounted for costs, for health), when it is valued once. */
export interface StateSums<V> {
  readonly occ: readonly V[] | undefined;
  readonly entry: readonly V[] | undefined;
}

/** What a cohort run sets up, values and finishes the same way for one evaluation and for many draws. */
export interface CohortRun<V> {
  readonly one: V;
  readonly zero: V;
  readonly tol: V;
  readonly L: V;
  readonly negTol: V;
  /** A scratch register (a sum's deviation from 1). */
  readonly dev: V;
  /** The cycle variables of the current cycle. */
  readonly env: { cycle: number; regs: CycleEnv<V>["regs"] };
  readonly traces: readonly GroupTrace<V>[];
  /** A state whose values do not change with the cycle, valued once from running sums. */
  readonly staticState: readonly boolean[];
  readonly staticEntry: readonly boolean[];
  readonly needState: readonly Need[];
  readonly needEntry: readonly Need[];
  /** Per group and state. */
  readonly sums: readonly (readonly StateSums<V>[])[];
  /** A state with something to value (not dead, or with items or carbon). */
  readonly valued: readonly boolean[];
  /** Moves to cycle n; returns its data. */
  setEnv(n: number): CycleData<V>;
  /**
   * Values cycle n per state (each site by `valueAt`): lines for a state valued each cycle, running sums for
   * the others, except the states marked in `fused` (their sums taken with their occupancy already).
   */
  valueStates(n: number, valueAt: (site: Site, env: CycleEnv<V>) => V, fused: readonly boolean[] | undefined): void;
  /** One-off values on entering a state during cycle n (the sums of states marked in `fused` taken already). */
  valueEntries(n: number, fused: readonly boolean[] | undefined): void;
  /** Records the end of the cycle in the trace and makes it the next cycle's start. */
  endCycle(): void;
  /** Values the states and entries summed over the cycles; returns the trace when asked. */
  finish(): MarkovTrace | undefined;
}

/**
 * Starts one option's run of a Markov model: the cycle plan, each entry group's unit trace (checking the
 * initial shares), the reported trace, which states and entries are valued once from running sums, and the
 * valuation steps that both runs (one evaluation, many draws) share. The transition step is the caller's.
 */
export function startCohortRun<V>(
  calc: Calculator<V>,
  regs: RunRegisters<V>,
  conds: Conditions,
  program: Program,
  m: CMarkov,
  groups: readonly EntryGroup<V>[],
  values: OptionValues<V>,
  sink: Sink<V>,
  wantTrace: boolean,
): CohortRun<V> {
  const S = m.states.length;
  const N = m.cycles;
  const one = calc.constant("1");
  const zero = calc.constant("0");
  const tol = calc.constant(m.tolerance);
  const L = calc.constant(m.cycleLength);
  const negTol = calc.constant(`-${m.tolerance}`);
  // Cycle data (weights × discount factors, cycle variables), computed once per calculator.
  let plan = regs.plans.get(m.index) as CyclePlan<V> | undefined;
  if (plan === undefined) regs.plans.set(m.index, (plan = new CyclePlan(calc, program, m)));
  const cycles = plan;
  const dev = regs.temp();
  let data = cycles.cycle(1);
  const env: { cycle: number; regs: CycleEnv<V>["regs"] } = { cycle: 1, regs: data.env };

  // Unit traces per entry group: two boundaries each, and the inflow of the current cycle.
  const traces = mapList(groups, (g) => {
    const prev = mapList(m.states, () => regs.tempText("0"));
    const next = mapList(m.states, () => regs.temp());
    const inflow = mapList(m.states, (st) => (st.hasEntry ? regs.temp() : undefined));
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
  const shareSums = mapList(groups, (g) => {
    const s = regs.tempText("0");
    for (const e of g.list) calc.add(s, s, e.share);
    return s;
  });

  // The reported trace (one draw): Float64 occupancies are kept as numbers and written as text only when the
  // trace is read; the exact backend keeps its decimal texts.
  const asNumbers = calc.kind === "float64";
  const occupancy: string[][] | undefined = wantTrace && !asNumbers ? [] : undefined;
  const occNumbers: Float64Array | undefined = wantTrace && asNumbers ? new Float64Array((N + 1) * S) : undefined;
  let recorded = 0;
  const tmp = regs.temp();
  const recordTrace = (rowOf: (t: (typeof traces)[number]) => V[]): void => {
    if (!wantTrace) return;
    const row: string[] = [];
    for (let s = 0; s < S; s++) {
      // Σ over entry groups of occupancy × share (one group: the product itself, as 0 + x is x).
      if (traces.length === 1) calc.mul(tmp, rowOf(traces[0]!)[s]!, shareSums[0]!);
      else {
        calc.setText(tmp, "0");
        traces.forEach((t, gi) => calc.mulAdd(tmp, rowOf(t)[s]!, shareSums[gi]!));
      }
      if (occNumbers !== undefined) occNumbers[recorded * S + s] = calc.number(tmp, 0);
      else row.push(calc.text(tmp, 0));
    }
    recorded++;
    occupancy?.push(row);
  };
  recordTrace((t) => t.prev);

  const w = regs.temp();
  const stateMeta = rowMeta("markov-state");
  stateMeta.markovId = m.id;
  const entryMeta = rowMeta("markov-entry");
  entryMeta.markovId = m.id;
  const stateVals = mapList(m.states, () => ({ utility: undefined as V | undefined, items: [] as { it: CItem; q: V; u: V; c: V | undefined }[], carbon: undefined as V | undefined }));

  // A sink that keeps no lines takes a state whose values do not change with the cycle in one go: its
  // occupancy is summed over cycles with the (weight × discount factor) of each part, then valued once.
  const aggregate = sink.aggregate !== undefined;
  const siteVaries = (x: Site | undefined): boolean => x !== undefined && values.varies(x);
  const itemVaries = (orig: CItem): boolean => {
    const it = values.item(orig);
    return siteVaries(it.quantity) || siteVaries(it.unitCost) || siteVaries(it.carbon);
  };
  const staticState = mapList(m.states, (st) => aggregate && !siteVaries(st.utility) && !siteVaries(st.carbon) && !st.items.some(itemVaries));
  const staticEntry = mapList(m.states, (st) => aggregate && st.hasEntry && !siteVaries(st.entryQalys) && !siteVaries(st.entryCarbon) && !st.entryItems.some(itemVaries) && !st.entryEvents.some((e) => siteVaries(e.count)));
  // Which running sums are read: undiscounted only if the sink reports undiscounted figures or the state has
  // carbon or events (never discounted); the health sum only when health has its own schedule.
  const sameSchedule = JSON.stringify(program.costSchedule) === JSON.stringify(program.healthSchedule);
  const carbonOf = (items: readonly CItem[]): boolean => items.some((orig) => values.item(orig).carbon !== undefined);
  const needState: Need[] = mapList(m.states, (st) => ({ undiscounted: sink.undiscounted !== false || st.carbon !== undefined || carbonOf(st.items), health: !sameSchedule }));
  const needEntry: Need[] = mapList(m.states, (st) => ({ undiscounted: sink.undiscounted !== false || st.entryCarbon !== undefined || st.entryEvents.length > 0 || carbonOf(st.entryItems), health: !sameSchedule }));
  const sums = mapList(traces, () =>
    mapList(m.states, (_, s) => ({
      occ: staticState[s] ? [regs.tempText("0"), regs.tempText("0"), regs.tempText("0")] : undefined,
      entry: staticEntry[s] ? [regs.tempText("0"), regs.tempText("0"), regs.tempText("0")] : undefined,
    })),
  );
  // A state with nothing to value (dead, no items, no carbon) needs no sums.
  const valued = mapList(m.states, (st) => !st.dead || st.items.length > 0 || st.carbon !== undefined);

  return {
    one,
    zero,
    tol,
    L,
    negTol,
    dev,
    env,
    traces,
    staticState,
    staticEntry,
    needState,
    needEntry,
    sums,
    valued,
    setEnv(n) {
      env.cycle = n;
      data = cycles.cycle(n);
      env.regs = data.env;
      return data;
    },
    valueStates(n, valueAt, fused) {
      // Values of cycle n per state (after effects).
      m.states.forEach((st, s) => {
        if (staticState[s]) return;
        const sv = stateVals[s]!;
        sv.utility = st.dead || st.utility === undefined ? undefined : valueAt(st.utility, env);
        sv.items.length = 0;
        for (const orig of st.items) {
          const it = values.item(orig);
          sv.items.push({ it, q: valueAt(it.quantity, env), u: valueAt(it.unitCost, env), c: it.carbon === undefined ? undefined : valueAt(it.carbon, env) });
        }
        sv.carbon = st.carbon === undefined ? undefined : valueAt(st.carbon, env);
      });
      for (const part of data.parts) {
        const { dfc, dfh, coeff } = part;
        for (let gi = 0; gi < traces.length; gi++) {
          const t = traces[gi]!;
          const occRow = part.k === n ? t.next : t.prev;
          const groupSums = sums[gi]!;
          for (let s = 0; s < S; s++) {
            const occ = occRow[s]!;
            const acc = groupSums[s]!.occ;
            if (acc !== undefined) {
              if (valued[s] && fused?.[s] !== true) accumulate(calc, acc, occ, coeff, part.coeffC, part.coeffH, needState[s]!);
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
    },
    valueEntries(n, fused) {
      // One-off values on entering a state during cycle n.
      const ent = data.entry;
      const ecoeff = ent.coeff;
      for (let gi = 0; gi < traces.length; gi++) {
        const t = traces[gi]!;
        for (let s = 0; s < S; s++) {
          const st = m.states[s]!;
          if (!st.hasEntry) continue;
          const f = t.inflow[s]!;
          const acc = sums[gi]![s]!.entry;
          if (acc !== undefined) {
            if (fused?.[s] !== true) accumulate(calc, acc, f, ecoeff, ent.coeffC, ent.coeffH, needEntry[s]!);
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
    },
    endCycle() {
      recordTrace((t) => t.next);
      for (const t of traces) {
        const p = t.prev;
        t.prev = t.next;
        t.next = p;
      }
    },
    finish() {
      // Static states and entries, valued once with their summed weights.
      valueSummedStates(calc, regs, m, traces, sums, sameSchedule, values, sink, stateMeta, entryMeta, L, zero);
      if (!wantTrace) return undefined;
      const head = { markovId: m.id, states: m.states.map((s) => s.id), cycleLengthYears: m.cycleLength };
      if (occNumbers === undefined) return { ...head, occupancy: occupancy! };
      return lazyTrace(head, occNumbers, S);
    },
  };
}

/**
 * Values the states and entries whose values do not change with the cycle once, from their running sums
 * (undiscounted, discounted for costs, discounted for health) times each entry's share, through
 * `sink.aggregate`: the last step of a cohort run, shared by the single and the many-draws runs.
 */
export function valueSummedStates<V>(
  calc: Calculator<V>,
  regs: RunRegisters<V>,
  m: CMarkov,
  traces: readonly { readonly g: EntryGroup<V> }[],
  sums: readonly (readonly { readonly occ: readonly V[] | undefined; readonly entry: readonly V[] | undefined }[])[],
  sameSchedule: boolean,
  values: OptionValues<V>,
  sink: Sink<V>,
  stateMeta: RowMeta,
  entryMeta: RowMeta,
  L: V,
  zero: V,
): void {
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
          calc.mul(dh, e.share, acc.occ[sameSchedule ? 1 : 2]!);
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
          calc.mul(dh, e.share, acc.entry[sameSchedule ? 1 : 2]!);
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
}
