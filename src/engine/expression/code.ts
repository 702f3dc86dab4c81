/**
 * Expressions compiled to op sequences over registers: the numeric-free form both backends run. Constants
 * stay decimal text; parameters are indices into the parameter vector; checks that depend on values (a
 * division by zero, ln of a negative, an overflow) are explicit instructions that flag the offending draws.
 *
 * @module
 */
import { RULE, type Rule, type TableData, type TableMode } from "../backends/calculator.js";
import { ExpressionError, type Expr } from "./parse.js";

/** Op codes. Each instruction is four integers: op, out, a, b. */
export const OP = {
  const: 0,
  param: 1,
  cycle: 2,
  time: 3,
  age: 4,
  neg: 5,
  add: 6,
  sub: 7,
  mul: 8,
  div: 9,
  pow: 10,
  exp: 11,
  ln: 12,
  sqrt: 13,
  abs: 14,
  min: 15,
  max: 16,
  floor: 17,
  /** out := table a (with its mode) at the key in register b. */
  table: 18,
  /** test register `out` against rule a (bound: constant b, or -1); message index in the check list. */
  check: 19,
} as const;

/** A value-dependent check: the rule, an optional constant bound, the message (with `{v}` for the value). */
export interface CodeCheck {
  readonly rule: Rule;
  readonly bound: number;
  readonly message: string;
}

/** A compiled expression. */
export interface Code {
  /** Instructions, four integers each: op, out, a, b. */
  readonly ops: Int32Array;
  /** Constants as exact decimal text. */
  readonly consts: readonly string[];
  /** Tables read, with the mode of each read. */
  readonly tables: readonly { readonly table: TableData; readonly mode: TableMode }[];
  /** Checks referenced by `check` instructions (index in b's place is the check index). */
  readonly checks: readonly CodeCheck[];
  /** Scratch registers the code needs. */
  readonly registers: number;
  /** Register holding the result. */
  readonly result: number;
  /** True when the code reads cycle, time or age. */
  readonly timeDependent: boolean;
  /** True when the code reads no parameter and no time variable (its value is fixed). */
  readonly constant: boolean;
}

/** How names are resolved while compiling. */
export interface CodeScope {
  /** Index of a parameter in the parameter vector, or undefined. */
  readonly param: (name: string) => number | undefined;
  /** Whether cycle/time/age are available here. */
  readonly time: boolean;
  /** A table by id, or undefined. */
  readonly table: (id: string) => TableData | undefined;
}

