/**
 * The Decimal backend: the library's isolated Decimal (50 significant digits, half-even), one value per
 * lane. Slow and exact; used for audit (`engine: "exact"`), never inside a Monte Carlo loop.
 *
 * @module
 */
import { decString, Dec } from "../../_lib/decimal.js";
import { RULE, type Calculator, type Rule, type ScheduleData, type TableData, type TableMode } from "./calculator.js";

/** A register of the Decimal backend. */
export type DecRegister = Dec[];

const ZERO = new Dec(0);
const ONE = new Dec(1);
const NAN = new Dec(NaN);
/** The largest finite double: results beyond it are refused by both backends alike. */
const MAX_FINITE = new Dec("1.7976931348623157e308");
/** Past these magnitudes exp() and pow() are refused (NaN, then flagged) or underflow to 0, without computing. */
const EXP_LIMIT = 800;
const LOG10_LIMIT = 340;

function expGuarded(x: Dec): Dec {
  if (x.isNaN()) return NAN;
  if (x.gt(EXP_LIMIT)) return NAN;
  if (x.lt(-EXP_LIMIT)) return ZERO;
  return x.exp();
}

function powGuarded(a: Dec, b: Dec): Dec {
  if (a.isNaN() || b.isNaN()) return NAN;
  if (a.isZero() || b.isZero() || a.eq(ONE)) return a.pow(b);
  // Estimate the magnitude first (|b|·log10|a|), so 10^999999999999 or 9^9^9 is refused at once.
  const mag = b.toNumber() * Math.log10(Math.abs(a.toNumber()));
  if (!Number.isFinite(mag) || mag > LOG10_LIMIT) return NAN;
  if (mag < -LOG10_LIMIT) return ZERO;
  return a.pow(b);
}

