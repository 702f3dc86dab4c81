import { decString, Dec, toLedgerScale } from "../../_lib/decimal.js";
import type { VbpIssue, VbpPath } from "../../errors/issue.js";
import { formatPath } from "../../errors/issue.js";
import { factorAt, periodTime } from "../../time/discount.js";
import type { PathwayModel } from "../model.js";
import type { LedgerEntry, LedgerMeasure, MarkovTrace, OptionResult, OutcomeTotals, PathwayResult, PopulationTotals } from "../types.js";
import { compileModel, evalSlot, type CEffect, type CItem, type CMarkov, type COption, type CompiledModel, type Site, type TimeEnv } from "./compile.js";
import { ExpressionError } from "./expression.js";

const ZERO = new Dec(0);
const ONE = new Dec(1);
const MAX_ISSUES = 200;

/** Thrown inside one option's evaluation once an issue is recorded, to stop that option. */
class OptionAbort extends Error {}

interface RowMeta {
  readonly part: LedgerEntry["part"];
  readonly nodeId?: string;
  readonly markovId?: string;
  readonly stateId?: string;
  readonly cycle?: number;
  readonly boundary?: number;
  readonly itemId: string;
  readonly category?: string;
}

/** A ledger line before it is turned into strings. */
interface RawRow {
  readonly measure: LedgerMeasure;
  readonly meta: RowMeta;
  readonly quantity: Dec;
  readonly unitValue: Dec;
  readonly weight: Dec;
  readonly df: Dec;
  readonly und: Dec;
  readonly disc: Dec;
}

/**
 * The decision tree evaluated without any effect, kept to spare options the work their effects do not touch:
 * a node whose values an option does not change and whose probability of being reached is unchanged
 * contributes exactly the base case's lines.
 */
interface TreeBaseline {
  readonly reach: readonly (Dec | undefined)[];
  readonly probs: readonly (readonly Dec[] | undefined)[];
  readonly rows: readonly (readonly RawRow[] | undefined)[];
  /** Site id → index of the node whose lines it changes. */
  readonly siteNode: ReadonlyMap<number, number>;
  /** Branch-probability site id → index of the node it leaves. */
  readonly branchNode: ReadonlyMap<number, number>;
}

class Accumulator {
  costD = ZERO;
  costU = ZERO;
  readonly categories = new Map<string, [Dec, Dec]>();
  qalyD = ZERO;
  qalyU = ZERO;
  lyD = ZERO;
  lyU = ZERO;
  readonly events = new Map<string, Dec>();
  carbon = ZERO;
  readonly rows: LedgerEntry[] | undefined;
  constructor(
    readonly optionId: string,
    ledger: boolean,
  ) {
    this.rows = ledger ? [] : undefined;
  }

  /** When set, every line added is also kept here in raw form (used to record the base case). */
  capture: RawRow[] | undefined;

  add(measure: LedgerMeasure, meta: RowMeta, quantity: Dec, unitValue: Dec, weight: Dec, df: Dec): void {
    // ONE is passed by identity for unit quantities and values: skip those multiplications.
    const qu = quantity === ONE ? unitValue : unitValue === ONE ? quantity : quantity.times(unitValue);
    const base = weight === ONE ? qu : qu.times(weight);
    const und = toLedgerScale(base);
    const disc = df.eq(ONE) ? und : toLedgerScale(base.times(df));
    if (this.capture !== undefined) this.capture.push({ measure, meta, quantity, unitValue, weight, df, und, disc });
    this.book(measure, meta, quantity, unitValue, weight, df, und, disc);
  }

  /** Adds a line computed before (identical inputs give identical amounts, so totals stay exact sums). */
  addRaw(row: RawRow): void {
    this.book(row.measure, row.meta, row.quantity, row.unitValue, row.weight, row.df, row.und, row.disc);
  }

