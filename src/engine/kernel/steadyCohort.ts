/**
 * A cohort model whose transitions and state values do not change with the cycle, for one option and one
 * draw, on plain numbers: lowered once from the compiled program (transition rows as compressed sparse rows,
 * the cycle plan's weights and discount factors as flat arrays), then run as one tight loop over cycles —
 * occupancy `m_n = m_(n−1) · P`, the inflow of states with one-off entry values, and each state's occupancy
 * summed with its (weight, weight × discount factor) per within-cycle part. The states are valued once
 * afterwards (the model is linear in the occupancy). Every operation is the kernel's (`runCohort` with a
 * sink that keeps no lines), in the same order, so the sums are bit-identical to it.
 *
 * @module
 */
import type { Calculator } from "../backends/calculator.js";
import { float64Calculator } from "../backends/float64.js";
import type { CItem, CMarkov, COption, Program, Site } from "../program.js";
import { siteVaries } from "./oneDrawValues.js";
import { readsCycle, codeAtCycle } from "./scalarCode.js";

/** Where a transition's probability comes from. */
const SOURCE = { rest: -1, one: -2 } as const;
/** How a transition value becomes a cycle probability. */
const CONVERT = { none: 0, rate: 1, annual: 2 } as const;

/** The weights and discount factors of every cycle of one Markov model (the same for every option). */
export interface CycleTable {
  /** Parts of cycle n are partStart[n-1] .. partStart[n]-1. */
  readonly partStart: Int32Array;
  /** Where the part's boundary row starts in the occupancies ((k) × S: the cycle's start or end boundary). */
  readonly partRow: Int32Array;
  readonly partCoeff: Float64Array;
  readonly partCoeffC: Float64Array;
  readonly partCoeffH: Float64Array;
  readonly entryCoeff: Float64Array;
  readonly entryCoeffC: Float64Array;
  readonly entryCoeffH: Float64Array;
}

/**
 * The cycle table of a Markov model: the kernel's cycle plan (`CyclePlan`) on a one-lane Float64 calculator,
 * written straight into flat arrays. Each figure is the same operation on the same doubles as the plan's
 * registers (a weight is `Number(text)`; a part's time is `half × (L / 2)`; its discount factors are the
 * backend's own, computed once per time; coeffC = weight × factor), so the table is bit-identical to it,
 * without a register per cycle.
 */
export function cycleTable(program: Program, m: CMarkov, calc: Calculator<Float64Array> = float64Calculator(1)): CycleTable {
  const N = m.cycles;
  const S = m.states.length;
  const halfL = Number(m.halfCycleLength);
  const weight = Float64Array.from(m.weights, Number);
  const partStart = new Int32Array(N + 1);
  let count = 0;
  let maxHalf = 0;
  for (let n = 1; n <= N; n++) {
    const parts = m.parts[n - 1]!;
    for (const p of parts) if (p.half > maxHalf) maxHalf = p.half;
    if (m.entries[n - 1]!.half > maxHalf) maxHalf = m.entries[n - 1]!.half;
    count += parts.length;
    partStart[n] = count;
  }
  // Discount factors by part time in half cycles (NaN: not yet computed).
  const dfc = new Float64Array(maxHalf + 1).fill(NaN);
  const dfh = new Float64Array(maxHalf + 1).fill(NaN);
  const key = new Float64Array(1);
  const out = new Float64Array(1);
  const factors = (half: number): void => {
    if (!Number.isNaN(dfc[half]!)) return;
    key[0] = half * halfL;
    calc.discount(out, program.costSchedule, key);
    dfc[half] = out[0]!;
    calc.discount(out, program.healthSchedule, key);
    dfh[half] = out[0]!;
  };
  const partRow = new Int32Array(count);
  const partCoeff = new Float64Array(count);
  const partCoeffC = new Float64Array(count);
  const partCoeffH = new Float64Array(count);
  const entryCoeff = new Float64Array(N);
  const entryCoeffC = new Float64Array(N);
  const entryCoeffH = new Float64Array(N);
  for (let n = 1; n <= N; n++) {
    const parts = m.parts[n - 1]!;
    for (let j = 0; j < parts.length; j++) {
      const p = parts[j]!;
      const q = partStart[n - 1]! + j;
      factors(p.half);
      const w = weight[p.coeff]!;
      partRow[q] = (p.k === n ? n : n - 1) * S;
      partCoeff[q] = w;
      partCoeffC[q] = w * dfc[p.half]!;
      partCoeffH[q] = w * dfh[p.half]!;
    }
    const e = m.entries[n - 1]!;
    factors(e.half);
    const w = weight[e.coeff]!;
    entryCoeff[n - 1] = w;
    entryCoeffC[n - 1] = w * dfc[e.half]!;
    entryCoeffH[n - 1] = w * dfh[e.half]!;
  }
  return { partStart, partRow, partCoeff, partCoeffC, partCoeffH, entryCoeff, entryCoeffC, entryCoeffH };
}

