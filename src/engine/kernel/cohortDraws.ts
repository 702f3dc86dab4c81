/**
 * The cohort state-transition model for a run over many draws (`evaluateDraws`): the same numbers as
 * `runCohort`, with less work per cycle. Kept apart so that a single evaluation does not load it.
 *
 * @module
 */
import type { Calculator } from "../backends/calculator.js";
import type { VbpPath } from "../../errors/issue.js";
import type { MarkovTrace } from "../../pathway/types.js";
import { RULE } from "../backends/calculator.js";
import type { CMarkov, Program, Site } from "../program.js";
import { cycleProbability, propagate, startCohortRun, type CohortRun, type EntryGroup } from "./cohort.js";
import type { Conditions } from "./conditions.js";
import type { CycleShare } from "./cycleShare.js";
import { runValueTo, type CycleEnv, type OptionValues, type RunRegisters } from "./optionValues.js";
import type { Sink } from "./sink.js";
import { mapList } from "./mapList.js";

/** The transitions into each state, as (row, position in the row), in the order `propagate` adds them. */
export interface Into {
  readonly all: readonly (readonly [number, number])[][];
  /** From another state only (the inflow of a state that values entries). */
  readonly other: readonly (readonly [number, number])[][];
}

export function intoStates(S: number, rowsTo: readonly (readonly number[])[]): Into {
  const all: [number, number][][] = Array.from({ length: S }, () => []);
  const other: [number, number][][] = Array.from({ length: S }, () => []);
  for (let r = 0; r < S; r++) {
    rowsTo[r]!.forEach((t, j) => {
      all[t]!.push([r, j]);
      if (t !== r) other[t]!.push([r, j]);
    });
  }
  return { all, other };
}

/**
 * Which states' occupancy is ever read: a state valued per cycle or with running sums, every state of a
 * reported trace, and every source of a state that is read or that values its entries (its inflow). The others
 * (typically an absorbing dead state with nothing to value) need no occupancy at all.
 */
export function readStates(S: number, into: Into, readAlone: readonly boolean[], hasEntry: readonly boolean[]): boolean[] {
  const read = readAlone.slice();
  const mark = (list: readonly (readonly [number, number])[]): boolean => {
    let changed = false;
    for (const [r] of list) {
      if (read[r]!) continue;
      read[r] = true;
      changed = true;
    }
    return changed;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let t = 0; t < S; t++) {
      if (read[t] && mark(into.all[t]!)) changed = true;
      if (hasEntry[t] && mark(into.other[t]!)) changed = true;
    }
  }
  return read;
}

/**
 * `propagate` with each state's sum in one pass (`dot`): the same terms, added in the same order, so the
 * same numbers. A state's running sum given in `accNext` (or `accIn` for its inflow) takes occupancy ×
 * coefficient in the same pass, as `accumulate` would after it.
 */
export function propagateDot<V>(calc: Calculator<V>, dot: NonNullable<Calculator<V>["dot"]>, S: number, into: Into, read: readonly boolean[], rowsP: readonly (readonly V[])[], prev: readonly V[], next: readonly V[], inflow: readonly (V | undefined)[], zero: V, a: V[], b: V[], accNext: readonly (V | undefined)[], cNext: V, accIn: readonly (V | undefined)[], cIn: V): void {
  for (let t = 0; t < S; t++) {
    const list = into.all[t]!;
    const accN = accNext[t];
    if (read[t]!) {
      for (let x = 0; x < list.length; x++) {
        const [r, j] = list[x]!;
        a[x] = prev[r]!;
        b[x] = rowsP[r]![j]!;
      }
      if (list.length === 0) {
        calc.copy(next[t]!, zero);
        if (accN !== undefined) calc.mulAdd(accN, next[t]!, cNext);
      } else dot.call(calc, next[t]!, a, b, list.length, accN, accN === undefined ? undefined : cNext);
    }
    const f = inflow[t];
    if (f === undefined) continue;
    const other = into.other[t]!;
    for (let x = 0; x < other.length; x++) {
      const [r, j] = other[x]!;
      a[x] = prev[r]!;
      b[x] = rowsP[r]![j]!;
    }
    const accI = accIn[t];
    if (other.length === 0) {
      calc.copy(f, zero);
      if (accI !== undefined) calc.mulAdd(accI, f, cIn);
    } else dot.call(calc, f, a, b, other.length, accI, accI === undefined ? undefined : cIn);
  }
}


/**
 * The transition matrix of one option's cohort run over draws, rebuilt cycle by cycle. Its steps are methods
 * (one function for every run), not closures made per run: the optimising compiler's code for a closure is
 * dropped once the run that made it is collected, and the next run's closures would start again from the
 * interpreter.
 */