  private book(measure: LedgerMeasure, meta: RowMeta, quantity: Dec, unitValue: Dec, weight: Dec, df: Dec, und: Dec, disc: Dec): void {
    switch (measure) {
      case "cost": {
        this.costD = this.costD.plus(disc);
        this.costU = this.costU.plus(und);
        const cat = meta.category ?? "other";
        const c = this.categories.get(cat);
        if (c === undefined) this.categories.set(cat, [disc, und]);
        else {
          c[0] = c[0].plus(disc);
          c[1] = c[1].plus(und);
        }
        break;
      }
      case "qalys":
        this.qalyD = this.qalyD.plus(disc);
        this.qalyU = this.qalyU.plus(und);
        break;
      case "lifeYears":
        this.lyD = this.lyD.plus(disc);
        this.lyU = this.lyU.plus(und);
        break;
      case "event":
        this.events.set(meta.itemId, (this.events.get(meta.itemId) ?? ZERO).plus(und));
        break;
      case "carbonKg":
        this.carbon = this.carbon.plus(und);
        break;
    }
    if (this.rows !== undefined) {
      this.rows.push({
        optionId: this.optionId,
        measure,
        ...meta,
        quantity: decString(quantity),
        unitValue: decString(unitValue),
        weight: decString(weight),
        undiscounted: decString(und),
        discountFactor: decString(df),
        discounted: decString(disc),
      });
    }
  }

  totals(): OutcomeTotals {
    const byCategory: Record<string, { discounted: string; undiscounted: string }> = {};
    for (const [k, [d, u]] of this.categories) byCategory[k] = { discounted: decString(d), undiscounted: decString(u) };
    const events: Record<string, string> = {};
    for (const [k, v] of this.events) events[k] = decString(v);
    return {
      costs: { discounted: decString(this.costD), undiscounted: decString(this.costU), byCategory },
      qalys: { discounted: decString(this.qalyD), undiscounted: decString(this.qalyU) },
      lifeYears: { discounted: decString(this.lyD), undiscounted: decString(this.lyU) },
      events,
      carbonKg: decString(this.carbon),
    };
  }
}

interface Entry {
  readonly share: Dec;
  readonly nodeId: string | undefined;
}

/**
 * Values shared by every option of one run: a transition probability that an option changes neither directly
 * nor through a parameter is the same for all options, so it is computed once per cycle (exp() at 50 digits
 * is the dearest operation in a Markov model). Created per run: no module state.
 */
type RunCache = Map<number, Map<number, Dec>>;

class OptionEvaluation {
  /** The option's parameter values (set by run(), after the option's parameter effects). */
  params: ReadonlyMap<string, Dec>;
  readonly operands = new Map<CEffect, Dec>();
  readonly acc: Accumulator;
  readonly traces: MarkovTrace[] = [];
  /** Transition probabilities this option changes but that do not vary by cycle: computed once. */
  private readonly invariant = new Map<number, Dec>();
  constructor(
    readonly c: CompiledModel,
    readonly o: COption,
    readonly issues: VbpIssue[],
    ledger: boolean,
    private readonly shared: RunCache,
    private readonly baseline: TreeBaseline | undefined,
    private readonly record?: { reach: (Dec | undefined)[]; probs: (Dec[] | undefined)[]; rows: (RawRow[] | undefined)[] },
  ) {
    this.acc = new Accumulator(o.id, ledger);
    this.params = c.baseParams;
  }

  fail(path: VbpPath, message: string, code: VbpIssue["code"] = "invalid_value"): never {
    this.issues.push({ code, path: [...path], message });
    throw new OptionAbort();
  }

  private optionParams(): Map<string, Dec> {
    const params = new Map<string, Dec>();
    for (const id of this.c.paramOrder) {
      const slot = this.c.paramSlots.get(id);
      if (slot === undefined) continue;
      let v: Dec;
      try {
        v = evalSlot(slot, params, undefined);
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        this.fail([...(this.c.paramPaths.get(id) ?? []), "value"], `cannot be evaluated for option "${this.o.id}" (after its effects): ${e.message}`, "not_computable");
      }
      for (const op of this.o.paramOps.get(id) ?? []) {
        const x = this.operand(op);
        v = op.op === "set" ? x : op.op === "multiply" ? v.times(x) : v.plus(x);
      }
      params.set(id, v);
    }
    return params;
  }