/** One Markov model lowered for one option: its rows, what it reads, and scratch for its loop. */
export interface SteadyCohort {
  readonly m: CMarkov;
  readonly S: number;
  readonly L: number;
  readonly tol: number;
  /** Transitions of row r are rowStart[r] .. rowStart[r+1]-1 (an absorbing state: one transition to itself). */
  readonly rowStart: Int32Array;
  readonly rowTo: Int32Array;
  /** A site id, or SOURCE.rest / SOURCE.one. */
  readonly rowSource: Int32Array;
  readonly rowConvert: Uint8Array;
  readonly rowHasRest: Uint8Array;
  /** 1 for a state valued each cycle (alive, or with items or carbon). */
  readonly valued: Uint8Array;
  /** 1 for a state with one-off entry values. */
  readonly hasEntry: Uint8Array;
  /**
   * The transitions into each state, in the kernel's scan order (rows ascending, then transitions): terms
   * into state t are colStart[t] .. colStart[t+1]-1, each from row colFrom[k] with probability probs[colProb[k]].
   * Summing them in this order, the first written and the others added, is the kernel's sum exactly.
   */
  readonly colStart: Int32Array;
  readonly colFrom: Int32Array;
  readonly colProb: Int32Array;
  /** The same for the inflow into states with entry values (terms from other states only). */
  readonly inStart: Int32Array;
  readonly inFrom: Int32Array;
  readonly inProb: Int32Array;
  /** Column-ordered probabilities of the current run (colP[k] = probs[colProb[k]]; inP likewise). */
  readonly colP: Float64Array;
  readonly inP: Float64Array;
  /** Running sums of a run (3 per state: undiscounted, cost-discounted, health-discounted), reused. */
  readonly occ: Float64Array;
  readonly ent: Float64Array;
  /** Scratch of the run (reused: runs are sequential; the sums are read before the next run). */
  readonly probs: Float64Array;
  /** Occupancy at every boundary ((N + 1) × S) when the trace is not kept, and inflow of every cycle (N × S). */
  readonly occupancyScratch: Float64Array;
  readonly inflowScratch: Float64Array;
}

/** The item an option uses in place of `it` (replaceItem), or `it`. */
export function itemFor(o: COption, it: CItem): CItem {
  return o.replacements.get(it.replaceSite)?.item ?? it;
}

/**
 * The sites a steady cohort reads for an option (transitions, initial shares, state and entry values), in
 * the kernel's terms; undefined when some value changes with the cycle (the kernel's general loop runs it).
 */
export function steadySites(o: COption, m: CMarkov): Site[] | undefined {
  const sites: Site[] = [];
  for (const row of m.rows) for (const t of row) if (t.site !== undefined) sites.push(t.site);
  for (const x of m.initial) {
    if (readsCycle(codeAtCycle(x.share.value, 1))) return undefined;
    sites.push(x.share);
  }
  for (const st of m.states) {
    if (!st.dead && st.utility !== undefined) sites.push(st.utility);
    if (st.carbon !== undefined) sites.push(st.carbon);
    for (const orig of st.items) {
      const it = itemFor(o, orig);
      sites.push(it.quantity, it.unitCost);
      if (it.carbon !== undefined) sites.push(it.carbon);
    }
    if (!st.hasEntry) continue;
    if (st.entryQalys !== undefined) sites.push(st.entryQalys);
    if (st.entryCarbon !== undefined) sites.push(st.entryCarbon);
    for (const orig of st.entryItems) {
      const it = itemFor(o, orig);
      sites.push(it.quantity, it.unitCost);
      if (it.carbon !== undefined) sites.push(it.carbon);
    }
    for (const e of st.entryEvents) sites.push(e.count);
  }
  // A dead state's utility is never read; a utility of a live state, as every other value here, must not vary.
  if (sites.some((s) => siteVaries(o, s))) return undefined;
  return sites;
}

