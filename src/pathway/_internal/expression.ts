import { Dec } from "../../_lib/decimal.js";

/**
 * A small safe arithmetic expression language for model values (never `eval`):
 *
 *   expr   := term (("+" | "-" | "−") term)*
 *   term   := unary (("*" | "×" | "/" | "÷") unary)*
 *   unary  := ("-" | "−" | "+") unary | power
 *   power  := atom ("^" unary)?            (right-associative; -2^2 = -(2^2))
 *   atom   := number | name | name "(" args ")" | "(" expr ")"
 *
 * Functions: exp, ln, log (natural, or log(x, base)), sqrt, abs, min, max, pow, rateToProb(r, t) = 1 − e^(−r·t),
 * probToRate(p, t) = −ln(1 − p)/t. Evaluated exactly with the library's Decimal (50 significant digits).
 */
export type Expr =
  | { readonly k: "num"; readonly v: Dec }
  | { readonly k: "var"; readonly name: string; readonly pos: number }
  | { readonly k: "neg"; readonly a: Expr }
  | { readonly k: "bin"; readonly op: "+" | "-" | "*" | "/" | "^"; readonly a: Expr; readonly b: Expr; readonly pos: number }
  | { readonly k: "call"; readonly fn: string; readonly args: readonly Expr[]; readonly pos: number };

/** A problem in an expression: message and character position. */
export class ExpressionError extends Error {
  readonly pos: number;
  constructor(message: string, pos: number) {
    super(message);
    this.name = "ExpressionError";
    this.pos = pos;
  }
}

const FUNCTIONS: Readonly<Record<string, readonly [number, number]>> = {
  exp: [1, 1],
  ln: [1, 1],
  log: [1, 2],
  sqrt: [1, 1],
  abs: [1, 1],
  min: [1, 32],
  max: [1, 32],
  pow: [2, 2],
  rateToProb: [2, 2],
  probToRate: [2, 2],
};

const MAX_LENGTH = 2000;
const MAX_DEPTH = 64;

type Token =
  | { readonly t: "num"; readonly v: string; readonly pos: number }
  | { readonly t: "name"; readonly v: string; readonly pos: number }
  | { readonly t: "op"; readonly v: string; readonly pos: number }
  | { readonly t: "end"; readonly pos: number };