  /** An effect's operand, evaluated with the base-case parameter values (before any effect). */
  private operand(op: CEffect): Dec {
    const hit = this.operands.get(op);
    if (hit !== undefined) return hit;
    let v: Dec;
    try {
      v = evalSlot(op.value, this.c.baseParams, undefined);
    } catch (e) {
      if (!(e instanceof ExpressionError)) throw e;
      this.fail([...op.path, "value"], `cannot be evaluated: ${e.message}`, "not_computable");
    }
    if (op.op === "hazardRatio" && v.isNegative()) this.fail([...op.path, "value"], `a hazard ratio must be ≥ 0, got ${v.toString()}`, "too_small");
    this.operands.set(op, v);
    return v;
  }

  /** The value of a site for this option (after effects), at a cycle for Markov sites; checked against its kind. */
  value(site: Site, env?: TimeEnv): Dec {
    let v: Dec;
    const base = this.o.touchesParams ? undefined : this.c.siteBase[site.id];
    if (base !== undefined) v = base;
    else {
      try {
        v = evalSlot(site.slot, this.params, env);
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        this.fail(site.path, `cannot be evaluated${env !== undefined ? ` in cycle ${env.cycle}` : ""}${this.o.touchesParams ? ` for option "${this.o.id}"` : ""}: ${e.message}`, "not_computable");
      }
    }
    const ops = this.o.siteOps.get(site.id);
    let last: CEffect | undefined;
    if (ops !== undefined) {
      const cycle = env?.cycle ?? 1;
      for (const op of ops) {
        if (cycle < op.from || cycle > op.to) continue;
        const x = this.operand(op);
        last = op;
        switch (op.op) {
          case "set":
            v = x;
            break;
          case "multiply":
            v = v.times(x);
            break;
          case "add":
            v = v.plus(x);
            break;
          case "hazardRatio":
            // Rates scale by the hazard ratio; a probability p becomes 1 − (1 − p)^HR (proportional hazards
            // over the cycle: p = 1 − e^(−rL), r' = HR·r).
            v = site.kind === "rate" ? v.times(x) : ONE.minus(ONE.minus(v).pow(x));
            break;
        }
      }
    }
    const bad =
      site.kind === "probability" ? v.isNegative() || v.gt(ONE) : site.kind === "rate" || site.kind === "nonNegative" || site.kind === "time" ? v.isNegative() : false;
    if (bad) {
      const rule = site.kind === "probability" ? "a probability in [0, 1]" : "≥ 0";
      const when = env !== undefined && site.timeDependent ? ` in cycle ${env.cycle}` : "";
      if (last !== undefined) this.fail([...last.path, "value"], `makes the ${site.describe} ${v.toString()}${when}, which must be ${rule} (${formatPath(site.path)})`, "invalid_value");
      this.fail(site.path, `must be ${rule}, got ${v.toString()}${when}${this.o.touchesParams ? ` (for option "${this.o.id}", after its parameter effects)` : ""}`, site.kind === "probability" ? "invalid_value" : "too_small");
    }
    return v;
  }

  item(it: CItem): CItem {
    return this.o.replacements.get(it.replaceSite)?.item ?? it;
  }

  run(): void {
    const c = this.c;
    if (this.o.touchesParams) this.params = this.optionParams();
    const entries = new Map<string, { markov: number; state: number | undefined; list: Entry[] }>();
    const enter = (markov: number, state: number | undefined, share: Dec, nodeId: string | undefined): void => {
      const key = `${markov}|${state ?? ""}`;
      const e = entries.get(key);
      if (e === undefined) entries.set(key, { markov, state, list: [{ share, nodeId }] });
      else e.list.push({ share, nodeId });
    };
    if (c.tree !== undefined) this.runTree(enter);
    else if (c.rootMarkov !== undefined) enter(c.rootMarkov, undefined, ONE, undefined);
    for (const m of c.markov) {
      const groups = [...entries.values()].filter((e) => e.markov === m.index);
      if (groups.length > 0) this.runMarkov(m, groups);
    }
    for (const x of this.o.extras) {
      const t = this.value(x.time);
      const df = factorAt(c.costSchedule, t);
      const meta = { part: "option" as const, itemId: x.id, category: x.category };
      this.acc.add("cost", meta, ONE, this.value(x.amount), ONE, df);
      if (x.carbon !== undefined) this.acc.add("carbonKg", { part: "option", itemId: x.id }, ONE, this.value(x.carbon), ONE, ONE);
    }
  }

