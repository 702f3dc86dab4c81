/**
 * One run of a compiled program on a calculator: the parameter vector (base case, overrides or draws), then
 * every option (tree, Markov models, extra costs) into a sink per option.
 *
 * @module
 */
import type { MarkovTrace } from "../../pathway/types.js";
import { RULE, type Calculator } from "../backends/calculator.js";
import type { CEffect, Program } from "../program.js";
import { runCohort, type EntryGroup } from "./cohort.js";
import { Conditions } from "./conditions.js";
import { computeParameters, OptionValues, ParamVector, RunRegisters } from "./optionValues.js";
import { rowMeta, type Sink } from "./sink.js";
import { runTree, type Entry } from "./tree.js";
import type { TreeSharedValues } from "./treeSharedValues.js";

/** How the parameter vector is set before a run. */
export interface ParameterInput<V> {
  /** Parameter indices whose lanes are set by `set` (the others are computed from their values). */
  readonly fixed: ReadonlySet<number>;
  /** Writes the lanes of a fixed parameter. */
  readonly set: (index: number, out: V) => void;
}

/** What one option's run produced. */
export interface OptionRunResult<S> {
  readonly sink: S;
  readonly traces: MarkovTrace[];
  readonly conditions: Conditions;
}

/**
 * Runs every option. `conditionsFor` gives the conditions record of each option (one shared record for
 * draws; one per option for a single evaluation, so each option reports its own first problem).
 */
export function runProgram<V, S extends Sink<V>>(
  calc: Calculator<V>,
  program: Program,
  input: ParameterInput<V>,
  makeSink: (optionIndex: number) => S,
  conditionsFor: (optionIndex: number) => Conditions,
  options: {
    readonly traces: boolean;
    readonly registers?: RunRegisters<V>;
    /**
     * Tree values shared by the options (a run over draws, whose options report into one conditions record);
     * a single evaluation shares none (each option has its own record).
     */
    readonly treeShared?: (baseConds: Conditions) => TreeSharedValues<V>;
  },
): OptionRunResult<S>[] {
  // Registers may be reused from run to run on the same calculator (runs are sequential).
  const regs = options.registers ?? new RunRegisters(calc);
  const P = program.parameters.length;
  regs.newRun();
  const base = (regs.baseParams ??= new ParamVector(calc, P)) as ParamVector<V>;
  const baseConds = conditionsFor(-1);
  for (const i of input.fixed) input.set(i, base.wideOf(i));
  computeParameters(calc, regs, baseConds, program, input.fixed, base);
  const operandRegs = new Map<CEffect, [V | undefined, V | undefined]>();
  const treeShared = program.tree !== undefined ? options.treeShared?.(baseConds) : undefined;
  const out: OptionRunResult<S>[] = [];
  for (const o of program.options) {
    regs.reset();
    const conds = conditionsFor(o.index);
    const sink = makeSink(o.index);
    let values: OptionValues<V>;
    if (o.paramOps.size > 0) {
      const optParams = (regs.optionParams ??= new ParamVector(calc, P)) as ParamVector<V>;
      values = new OptionValues(calc, regs, conds, program, o, optParams.at, base.at, operandRegs);
      const v = values;
      computeParameters(calc, regs, conds, program, input.fixed, optParams, { o, operand: (e) => v.operand(e), base });
    } else values = new OptionValues(calc, regs, conds, program, o, base.at, base.at, operandRegs);
    const traces: MarkovTrace[] = [];
    const entries: Entry<V>[] = [];
    if (program.tree !== undefined) entries.push(...runTree(calc, regs, conds, program.tree, values, sink, { cost: program.costSchedule, health: program.healthSchedule }, treeShared));
    else if (program.rootMarkov !== undefined) entries.push({ markov: program.rootMarkov, state: undefined, share: calc.constant("1"), nodeId: undefined });
    for (const m of program.markov) {
      const groups = new Map<string, { state: number | undefined; list: { share: V; nodeId: string | undefined }[] }>();
      for (const e of entries) {
        if (e.markov !== m.index) continue;
        const key = String(e.state ?? "");
        const g = groups.get(key);
        if (g === undefined) groups.set(key, { state: e.state, list: [{ share: e.share, nodeId: e.nodeId }] });
        else g.list.push({ share: e.share, nodeId: e.nodeId });
      }
      if (groups.size === 0) continue;
      const trace = (regs.cohortDrawSteps?.runCohort ?? runCohort)(calc, regs, conds, program, m, [...groups.values()] as EntryGroup<V>[], values, sink, options.traces);
      if (trace !== undefined) traces.push(trace);
    }
    const df = regs.temp();
    for (const x of o.extras) {
      const t = values.value(x.time);
      calc.discount(df, program.costSchedule, t);
      const meta = rowMeta("option");
      meta.itemId = x.id;
      meta.category = x.category;
      sink.line("cost", meta, undefined, values.value(x.amount), calc.constant("1"), df);
      meta.category = undefined;
      if (x.carbon !== undefined) sink.line("carbonKg", meta, undefined, values.value(x.carbon), calc.constant("1"), undefined);
    }
    out.push({ sink, traces, conditions: conds });
  }
  return out;
}

/** Flags draws whose totals are not finite (an overflow in a sum) and sets them to 0. */
export function checkFinite<V>(calc: Calculator<V>, conds: Conditions, v: V, path: readonly (string | number)[], what: string): void {
  conds.test(calc, v, RULE.finite, undefined, "not_computable", path, (x) => `${what} is not a finite number (${x})`);
}
