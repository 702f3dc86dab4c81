/**
 * The expression language of model values, parsed into a syntax tree that holds no numbers (constants stay
 * as their exact decimal text, so either backend can read them). Never `eval`.
 *
 *   expr   := term (("+" | "-" | "−") term)*
 *   term   := unary (("*" | "×" | "/" | "÷") unary)*
 *   unary  := ("-" | "−" | "+") unary | power
 *   power  := atom ("^" unary)?            (right-associative; -2^2 = -(2^2))
 *   atom   := number | name | name "(" args ")" | "(" expr ")"
 *   args   := (expr | "\"" id "\"") ("," ...)*      (a quoted id names a table: lifeTable("uk", age))
 *
 * @module
 */

/** A parsed expression. Numbers are kept as their decimal text. */
export type Expr =
  | { readonly k: "num"; readonly text: string }
  | { readonly k: "str"; readonly text: string; readonly pos: number }
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

/** Functions and their arities; `table` marks functions whose first argument is a quoted table id. */
export const FUNCTIONS: Readonly<Record<string, { readonly min: number; readonly max: number; readonly table?: boolean }>> = {
  exp: { min: 1, max: 1 },
  ln: { min: 1, max: 1 },
  log: { min: 1, max: 2 },
  sqrt: { min: 1, max: 1 },
  abs: { min: 1, max: 1 },
  floor: { min: 1, max: 1 },
  min: { min: 1, max: 32 },
  max: { min: 1, max: 32 },
  pow: { min: 2, max: 2 },
  rateToProb: { min: 2, max: 2 },
  probToRate: { min: 2, max: 2 },
  hazardRatio: { min: 2, max: 2 },
  lifeTable: { min: 2, max: 2, table: true },
  lifeTableRate: { min: 2, max: 2, table: true },
  lookup: { min: 2, max: 2, table: true },
};

const MAX_LENGTH = 2000;
const MAX_DEPTH = 64;

type Token =
  | { readonly t: "num"; readonly v: string; readonly pos: number }
  | { readonly t: "name"; readonly v: string; readonly pos: number }
  | { readonly t: "str"; readonly v: string; readonly pos: number }
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
    if (c === '"' || c === "'") {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new ExpressionError(`unterminated quoted id starting at position ${i + 1}`, i);
      out.push({ t: "str", v: src.slice(i + 1, end), pos: i });
      i = end + 1;
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
  const tooDeep = (depth: number): void => {
    if (depth > MAX_DEPTH) throw new ExpressionError(`is nested more than ${MAX_DEPTH} levels deep`, peek().pos);
  };

  const expr = (depth: number): Expr => {
    tooDeep(depth);
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
    tooDeep(depth);
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
      return { k: "num", text: t.v };
    }
    if (t.t === "name") {
      p++;
      if (isOp("(")) {
        p++;
        const spec = FUNCTIONS[t.v];
        if (spec === undefined) throw new ExpressionError(`unknown function "${t.v}" (known: ${Object.keys(FUNCTIONS).join(", ")})`, t.pos);
        const args: Expr[] = [];
        const arg = (): Expr => {
          const a = peek();
          if (a.t === "str") {
            p++;
            if (spec.table !== true || args.length > 0) throw new ExpressionError(`a quoted id is only allowed as the first argument of lifeTable(), lifeTableRate() or lookup(), at position ${a.pos + 1}`, a.pos);
            return { k: "str", text: a.v, pos: a.pos };
          }
          return expr(depth + 1);
        };
        if (!isOp(")")) {
          args.push(arg());
          while (isOp(",")) {
            p++;
            args.push(arg());
          }
        }
        expect(")");
        if (args.length < spec.min || args.length > spec.max) {
          const want = spec.min === spec.max ? `${spec.min}` : `${spec.min} to ${spec.max}`;
          throw new ExpressionError(`${t.v}() takes ${want} argument${want === "1" ? "" : "s"}, got ${args.length}`, t.pos);
        }
        if (spec.table === true && args[0]!.k !== "str") throw new ExpressionError(`${t.v}() takes a quoted table id first, e.g. ${t.v}("uk-2020", age)`, t.pos);
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
  if (last.t !== "end") throw new ExpressionError(`unexpected "${last.v}" at position ${last.pos + 1}`, last.pos);
  return root;
}

/** The variable names an expression uses. */
export function expressionNames(e: Expr, out: Set<string> = new Set()): Set<string> {
  switch (e.k) {
    case "num":
    case "str":
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

/** The table ids an expression reads (`lifeTable("id", …)`, `lookup("id", …)`), with the function used. */
export function expressionTables(e: Expr, out: { fn: string; id: string; pos: number }[] = []): { fn: string; id: string; pos: number }[] {
  switch (e.k) {
    case "neg":
      expressionTables(e.a, out);
      break;
    case "bin":
      expressionTables(e.a, out);
      expressionTables(e.b, out);
      break;
    case "call":
      if (e.args[0]?.k === "str") out.push({ fn: e.fn, id: e.args[0].text, pos: e.pos });
      for (const a of e.args) expressionTables(a, out);
      break;
    default:
      break;
  }
  return out;
}