  /** Runs the tree part only (for the base-case record). */
  runTreeOnly(): void {
    this.runTree(() => undefined);
  }

  private runTree(enter: (markov: number, state: number | undefined, share: Dec, nodeId: string | undefined) => void): void {
    const c = this.c;
    const tree = c.tree!;
    const reach: (Dec | undefined)[] = this.record?.reach ?? new Array<Dec | undefined>(tree.nodes.length);
    reach[tree.root] = ONE;
    const base = this.o.touchesParams ? undefined : this.baseline;
    let dirtyRows: Set<number> | undefined;
    let dirtyProbs: Set<number> | undefined;
    if (base !== undefined) {
      dirtyRows = new Set();
      dirtyProbs = new Set();
      for (const id of [...this.o.siteOps.keys(), ...this.o.replacements.keys()]) {
        const n = base.siteNode.get(id);
        if (n !== undefined) dirtyRows.add(n);
        const b = base.branchNode.get(id);
        if (b !== undefined) dirtyProbs.add(b);
      }
    }
    for (const x of tree.order) {
      const node = tree.nodes[x]!;
      const r = reach[x] ?? ZERO;
      const baseReach = base?.reach[x];
      const baseRows = base?.rows[x];
      if (!r.isZero() && baseRows !== undefined && baseReach !== undefined && !dirtyRows!.has(x) && baseReach.eq(r)) {
        for (const row of baseRows) this.acc.addRaw(row);
        if (node.enter !== undefined) enter(node.enter.markov, node.enter.state, r, node.id);
      } else if (!r.isZero()) {
        if (this.record !== undefined) this.acc.capture = this.record.rows[x] = [];
        const t = this.value(node.time);
        const dfc = factorAt(c.costSchedule, t);
        const dfh = factorAt(c.healthSchedule, t);
        for (const orig of node.items) {
          const it = this.item(orig);
          const meta = { part: "tree" as const, nodeId: node.id, itemId: it.id, category: it.category };
          const q = this.value(it.quantity);
          this.acc.add("cost", meta, q, this.value(it.unitCost), r, dfc);
          if (it.carbon !== undefined) this.acc.add("carbonKg", { part: "tree", nodeId: node.id, itemId: it.id }, q, this.value(it.carbon), r, ONE);
        }
        const qalys = this.value(node.qalys);
        if (!qalys.isZero()) this.acc.add("qalys", { part: "tree", nodeId: node.id, itemId: "qalys" }, ONE, qalys, r, dfh);
        const ly = this.value(node.lifeYears);
        if (!ly.isZero()) this.acc.add("lifeYears", { part: "tree", nodeId: node.id, itemId: "lifeYears" }, ONE, ly, r, dfh);
        const carbon = this.value(node.carbon);
        if (!carbon.isZero()) this.acc.add("carbonKg", { part: "tree", nodeId: node.id, itemId: "carbonKg" }, ONE, carbon, r, ONE);
        for (const ev of node.events) this.acc.add("event", { part: "tree", nodeId: node.id, itemId: ev.name }, this.value(ev.count), ONE, r, ONE);
        if (node.enter !== undefined) enter(node.enter.markov, node.enter.state, r, node.id);
        this.acc.capture = undefined;
      }
      if (node.branches.length === 0) continue;
      const baseProbs = base?.probs[x];
      if (baseProbs !== undefined && !dirtyProbs!.has(x)) {
        node.branches.forEach((b, j) => {
          reach[b.to] = (reach[b.to] ?? ZERO).plus(r.times(baseProbs[j]!));
        });
        continue;
      }
      let sum = ZERO;
      let rest: number | undefined;
      const probs: Dec[] = [];
      node.branches.forEach((b, j) => {
        if (b.prob === "rest") {
          rest = j;
          probs.push(ZERO);
          return;
        }
        const p = this.value(b.prob);
        probs.push(p);
        sum = sum.plus(p);
      });
      const touched = node.branches.some((b) => b.prob !== "rest" && this.o.siteOps.has(b.prob.id)) || this.o.touchesParams;
      const forOption = touched ? ` for option "${this.o.id}" (after its effects)` : "";
      if (rest !== undefined) {
        const rp = ONE.minus(sum);
        if (rp.isNegative()) this.fail([...node.path, "branches"], `the branch probabilities of node "${node.id}" sum to ${sum.toString()}${forOption}, more than 1, so the "rest" branch would be negative`, "sum_mismatch");
        probs[rest] = rp;
      } else if (sum.minus(ONE).abs().gt(tree.tolerance)) {
        this.fail([...node.path, "branches"], `the branch probabilities of node "${node.id}" must sum to 1 (±${tree.toleranceText})${forOption}, got ${sum.toString()}; or mark one branch "rest"`, "sum_mismatch");
      }
      if (this.record !== undefined) this.record.probs[x] = probs;
      node.branches.forEach((b, j) => {
        const add = r.times(probs[j]!);
        reach[b.to] = (reach[b.to] ?? ZERO).plus(add);
      });
    }
  }

