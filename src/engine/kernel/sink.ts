/**
 * Where the kernel's value lines go. A line is `quantity × unitValue × weight`, discounted by a factor.
 * - The vector sink (Float64, no ledger) sums lines per measure over all draws at once.
 * - The ledger sink (one draw) writes each line as exact decimal text at LEDGER_SCALE and sums the texts
 *   exactly, so every total is the exact sum of its lines, whatever the backend.
 *
 * @module
 */
import { decString, Dec, toLedgerScale } from "../../_lib/decimal.js";
import type { LedgerEntry, LedgerMeasure, OutcomeTotals } from "../../pathway/types.js";
import type { Calculator } from "../backends/calculator.js";

/**
 * What a ledger line is about (everything but the figures). The kernel reuses one mutable record and sets
 * its fields before each line (no allocation per line); a sink that keeps rows copies what it needs.
 */
export interface RowMeta {
  part: LedgerEntry["part"];
  nodeId: string | undefined;
  markovId: string | undefined;
  stateId: string | undefined;
  cycle: number | undefined;
  boundary: number | undefined;
  itemId: string;
  category: string | undefined;
}

/** A fresh meta record. */
export function rowMeta(part: LedgerEntry["part"]): RowMeta {
  return { part, nodeId: undefined, markovId: undefined, stateId: undefined, cycle: undefined, boundary: undefined, itemId: "", category: undefined };
}

const ZERO = new Dec(0);

/** Receives value lines; `undefined` quantity, unit value or factor means exactly 1. */
export interface Sink<V> {
  line(measure: LedgerMeasure, meta: RowMeta, quantity: V | undefined, unitValue: V | undefined, weight: V, factor: V | undefined): void;
  /**
   * Optional (sinks that keep no lines): many lines of the same values at once, `quantity × unitValue`
   * times an undiscounted weight and a discounted weight already summed over cycles (the model is linear
   * in the occupancy, so a state whose values do not change with the cycle is valued once).
   */
  /** False when the sink reports discounted figures only (then undiscounted sums need not be kept); default true. */
  readonly undiscounted?: boolean;
  aggregate?(measure: LedgerMeasure, meta: RowMeta, quantity: V | undefined, unitValue: V | undefined, undiscounted: V, discounted: V): void;
}

/** Per-draw totals of one option (Float64 lanes). */
export interface VectorTotals<V> {
  readonly costD: V;
  readonly costU: V;
  readonly categories: Map<string, [V, V]>;
  readonly qalyD: V;
  readonly qalyU: V;
  readonly lyD: V;
  readonly lyU: V;
  readonly events: Map<string, V>;
  readonly carbon: V;
}