/** A Decimal calculator over `lanes` values. */
export function decimalCalculator(lanes: number): Calculator<DecRegister> {
  const n = lanes;
  const constants = new Map<string, DecRegister>();
  const schedules = new WeakMap<ScheduleData, { from: Dec; rate: Dec; onePlus: Dec }[]>();
  const tables = new WeakMap<TableData, { q: Dec[]; rate: Dec[]; value: Dec[] }>();
  const factors = new WeakMap<ScheduleData, Map<string, Dec>>();
  // A narrow register (one value) stands for every lane.
  const at = (a: DecRegister, i: number): Dec => a[a.length === 1 ? 0 : i]!;
  const map1 = (out: DecRegister, a: DecRegister, f: (x: Dec) => Dec): void => {
    for (let i = 0; i < out.length; i++) out[i] = f(at(a, i));
  };
  const map2 = (out: DecRegister, a: DecRegister, b: DecRegister, f: (x: Dec, y: Dec) => Dec): void => {
    for (let i = 0; i < out.length; i++) out[i] = f(at(a, i), at(b, i));
  };
  const factorAt = (s: ScheduleData, t: Dec): Dec => {
    let steps = schedules.get(s);
    if (steps === undefined) {
      steps = s.steps.map((x) => ({ from: new Dec(x.from), rate: new Dec(x.rate), onePlus: new Dec(x.rate).plus(1) }));
      schedules.set(s, steps);
    }
    const continuous = s.compounding === "continuous";
    if (t.isNegative()) return continuous ? steps[0]!.rate.times(t).negated().exp() : steps[0]!.onePlus.pow(t.negated());
    let f = ONE;
    for (let k = 0; k < steps.length; k++) {
      const step = steps[k]!;
      if (t.lte(step.from)) break;
      const next = steps[k + 1];
      const end = next !== undefined && next.from.lt(t) ? next.from : t;
      const span = end.minus(step.from);
      f = continuous ? f.times(step.rate.times(span).negated().exp()) : f.div(step.onePlus.pow(span));
    }
    return f;
  };
  return {
    kind: "exact",
    lanes,
    register: () => new Array<Dec>(n).fill(ZERO),
    narrow: () => [ZERO],
    isNarrow: (a) => a.length === 1,
    constant(text) {
      let c = constants.get(text);
      if (c === undefined) {
        c = [new Dec(text)];
        constants.set(text, c);
      }
      return c;
    },
    setText(out, text) {
      const v = new Dec(text);
      for (let i = 0; i < out.length; i++) out[i] = v;
    },
    setLanes(out, values, offset) {
      for (let i = 0; i < n; i++) out[i] = new Dec(values[offset + i]!);
    },
    copy(out, a) {
      for (let i = 0; i < out.length; i++) out[i] = at(a, i);
    },
    add: (out, a, b) => map2(out, a, b, (x, y) => x.plus(y)),
    sub: (out, a, b) => map2(out, a, b, (x, y) => x.minus(y)),
    mul: (out, a, b) => map2(out, a, b, (x, y) => x.times(y)),
    div: (out, a, b) => map2(out, a, b, (x, y) => (y.isZero() ? NAN : x.div(y))),
    pow: (out, a, b) => map2(out, a, b, powGuarded),
    min: (out, a, b) => map2(out, a, b, (x, y) => (y.lt(x) ? y : x)),
    max: (out, a, b) => map2(out, a, b, (x, y) => (y.gt(x) ? y : x)),
    neg: (out, a) => map1(out, a, (x) => x.negated()),
    exp: (out, a) => map1(out, a, expGuarded),
    ln: (out, a) => map1(out, a, (x) => (x.gt(0) ? x.ln() : NAN)),
    sqrt: (out, a) => map1(out, a, (x) => (x.gte(0) ? x.sqrt() : NAN)),
    abs: (out, a) => map1(out, a, (x) => x.abs()),
    floor: (out, a) => map1(out, a, (x) => x.floor()),
    mulAdd(out, a, b) {
      for (let i = 0; i < out.length; i++) out[i] = out[i]!.plus(at(a, i).times(at(b, i)));
    },
    test(a, rule: Rule, bound, bad) {
      let count = 0;
      for (let i = 0; i < bad.length; i++) {
        if (bad[i] !== 0) continue;
        const x = at(a, i);
        let ok: boolean;
        if (x.isNaN() || !x.isFinite()) ok = false;
        else
          switch (rule) {
            case RULE.finite:
              ok = x.abs().lte(MAX_FINITE);
              break;
            case RULE.nonNegative:
              ok = !x.isNegative() || x.isZero();
              break;
            case RULE.positive:
              ok = x.gt(0);
              break;
            case RULE.nonZero:
              ok = !x.isZero();
              break;
            case RULE.probability:
              ok = x.gte(0) && x.lte(1);
              break;
            case RULE.probabilityBelowOne:
              ok = x.gte(0) && x.lt(1);
              break;
            case RULE.logBase:
              ok = x.gt(0) && !x.eq(1);
              break;
            case RULE.atLeast:
              ok = x.gte(at(bound!, i));
              break;
            case RULE.atMost:
              ok = x.lte(at(bound!, i));
              break;
            default:
              ok = x.abs().lte(at(bound!, i));
          }
        if (!ok && bad[i] === 0) {
          bad[i] = 1;
          count++;
        }
      }
      return count;
    },
    fillWhere(out, bad, text) {
      const v = new Dec(text);
      if (out.length === 1 && bad.length > 1) {
        for (let i = 0; i < bad.length; i++) if (bad[i] === 0) return;
        out[0] = v;
        return;
      }
      for (let i = 0; i < out.length; i++) if (bad[i] === 1) out[i] = v;
    },
    allZero(a) {
      for (let i = 0; i < a.length; i++) if (!a[i]!.isZero()) return false;
      return true;
    },
    allOne(a) {
      for (let i = 0; i < a.length; i++) if (!a[i]!.eq(ONE)) return false;
      return true;
    },
    number: (a, lane) => at(a, lane).toNumber(),
    text: (a, lane) => decString(at(a, lane)),
    discount(out, schedule, t) {
      let cache = factors.get(schedule);
      if (cache === undefined) factors.set(schedule, (cache = new Map()));
      for (let i = 0; i < out.length; i++) {
        const ti = at(t, i);
        const key = ti.toString();
        let f = cache.get(key);
        if (f === undefined) {
          f = factorAt(schedule, ti);
          cache.set(key, f);
        }
        out[i] = f;
      }
    },
    table(out, table, mode: TableMode, key) {
      let t = tables.get(table);
      if (t === undefined) {
        const value = table.values.map((v) => new Dec(v));
        const q = table.kind === "mx" ? value.map((m) => ONE.minus(m.negated().exp())) : value;
        const rate = table.kind === "qx" ? value.map((x) => ONE.minus(x).ln().negated()) : value;
        t = { q, rate, value };
        tables.set(table, t);
      }
      const src = mode === "q" ? t.q : mode === "rate" ? t.rate : t.value;
      for (let i = 0; i < out.length; i++) {
        const k = at(key, i).floor().toNumber();
        let j = 0;
        while (j + 1 < table.keys.length && table.keys[j + 1]! <= k) j++;
        out[i] = src[j]!;
      }
    },
  };
}