  /** A transition's per-cycle probability: rates as `1 − e^(−r·L)`, life-table q as `1 − (1 − q)^L`. */
  private transitionProbability(m: CMarkov, kind: "probability" | "rate", site: Site, env: TimeEnv): Dec {
    const ops = this.o.siteOps.get(site.id);
    const sharedAcrossOptions = !this.o.touchesParams && ops === undefined;
    const cycleFree = !site.timeDependent && (ops === undefined || ops.every((op) => op.from <= 1 && op.to >= m.cycles));
    if (sharedAcrossOptions) {
      let bySite = this.shared.get(site.id);
      if (bySite === undefined) this.shared.set(site.id, (bySite = new Map()));
      const key = site.timeDependent ? env.cycle : 0;
      const hit = bySite.get(key);
      if (hit !== undefined) return hit;
      const p = this.convert(m, kind, site, env);
      bySite.set(key, p);
      return p;
    }
    if (cycleFree) {
      const hit = this.invariant.get(site.id);
      if (hit !== undefined) return hit;
      const p = this.convert(m, kind, site, env);
      this.invariant.set(site.id, p);
      return p;
    }
    return this.convert(m, kind, site, env);
  }

  private convert(m: CMarkov, kind: "probability" | "rate", site: Site, env: TimeEnv): Dec {
    const v = this.value(site, env);
    if (kind === "rate") return ONE.minus(v.times(m.cycleLength).negated().exp());
    if (site.slot.k === "lifeTable" && !m.cycleLength.eq(ONE)) return ONE.minus(ONE.minus(v).pow(m.cycleLength));
    return v;
  }

  /** The transition matrix of cycle n as sparse rows. */
  private matrix(m: CMarkov, env: TimeEnv): (readonly [number, Dec][])[] {
    return m.rows.map((row, r) => {
      if (row.length === 0) return [[r, ONE] as [number, Dec]];
      let sum = ZERO;
      let rest = -1;
      const out: [number, Dec][] = [];
      for (const t of row) {
        if (t.kind === "rest") {
          rest = out.length;
          out.push([t.to, ZERO]);
          continue;
        }
        const p = this.transitionProbability(m, t.kind, t.site!, env);
        out.push([t.to, p]);
        sum = sum.plus(p);
      }
      const state = m.states[r]!;
      if (rest >= 0) {
        const rp = ONE.minus(sum);
        if (rp.isNegative()) this.fail([...m.path, "transitions"], `the transition probabilities out of state "${state.id}" sum to ${sum.toString()} in cycle ${env.cycle}${this.o.siteOps.size > 0 || this.o.touchesParams ? ` for option "${this.o.id}" (after its effects)` : ""}, more than 1, so the "rest" transition would be negative`, "sum_mismatch");
        out[rest] = [out[rest]![0], rp];
      } else if (sum.minus(ONE).abs().gt(m.tolerance)) {
        this.fail([...m.path, "transitions"], `the transition probabilities out of state "${state.id}" must sum to 1 (±${m.toleranceText}) in cycle ${env.cycle}${this.o.siteOps.size > 0 || this.o.touchesParams ? ` for option "${this.o.id}" (after its effects)` : ""}, got ${sum.toString()}; or mark one transition "rest"`, "sum_mismatch");
      }
      return out;
    });
  }