/** Lowers a Markov model's structure (the same for every option whose values do not vary by cycle). */
export function steadyCohort(m: CMarkov): SteadyCohort {
  const S = m.states.length;
  const rowStart = new Int32Array(S + 1);
  const to: number[] = [];
  const source: number[] = [];
  const convert: number[] = [];
  const hasRest = new Uint8Array(S);
  const Lis1 = m.cycleLength === "1";
  m.rows.forEach((row, r) => {
    if (row.length === 0) {
      to.push(r);
      source.push(SOURCE.one);
      convert.push(CONVERT.none);
    }
    for (const t of row) {
      to.push(t.to);
      if (t.kind === "rest") {
        hasRest[r] = 1;
        source.push(SOURCE.rest);
        convert.push(CONVERT.none);
        continue;
      }
      const site = t.site!;
      source.push(site.id);
      convert.push(t.kind === "rate" ? CONVERT.rate : site.annualProbability === true && !Lis1 ? CONVERT.annual : CONVERT.none);
    }
    rowStart[r + 1] = to.length;
  });
  const colStart = new Int32Array(S + 1);
  const inStart = new Int32Array(S + 1);
  const colFrom: number[] = [];
  const colProb: number[] = [];
  const inFrom: number[] = [];
  const inProb: number[] = [];
  for (let t = 0; t < S; t++) {
    for (let r = 0; r < S; r++) {
      for (let j = rowStart[r]!; j < rowStart[r + 1]!; j++) {
        if (to[j] !== t) continue;
        colFrom.push(r);
        colProb.push(j);
        if (r !== t && m.states[t]!.hasEntry) {
          inFrom.push(r);
          inProb.push(j);
        }
      }
    }
    colStart[t + 1] = colFrom.length;
    inStart[t + 1] = inFrom.length;
  }
  return {
    m,
    S,
    colStart,
    colFrom: Int32Array.from(colFrom),
    colProb: Int32Array.from(colProb),
    inStart,
    inFrom: Int32Array.from(inFrom),
    inProb: Int32Array.from(inProb),
    colP: new Float64Array(colFrom.length),
    inP: new Float64Array(inFrom.length),
    occ: new Float64Array(3 * S),
    ent: new Float64Array(3 * S),
    L: Number(m.cycleLength),
    tol: Number(m.tolerance),
    rowStart,
    rowTo: Int32Array.from(to),
    rowSource: Int32Array.from(source),
    rowConvert: Uint8Array.from(convert),
    rowHasRest: hasRest,
    valued: Uint8Array.from(m.states, (st) => (!st.dead || st.items.length > 0 || st.carbon !== undefined ? 1 : 0)),
    hasEntry: Uint8Array.from(m.states, (st) => (st.hasEntry ? 1 : 0)),
    probs: new Float64Array(to.length),
    occupancyScratch: new Float64Array((m.cycles + 1) * S),
    inflowScratch: new Float64Array(m.states.some((st) => st.hasEntry) ? m.cycles * S : 0),
  };
}

/** What a run of a steady cohort gives: per state, the occupancy and inflow sums (undiscounted, cost, health). */
export interface SteadyRun {
  /** acc[3s + j]: state s's occupancy summed with its weights: j = 0 undiscounted, 1 cost-discounted, 2 health-discounted. */
  readonly occupancy: Float64Array;
  /** The same for the inflow of states with entry values. */
  readonly entry: Float64Array;
}

/**
 * Rows 1..N of the occupancy from row 0: row n := row n−1 · P, each state's sum in the kernel's order (rows
 * ascending, the first term written, the others added), so the numbers are the kernel's.
 */
function propagate(c: SteadyCohort, colP: Float64Array, buf: Float64Array): void {
  const { S, colStart, colFrom } = c;
  const N = c.m.cycles;
  for (let n = 1; n <= N; n++) {
    const from = (n - 1) * S;
    const into = n * S;
    for (let t = 0; t < S; t++) {
      const k0 = colStart[t]!;
      const k1 = colStart[t + 1]!;
      let x = 0;
      if (k0 < k1) {
        x = buf[from + colFrom[k0]!]! * colP[k0]!;
        for (let k = k0 + 1; k < k1; k++) x = x + buf[from + colFrom[k]!]! * colP[k]!;
      }
      buf[into + t] = x;
    }
  }
}

/** What a run's trace is replayed from: the column-ordered probabilities and the starting occupancy. */
export interface TraceSeed {
  readonly colP: Float64Array;
  readonly start: Float64Array;
}

/** The run's trace seed (copies: the scratch is reused by the next run). */
export function traceSeed(c: SteadyCohort): TraceSeed {
  return { colP: c.colP.slice(), start: c.occupancyScratch.slice(0, c.S) };
}

/**
 * The (N + 1) × S occupancies of a run, replayed from its seed when its trace is read (the same operations
 * on the same numbers as the run itself: the same doubles, and an evaluation that keeps its trace costs no
 * more than one that does not).
 */
export function replayOccupancy(c: SteadyCohort, seed: TraceSeed): Float64Array {
  const buf = new Float64Array((c.m.cycles + 1) * c.S);
  buf.set(seed.start);
  propagate(c, seed.colP, buf);
  return buf;
}

/**
 * Runs the cohort for one option and one draw from the option's site values; undefined when a row or the
 * initial shares break a rule (the kernel then reports it).
 */