class DrawMatrix<V> {
  /** Each row's "rest" register, and a row's sum. */
  readonly rowRest: V[];
  readonly rowSum: V;
  readonly Lis1: boolean;
  /** Rows whose values change with the cycle (rebuilt each cycle); whether there is one. */
  readonly rowVaries: boolean[];
  readonly dynamic: boolean;
  readonly forOption: string;
  readonly transitionsPath: () => VbpPath;
  /** Sparse rows: the state each transition goes to, and its probability register. */
  readonly rowsTo: number[][];
  readonly rowsP: V[][];
  /**
   * Transition values that do not change with the cycle, as cycle probabilities: converted in the first
   * cycle and kept while their row is rebuilt for its other transitions (their value registers are cached).
   */
  readonly steady: (V | undefined)[][];
  readonly share: CycleShare<V> | undefined;
  /**
   * A row whose transitions the option leaves alone (and no parameter) is the same for every such option of a
   * run over draws: kept per cycle and shared (see CycleShare).
   */
  readonly shareRow: boolean[];
  ones: V | undefined = undefined;
  readonly rowTerms: V[] = [];
  /** `valueAt` bound to this matrix (what the run's valuation of states takes). */
  readonly valueAtFn: (site: Site, at: CycleEnv<V>) => V;

  constructor(
    readonly calc: Calculator<V>,
    readonly regs: RunRegisters<V>,
    readonly conds: Conditions,
    readonly m: CMarkov,
    readonly values: OptionValues<V>,
    readonly run: CohortRun<V>,
  ) {
    this.rowRest = mapList(m.rows, () => regs.temp());
    this.rowSum = regs.temp();
    this.Lis1 = m.cycleLength === "1";
    this.rowVaries = mapList(m.rows, (row) => row.some((t) => t.site !== undefined && values.varies(t.site)));
    this.dynamic = this.rowVaries.some((x) => x);
    const sites = m.rows.flatMap((row) => row.map((t) => t.site).filter((x) => x !== undefined));
    const changed = values.touchesParams || sites.some((x) => values.o.siteOps.has(x.id));
    this.forOption = changed ? ` for option "${values.o.id}" (after its effects)` : "";
    this.transitionsPath = (): VbpPath => [...m.path, "transitions"];
    this.rowsTo = mapList(m.rows, () => []);
    this.rowsP = mapList(m.rows, () => []);
    this.steady = mapList(m.rows, (row) => mapList(row, () => undefined));
    const share = (this.share = regs.cycleShare);
    this.shareRow = mapList(m.rows, (row) => share !== undefined && !values.touchesParams && row.every((t) => t.site === undefined || !values.o.siteOps.has(t.site.id)));
    this.valueAtFn = this.valueAt.bind(this);
  }

  /**
   * A site's value at a cycle; kept for the run when it changes with the cycle only (the option changes
   * neither it nor any parameter), and taken from there by the other such options.
   */
  valueAt(site: Site, at: CycleEnv<V>): V {
    const { calc, regs, values, share } = this;
    if (!values.varies(site) || values.o.siteOps.has(site.id)) return values.value(site, at);
    if (share === undefined || values.touchesParams) return freshValue(values, site, at);
    const key = `s${site.id}`;
    const hit = share.get(key, at.cycle);
    if (hit !== undefined) return hit[0]!;
    const v = freshValue(values, site, at);
    const narrow = calc.isNarrow(v);
    const siteRegs = narrow ? regs.siteNarrow : regs.site;
    if (siteRegs[site.id] === v) {
      // The value is in the option's register for the site: the store keeps that register, and the site
      // takes the store's former one for its next value (no copy).
      const other = share.exchange(key, at.cycle, 0, narrow, v);
      if (other === undefined) return v;
      siteRegs[site.id] = other;
      share.set(key, at.cycle, [v]);
      return v;
    }
    const own = share.register(key, at.cycle, 0, narrow);
    if (own === undefined) return v;
    calc.copy(own, v);
    share.set(key, at.cycle, [own]);
    return own;
  }

  /** A row's sum starts at its first term (0 + p is p): p1 + p2, then + p3 … */
  sumTerms(): void {
    const { calc, rowSum, rowTerms } = this;
    const terms = rowTerms.length;
    if (terms === 0) calc.setText(rowSum, "0");
    else if (terms === 1) calc.copy(rowSum, rowTerms[0]!);
    else {
      calc.add(rowSum, rowTerms[0]!, rowTerms[1]!);
      for (let j = 2; j < terms; j++) calc.add(rowSum, rowSum, rowTerms[j]!);
    }
  }