  private runMarkov(m: CMarkov, groups: readonly { state: number | undefined; list: Entry[] }[]): void {
    const c = this.c;
    const S = m.states.length;
    const N = m.cycles;
    const cycleLimited = m.rows.some((row) => row.some((t) => t.site !== undefined && (this.o.siteOps.get(t.site.id) ?? []).some((op) => op.from > 1 || op.to < N)));
    const dynamic = m.timeDependentRows || cycleLimited;
    const matrices: (readonly [number, Dec][])[][] = [];
    for (let n = 1; n <= N; n++) matrices.push(dynamic || n === 1 ? this.matrix(m, m.envs[n - 1]!) : matrices[0]!);

    // Unit-cohort traces per entry group (the model is linear in its starting distribution).
    const runs = groups.map((g) => {
      const m0: Dec[] = new Array<Dec>(S).fill(ZERO);
      if (g.state !== undefined) m0[g.state] = ONE;
      else {
        let sum = ZERO;
        for (const x of m.initial) {
          const s = this.value(x.share);
          m0[x.state] = s;
          sum = sum.plus(s);
        }
        if (sum.minus(ONE).abs().gt(m.tolerance)) this.fail([...m.path, "initial"], `the initial shares must sum to 1 (±${m.toleranceText}), got ${sum.toString()}`, "sum_mismatch");
      }
      const trace: Dec[][] = [m0];
      const inflow: Dec[][] = [];
      for (let n = 1; n <= N; n++) {
        const prev = trace[n - 1]!;
        const next: Dec[] = new Array<Dec>(S).fill(ZERO);
        const inn: Dec[] = new Array<Dec>(S).fill(ZERO);
        const P = matrices[n - 1]!;
        for (let r = 0; r < S; r++) {
          const occ = prev[r]!;
          if (occ.isZero()) continue;
          for (const [to, p] of P[r]!) {
            if (p.isZero()) continue;
            const flow = occ.times(p);
            next[to] = next[to]!.plus(flow);
            if (to !== r) inn[to] = inn[to]!.plus(flow);
          }
        }
        trace.push(next);
        inflow.push(inn);
      }
      return { group: g, trace, inflow };
    });

    // Trace for the report: share-weighted sum of the unit traces.
    const total: Dec[][] = [];
    for (let k = 0; k <= N; k++) {
      const row: Dec[] = new Array<Dec>(S).fill(ZERO);
      for (const run of runs) {
        const share = run.group.list.reduce((a, e) => a.plus(e.share), ZERO);
        for (let s = 0; s < S; s++) row[s] = row[s]!.plus(run.trace[k]![s]!.times(share));
      }
      total.push(row);
    }
    this.traces.push({
      markovId: m.id,
      states: m.states.map((s) => s.id),
      cycleLengthYears: decString(m.cycleLength),
      occupancy: total.map((row) => row.map(decString)),
    });

    const L = m.cycleLength;
    for (let n = 1; n <= N; n++) {
      const env = m.envs[n - 1]!;
      // Values of cycle n per state (after effects).
      const vals = m.states.map((s) => ({
        utility: s.dead || s.utility === undefined ? ZERO : this.value(s.utility, env),
        items: s.items.map((orig) => {
          const it = this.item(orig);
          return { it, q: this.value(it.quantity, env), u: this.value(it.unitCost, env), carbon: it.carbon === undefined ? undefined : this.value(it.carbon, env) };
        }),
        carbon: s.carbon === undefined ? undefined : this.value(s.carbon, env),
      }));
      for (const part of m.parts[n - 1]!) {
        const dfc = factorAt(c.costSchedule, part.t);
        const dfh = factorAt(c.healthSchedule, part.t);
        for (const run of runs) {
          const occRow = run.trace[part.k]!;
          for (let s = 0; s < S; s++) {
            const occ = occRow[s]!;
            if (occ.isZero()) continue;
            const state = m.states[s]!;
            const v = vals[s]!;
            for (const e of run.group.list) {
              const w = e.share.times(part.coeff).times(occ);
              if (w.isZero()) continue;
              const base = { part: "markov-state" as const, ...(e.nodeId !== undefined ? { nodeId: e.nodeId } : {}), markovId: m.id, stateId: state.id, cycle: n, boundary: part.k };
              for (const x of v.items) {
                this.acc.add("cost", { ...base, itemId: x.it.id, category: x.it.category }, x.q, x.u, w, dfc);
                if (x.carbon !== undefined) this.acc.add("carbonKg", { ...base, itemId: x.it.id }, x.q, x.carbon, w, ONE);
              }
              if (!state.dead) {
                this.acc.add("qalys", { ...base, itemId: "qalys" }, L, v.utility, w, dfh);
                this.acc.add("lifeYears", { ...base, itemId: "lifeYears" }, L, ONE, w, dfh);
              }
              if (v.carbon !== undefined) this.acc.add("carbonKg", { ...base, itemId: "carbonKg" }, ONE, v.carbon, w, ONE);
            }
          }
        }
      }
      // One-off values on entering a state during cycle n.
      const tEntry = m.entryTimes[n - 1]!;
      let dfcE: Dec | undefined;
      let dfhE: Dec | undefined;
      for (const run of runs) {
        const inn = run.inflow[n - 1]!;
        for (let s = 0; s < S; s++) {
          const f = inn[s]!;
          if (f.isZero()) continue;
          const state = m.states[s]!;
          if (state.entryItems.length === 0 && state.entryQalys === undefined && state.entryCarbon === undefined && state.entryEvents.length === 0) continue;
          dfcE ??= factorAt(c.costSchedule, tEntry);
          dfhE ??= factorAt(c.healthSchedule, tEntry);
          for (const e of run.group.list) {
            const w = e.share.times(f);
            if (w.isZero()) continue;
            const base = { part: "markov-entry" as const, ...(e.nodeId !== undefined ? { nodeId: e.nodeId } : {}), markovId: m.id, stateId: state.id, cycle: n };
            for (const orig of state.entryItems) {
              const it = this.item(orig);
              const q = this.value(it.quantity, env);
              this.acc.add("cost", { ...base, itemId: it.id, category: it.category }, q, this.value(it.unitCost, env), w, dfcE);
              if (it.carbon !== undefined) this.acc.add("carbonKg", { ...base, itemId: it.id }, q, this.value(it.carbon, env), w, ONE);
            }
            if (state.entryQalys !== undefined) this.acc.add("qalys", { ...base, itemId: "qalys" }, ONE, this.value(state.entryQalys, env), w, dfhE);
            if (state.entryCarbon !== undefined) this.acc.add("carbonKg", { ...base, itemId: "carbonKg" }, ONE, this.value(state.entryCarbon, env), w, ONE);
            for (const ev of state.entryEvents) this.acc.add("event", { ...base, itemId: ev.name }, this.value(ev.count, env), ONE, w, ONE);
          }
        }
      }
    }
  }
}

