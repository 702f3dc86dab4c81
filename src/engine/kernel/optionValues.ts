/**
 * The values of one option in one run: its parameter vector (after its parameter effects), its effects'
 * operands (from the run's parameters before any effect), and every site's value after effects, checked
 * against the site's kind. Generic over the calculator: the same semantics on both backends.
 *
 * @module
 */
import { formatPath, type VbpPath } from "../../errors/issue.js";
import { RULE, type Calculator } from "../backends/calculator.js";
import { OP, type Code } from "../expression/code.js";
import type { CEffect, CItem, COption, Program, Site, Value } from "../program.js";
import type { Conditions } from "./conditions.js";

/** The cycle variables of one cycle: the cycle number and registers for cycle, time and age. */
export interface CycleEnv<V> {
  readonly cycle: number;
  readonly regs: { readonly cycle: V; readonly time: V; readonly age: V };
}

/** Registers shared by every option of one run (reused option after option). */
export class RunRegisters<V> {
  readonly scratch: V[] = [];
  readonly site: (V | undefined)[] = [];
  readonly converted: (V | undefined)[] = [];
  /** Discount factors and weights that are data (the same for every option): by key. */
  readonly fixed = new Map<string, V>();
  /** Per Markov model: its cycle plan (weights × discount factors, cycle variables), built once. */
  readonly plans = new Map<number, unknown>();
  private readonly pool: V[] = [];
  private used = 0;
  constructor(readonly calc: Calculator<V>) {}
  ensureScratch(n: number): void {
    while (this.scratch.length < n) this.scratch.push(this.calc.register());
  }
  siteRegister(id: number): V {
    let r = this.site[id];
    if (r === undefined) this.site[id] = r = this.calc.register();
    return r;
  }
  convertedRegister(id: number): V {
    let r = this.converted[id];
    if (r === undefined) this.converted[id] = r = this.calc.register();
    return r;
  }
  /** A temporary register, valid until the next reset. */
  temp(): V {
    if (this.used === this.pool.length) this.pool.push(this.calc.register());
    return this.pool[this.used++]!;
  }
  /** A temporary register set to the decimal text. */
  tempText(text: string): V {
    const r = this.temp();
    this.calc.setText(r, text);
    return r;
  }
  reset(): void {
    this.used = 0;
  }
}

/** Runs a code into `out`; value-dependent checks become conditions at `path` with the message prefix. */
export function runCode<V>(calc: Calculator<V>, regs: RunRegisters<V>, conds: Conditions, code: Code, params: readonly V[], env: CycleEnv<V> | undefined, out: V, path: VbpPath, prefix: string): void {
  regs.ensureScratch(code.registers);
  const r = regs.scratch;
  const ops = code.ops;
  for (let i = 0; i < ops.length; i += 4) {
    const o = r[ops[i + 1]!]!;
    const a = ops[i + 2]!;
    const b = ops[i + 3]!;
    switch (ops[i]) {
      case OP.const:
        calc.copy(o, calc.constant(code.consts[a]!));
        break;
      case OP.param:
        calc.copy(o, params[a]!);
        break;
      case OP.cycle:
        calc.copy(o, env!.regs.cycle);
        break;
      case OP.time:
        calc.copy(o, env!.regs.time);
        break;
      case OP.age:
        calc.copy(o, env!.regs.age);
        break;
      case OP.neg:
        calc.neg(o, r[a]!);
        break;
      case OP.add:
        calc.add(o, r[a]!, r[b]!);
        break;
      case OP.sub:
        calc.sub(o, r[a]!, r[b]!);
        break;
      case OP.mul:
        calc.mul(o, r[a]!, r[b]!);
        break;
      case OP.div:
        calc.div(o, r[a]!, r[b]!);
        break;
      case OP.pow:
        calc.pow(o, r[a]!, r[b]!);
        break;
      case OP.exp:
        calc.exp(o, r[a]!);
        break;
      case OP.ln:
        calc.ln(o, r[a]!);
        break;
      case OP.sqrt:
        calc.sqrt(o, r[a]!);
        break;
      case OP.abs:
        calc.abs(o, r[a]!);
        break;
      case OP.min:
        calc.min(o, r[a]!, r[b]!);
        break;
      case OP.max:
        calc.max(o, r[a]!, r[b]!);
        break;
      case OP.floor:
        calc.floor(o, r[a]!);
        break;
      case OP.table: {
        const t = code.tables[a]!;
        calc.table(o, t.table, t.mode, r[b]!);
        break;
      }
      case OP.check: {
        const c = code.checks[a]!;
        // A failed check leaves a safe value (1: also a safe divisor, logarithm argument and base).
        conds.test(calc, o, c.rule, c.bound < 0 ? undefined : calc.constant(code.consts[c.bound]!), "not_computable", path, (v) => `${prefix}${c.message.replace("{v}", v)}`, c.rule === RULE.logBase ? "2" : "1");
        break;
      }
    }
  }
  calc.copy(out, r[code.result]!);
}