/** Sums lines per measure over every lane. */
export class VectorSink<V> implements Sink<V> {
  readonly totals: VectorTotals<V>;
  private readonly tmp: V;
  private readonly tmpNarrow: V;
  /**
   * @param undiscounted - false when only the discounted cost, QALY and life-year totals are read (draws):
   *   their undiscounted totals and the cost breakdown by category are then not kept (carbon and events,
   *   never discounted, always are)
   * @param categories - keep the discounted cost by category (always kept with `undiscounted`)
   */
  constructor(
    private readonly calc: Calculator<V>,
    readonly undiscounted = true,
    readonly categories = undiscounted,
  ) {
    const r = (): V => calc.register();
    // The undiscounted totals are never written without `undiscounted`: one-value placeholders then.
    const u = (): V => (undiscounted ? calc.register() : calc.narrow());
    this.totals = { costD: r(), costU: u(), categories: new Map(), qalyD: r(), qalyU: u(), lyD: r(), lyU: u(), events: new Map(), carbon: r() };
    this.tmp = r();
    this.tmpNarrow = calc.narrow();
  }
  /** The (discounted, undiscounted) registers of a cost category, made on first use. */
  private category(category: string | undefined): [V, V] {
    const cat = category ?? "other";
    const t = this.totals;
    let pair = t.categories.get(cat);
    if (pair === undefined) t.categories.set(cat, (pair = [this.calc.register(), this.calc.register()]));
    return pair;
  }
  /** quantity × unitValue into a scratch register as wide as its inputs. */
  private product(quantity: V, unitValue: V): V {
    const c = this.calc;
    const out = c.isNarrow(quantity) && c.isNarrow(unitValue) ? this.tmpNarrow : this.tmp;
    c.mul(out, quantity, unitValue);
    return out;
  }
  line(measure: LedgerMeasure, meta: RowMeta, quantity: V | undefined, unitValue: V | undefined, weight: V, factor: V | undefined): void {
    const c = this.calc;
    const t = this.totals;
    let base: V;
    if (quantity !== undefined && unitValue !== undefined) {
      const qu = this.product(quantity, unitValue);
      base = c.isNarrow(qu) && c.isNarrow(weight) ? this.tmpNarrow : this.tmp;
      c.mul(base, qu, weight);
    } else if (quantity !== undefined || unitValue !== undefined) {
      c.mul(this.tmp, (quantity ?? unitValue)!, weight);
      base = this.tmp;
    } else base = weight;
    switch (measure) {
      case "cost": {
        if (!this.undiscounted) {
          if (factor === undefined) c.add(t.costD, t.costD, base);
          else c.mulAdd(t.costD, base, factor);
          if (this.categories) {
            const d = this.category(meta.category)[0];
            if (factor === undefined) c.add(d, d, base);
            else c.mulAdd(d, base, factor);
          }
          break;
        }
        const pair = this.category(meta.category);
        c.add(t.costU, t.costU, base);
        c.add(pair[1], pair[1], base);
        if (factor === undefined) {
          c.add(t.costD, t.costD, base);
          c.add(pair[0], pair[0], base);
        } else {
          c.mulAdd(t.costD, base, factor);
          c.mulAdd(pair[0], base, factor);
        }
        break;
      }
      case "qalys":
        if (this.undiscounted) c.add(t.qalyU, t.qalyU, base);
        if (factor === undefined) c.add(t.qalyD, t.qalyD, base);
        else c.mulAdd(t.qalyD, base, factor);
        break;
      case "lifeYears":
        if (this.undiscounted) c.add(t.lyU, t.lyU, base);
        if (factor === undefined) c.add(t.lyD, t.lyD, base);
        else c.mulAdd(t.lyD, base, factor);
        break;
      case "event": {
        let e = t.events.get(meta.itemId);
        if (e === undefined) t.events.set(meta.itemId, (e = c.register()));
        c.add(e, e, base);
        break;
      }
      case "carbonKg":
        c.add(t.carbon, t.carbon, base);
        break;
    }
  }
  aggregate(measure: LedgerMeasure, meta: RowMeta, quantity: V | undefined, unitValue: V | undefined, und: V, disc: V): void {
    const c = this.calc;
    const t = this.totals;
    let base: V | undefined;
    if (quantity !== undefined && unitValue !== undefined) base = this.product(quantity, unitValue);
    else base = quantity ?? unitValue;
    const add = (acc: V, w: V): void => {
      if (base === undefined) c.add(acc, acc, w);
      else c.mulAdd(acc, base, w);
    };
    switch (measure) {
      case "cost": {
        add(t.costD, disc);
        if (this.undiscounted) {
          const pair = this.category(meta.category);
          add(t.costU, und);
          add(pair[1], und);
          add(pair[0], disc);
        } else if (this.categories) add(this.category(meta.category)[0], disc);
        break;
      }
      case "qalys":
        if (this.undiscounted) add(t.qalyU, und);
        add(t.qalyD, disc);
        break;
      case "lifeYears":
        if (this.undiscounted) add(t.lyU, und);
        add(t.lyD, disc);
        break;
      case "event": {
        let e = t.events.get(meta.itemId);
        if (e === undefined) t.events.set(meta.itemId, (e = c.register()));
        add(e, und);
        break;
      }
      case "carbonKg":
        add(t.carbon, und);
        break;
    }
  }
  /** The totals of lane 0 as decimal text. */
  outcome(): OutcomeTotals {
    const c = this.calc;
    return outcomeOfTotals(this.totals, (v) => c.text(v, 0));
  }
}

/**
 * Totals as decimal text: each figure written by `text`; categories written first and the cost totals their
 * exact sums, so the breakdown reconciles exactly without a ledger too.
 */