function population(c: CompiledModel, t: OutcomeTotals): PopulationTotals | undefined {
  if (c.volumes === undefined) return undefined;
  // Each entry year's cohort is valued at its own start and discounted to the price base from the year it
  // enters: cohort y (1-based) at t = periodTime(y, 1 year, position).
  let n = ZERO;
  let nc = ZERO;
  let nh = ZERO;
  c.volumes.forEach((v, i) => {
    const ty = periodTime(i + 1, ONE, c.timing.position);
    n = n.plus(v);
    nc = nc.plus(v.times(factorAt(c.costSchedule, ty)));
    nh = nh.plus(v.times(factorAt(c.healthSchedule, ty)));
  });
  const scale = (x: string, f: Dec): string => decString(toLedgerScale(new Dec(x).times(f)));
  const byCategory: Record<string, { discounted: string; undiscounted: string }> = {};
  for (const [k, v] of Object.entries(t.costs.byCategory)) byCategory[k] = { discounted: scale(v.discounted, nc), undiscounted: scale(v.undiscounted, n) };
  const events: Record<string, string> = {};
  for (const [k, v] of Object.entries(t.events)) events[k] = scale(v, n);
  return {
    costs: { discounted: scale(t.costs.discounted, nc), undiscounted: scale(t.costs.undiscounted, n), byCategory },
    qalys: { discounted: scale(t.qalys.discounted, nh), undiscounted: scale(t.qalys.undiscounted, n) },
    lifeYears: { discounted: scale(t.lifeYears.discounted, nh), undiscounted: scale(t.lifeYears.undiscounted, n) },
    events,
    carbonKg: scale(t.carbonKg, n),
    patients: decString(n),
    years: c.volumes.length,
  };
}