  buildRow(r: number): void {
    const { calc, regs, conds, m, values, run, rowTerms } = this;
    const { one, zero, tol, L, negTol, dev } = run;
    const env = run.env;
    const row = m.rows[r]!;
    const envNow = env as CycleEnv<V>;
    const to = this.rowsTo[r]!;
    const ps = this.rowsP[r]!;
    to.length = 0;
    ps.length = 0;
    if (row.length === 0) {
      // An absorbing state keeps its share: × 1 in every lane (a wide 1, so its state's sum stays one pass).
      to.push(r);
      ps.push((this.ones ??= regs.tempText("1")));
      return;
    }
    const key = `r${m.index}:${r}`;
    let keep = this.shareRow[r]! ? this.share : undefined;
    if (keep !== undefined) {
      const hit = keep.get(key, env.cycle);
      if (hit !== undefined) {
        for (const t of row) to.push(t.to);
        ps.push(...hit);
        return;
      }
    }
    let hasRest = false;
    rowTerms.length = 0;
    const kept = this.steady[r]!;
    let restReg: V = this.rowRest[r]!;
    if (keep !== undefined && row.some((t) => t.kind === "rest")) {
      const own = keep.register(key, env.cycle, row.length, false);
      if (own === undefined) keep = undefined;
      else restReg = own;
    }
    for (let j = 0; j < row.length; j++) {
      const t = row[j]!;
      if (t.kind === "rest") {
        hasRest = true;
        to.push(t.to);
        ps.push(restReg);
        continue;
      }
      const site = t.site!;
      let p = kept[j];
      if (p !== undefined) {
        to.push(t.to);
        ps.push(p);
        rowTerms.push(p);
        continue;
      }
      const v = this.valueAt(site, envNow);
      const varies = values.varies(site);
      // A kept row holds only values that stay as they are for the run: its own registers, and site values
      // kept for the run.
      if (keep !== undefined && varies && keep.get(`s${site.id}`, env.cycle)?.[0] !== v) keep = undefined;
      p = v;
      if (t.kind === "rate" || (site.annualProbability === true && !this.Lis1)) {
        const own = keep?.register(key, varies ? env.cycle : 0, j, calc.isNarrow(v));
        if (own === undefined) keep = undefined;
        p = own ?? regs.convertedRegister(site.id, v);
        cycleProbability(calc, p, v, L, one, t.kind === "rate");
      }
      if (!varies) kept[j] = p;
      to.push(t.to);
      ps.push(p);
      rowTerms.push(p);
    }
    const terms = rowTerms.length;
    const state = m.states[r]!;
    const rowSum = this.rowSum;
    const forOption = this.forOption;
    // The rest from the terms in one pass when no draw is invalid yet and the row does not sum above 1 in any
    // draw (the same sum, in the same order); else step by step from the sum.
    if (hasRest && (terms === 0 || calc.restAtLeast === undefined || conds.anyInvalid || !calc.restAtLeast(restReg, rowTerms, terms, negTol))) {
      this.sumTerms();
      const rest = restReg;
      calc.sub(rest, one, rowSum);
      // rest + tolerance ≥ 0, tested as rest ≥ −tolerance (the same rule: the sum of two close doubles is exact).
      conds.test(calc, rest, RULE.atLeast, negTol, "sum_mismatch", this.transitionsPath, (_, lane) => `the transition probabilities out of state "${state.id}" sum to ${calc.text(rowSum, lane)} in cycle ${env.cycle}${forOption}, more than 1, so the "rest" transition would be negative`);
      // A shortfall within the tolerance (rounding) counts as 0.
      calc.max(rest, rest, zero);
    } else if (!hasRest) {
      this.sumTerms();
      calc.sub(dev, rowSum, one);
      conds.test(calc, dev, RULE.withinAbs, tol, "sum_mismatch", this.transitionsPath, (_, lane) => `the transition probabilities out of state "${state.id}" must sum to 1 (±${m.tolerance}) in cycle ${env.cycle}${forOption}, got ${calc.text(rowSum, lane)}; or mark one transition "rest"`);
    }
    keep?.set(key, env.cycle, ps);
  }

  /** The first cycle builds every row; later cycles rebuild only the rows whose values change with the cycle. */
  buildMatrix(n: number): void {
    const rows = this.m.rows.length;
    for (let r = 0; r < rows; r++) if (n === 1 || this.rowVaries[r]) this.buildRow(r);
  }
}

/**
 * `runCohort` for a run over many draws: the same numbers, with less work per cycle.
 * - Values that change with the cycle but not with the option (a site no option changes, a whole row of
 *   transitions) are computed once per cycle and run, and shared by the options (see CycleShare).
 * - Each state's share of the next cycle in one pass (`dot`), a static state's discounted sum in the same pass,
 *   a row's "rest" in one pass while no draw is invalid.
 */
