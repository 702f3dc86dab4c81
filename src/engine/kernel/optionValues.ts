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
import type { CohortDrawSteps } from "./cohortDraws.js";
import type { Conditions } from "./conditions.js";
import type { CycleShare } from "./cycleShare.js";

/** The cycle variables of one cycle: the cycle number and registers for cycle, time and age. */
export interface CycleEnv<V> {
  readonly cycle: number;
  readonly regs: { readonly cycle: V; readonly time: V; readonly age: V };
}

/** Registers shared by every option of one run (reused option after option). */
export class RunRegisters<V> {
  /** Wide and narrow scratch registers of codes, and which one each code register uses in the current run. */
  readonly scratch: V[] = [];
  readonly scratchNarrow: V[] = [];
  readonly current: V[] = [];
  readonly site: (V | undefined)[] = [];
  readonly siteNarrow: (V | undefined)[] = [];
  readonly converted: (V | undefined)[] = [];
  readonly convertedNarrow: (V | undefined)[] = [];
  /** The run's parameter vectors (before effects, and an option's after its parameter effects), reused. */
  baseParams: unknown;
  optionParams: unknown;
  /** Site values shared by the options that change neither the site nor any parameter (valid for one run). */
  readonly shared: (V | undefined)[] = [];
  private readonly sharedWide: (V | undefined)[] = [];
  private readonly sharedNarrow: (V | undefined)[] = [];
  /** Discount factors and weights that are data (the same for every option): by key. */
  readonly fixed = new Map<string, V>();
  /** Per Markov model: its cycle plan (weights × discount factors, cycle variables), built once. */
  readonly plans = new Map<number, unknown>();
  /**
   * Per-cycle values shared by the options of a run over draws (whose options report into one conditions
   * record); undefined for a single evaluation, where each option reports its own problems.
   */
  cycleShare: CycleShare<V> | undefined = undefined;
  /** The cohort run of a run over draws (undefined for a single evaluation). */
  cohortDrawSteps: CohortDrawSteps | undefined = undefined;
  private readonly pool: V[] = [];
  private used = 0;
  constructor(readonly calc: Calculator<V>) {}
  ensureScratch(n: number): void {
    while (this.scratch.length < n) {
      this.scratch.push(this.calc.register());
      this.scratchNarrow.push(this.calc.narrow());
      this.current.push(this.scratch[this.scratch.length - 1]!);
    }
  }
  siteRegister(id: number, narrow = false): V {
    const list = narrow ? this.siteNarrow : this.site;
    let r = list[id];
    if (r === undefined) list[id] = r = narrow ? this.calc.narrow() : this.calc.register();
    return r;
  }
  sharedRegister(id: number, narrow: boolean): V {
    const list = narrow ? this.sharedNarrow : this.sharedWide;
    let r = list[id];
    if (r === undefined) list[id] = r = narrow ? this.calc.narrow() : this.calc.register();
    return r;
  }
  /** A register for a converted transition value, as wide as its input. */
  convertedRegister(id: number, like?: V): V {
    const narrow = like !== undefined && this.calc.isNarrow(like);
    const list = narrow ? this.convertedNarrow : this.converted;
    let r = list[id];
    if (r === undefined) list[id] = r = narrow ? this.calc.narrow() : this.calc.register();
    return r;
  }
  /** Forgets the shared site values (a new run: new parameters). */
  newRun(): void {
    this.shared.length = 0;
    this.cycleShare?.newRun();
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

/** A path, or a function building it (called only when a check fails). */
export type PathArg = VbpPath | (() => VbpPath);

/** A lazily built message prefix (built only when a check fails). */
export type Prefix = string | (() => string);

const prefixText = (p: Prefix): string => (typeof p === "string" ? p : p());

/**
 * Runs a code into its scratch registers; returns the register holding the result. A code register is
 * narrow (one value for every lane) when every input of the instruction writing it is narrow, so parts of an
 * expression that do not vary by draw (constants, cycle, age, discount data) are computed once, not per lane.
 * Value-dependent checks become conditions at `path` with the message prefix.
 */
export function runCodeTo<V>(calc: Calculator<V>, regs: RunRegisters<V>, conds: Conditions, code: Code, params: readonly V[], env: CycleEnv<V> | undefined, path: PathArg, prefix: Prefix): V {
  regs.ensureScratch(code.registers);
  const wide = regs.scratch;
  const nar = regs.scratchNarrow;
  const r = regs.current;
  const ops = code.ops;
  for (let i = 0; i < ops.length; i += 4) {
    const k = ops[i + 1]!;
    const a = ops[i + 2]!;
    const b = ops[i + 3]!;
    const op = ops[i]!;
    switch (op) {
      case OP.const:
        r[k] = calc.constant(code.consts[a]!);
        break;
      case OP.param:
        r[k] = params[a]!;
        break;
      case OP.cycle:
        r[k] = env!.regs.cycle;
        break;
      case OP.time:
        r[k] = env!.regs.time;
        break;
      case OP.age:
        r[k] = env!.regs.age;
        break;
      case OP.check: {
        const c = code.checks[a]!;
        // A failed check leaves a safe value (1: also a safe divisor, logarithm argument and base). A value
        // that is an input (constant, parameter, cycle variable) is copied first: a check never writes it.
        let x = r[k]!;
        if (x !== wide[k] && x !== nar[k]) {
          const own = calc.isNarrow(x) ? nar[k]! : wide[k]!;
          calc.copy(own, x);
          r[k] = x = own;
        }
        conds.test(calc, x, c.rule, c.bound < 0 ? undefined : calc.constant(code.consts[c.bound]!), "not_computable", path, (v) => `${prefixText(prefix)}${c.message.replace("{v}", v)}`, c.rule === RULE.logBase ? "2" : "1");
        break;
      }
      case OP.table: {
        const t = code.tables[a]!;
        const key = r[b]!;
        const o = calc.isNarrow(key) ? nar[k]! : wide[k]!;
        calc.table(o, t.table, t.mode, key);
        r[k] = o;
        break;
      }
      default: {
        const x = r[a]!;
        const unary = op === OP.neg || op === OP.exp || op === OP.ln || op === OP.sqrt || op === OP.abs || op === OP.floor;
        const y = unary ? x : r[b]!;
        // Register k is narrow exactly when every input of the instruction is narrow: narrowness follows the
        // code's data flow from its leaves (constants and cycle data narrow; drawn parameters, and anything
        // computed from them, wide), so a value that varies by draw is never written to a narrow register.
        // The output may be an input's buffer only when that input is register k itself (in place, which the
        // calculator allows); every other code register lives in its own buffers or is an input register.
        const o = calc.isNarrow(x) && calc.isNarrow(y) ? nar[k]! : wide[k]!;
        switch (op) {
          case OP.neg:
            calc.neg(o, x);
            break;
          case OP.add:
            calc.add(o, x, y);
            break;
          case OP.sub:
            calc.sub(o, x, y);
            break;
          case OP.mul:
            calc.mul(o, x, y);
            break;
          case OP.div:
            calc.div(o, x, y);
            break;
          case OP.pow:
            calc.pow(o, x, y);
            break;
          case OP.exp:
            calc.exp(o, x);
            break;
          case OP.ln:
            calc.ln(o, x);
            break;
          case OP.sqrt:
            calc.sqrt(o, x);
            break;
          case OP.abs:
            calc.abs(o, x);
            break;
          case OP.min:
            calc.min(o, x, y);
            break;
          case OP.max:
            calc.max(o, x, y);
            break;
          case OP.floor:
            calc.floor(o, x);
            break;
        }
        r[k] = o;
      }
    }
  }
  return r[code.result]!;
}

/** Runs a code into `out`. */
export function runCode<V>(calc: Calculator<V>, regs: RunRegisters<V>, conds: Conditions, code: Code, params: readonly V[], env: CycleEnv<V> | undefined, out: V, path: PathArg, prefix: Prefix): void {
  calc.copy(out, runCodeTo(calc, regs, conds, code, params, env, path, prefix));
}

/** The code of a value at a cycle (by-cycle steps choose theirs). */
function codeAt(value: Value, cycle: number): Code {
  let v = value;
  while (v.k === "byCycle") {
    let chosen = v.steps[0]!.value;
    for (const s of v.steps) if (s.from <= cycle) chosen = s.value;
    v = chosen;
  }
  return v.code;
}

/** Evaluates a value (code or by-cycle steps); returns the scratch register holding it (valid until the next run of a code). */
export function runValueTo<V>(calc: Calculator<V>, regs: RunRegisters<V>, conds: Conditions, value: Value, params: readonly V[], env: CycleEnv<V> | undefined, path: PathArg, prefix: Prefix): V {
  return runCodeTo(calc, regs, conds, value.k === "code" ? value.code : codeAt(value, env?.cycle ?? 1), params, env, path, prefix);
}

/** Evaluates a value (code or by-cycle steps) into `out`. */
export function runValue<V>(calc: Calculator<V>, regs: RunRegisters<V>, conds: Conditions, value: Value, params: readonly V[], env: CycleEnv<V> | undefined, out: V, path: PathArg, prefix: Prefix): void {
  calc.copy(out, runValueTo(calc, regs, conds, value, params, env, path, prefix));
}

/**
 * A parameter vector: each parameter in a wide register (one lane per draw) or, when its value does not
 * vary by draw, a narrow one; `at[i]` is the register parameter i holds now.
 */
export class ParamVector<V> {
  readonly at: V[];
  private readonly wide: V[];
  private readonly narrowRegs: V[];
  constructor(calc: Calculator<V>, size: number) {
    this.wide = Array.from({ length: size }, () => calc.register());
    this.narrowRegs = Array.from({ length: size }, () => calc.narrow());
    this.at = this.wide.slice();
  }
  /** The wide register of parameter i (set as drawn lanes). */
  wideOf(i: number): V {
    return (this.at[i] = this.wide[i]!);
  }
  /** Parameter i's register for a value as wide as `like` (the register is now parameter i's). */
  target(calc: Calculator<V>, i: number, narrow: boolean): V {
    void calc;
    return (this.at[i] = narrow ? this.narrowRegs[i]! : this.wide[i]!);
  }
}

/** Evaluates the parameter vector: drawn or overridden parameters keep their lanes, the others are computed in order. */
export function computeParameters<V>(calc: Calculator<V>, regs: RunRegisters<V>, conds: Conditions, program: Program, fixed: ReadonlySet<number>, out: ParamVector<V>, option?: { readonly o: COption; readonly operand: (e: CEffect) => V; readonly base: ParamVector<V> }): void {
  const params = out.at;
  for (const p of program.parameters) {
    const i = p.index;
    let target: V;
    if (fixed.has(i)) {
      if (option !== undefined) {
        const src = option.base.at[i]!;
        target = out.target(calc, i, calc.isNarrow(src));
        calc.copy(target, src);
      } else target = params[i]!;
    } else {
      const prefix: Prefix = option === undefined ? "cannot be evaluated: " : () => `cannot be evaluated for option "${option.o.id}" (after its effects): `;
      const r = runValueTo(calc, regs, conds, p.value, params, undefined, () => [...p.path, "value"], prefix);
      target = out.target(calc, i, calc.isNarrow(r));
      calc.copy(target, r);
    }
    const ops = option?.o.paramOps.get(i);
    if (ops !== undefined) {
      for (const e of ops) {
        const x = option!.operand(e);
        if (e.op === "set") {
          target = out.target(calc, i, calc.isNarrow(x));
          calc.copy(target, x);
        } else {
          if (calc.isNarrow(target) && !calc.isNarrow(x)) {
            const w = out.target(calc, i, false);
            calc.copy(w, target);
            target = w;
          }
          if (e.op === "multiply") calc.mul(target, target, x);
          else calc.add(target, target, x);
        }
      }
      conds.test(calc, target, RULE.finite, undefined, "not_computable", () => [...ops[ops.length - 1]!.path, "value"], (v) => `makes parameter "${p.id}" ${v}, which is not a finite number`);
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
    private readonly operandRegs: Map<CEffect, [V | undefined, V | undefined]>,
  ) {
    this.touchesParams = o.paramOps.size > 0;
  }

  /** An effect's operand, from the run's parameters before any effect. */
  operand(e: CEffect): V {
    let v = this.operands.get(e);
    if (v !== undefined) return v;
    const r = runValueTo(this.calc, this.regs, this.conds, e.value, this.baseParams, undefined, () => [...e.path, "value"], "cannot be evaluated: ");
    const narrow = this.calc.isNarrow(r);
    let pair = this.operandRegs.get(e);
    if (pair === undefined) this.operandRegs.set(e, (pair = [undefined, undefined]));
    v = pair[narrow ? 1 : 0] ??= narrow ? this.calc.narrow() : this.calc.register();
    this.calc.copy(v, r);
    if (e.op === "hazardRatio") this.conds.test(this.calc, v, RULE.nonNegative, undefined, "too_small", () => [...e.path, "value"], (x) => `a hazard ratio must be ≥ 0, got ${x}`, "1");
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
    const ops = this.o.siteOps.get(site.id);
    // A value the option changes neither directly nor through a parameter is the same for every such option
    // of the run: computed once and shared.
    const shareable = !varies && !this.touchesParams && ops === undefined;
    if (!varies) {
      const hit = shareable ? this.regs.shared[site.id] : this.cache.get(site.id);
      if (hit !== undefined) return hit;
    }
    return this.compute(site, env, varies, ops, shareable);
  }

  private compute(site: Site, env: CycleEnv<V> | undefined, varies: boolean, ops: readonly CEffect[] | undefined, shareable: boolean): V {
    const calc = this.calc;
    const touches = this.touchesParams;
    const when = (): string => (env !== undefined && varies ? ` in cycle ${env.cycle}` : "");
    const r = runValueTo(calc, this.regs, this.conds, site.value, this.params, env, site.path, () => `cannot be evaluated${when()}${touches ? ` for option "${this.o.id}"` : ""}: `);
    let last: CEffect | undefined;
    let v: V;
    if (ops === undefined) {
      const narrow = calc.isNarrow(r);
      v = shareable ? this.regs.sharedRegister(site.id, narrow) : this.regs.siteRegister(site.id, narrow);
      calc.copy(v, r);
    } else {
      const cycle = env?.cycle ?? 1;
      const active = ops.filter((e) => cycle >= e.from && cycle <= e.to);
      const narrow = calc.isNarrow(r) && active.every((e) => calc.isNarrow(this.operand(e)));
      v = this.regs.siteRegister(site.id, narrow);
      calc.copy(v, r);
      for (const e of active) {
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
              this.conds.test(calc, v, RULE.probability, undefined, "invalid_value", site.path, (s) => `must be a probability in [0, 1] before the hazard ratio of ${formatPath(e.path)}, got ${s}${when()}`);
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
    if (!varies) {
      if (shareable) this.regs.shared[site.id] = v;
      else this.cache.set(site.id, v);
    }
    return v;
  }

  /** Checks a site's value against its kind (`last`: the effect that set it last, if any). */
  check(site: Site, v: V, last: CEffect | undefined, whenText: () => string): void {
    const calc = this.calc;
    const kind = site.kind;
    const touches = this.touchesParams;
    const forOption = (): string => (touches ? ` (for option "${this.o.id}", after its parameter effects)` : "");
    if (kind === "utility") {
      this.conds.test(calc, v, RULE.finite, undefined, "not_computable", site.path, (x) => `is not a finite number, got ${x}${whenText()}`);
      if (!this.program.allowUtilityAboveOne) {
        if (last !== undefined) this.conds.test(calc, v, RULE.atMost, calc.constant("1"), "too_big", () => [...last.path, "value"], (x) => `makes the ${site.describe} ${x}${whenText()}, above 1 (full health); set allowUtilityAboveOne: true on the model if that is intended (${formatPath(site.path)})`, "1");
        else this.conds.test(calc, v, RULE.atMost, calc.constant("1"), "too_big", site.path, (x) => `must be ≤ 1 (full health), got ${x}${whenText()}${forOption()}; set allowUtilityAboveOne: true on the model if a utility above 1 is intended`, "1");
      }
      return;
    }
    const rule = kind === "probability" ? RULE.probability : kind === "any" ? RULE.finite : RULE.nonNegative;
    if (kind === "any") {
      this.conds.test(calc, v, rule, undefined, "not_computable", last !== undefined ? () => [...last.path, "value"] : site.path, (x) => `${last !== undefined ? `makes the ${site.describe}` : "is"} not a finite number, got ${x}${whenText()}`);
      return;
    }
    const text = RULE_TEXT[kind]!;
    if (last !== undefined) this.conds.test(calc, v, rule, undefined, "invalid_value", () => [...last.path, "value"], (x) => `makes the ${site.describe} ${x}${whenText()}, which must be ${text} (${formatPath(site.path)})`);
    else this.conds.test(calc, v, rule, undefined, kind === "probability" ? "invalid_value" : "too_small", site.path, (x) => `must be ${text}, got ${x}${whenText()}${forOption()}`);
  }
}
