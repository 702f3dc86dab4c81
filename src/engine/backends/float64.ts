/**
 * The Float64 backend: each register is a `Float64Array` with one lane per draw (struct of arrays), so an
 * instruction is one tight loop over the draws.
 *
 * @module
 */
import { RULE, type Calculator, type Rule, type ScheduleData, type TableData, type TableMode } from "./calculator.js";

interface ParsedSchedule {
  readonly from: Float64Array;
  readonly rate: Float64Array;
  readonly logOnePlus: Float64Array;
  readonly continuous: boolean;
}

interface ParsedTable {
  readonly keys: Float64Array;
  readonly q: Float64Array;
  readonly rate: Float64Array;
  readonly value: Float64Array;
}

/** Shortest round-trip text of a double, without exponent (exact: it reads back to the same double). */
export function float64Text(x: number): string {
  if (x === 0) return "0";
  const s = String(x);
  const e = s.indexOf("e");
  if (e < 0) return s;
  // Move the decimal point of the shortest digits by the exponent (plain string work, no allocation of numbers).
  const neg = s[0] === "-";
  const mantissa = s.slice(neg ? 1 : 0, e);
  const exp = Number(s.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + exp;
  let out: string;
  if (point <= 0) out = `0.${"0".repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + "0".repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return neg ? `-${out}` : out;
}

/** Whether x keeps the rule (bound: the rule's bound, when it has one); the one-draw executor tests its values with it too. */
export function passes(x: number, rule: Rule, bound: number): boolean {
  switch (rule) {
    case RULE.finite:
      return Number.isFinite(x);
    case RULE.nonNegative:
      return x >= 0;
    case RULE.positive:
      return x > 0;
    case RULE.nonZero:
      return x !== 0 && !Number.isNaN(x);
    case RULE.probability:
      return x >= 0 && x <= 1;
    case RULE.probabilityBelowOne:
      return x >= 0 && x < 1;
    case RULE.logBase:
      return x > 0 && x !== 1;
    case RULE.atLeast:
      return x >= bound;
    case RULE.atMost:
      return x <= bound;
    default:
      return Math.abs(x) <= bound;
  }
}

const parseSchedule = (cache: WeakMap<ScheduleData, ParsedSchedule>, s: ScheduleData): ParsedSchedule => {
  let p = cache.get(s);
  if (p === undefined) {
    const from = Float64Array.from(s.steps.map((x) => x.from));
    const rate = Float64Array.from(s.steps.map((x) => Number(x.rate)));
    p = { from, rate, logOnePlus: rate.map((r) => Math.log1p(r)), continuous: s.compounding === "continuous" };
    cache.set(s, p);
  }
  return p;
};

const factorAt = (p: ParsedSchedule, t: number): number => {
  if (t < 0) return p.continuous ? Math.exp(-p.rate[0]! * t) : Math.exp(-p.logOnePlus[0]! * t);
  // Σ over steps of rate-time before t, then one exp: DF = exp(−Σ ln(1+r_k)·Δt_k) (annual) or exp(−Σ r_k·Δt_k).
  let acc = 0;
  const k = p.from.length;
  for (let i = 0; i < k; i++) {
    const start = p.from[i]!;
    if (t <= start) break;
    const next = i + 1 < k ? p.from[i + 1]! : Infinity;
    const end = next < t ? next : t;
    acc += (p.continuous ? p.rate[i]! : p.logOnePlus[i]!) * (end - start);
  }
  return Math.exp(-acc);
};

const parseTable = (cache: WeakMap<TableData, ParsedTable>, t: TableData): ParsedTable => {
  let p = cache.get(t);
  if (p === undefined) {
    const value = Float64Array.from(t.values.map(Number));
    const q = t.kind === "mx" ? value.map((m) => -Math.expm1(-m)) : value.slice();
    const rate = t.kind === "qx" ? value.map((x) => -Math.log1p(-x)) : value.slice();
    p = { keys: Float64Array.from(t.keys), q, rate, value };
    cache.set(t, p);
  }
  return p;
};

/**
 * A Float64 calculator over `lanes` draws. Caches parsed schedules and tables per instance (no module state).
 * A class, so every instance has one shape and its operations live on the prototype: the kernel's call sites
 * see the same few maps run after run and the optimising compiler keeps its code.
 */
export class Float64Calculator implements Calculator<Float64Array> {
  readonly kind = "float64";
  private readonly constants = new Map<string, Float64Array>();
  private readonly schedules = new WeakMap<ScheduleData, ParsedSchedule>();
  private readonly tables = new WeakMap<TableData, ParsedTable>();
  constructor(readonly lanes: number) {}
  register(): Float64Array {
    return new Float64Array(this.lanes);
  }
  narrow(): Float64Array {
    return new Float64Array(1);
  }
  isNarrow(a: Float64Array): boolean {
    return a.length === 1;
  }
  constant(text: string): Float64Array {
    let c = this.constants.get(text);
    if (c === undefined) {
      c = Float64Array.of(Number(text));
      this.constants.set(text, c);
    }
    return c;
  }
  setText(out: Float64Array, text: string): void {
    out.fill(Number(text));
  }
  setLanes(out: Float64Array, values: Float64Array, offset: number): void {
    const n = this.lanes;
    for (let i = 0; i < n; i++) out[i] = values[offset + i]!;
  }
  copy(out: Float64Array, a: Float64Array): void {
    if (a.length === out.length) out.set(a);
    else out.fill(a[0]!);
  }
  add(out: Float64Array, a: Float64Array, b: Float64Array): void {
    const m = out.length;
    if (a.length === m && b.length === m) for (let i = 0; i < m; i++) out[i] = a[i]! + b[i]!;
    else if (a.length === m) {
      const y = b[0]!;
      for (let i = 0; i < m; i++) out[i] = a[i]! + y;
    } else if (b.length === m) {
      const x = a[0]!;
      for (let i = 0; i < m; i++) out[i] = x + b[i]!;
    } else out.fill(a[0]! + b[0]!);
  }
  sub(out: Float64Array, a: Float64Array, b: Float64Array): void {
    const m = out.length;
    if (a.length === m && b.length === m) for (let i = 0; i < m; i++) out[i] = a[i]! - b[i]!;
    else if (a.length === m) {
      const y = b[0]!;
      for (let i = 0; i < m; i++) out[i] = a[i]! - y;
    } else if (b.length === m) {
      const x = a[0]!;
      for (let i = 0; i < m; i++) out[i] = x - b[i]!;
    } else out.fill(a[0]! - b[0]!);
  }
  mul(out: Float64Array, a: Float64Array, b: Float64Array): void {
    const m = out.length;
    if (a.length === m && b.length === m) for (let i = 0; i < m; i++) out[i] = a[i]! * b[i]!;
    else if (a.length === m) {
      const y = b[0]!;
      for (let i = 0; i < m; i++) out[i] = a[i]! * y;
    } else if (b.length === m) {
      const x = a[0]!;
      for (let i = 0; i < m; i++) out[i] = x * b[i]!;
    } else out.fill(a[0]! * b[0]!);
  }
  div(out: Float64Array, a: Float64Array, b: Float64Array): void {
    const m = out.length;
    if (a.length === m && b.length === m) for (let i = 0; i < m; i++) out[i] = a[i]! / b[i]!;
    else if (a.length === m) {
      const y = b[0]!;
      for (let i = 0; i < m; i++) out[i] = a[i]! / y;
    } else if (b.length === m) {
      const x = a[0]!;
      for (let i = 0; i < m; i++) out[i] = x / b[i]!;
    } else out.fill(a[0]! / b[0]!);
  }
  pow(out: Float64Array, a: Float64Array, b: Float64Array): void {
    const m = out.length;
    if (a.length === m && b.length === m) for (let i = 0; i < m; i++) out[i] = Math.pow(a[i]!, b[i]!);
    else if (a.length === m) {
      const y = b[0]!;
      for (let i = 0; i < m; i++) out[i] = Math.pow(a[i]!, y);
    } else if (b.length === m) {
      const x = a[0]!;
      for (let i = 0; i < m; i++) out[i] = Math.pow(x, b[i]!);
    } else out.fill(Math.pow(a[0]!, b[0]!));
  }
  min(out: Float64Array, a: Float64Array, b: Float64Array): void {
    const m = out.length;
    if (a.length === m && b.length === m) for (let i = 0; i < m; i++) out[i] = a[i]! < b[i]! ? a[i]! : b[i]!;
    else if (a.length === m) {
      const y = b[0]!;
      for (let i = 0; i < m; i++) out[i] = (a[i]! < y ? a[i]! : y);
    } else if (b.length === m) {
      const x = a[0]!;
      for (let i = 0; i < m; i++) out[i] = (x < b[i]! ? x : b[i]!);
    } else out.fill((a[0]! < b[0]! ? a[0]! : b[0]!));
  }
  max(out: Float64Array, a: Float64Array, b: Float64Array): void {
    const m = out.length;
    if (a.length === m && b.length === m) for (let i = 0; i < m; i++) out[i] = (a[i]! > b[i]! ? a[i]! : b[i]!);
    else if (a.length === m) {
      const y = b[0]!;
      for (let i = 0; i < m; i++) out[i] = (a[i]! > y ? a[i]! : y);
    } else if (b.length === m) {
      const x = a[0]!;
      for (let i = 0; i < m; i++) out[i] = (x > b[i]! ? x : b[i]!);
    } else out.fill((a[0]! > b[0]! ? a[0]! : b[0]!));
  }
  neg(out: Float64Array, a: Float64Array): void {
    const m = out.length;
    if (a.length === m) for (let i = 0; i < m; i++) out[i] = -a[i]!;
    else out.fill(-a[0]!);
  }
  exp(out: Float64Array, a: Float64Array): void {
    const m = out.length;
    if (a.length === m) for (let i = 0; i < m; i++) out[i] = Math.exp(a[i]!);
    else out.fill(Math.exp(a[0]!));
  }
  ln(out: Float64Array, a: Float64Array): void {
    const m = out.length;
    if (a.length === m) for (let i = 0; i < m; i++) out[i] = Math.log(a[i]!);
    else out.fill(Math.log(a[0]!));
  }
  sqrt(out: Float64Array, a: Float64Array): void {
    const m = out.length;
    if (a.length === m) for (let i = 0; i < m; i++) out[i] = Math.sqrt(a[i]!);
    else out.fill(Math.sqrt(a[0]!));
  }
  abs(out: Float64Array, a: Float64Array): void {
    const m = out.length;
    if (a.length === m) for (let i = 0; i < m; i++) out[i] = Math.abs(a[i]!);
    else out.fill(Math.abs(a[0]!));
  }
  floor(out: Float64Array, a: Float64Array): void {
    const m = out.length;
    if (a.length === m) for (let i = 0; i < m; i++) out[i] = Math.floor(a[i]!);
    else out.fill(Math.floor(a[0]!));
  }
  mulAdd(out: Float64Array, a: Float64Array, b: Float64Array): void {
    const m = out.length;
    if (a.length === m && b.length === m) for (let i = 0; i < m; i++) out[i] = out[i]! + a[i]! * b[i]!;
    else if (a.length === m) {
      const y = b[0]!;
      for (let i = 0; i < m; i++) out[i] = out[i]! + a[i]! * y;
    } else if (b.length === m) {
      const x = a[0]!;
      for (let i = 0; i < m; i++) out[i] = out[i]! + x * b[i]!;
    } else {
      const p = a[0]! * b[0]!;
      for (let i = 0; i < m; i++) out[i] = out[i]! + p;
    }
  }
  test(a: Float64Array, rule: Rule, bound: Float64Array | undefined, bad: Uint8Array): number {
    // `bad.length` lanes; a narrow `a` (or bound) is one value for every lane.
    const m = bad.length;
    let count = 0;
    if (a.length === 1 && m > 1) {
      if (passes(a[0]!, rule, bound === undefined ? 0 : bound[0]!)) return 0;
      for (let i = 0; i < m; i++) if (bad[i] === 0) {
            bad[i] = 1;
            count++;
          }
      return count;
    }
    if (bound !== undefined && bound.length !== a.length) {
      // A narrow bound: one limit for every lane.
      const lim = bound[0]!;
      switch (rule) {
        case RULE.atLeast:
          for (let i = 0; i < m; i++) if (bad[i] === 0 && !(a[i]! >= lim)) {
            bad[i] = 1;
            count++;
          }
          return count;
        case RULE.atMost:
          for (let i = 0; i < m; i++) if (bad[i] === 0 && !(a[i]! <= lim)) {
            bad[i] = 1;
            count++;
          }
          return count;
        default:
          for (let i = 0; i < m; i++) if (bad[i] === 0 && !passes(a[i]!, rule, lim)) {
            bad[i] = 1;
            count++;
          }
          return count;
      }
    }
    switch (rule) {
      case RULE.finite:
        for (let i = 0; i < m; i++) if (bad[i] === 0 && !(a[i]! - a[i]! === 0)) {
            bad[i] = 1;
            count++;
          }
        return count;
      case RULE.nonNegative:
        for (let i = 0; i < m; i++) if (bad[i] === 0 && !(a[i]! >= 0)) {
            bad[i] = 1;
            count++;
          }
        return count;
      case RULE.probability:
        for (let i = 0; i < m; i++) {
          const x = a[i]!;
          if (bad[i] === 0 && !(x >= 0 && x <= 1)) {
            bad[i] = 1;
            count++;
          }
        }
        return count;
      default:
        for (let i = 0; i < m; i++) {
          if (bad[i] !== 0) continue;
          if (!passes(a[i]!, rule, bound === undefined ? 0 : bound[i]!)) {
            bad[i] = 1;
            count++;
          }
        }
        return count;
    }
  }
  fillWhere(out: Float64Array, bad: Uint8Array, text: string): void {
    const v = Number(text);
    if (out.length === 1 && bad.length > 1) {
      // A narrow value is filled when every lane is flagged (it holds one value for all of them).
      for (let i = 0; i < bad.length; i++) if (bad[i] === 0) return;
      out[0] = v;
      return;
    }
    for (let i = 0; i < out.length; i++) if (bad[i] === 1) out[i] = v;
  }
  allZero(a: Float64Array): boolean {
    for (let i = 0; i < a.length; i++) if (a[i] !== 0) return false;
    return true;
  }
  allOne(a: Float64Array): boolean {
    for (let i = 0; i < a.length; i++) if (a[i] !== 1) return false;
    return true;
  }
  number(a: Float64Array, lane: number): number {
    return a[a.length === 1 ? 0 : lane]!;
  }
  text(a: Float64Array, lane: number): string {
    return float64Text(a[a.length === 1 ? 0 : lane]!);
  }
  discount(out: Float64Array, schedule: ScheduleData, t: Float64Array): void {
    const p = parseSchedule(this.schedules, schedule);
    if (t.length !== out.length) {
      out.fill(factorAt(p, t[0]!));
      return;
    }
    let lastT = NaN;
    let lastF = 1;
    for (let i = 0; i < out.length; i++) {
      const ti = t[i]!;
      if (ti !== lastT) {
        lastT = ti;
        lastF = factorAt(p, ti);
      }
      out[i] = lastF;
    }
  }
  table(out: Float64Array, table: TableData, mode: TableMode, key: Float64Array): void {
    const p = parseTable(this.tables, table);
    const src = mode === "q" ? p.q : mode === "rate" ? p.rate : p.value;
    const keys = p.keys;
    const last = keys.length - 1;
    const narrowKey = key.length !== out.length;
    for (let i = 0; i < out.length; i++) {
      const k = Math.floor(key[narrowKey ? 0 : i]!);
      // Keys are usually consecutive whole numbers: index directly, else binary search.
      let j = k - keys[0]!;
      if (j < 0) j = 0;
      else if (j > last || keys[j] !== k) {
        let lo = 0;
        let hi = last;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (keys[mid]! <= k) lo = mid;
          else hi = mid - 1;
        }
        j = lo;
      }
      out[i] = src[j]!;
    }
  }
}

/** A Float64 calculator over `lanes` draws. */
export function float64Calculator(lanes: number): Calculator<Float64Array> {
  return new Float64Calculator(lanes);
}