const OPS: Readonly<Record<string, string>> = { "+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "/": "/", "÷": "/", "^": "^", "(": "(", ")": ")", ",": "," };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
    if (num !== null) {
      out.push({ t: "num", v: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (name !== null) {
      out.push({ t: "name", v: name[0], pos: i });
      i += name[0].length;
      continue;
    }
    const op = OPS[c];
    if (op !== undefined) {
      out.push({ t: "op", v: op, pos: i });
      i++;
      continue;
    }
    throw new ExpressionError(`unexpected character "${c}" at position ${i + 1}`, i);
  }
  out.push({ t: "end", pos: src.length });
  return out;
}

/** Parses an expression; throws ExpressionError with the position of the first problem. */
export function parseExpression(src: string): Expr {
  if (src.length > MAX_LENGTH) throw new ExpressionError(`is longer than ${MAX_LENGTH} characters`, 0);
  const tokens = tokenize(src);
  let p = 0;
  const peek = (): Token => tokens[p]!;
  const isOp = (v: string): boolean => {
    const t = peek();
    return t.t === "op" && t.v === v;
  };
  const expect = (v: string): void => {
    const t = peek();
    if (t.t === "op" && t.v === v) {
      p++;
      return;
    }
    throw new ExpressionError(`expected "${v}" at position ${t.pos + 1}`, t.pos);
  };

  const expr = (depth: number): Expr => {
    if (depth > MAX_DEPTH) throw new ExpressionError(`is nested more than ${MAX_DEPTH} levels deep`, peek().pos);
    let a = term(depth);
    while (isOp("+") || isOp("-")) {
      const t = tokens[p++]! as { v: "+" | "-"; pos: number };
      a = { k: "bin", op: t.v, a, b: term(depth), pos: t.pos };
    }
    return a;
  };
  const term = (depth: number): Expr => {
    let a = unary(depth);
    while (isOp("*") || isOp("/")) {
      const t = tokens[p++]! as { v: "*" | "/"; pos: number };
      a = { k: "bin", op: t.v, a, b: unary(depth), pos: t.pos };
    }
    return a;
  };
  const unary = (depth: number): Expr => {
    if (depth > MAX_DEPTH) throw new ExpressionError(`is nested more than ${MAX_DEPTH} levels deep`, peek().pos);
    if (isOp("-")) {
      p++;
      return { k: "neg", a: unary(depth + 1) };
    }
    if (isOp("+")) {
      p++;
      return unary(depth + 1);
    }
    return power(depth);
  };
  const power = (depth: number): Expr => {
    const a = atom(depth);
    if (isOp("^")) {
      const t = tokens[p++]!;
      return { k: "bin", op: "^", a, b: unary(depth + 1), pos: t.pos };
    }
    return a;
  };
  const atom = (depth: number): Expr => {
    const t = peek();
    if (t.t === "num") {
      p++;
      return { k: "num", v: new Dec(t.v) };
    }
    if (t.t === "name") {
      p++;
      if (isOp("(")) {
        p++;
        const arity = FUNCTIONS[t.v];
        if (arity === undefined) throw new ExpressionError(`unknown function "${t.v}" (known: ${Object.keys(FUNCTIONS).join(", ")})`, t.pos);
        const args: Expr[] = [];
        if (!isOp(")")) {
          args.push(expr(depth + 1));
          while (isOp(",")) {
            p++;
            args.push(expr(depth + 1));
          }
        }
        expect(")");
        if (args.length < arity[0] || args.length > arity[1]) {
          const want = arity[0] === arity[1] ? `${arity[0]}` : `${arity[0]} to ${arity[1]}`;
          throw new ExpressionError(`${t.v}() takes ${want} argument${want === "1" ? "" : "s"}, got ${args.length}`, t.pos);
        }
        return { k: "call", fn: t.v, args, pos: t.pos };
      }
      return { k: "var", name: t.v, pos: t.pos };
    }
    if (t.t === "op" && t.v === "(") {
      p++;
      const inner = expr(depth + 1);
      expect(")");
      return inner;
    }
    if (t.t === "end") throw new ExpressionError(src.trim() === "" ? "is empty" : "ends unexpectedly", t.pos);
    throw new ExpressionError(`unexpected "${t.v}" at position ${t.pos + 1}`, t.pos);
  };

  const root = expr(0);
  const last = peek();
  if (last.t !== "end") throw new ExpressionError(`unexpected "${last.t === "num" || last.t === "name" || last.t === "op" ? last.v : ""}" at position ${last.pos + 1}`, last.pos);
  return root;
}

/** The variable names an expression uses. */
export function expressionNames(e: Expr, out: Set<string> = new Set()): Set<string> {
  switch (e.k) {
    case "num":
      break;
    case "var":
      out.add(e.name);
      break;
    case "neg":
      expressionNames(e.a, out);
      break;
    case "bin":
      expressionNames(e.a, out);
      expressionNames(e.b, out);
      break;
    case "call":
      for (const a of e.args) expressionNames(a, out);
  }
  return out;
}

const ONE = new Dec(1);

function finite(d: Dec, what: string, pos: number): Dec {
  if (!d.isFinite()) throw new ExpressionError(`${what} is not a finite number`, pos);
  return d;
}

/** Evaluates exactly; `lookup` gives a variable's value. Throws ExpressionError for undefined results. */
export function evaluateExpression(e: Expr, lookup: (name: string) => Dec | undefined): Dec {
  switch (e.k) {
    case "num":
      return e.v;
    case "var": {
      const v = lookup(e.name);
      if (v === undefined) throw new ExpressionError(`unknown name "${e.name}"`, e.pos);
      return v;
    }
    case "neg":
      return evaluateExpression(e.a, lookup).negated();
    case "bin": {
      const a = evaluateExpression(e.a, lookup);
      const b = evaluateExpression(e.b, lookup);
      switch (e.op) {
        case "+":
          return a.plus(b);
        case "-":
          return a.minus(b);
        case "*":
          return a.times(b);
        case "/":
          if (b.isZero()) throw new ExpressionError(`division by zero at position ${e.pos + 1}`, e.pos);
          return a.div(b);
        case "^":
          return powChecked(a, b, e.pos);
      }
      break;
    }
    case "call": {
      const args = e.args.map((x) => evaluateExpression(x, lookup));
      const x = args[0]!;
      switch (e.fn) {
        case "exp":
          return finite(x.exp(), "exp()", e.pos);
        case "ln":
          if (!x.isPositive() || x.isZero()) throw new ExpressionError(`ln() needs a positive number, got ${x.toString()}`, e.pos);
          return x.ln();
        case "log": {
          if (!x.isPositive() || x.isZero()) throw new ExpressionError(`log() needs a positive number, got ${x.toString()}`, e.pos);
          const base = args[1];
          if (base === undefined) return x.ln();
          if (!base.isPositive() || base.isZero() || base.eq(ONE)) throw new ExpressionError(`log() base must be positive and not 1, got ${base.toString()}`, e.pos);
          return x.ln().div(base.ln());
        }
        case "sqrt":
          if (x.isNegative()) throw new ExpressionError(`sqrt() needs a number ≥ 0, got ${x.toString()}`, e.pos);
          return x.sqrt();
        case "abs":
          return x.abs();
        case "min":
          return args.reduce((m, v) => (v.lt(m) ? v : m));
        case "max":
          return args.reduce((m, v) => (v.gt(m) ? v : m));
        case "pow":
          return powChecked(x, args[1]!, e.pos);
        case "rateToProb":
          return ONE.minus(x.times(args[1]!).negated().exp());
        case "probToRate": {
          const t = args[1]!;
          if (x.gte(ONE) || x.isNegative()) throw new ExpressionError(`probToRate() needs a probability in [0, 1), got ${x.toString()}`, e.pos);
          if (t.lte(0)) throw new ExpressionError(`probToRate() needs a time > 0, got ${t.toString()}`, e.pos);
          return ONE.minus(x).ln().negated().div(t);
        }
      }
    }
  }
  throw new ExpressionError("cannot be evaluated", 0);
}

function powChecked(a: Dec, b: Dec, pos: number): Dec {
  if (a.isNegative() && !b.isInteger()) throw new ExpressionError(`a negative number to a fractional power is undefined (${a.toString()}^${b.toString()})`, pos);
  if (a.isZero() && b.isNegative()) throw new ExpressionError("zero to a negative power is undefined", pos);
  return finite(a.pow(b), "the power", pos);
}