/** Evaluates the tree without effects, recording each node's lines, reach and branch probabilities. */
function treeBaseline(c: CompiledModel, shared: RunCache): TreeBaseline | undefined {
  const tree = c.tree!;
  const record = { reach: new Array<Dec | undefined>(tree.nodes.length), probs: new Array<Dec[] | undefined>(tree.nodes.length), rows: new Array<RawRow[] | undefined>(tree.nodes.length) };
  const noEffects: COption = { index: -1, id: "(base case)", label: "(base case)", isComparator: false, paramOps: new Map(), siteOps: new Map(), replacements: new Map(), extras: [], touchesParams: false };
  const ev = new OptionEvaluation(c, noEffects, [], false, shared, undefined, record);
  try {
    ev.runTreeOnly();
  } catch (e) {
    // An invalid base case is reported by the options themselves; evaluate them without the baseline.
    if (e instanceof OptionAbort) return undefined;
    throw e;
  }
  const siteNode = new Map<number, number>();
  const branchNode = new Map<number, number>();
  for (const node of tree.nodes) {
    const sites = [node.time, node.qalys, node.lifeYears, node.carbon, ...node.events.map((e) => e.count)];
    for (const it of node.items) {
      sites.push(it.quantity, it.unitCost);
      if (it.carbon !== undefined) sites.push(it.carbon);
      siteNode.set(it.replaceSite, node.index);
    }
    for (const s of sites) siteNode.set(s.id, node.index);
    for (const b of node.branches) if (b.prob !== "rest") branchNode.set(b.prob.id, node.index);
  }
  return { reach: record.reach, probs: record.probs, rows: record.rows, siteNode, branchNode };
}

/** Evaluates every option of a compiled model; returns the result, or the issues found. */
export function evaluateCompiled(c: CompiledModel, options: { readonly ledger: boolean }): { readonly result: PathwayResult | undefined; readonly issues: readonly VbpIssue[] } {
  const issues: VbpIssue[] = [];
  const results: OptionResult[] = [];
  const shared: RunCache = new Map();
  const baseline = c.tree !== undefined && c.options.length > 2 ? treeBaseline(c, shared) : undefined;
  for (const o of c.options) {
    if (issues.length >= MAX_ISSUES) break;
    const ev = new OptionEvaluation(c, o, issues, options.ledger, shared, baseline);
    try {
      ev.run();
    } catch (e) {
      if (e instanceof OptionAbort) continue;
      throw e;
    }
    const perPatient = ev.acc.totals();
    const pop = population(c, perPatient);
    results.push({
      optionId: o.id,
      label: o.label,
      isComparator: o.isComparator,
      perPatient,
      ...(pop !== undefined ? { population: pop } : {}),
      traces: ev.traces,
      ledger: ev.acc.rows ?? [],
    });
  }
  if (issues.length > 0) {
    // The same base-case problem shows up once per option: report it once.
    const seen = new Set<string>();
    const unique = issues.filter((i) => {
      const key = `${formatPath(i.path)}|${i.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { result: undefined, issues: unique };
  }
  return {
    result: {
      modelId: c.id,
      currency: c.currency,
      comparatorId: c.options.find((o) => o.isComparator)!.id,
      discounting: { costs: c.costScheduleId, health: c.healthScheduleId, timing: { position: c.timing.position, compounding: c.timing.compounding } },
      options: results,
    },
    issues: [],
  };
}

/** Every problem with a structurally valid model: compile it, then evaluate every option (no ledger). */
export function checkModel(model: PathwayModel): readonly VbpIssue[] {
  const { compiled, issues } = compileModel(model);
  if (compiled === undefined) return issues;
  return evaluateCompiled(compiled, { ledger: false }).issues;
}
