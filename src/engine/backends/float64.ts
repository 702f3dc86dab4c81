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

/** A Float64 calculator over `lanes` draws. Caches parsed schedules and tables per instance (no module state). */
export function float64Calculator(lanes: number): Calculator<Float64Array> {
  const constants = new Map<string, Float64Array>();
  const schedules = new WeakMap<ScheduleData, ParsedSchedule>();
  const tables = new WeakMap<TableData, ParsedTable>();
  const n = lanes;

  const parseSchedule = (s: ScheduleData): ParsedSchedule => {
    let p = schedules.get(s);
    if (p === undefined) {
      const from = Float64Array.from(s.steps.map((x) => x.from));
      const rate = Float64Array.from(s.steps.map((x) => Number(x.rate)));
      p = { from, rate, logOnePlus: rate.map((r) => Math.log1p(r)), continuous: s.compounding === "continuous" };
      schedules.set(s, p);
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
  const parseTable = (t: TableData): ParsedTable => {
    let p = tables.get(t);
    if (p === undefined) {
      const value = Float64Array.from(t.values.map(Number));
      const q = t.kind === "mx" ? value.map((m) => -Math.expm1(-m)) : value.slice();
      const rate = t.kind === "qx" ? value.map((x) => -Math.log1p(-x)) : value.slice();
      p = { keys: Float64Array.from(t.keys), q, rate, value };
      tables.set(t, p);
    }
    return p;
  };

  return {
    kind: "float64",
    lanes,
    register: () => new Float64Array(n),
    constant(text) {
      let c = constants.get(text);
      if (c === undefined) {
        c = new Float64Array(n).fill(Number(text));
        constants.set(text, c);
      }
      return c;
    },
    setText: (out, text) => void out.fill(Number(text)),
    setLanes(out, values, offset) {
      for (let i = 0; i < n; i++) out[i] = values[offset + i]!;
    },
    copy: (out, a) => void out.set(a),
    add(out, a, b) {
      for (let i = 0; i < n; i++) out[i] = a[i]! + b[i]!;
    },
    sub(out, a, b) {
      for (let i = 0; i < n; i++) out[i] = a[i]! - b[i]!;
    },
    mul(out, a, b) {
      for (let i = 0; i < n; i++) out[i] = a[i]! * b[i]!;
    },
    div(out, a, b) {
      for (let i = 0; i < n; i++) out[i] = a[i]! / b[i]!;
    },
    pow(out, a, b) {
      for (let i = 0; i < n; i++) out[i] = Math.pow(a[i]!, b[i]!);
    },
    min(out, a, b) {
      for (let i = 0; i < n; i++) out[i] = a[i]! < b[i]! ? a[i]! : b[i]!;
    },
    max(out, a, b) {
      for (let i = 0; i < n; i++) out[i] = a[i]! > b[i]! ? a[i]! : b[i]!;
    },
    neg(out, a) {
      for (let i = 0; i < n; i++) out[i] = -a[i]!;
    },
    exp(out, a) {
      for (let i = 0; i < n; i++) out[i] = Math.exp(a[i]!);
    },
    ln(out, a) {
      for (let i = 0; i < n; i++) out[i] = Math.log(a[i]!);
    },
    sqrt(out, a) {
      for (let i = 0; i < n; i++) out[i] = Math.sqrt(a[i]!);
    },
    abs(out, a) {
      for (let i = 0; i < n; i++) out[i] = Math.abs(a[i]!);
    },
    floor(out, a) {
      for (let i = 0; i < n; i++) out[i] = Math.floor(a[i]!);
    },
    mulAdd(out, a, b) {
      for (let i = 0; i < n; i++) out[i] = out[i]! + a[i]! * b[i]!;
    },
    test(a, rule: Rule, bound, bad) {
      let count = 0;
      for (let i = 0; i < n; i++) {
        const x = a[i]!;
        let ok: boolean;
        switch (rule) {
          case RULE.finite:
            ok = Number.isFinite(x);
            break;
          case RULE.nonNegative:
            ok = x >= 0;
            break;
          case RULE.positive:
            ok = x > 0;
            break;
          case RULE.nonZero:
            ok = x !== 0 && !Number.isNaN(x);
            break;
          case RULE.probability:
            ok = x >= 0 && x <= 1;
            break;
          case RULE.probabilityBelowOne:
            ok = x >= 0 && x < 1;
            break;
          case RULE.logBase:
            ok = x > 0 && x !== 1;
            break;
          case RULE.atLeast:
            ok = x >= bound![i]!;
            break;
          case RULE.atMost:
            ok = x <= bound![i]!;
            break;
          default:
            ok = Math.abs(x) <= bound![i]!;
        }
        if (!ok && bad[i] === 0) {
          bad[i] = 1;
          count++;
        }
      }
      return count;
    },
    fillWhere(out, bad, text) {
      const v = Number(text);
      for (let i = 0; i < n; i++) if (bad[i] === 1) out[i] = v;
    },
    allZero(a) {
      for (let i = 0; i < n; i++) if (a[i] !== 0) return false;
      return true;
    },
    allOne(a) {
      for (let i = 0; i < n; i++) if (a[i] !== 1) return false;
      return true;
    },
    number: (a, lane) => a[lane]!,
    text: (a, lane) => float64Text(a[lane]!),
    discount(out, schedule, t) {
      const p = parseSchedule(schedule);
      let lastT = NaN;
      let lastF = 1;
      for (let i = 0; i < n; i++) {
        const ti = t[i]!;
        if (ti !== lastT) {
          lastT = ti;
          lastF = factorAt(p, ti);
        }
        out[i] = lastF;
      }
    },
    table(out, table, mode: TableMode, key) {
      const p = parseTable(table);
      const src = mode === "q" ? p.q : mode === "rate" ? p.rate : p.value;
      const keys = p.keys;
      const last = keys.length - 1;
      for (let i = 0; i < n; i++) {
        const k = Math.floor(key[i]!);
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
    },
  };
}