export function runSteadyCohort(c: SteadyCohort, cycles: CycleTable, siteValues: Float64Array, sameSchedule: boolean): SteadyRun | undefined {
  const { m, S, L, tol, rowStart, rowSource, rowConvert, probs, valued, hasEntry, colProb, colP, inStart, inFrom, inProb, inP, occ, ent } = c;
  const N = m.cycles;
  // The transition matrix: cycle probabilities, each row checked to sum to 1 (or its rest to be ≥ 0).
  for (let r = 0; r < S; r++) {
    let sum = 0;
    let terms = 0;
    const end = rowStart[r + 1]!;
    for (let j = rowStart[r]!; j < end; j++) {
      const src = rowSource[j]!;
      if (src < 0) {
        if (src === SOURCE.one) probs[j] = 1;
        continue;
      }
      let p = siteValues[src]!;
      const conv = rowConvert[j]!;
      if (conv === CONVERT.rate) p = 1 - Math.exp(-(p * L));
      else if (conv === CONVERT.annual) p = 1 - Math.pow(1 - p, L);
      probs[j] = p;
      sum = terms++ === 0 ? p : sum + p;
    }
    if (rowStart[r + 1] === rowStart[r]! + 1 && rowSource[rowStart[r]!] === SOURCE.one) continue;
    if (c.rowHasRest[r] === 1) {
      let rest = 1 - sum;
      if (!(rest >= -tol)) return undefined;
      rest = rest > 0 ? rest : 0;
      for (let j = rowStart[r]!; j < end; j++) if (rowSource[j] === SOURCE.rest) probs[j] = rest;
    } else if (!(Math.abs(sum - 1) <= tol)) return undefined;
  }
  for (let k = 0; k < colP.length; k++) colP[k] = probs[colProb[k]!]!;
  for (let k = 0; k < inP.length; k++) inP[k] = probs[inProb[k]!]!;
  // The initial distribution (the cohort enters as a whole: one entry group of share 1, and the reported
  // occupancy is occupancy × 1, the same number).
  const buf = c.occupancyScratch;
  buf.fill(0, 0, S);
  let sum = 0;
  for (const x of m.initial) {
    const v = siteValues[x.share.id]!;
    buf[x.state] = v;
    sum = sum + v;
  }
  if (!(Math.abs(sum - 1) <= tol)) return undefined;
  // Pass 1, the trace; then the inflow of cycle n into each state with entry values from another state
  // (each sum in the kernel's order: rows ascending, the first term written).
  propagate(c, colP, buf);
  const flow = c.inflowScratch;
  if (flow.length > 0) {
    for (let n = 1; n <= N; n++) {
      const from = (n - 1) * S;
      const at = (n - 1) * S;
      for (let t = 0; t < S; t++) {
        if (hasEntry[t] === 0) continue;
        const i0 = inStart[t]!;
        const i1 = inStart[t + 1]!;
        let f = 0;
        if (i0 < i1) {
          f = buf[from + inFrom[i0]!]! * inP[i0]!;
          for (let k = i0 + 1; k < i1; k++) f = f + buf[from + inFrom[k]!]! * inP[k]!;
        }
        flow[at + t] = f;
      }
    }
  }
  // Pass 2, per state: its occupancy summed over cycles and parts with (weight, weight × cost discount
  // factor, weight × health discount factor), in cycle and part order as the kernel adds them; the same for
  // the inflow with the entry weights.
  const { partStart, partRow, partCoeff, partCoeffC, partCoeffH, entryCoeff, entryCoeffC, entryCoeffH } = cycles;
  for (let s = 0; s < S; s++) {
    let u = 0;
    let d = 0;
    let h = 0;
    if (valued[s] === 1) {
      for (let n = 1; n <= N; n++) {
        const q1 = partStart[n]!;
        for (let q = partStart[n - 1]!; q < q1; q++) {
          const x = buf[partRow[q]! + s]!;
          u = u + x * partCoeff[q]!;
          d = d + x * partCoeffC[q]!;
          if (!sameSchedule) h = h + x * partCoeffH[q]!;
        }
      }
    }
    occ[3 * s] = u;
    occ[3 * s + 1] = d;
    occ[3 * s + 2] = h;
    u = 0;
    d = 0;
    h = 0;
    if (hasEntry[s] === 1) {
      for (let n = 1; n <= N; n++) {
        const f = flow[(n - 1) * S + s]!;
        u = u + f * entryCoeff[n - 1]!;
        d = d + f * entryCoeffC[n - 1]!;
        if (!sameSchedule) h = h + f * entryCoeffH[n - 1]!;
      }
    }
    ent[3 * s] = u;
    ent[3 * s + 1] = d;
    ent[3 * s + 2] = h;
  }
  return { occupancy: occ, entry: ent };
}
