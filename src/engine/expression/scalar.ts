/**
 * One evaluation of a code on Float64, outside any model run: used at compile time to refuse a constant that
 * can never be valid (an overflow such as `exp(1e12)`) and to turn a within-cycle weight expression into data.
 *
 * @module
 */
import { float64Calculator } from "../backends/float64.js";
import { OP, type Code } from "./code.js";

/** The value, or the message of the first check the code fails. */
export function evaluateScalar(code: Code, env: { readonly params?: readonly number[]; readonly cycle?: number; readonly time?: number; readonly age?: number } = {}): { readonly value: number } | { readonly problem: string } {
  const calc = float64Calculator(1);
  const regs = Array.from({ length: code.registers }, () => calc.register());
  const bad = new Uint8Array(1);
  for (let i = 0; i < code.ops.length; i += 4) {
    const op = code.ops[i]!;
    const out = regs[code.ops[i + 1]!]!;
    const a = code.ops[i + 2]!;
    const b = code.ops[i + 3]!;
    switch (op) {
      case OP.const:
        calc.setText(out, code.consts[a]!);
        break;
      case OP.param:
        out[0] = env.params?.[a] ?? NaN;
        break;
      case OP.cycle:
        out[0] = env.cycle ?? NaN;
        break;
      case OP.time:
        out[0] = env.time ?? NaN;
        break;
      case OP.age:
        out[0] = env.age ?? NaN;
        break;
      case OP.neg:
        calc.neg(out, regs[a]!);
        break;
      case OP.add:
        calc.add(out, regs[a]!, regs[b]!);
        break;
      case OP.sub:
        calc.sub(out, regs[a]!, regs[b]!);
        break;
      case OP.mul:
        calc.mul(out, regs[a]!, regs[b]!);
        break;
      case OP.div:
        calc.div(out, regs[a]!, regs[b]!);
        break;
      case OP.pow:
        calc.pow(out, regs[a]!, regs[b]!);
        break;
      case OP.exp:
        calc.exp(out, regs[a]!);
        break;
      case OP.ln:
        calc.ln(out, regs[a]!);
        break;
      case OP.sqrt:
        calc.sqrt(out, regs[a]!);
        break;
      case OP.abs:
        calc.abs(out, regs[a]!);
        break;
      case OP.floor:
        calc.floor(out, regs[a]!);
        break;
      case OP.min:
        calc.min(out, regs[a]!, regs[b]!);
        break;
      case OP.max:
        calc.max(out, regs[a]!, regs[b]!);
        break;
      case OP.table:
        calc.table(out, code.tables[a]!.table, code.tables[a]!.mode, regs[b]!);
        break;
      case OP.check: {
        const c = code.checks[a]!;
        if (calc.test(out, c.rule, c.bound < 0 ? undefined : calc.constant(code.consts[c.bound]!), bad) > 0) return { problem: c.message.replace("{v}", calc.text(out, 0)) };
        break;
      }
    }
  }
  const v = regs[code.result]![0]!;
  return Number.isFinite(v) ? { value: v } : { problem: "is not a finite number" };
}