export function outcomeOfTotals<V>(t: VectorTotals<V>, text: (v: V) => string): OutcomeTotals {
  const s = text;
  const byCategory: Record<string, { discounted: string; undiscounted: string }> = {};
  let costD = ZERO;
  let costU = ZERO;
  for (const [k, [d, u]] of t.categories) {
    byCategory[k] = { discounted: s(d), undiscounted: s(u) };
    costD = costD.plus(byCategory[k].discounted);
    costU = costU.plus(byCategory[k].undiscounted);
  }
  const events: Record<string, string> = {};
  for (const [k, v] of t.events) events[k] = s(v);
  return {
    costs: { discounted: decString(costD), undiscounted: decString(costU), byCategory },
    qalys: { discounted: s(t.qalyD), undiscounted: s(t.qalyU) },
    lifeYears: { discounted: s(t.lyD), undiscounted: s(t.lyU) },
    events,
    carbonKg: s(t.carbon),
  };
}

/** Writes each line as decimal text at LEDGER_SCALE (one lane) and sums the texts exactly. */
export class LedgerSink<V> implements Sink<V> {
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
  private readonly tmp: V;
  private readonly disc: V;
  constructor(
    private readonly calc: Calculator<V>,
    private readonly optionId: string,
    keepRows: boolean,
  ) {
    this.rows = keepRows ? [] : undefined;
    this.tmp = calc.register();
    this.disc = calc.register();
  }
  /**
   * The exact value of lane 0 as a Decimal: a Float64 lane is read from the number itself (the same value as
   * its shortest decimal text, without writing the text and parsing it back; 0 for −0, as the text is); the
   * exact backend's lane from its text.
   */
  private exact(a: V): Dec {
    const c = this.calc;
    if (c.kind !== "float64") return new Dec(c.text(a, 0));
    const x = c.number(a, 0);
    return x === 0 ? ZERO : new Dec(x);
  }
  line(measure: LedgerMeasure, meta: RowMeta, quantity: V | undefined, unitValue: V | undefined, weight: V, factor: V | undefined): void {
    const c = this.calc;
    if (quantity !== undefined && unitValue !== undefined) {
      c.mul(this.tmp, quantity, unitValue);
      c.mul(this.tmp, this.tmp, weight);
    } else if (quantity !== undefined || unitValue !== undefined) c.mul(this.tmp, (quantity ?? unitValue)!, weight);
    else c.copy(this.tmp, weight);
    const und = toLedgerScale(this.exact(this.tmp));
    let disc = und;
    if (factor !== undefined && !c.allOne(factor)) {
      c.mul(this.disc, this.tmp, factor);
      disc = toLedgerScale(this.exact(this.disc));
    }
    switch (measure) {
      case "cost": {
        this.costD = this.costD.plus(disc);
        this.costU = this.costU.plus(und);
        const cat = meta.category ?? "other";
        const p = this.categories.get(cat);
        if (p === undefined) this.categories.set(cat, [disc, und]);
        else {
          p[0] = p[0].plus(disc);
          p[1] = p[1].plus(und);
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
      // Keys set one by one, in the ledger's key order (optional ones only when present).
      const row: Record<string, unknown> = { optionId: this.optionId, measure, part: meta.part };
      if (meta.nodeId !== undefined) row.nodeId = meta.nodeId;
      if (meta.markovId !== undefined) row.markovId = meta.markovId;
      if (meta.stateId !== undefined) row.stateId = meta.stateId;
      if (meta.cycle !== undefined) row.cycle = meta.cycle;
      if (meta.boundary !== undefined) row.boundary = meta.boundary;
      row.itemId = meta.itemId;
      if (meta.category !== undefined) row.category = meta.category;
      row.quantity = quantity === undefined ? "1" : c.text(quantity, 0);
      row.unitValue = unitValue === undefined ? "1" : c.text(unitValue, 0);
      row.weight = c.text(weight, 0);
      row.undiscounted = decString(und);
      row.discountFactor = factor === undefined ? "1" : c.text(factor, 0);
      row.discounted = decString(disc);
      this.rows.push(row as unknown as LedgerEntry);
    }
  }
  /** The exact totals. */
  outcome(): OutcomeTotals {
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