/** Evaluates a value (code or by-cycle steps) into `out`. */
export function runValue<V>(calc: Calculator<V>, regs: RunRegisters<V>, conds: Conditions, value: Value, params: readonly V[], env: CycleEnv<V> | undefined, out: V, path: VbpPath, prefix: string): void {
  if (value.k === "code") return runCode(calc, regs, conds, value.code, params, env, out, path, prefix);
  const cycle = env?.cycle ?? 1;
  let chosen = value.steps[0]!.value;
  for (const s of value.steps) if (s.from <= cycle) chosen = s.value;
  runValue(calc, regs, conds, chosen, params, env, out, path, prefix);
}

/** Evaluates the parameter vector: drawn or overridden parameters keep their lanes, the others are computed in order. */
export function computeParameters<V>(calc: Calculator<V>, regs: RunRegisters<V>, conds: Conditions, program: Program, fixed: ReadonlySet<number>, out: V[], option?: { readonly o: COption; readonly operand: (e: CEffect) => V; readonly base: readonly V[] }): void {
  for (const p of program.parameters) {
    const target = out[p.index]!;
    if (fixed.has(p.index)) {
      if (option !== undefined) calc.copy(target, option.base[p.index]!);
    } else {
      const prefix = option === undefined ? "cannot be evaluated: " : `cannot be evaluated for option "${option.o.id}" (after its effects): `;
      runValue(calc, regs, conds, p.value, out, undefined, target, [...p.path, "value"], prefix);
    }
    const ops = option?.o.paramOps.get(p.index);
    if (ops !== undefined) {
      for (const e of ops) {
        const x = option!.operand(e);
        if (e.op === "set") calc.copy(target, x);
        else if (e.op === "multiply") calc.mul(target, target, x);
        else calc.add(target, target, x);
      }
      conds.test(calc, target, RULE.finite, undefined, "not_computable", [...ops[ops.length - 1]!.path, "value"], (v) => `makes parameter "${p.id}" ${v}, which is not a finite number`);
    }
  }
}

const RULE_TEXT: Readonly<Record<string, string>> = { probability: "a probability in [0, 1]", rate: "≥ 0", nonNegative: "≥ 0", time: "≥ 0" };

/** Site values of one option, after its effects. */
export class OptionValues<V> {
  private readonly cache = new Map<number, V>();
  private readonly operands = new Map<CEffect, V>();
  readonly touchesParams: boolean;
  constructor(
    readonly calc: Calculator<V>,
    readonly regs: RunRegisters<V>,
    readonly conds: Conditions,
    readonly program: Program,
    readonly o: COption,
    /** The option's parameter vector (after its parameter effects). */
    readonly params: readonly V[],
    /** The run's parameter vector before any effect (effects' operands read it). */
    readonly baseParams: readonly V[],
    private readonly operandRegs: Map<CEffect, V>,
  ) {
    this.touchesParams = o.paramOps.size > 0;
  }

  /** An effect's operand, from the run's parameters before any effect. */
  operand(e: CEffect): V {
    let v = this.operands.get(e);
    if (v !== undefined) return v;
    v = this.operandRegs.get(e);
    if (v === undefined) this.operandRegs.set(e, (v = this.calc.register()));
    runValue(this.calc, this.regs, this.conds, e.value, this.baseParams, undefined, v, [...e.path, "value"], "cannot be evaluated: ");
    if (e.op === "hazardRatio") this.conds.test(this.calc, v, RULE.nonNegative, undefined, "too_small", [...e.path, "value"], (x) => `a hazard ratio must be ≥ 0, got ${x}`, "1");
    this.operands.set(e, v);
    return v;
  }