export function runCohortDraws<V>(
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
  const run = startCohortRun(calc, regs, conds, program, m, groups, values, sink, wantTrace);
  const { zero, traces, staticState, staticEntry, needState, needEntry, sums, valued } = run;
  const S = m.states.length;
  const matrix = new DrawMatrix(calc, regs, conds, m, values, run);
  const { rowsTo, rowsP, dynamic, valueAtFn } = matrix;

  const seen = new Uint8Array(S);
  const seenIn = new Uint8Array(S);
  const dot = calc.dot;
  let into: Into | undefined;
  let read: boolean[] | undefined;
  const dotA: V[] = [];
  const dotB: V[] = [];
  // Static states whose only running sum read is the discounted one take it in the pass that computes their
  // occupancy (when the cycle is valued at its end alone, so the sum gets its terms in the same order).
  const fuseState = mapList(m.states, (_, s) => dot !== undefined && staticState[s]! && valued[s]! && !needState[s]!.undiscounted && !needState[s]!.health);
  const fuseEntry = mapList(m.states, (_, s) => dot !== undefined && staticEntry[s]! && !needEntry[s]!.undiscounted && !needEntry[s]!.health);
  const accNext: (V | undefined)[] = mapList(m.states, () => undefined);
  const accIn: (V | undefined)[] = mapList(m.states, () => undefined);
  for (let n = 1; n <= m.cycles; n++) {
    const data = run.setEnv(n);
    if (n === 1 || dynamic) matrix.buildMatrix(n);
    const fuseOcc = data.parts.length === 1 && data.parts[0]!.k === n;
    if (dot !== undefined) {
      // Which state each transition goes to is fixed by the model (only the probabilities change).
      into ??= intoStates(S, rowsTo);
      // A state's occupancy is read when the state is traced, valued each cycle or summed (when valued).
      read ??= readStates(S, into, mapList(m.states, (_, s) => wantTrace || !staticState[s] || valued[s]!), mapList(m.states, (st) => st.hasEntry));
      for (let gi = 0; gi < traces.length; gi++) {
        const t = traces[gi]!;
        const groupSums = sums[gi]!;
        for (let s = 0; s < S; s++) {
          accNext[s] = fuseOcc && fuseState[s] ? groupSums[s]!.occ![1] : undefined;
          accIn[s] = fuseEntry[s] ? groupSums[s]!.entry![1] : undefined;
        }
        propagateDot(calc, dot, S, into, read, rowsP, t.prev, t.next, t.inflow, zero, dotA, dotB, accNext, fuseOcc ? data.parts[0]!.coeffC : zero, accIn, data.entry.coeffC);
      }
    } else for (const t of traces) propagate(calc, S, rowsTo, rowsP, t.prev, t.next, t.inflow, zero, seen, seenIn);
    run.valueStates(n, valueAtFn, fuseOcc ? fuseState : undefined);
    run.valueEntries(n, fuseEntry);
    run.endCycle();
  }
  return run.finish();
}

/** The cohort run a run over draws hands to the kernel. */
export interface CohortDrawSteps {
  readonly runCohort: typeof runCohortDraws;
}

/** The cohort run over draws. */
export const COHORT_DRAW_STEPS: CohortDrawSteps = { runCohort: runCohortDraws };

/**
 * `values.value(site, at)` for a site that changes with the cycle and that the option's effects leave alone
 * (so it is computed afresh each cycle, never cached): the same operations, checks and messages, but the
 * code's result register becomes the option's register for the site, and the site's former register takes
 * its place among the code's scratch registers, instead of the result being copied (an input, a bare
 * parameter or constant, is still copied).
 */
function freshValue<V>(values: OptionValues<V>, site: Site, at: CycleEnv<V>): V {
  const { calc, regs } = values;
  const when = (): string => ` in cycle ${at.cycle}`;
  const r = runValueTo(calc, regs, values.conds, site.value, values.params, at, site.path, () => `cannot be evaluated${when()}${values.touchesParams ? ` for option "${values.o.id}"` : ""}: `);
  const narrow = calc.isNarrow(r);
  const scratch = narrow ? regs.scratchNarrow : regs.scratch;
  const k = scratch.indexOf(r);
  let v: V;
  if (k < 0) {
    v = regs.siteRegister(site.id, narrow);
    calc.copy(v, r);
  } else {
    const siteRegs = narrow ? regs.siteNarrow : regs.site;
    const before = siteRegs[site.id] ?? (narrow ? calc.narrow() : calc.register());
    scratch[k] = before;
    if (regs.current[k] === r) regs.current[k] = before;
    siteRegs[site.id] = v = r;
  }
  values.check(site, v, undefined, when);
  return v;
}