/** Compiles an expression tree; throws ExpressionError for unknown names (the caller maps to a path). */
export function compileCode(e: Expr, scope: CodeScope): Code {
  const ops: number[] = [];
  const consts: string[] = [];
  const constIndex = new Map<string, number>();
  const tables: { table: TableData; mode: TableMode }[] = [];
  const checks: CodeCheck[] = [];
  let next = 0;
  let timeDependent = false;
  let usesParam = false;
  const reg = (): number => next++;
  const emit = (op: number, out: number, a = 0, b = 0): void => {
    ops.push(op, out, a, b);
  };
  const constant = (text: string): number => {
    let i = constIndex.get(text);
    if (i === undefined) {
      i = consts.length;
      consts.push(text);
      constIndex.set(text, i);
    }
    return i;
  };
  const check = (r: number, rule: Rule, message: string, bound?: string): void => {
    checks.push({ rule, bound: bound === undefined ? -1 : constant(bound), message });
    emit(OP.check, r, checks.length - 1);
  };
  const finite = (r: number, what: string): void => check(r, RULE.finite, `${what} is not a finite number (beyond ±1.8e308)`);
  const loadConst = (text: string): number => {
    const r = reg();
    emit(OP.const, r, constant(text));
    return r;
  };

  const walk = (x: Expr): number => {
    switch (x.k) {
      case "num": {
        if (!Number.isFinite(Number(x.text))) throw new ExpressionError(`the number ${x.text} is beyond the range of a double (±1.8e308)`, 0);
        return loadConst(x.text);
      }
      case "str":
        throw new ExpressionError(`a quoted id ("${x.text}") is only allowed as a table id`, x.pos);
      case "var": {
        const p = scope.param(x.name);
        const r = reg();
        if (p !== undefined) {
          usesParam = true;
          emit(OP.param, r, p);
          return r;
        }
        if (x.name === "cycle" || x.name === "time" || x.name === "age") {
          if (!scope.time) throw new ExpressionError(`"${x.name}" is only available inside a Markov model's states and transitions`, x.pos);
          timeDependent = true;
          emit(x.name === "cycle" ? OP.cycle : x.name === "time" ? OP.time : OP.age, r);
          return r;
        }
        throw new ExpressionError(`unknown name "${x.name}" in expression (not a parameter${scope.time ? ", nor cycle, time or age" : ""})`, x.pos);
      }
      case "neg": {
        const a = walk(x.a);
        const r = reg();
        emit(OP.neg, r, a);
        return r;
      }
      case "bin": {
        const a = walk(x.a);
        const b = walk(x.b);
        const r = reg();
        switch (x.op) {
          case "+":
            emit(OP.add, r, a, b);
            return r;
          case "-":
            emit(OP.sub, r, a, b);
            return r;
          case "*":
            emit(OP.mul, r, a, b);
            finite(r, "a product");
            return r;
          case "/":
            check(b, RULE.nonZero, `division by zero at position ${x.pos + 1}`);
            emit(OP.div, r, a, b);
            finite(r, "a quotient");
            return r;
          case "^":
            return power(a, b, r);
        }
        break;
      }
      case "call":
        return call(x);
    }
    throw new ExpressionError("cannot be compiled", 0);
  };

  const power = (a: number, b: number, r: number): number => {
    // Negative bases only to whole powers; zero not to negative powers: checked on the values.
    const fl = reg();
    emit(OP.floor, fl, b);
    const d = reg();
    emit(OP.sub, d, b, fl);
    const negA = reg();
    // bad when a < 0 and b not whole: test (min(a, 0) × d) == 0 via |a⁻·d| ≤ 0
    const zero = loadConst("0");
    emit(OP.min, negA, a, zero);
    const prod = reg();
    emit(OP.mul, prod, negA, d);
    check(prod, RULE.withinAbs, "a negative number to a fractional power is undefined", "0");
    emit(OP.pow, r, a, b);
    finite(r, "the power");
    return r;
  };

  const call = (x: Extract<Expr, { k: "call" }>): number => {
    if (x.fn === "lifeTable" || x.fn === "lifeTableRate" || x.fn === "lookup") {
      const id = (x.args[0] as Extract<Expr, { k: "str" }>).text;
      const table = scope.table(id);
      if (table === undefined) throw new ExpressionError(`unknown ${x.fn === "lookup" ? "look-up table" : "life table"} "${id}"`, x.pos);
      if (x.fn !== "lookup" && table.kind === "value") throw new ExpressionError(`"${id}" is a look-up table, not a life table: use lookup("${id}", …)`, x.pos);
      if (x.fn === "lookup" && table.kind !== "value") throw new ExpressionError(`"${id}" is a life table: use lifeTable("${id}", age) or lifeTableRate("${id}", age)`, x.pos);
      const key = walk(x.args[1]!);
      check(key, RULE.atLeast, `${x.fn}("${id}", …) is asked for ${table.kind === "value" ? "key" : "age"} {v}, below the table's first row (${table.keys[0]})`, String(table.keys[0]));
      const r = reg();
      tables.push({ table, mode: x.fn === "lifeTable" ? "q" : x.fn === "lifeTableRate" ? "rate" : "value" });
      emit(OP.table, r, tables.length - 1, key);
      return r;
    }
    const args = x.args.map(walk);
    const a = args[0]!;
    const r = reg();
    switch (x.fn) {
      case "exp":
        emit(OP.exp, r, a);
        finite(r, "exp()");
        return r;
      case "ln":
        check(a, RULE.positive, "ln() needs a positive number, got {v}");
        emit(OP.ln, r, a);
        return r;
      case "log": {
        check(a, RULE.positive, "log() needs a positive number, got {v}");
        emit(OP.ln, r, a);
        const base = args[1];
        if (base === undefined) return r;
        check(base, RULE.logBase, "log() base must be positive and not 1, got {v}");
        const lb = reg();
        emit(OP.ln, lb, base);
        const q = reg();
        emit(OP.div, q, r, lb);
        return q;
      }
      case "sqrt":
        check(a, RULE.nonNegative, "sqrt() needs a number ≥ 0, got {v}");
        emit(OP.sqrt, r, a);
        return r;
      case "abs":
        emit(OP.abs, r, a);
        return r;
      case "floor":
        emit(OP.floor, r, a);
        return r;
      case "min":
      case "max": {
        emit(OP.add, r, a, loadConst("0"));
        for (const b of args.slice(1)) emit(x.fn === "min" ? OP.min : OP.max, r, r, b);
        return r;
      }
      case "pow":
        return power(a, args[1]!, r);
      case "rateToProb": {
        // 1 − e^(−r·t)
        const rt = reg();
        emit(OP.mul, rt, a, args[1]!);
        emit(OP.neg, rt, rt);
        emit(OP.exp, rt, rt);
        finite(rt, "rateToProb()");
        emit(OP.sub, r, loadConst("1"), rt);
        return r;
      }
      case "probToRate": {
        // −ln(1 − p)/t
        check(a, RULE.probabilityBelowOne, "probToRate() needs a probability in [0, 1), got {v}");
        check(args[1]!, RULE.positive, "probToRate() needs a time > 0, got {v}");
        const om = reg();
        emit(OP.sub, om, loadConst("1"), a);
        emit(OP.ln, om, om);
        emit(OP.neg, om, om);
        emit(OP.div, r, om, args[1]!);
        return r;
      }
      case "hazardRatio": {
        // 1 − (1 − p)^HR: a probability under proportional hazards.
        check(a, RULE.probability, "hazardRatio() needs a probability in [0, 1], got {v}");
        check(args[1]!, RULE.nonNegative, "hazardRatio() needs a hazard ratio ≥ 0, got {v}");
        const om = reg();
        emit(OP.sub, om, loadConst("1"), a);
        emit(OP.pow, om, om, args[1]!);
        emit(OP.sub, r, loadConst("1"), om);
        return r;
      }
    }
    throw new ExpressionError(`unknown function "${x.fn}"`, x.pos);
  };

  const result = walk(e);
  return {
    ops: Int32Array.from(ops),
    consts,
    tables,
    checks,
    registers: next,
    result,
    timeDependent,
    constant: !timeDependent && !usesParam,
  };
}

/** A code that loads one constant. */
export function constantCode(text: string): Code {
  return { ops: CONSTANT_OPS, consts: [text], tables: NO_TABLES, checks: NO_CHECKS, registers: 1, result: 0, timeDependent: false, constant: true };
}

// A literal's one instruction and the empty lists of a one-instruction code are the same for every such code:
// shared (never written; a model has hundreds of literals, and each array is an allocation per compile).
const CONSTANT_OPS = Int32Array.of(OP.const, 0, 0, 0);
const NO_TABLES: Code["tables"] = Object.freeze([]);
const NO_CHECKS: Code["checks"] = Object.freeze([]);
const NO_CONSTS: Code["consts"] = Object.freeze([]);

/** A code that loads one parameter. */
export function paramCode(index: number): Code {
  return { ops: Int32Array.of(OP.param, 0, index, 0), consts: NO_CONSTS, tables: NO_TABLES, checks: NO_CHECKS, registers: 1, result: 0, timeDependent: false, constant: false };
}
