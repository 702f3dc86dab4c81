/**
 * A compiled expression run on plain Float64 numbers for one draw: the same op codes the calculators run,
 * one `switch` per instruction and no register objects, so re-evaluating a compiled model pays a few
 * nanoseconds per operation. The arithmetic is the Float64 backend's, operation for operation (a lane of
 * `float64Calculator(1)` holds the same double), so the values are bit-identical to it. A value-dependent
 * check that fails does not throw: it clears `ok`, and the caller falls back to the kernel, which reports
 * the condition with its path and message.
 *
 * @module
 */
import type { Calculator } from "../backends/calculator.js";
import { passes } from "../backends/float64.js";
import { OP, type Code } from "../expression/code.js";
import type { Value } from "../program.js";

/** What a code reads besides the parameters: the cycle variables (one draw), and scratch for table look-ups. */
export interface ScalarContext {
  /** False once a check failed (the run's values are then not to be used). */
  ok: boolean;
  cycle: number;
  time: number;
  age: number;
  /** Scratch registers of the codes (grown on demand). */
  regs: Float64Array;
  /** A one-lane Float64 calculator: table look-ups and discount factors are the backend's own. */
  readonly calc: Calculator<Float64Array>;
  readonly key: Float64Array;
  readonly out: Float64Array;
  /** Constants of each code as numbers (parsed once per compiled model). */
  readonly constants: WeakMap<Code, Float64Array>;
}

/** A fresh context over a one-lane Float64 calculator. */
export function scalarContext(calc: Calculator<Float64Array>): ScalarContext {
  return { ok: true, cycle: 1, time: 0, age: 0, regs: new Float64Array(16), calc, key: new Float64Array(1), out: new Float64Array(1), constants: new WeakMap() };
}

/** True when the code reads cycle, time or age. */
export function readsCycle(code: Code): boolean {
  const ops = code.ops;
  for (let i = 0; i < ops.length; i += 4) {
    const op = ops[i]!;
    if (op === OP.cycle || op === OP.time || op === OP.age) return true;
  }
  return false;
}

/** The code of a value at a cycle (by-cycle steps choose theirs), as the kernel chooses it. */
export function codeAtCycle(value: Value, cycle: number): Code {
  let v = value;
  while (v.k === "byCycle") {
    let chosen = v.steps[0]!.value;
    for (const s of v.steps) if (s.from <= cycle) chosen = s.value;
    v = chosen;
  }
  return v.code;
}

function constantsOf(ctx: ScalarContext, code: Code): Float64Array {
  let c = ctx.constants.get(code);
  if (c === undefined) {
    c = Float64Array.from(code.consts, Number);
    ctx.constants.set(code, c);
  }
  return c;
}

/** Runs a code on one draw's parameter values; the result (check `ctx.ok` afterwards). */
export function runScalarCode(ctx: ScalarContext, code: Code, params: Float64Array): number {
  const ops = code.ops;
  // A literal (one constant, no check): its number, without the code's table of constants.
  if (ops.length === 4 && ops[0] === OP.const) return Number(code.consts[ops[2]!]);
  if (ctx.regs.length < code.registers) ctx.regs = new Float64Array(code.registers * 2);
  const r = ctx.regs;
  const c = constantsOf(ctx, code);
  for (let i = 0; i < ops.length; i += 4) {
    const op = ops[i]!;
    const k = ops[i + 1]!;
    const a = ops[i + 2]!;
    const b = ops[i + 3]!;
    switch (op) {
      case OP.const:
        r[k] = c[a]!;
        break;
      case OP.param:
        r[k] = params[a]!;
        break;
      case OP.cycle:
        r[k] = ctx.cycle;
        break;
      case OP.time:
        r[k] = ctx.time;
        break;
      case OP.age:
        r[k] = ctx.age;
        break;
      case OP.neg:
        r[k] = -r[a]!;
        break;
      case OP.add:
        r[k] = r[a]! + r[b]!;
        break;
      case OP.sub:
        r[k] = r[a]! - r[b]!;
        break;
      case OP.mul:
        r[k] = r[a]! * r[b]!;
        break;
      case OP.div:
        r[k] = r[a]! / r[b]!;
        break;
      case OP.pow:
        r[k] = Math.pow(r[a]!, r[b]!);
        break;
      case OP.exp:
        r[k] = Math.exp(r[a]!);
        break;
      case OP.ln:
        r[k] = Math.log(r[a]!);
        break;
      case OP.sqrt:
        r[k] = Math.sqrt(r[a]!);
        break;
      case OP.abs:
        r[k] = Math.abs(r[a]!);
        break;
      case OP.min: {
        const x = r[a]!;
        const y = r[b]!;
        r[k] = x < y ? x : y;
        break;
      }
      case OP.max: {
        const x = r[a]!;
        const y = r[b]!;
        r[k] = x > y ? x : y;
        break;
      }
      case OP.floor:
        r[k] = Math.floor(r[a]!);
        break;
      case OP.table: {
        const t = code.tables[a]!;
        ctx.key[0] = r[b]!;
        ctx.calc.table(ctx.out, t.table, t.mode, ctx.key);
        r[k] = ctx.out[0]!;
        break;
      }
      case OP.check: {
        const chk = code.checks[a]!;
        if (!passes(r[k]!, chk.rule, chk.bound < 0 ? 0 : c[chk.bound]!)) ctx.ok = false;
        break;
      }
      default:
        ctx.ok = false;
    }
  }
  return r[code.result]!;
}