  /** True when the site's value (after effects) changes with the cycle. */
  varies(site: Site): boolean {
    if (site.timeDependent) return true;
    const ops = this.o.siteOps.get(site.id);
    return ops !== undefined && ops.some((e) => e.from > 1 || e.to < Number.MAX_SAFE_INTEGER);
  }

  /** The item this option uses in place of `it` (replaceItem), or `it`. */
  item(it: CItem): CItem {
    return this.o.replacements.get(it.replaceSite)?.item ?? it;
  }

  /** A site's value for this option (after effects), at a cycle for Markov sites; checked against its kind. */
  value(site: Site, env?: CycleEnv<V>): V {
    const varies = env !== undefined && this.varies(site);
    if (!varies) {
      const hit = this.cache.get(site.id);
      if (hit !== undefined) return hit;
    }
    const calc = this.calc;
    const v = this.regs.siteRegister(site.id);
    const when = env !== undefined && varies ? ` in cycle ${env.cycle}` : "";
    runValue(calc, this.regs, this.conds, site.value, this.params, env, v, site.path, `cannot be evaluated${when}${this.touchesParams ? ` for option "${this.o.id}"` : ""}: `);
    const ops = this.o.siteOps.get(site.id);
    let last: CEffect | undefined;
    if (ops !== undefined) {
      const cycle = env?.cycle ?? 1;
      for (const e of ops) {
        if (cycle < e.from || cycle > e.to) continue;
        const x = this.operand(e);
        last = e;
        switch (e.op) {
          case "set":
            calc.copy(v, x);
            break;
          case "multiply":
            calc.mul(v, v, x);
            break;
          case "add":
            calc.add(v, v, x);
            break;
          case "hazardRatio": {
            // Rates scale by the hazard ratio; a probability p becomes 1 − (1 − p)^HR (proportional hazards
            // over the period: p = 1 − e^(−rL), r' = HR·r).
            if (site.kind === "rate") calc.mul(v, v, x);
            else {
              const one = calc.constant("1");
              this.conds.test(calc, v, RULE.probability, undefined, "invalid_value", site.path, (s) => `must be a probability in [0, 1] before the hazard ratio of ${formatPath(e.path)}, got ${s}${when}`);
              calc.sub(v, one, v);
              calc.pow(v, v, x);
              calc.sub(v, one, v);
            }
            break;
          }
        }
      }
    }
    this.check(site, v, last, when);
    if (!varies) this.cache.set(site.id, v);
    return v;
  }

  private check(site: Site, v: V, last: CEffect | undefined, when: string): void {
    const calc = this.calc;
    const kind = site.kind;
    const forOption = this.touchesParams ? ` (for option "${this.o.id}", after its parameter effects)` : "";
    if (kind === "utility") {
      this.conds.test(calc, v, RULE.finite, undefined, "not_computable", site.path, (x) => `is not a finite number, got ${x}${when}`);
      if (!this.program.allowUtilityAboveOne) {
        if (last !== undefined) this.conds.test(calc, v, RULE.atMost, calc.constant("1"), "too_big", [...last.path, "value"], (x) => `makes the ${site.describe} ${x}${when}, above 1 (full health); set allowUtilityAboveOne: true on the model if that is intended (${formatPath(site.path)})`, "1");
        else this.conds.test(calc, v, RULE.atMost, calc.constant("1"), "too_big", site.path, (x) => `must be ≤ 1 (full health), got ${x}${when}${forOption}; set allowUtilityAboveOne: true on the model if a utility above 1 is intended`, "1");
      }
      return;
    }
    const rule = kind === "probability" ? RULE.probability : kind === "any" ? RULE.finite : RULE.nonNegative;
    if (kind === "any") {
      this.conds.test(calc, v, rule, undefined, "not_computable", last !== undefined ? [...last.path, "value"] : site.path, (x) => `${last !== undefined ? `makes the ${site.describe}` : "is"} not a finite number, got ${x}${when}`);
      return;
    }
    const text = RULE_TEXT[kind]!;
    if (last !== undefined) this.conds.test(calc, v, rule, undefined, "invalid_value", [...last.path, "value"], (x) => `makes the ${site.describe} ${x}${when}, which must be ${text} (${formatPath(site.path)})`);
    else this.conds.test(calc, v, rule, undefined, kind === "probability" ? "invalid_value" : "too_small", site.path, (x) => `must be ${text}, got ${x}${when}${forOption}`);
  }
}
