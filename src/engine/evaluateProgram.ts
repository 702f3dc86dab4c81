/**
 * A compiled program evaluated once (base case or overrides) into the pathway result: Float64 by default
 * (each ledger line the Float64 value written as exact decimal text, each total the exact sum of its lines),
 * or Decimal (`engine: "exact"`). Value-dependent problems are reported with their paths.
 *
 * @module
 */
import { decString, Dec, toLedgerScale } from "../_lib/decimal.js";
import { formatPath, type VbpIssue } from "../errors/issue.js";
import type { OptionResult, OutcomeTotals, PathwayResult, PopulationTotals } from "../pathway/types.js";
import { periodTime } from "../time/discount.js";
import { type Calculator } from "./backends/calculator.js";
import { decimalCalculator, type DecRegister } from "./backends/decimal.js";
import { float64Calculator } from "./backends/float64.js";
import { Conditions } from "./kernel/conditions.js";
import { RunRegisters } from "./kernel/optionValues.js";
import { checkFinite, runProgram } from "./kernel/run.js";
import { LedgerSink, VectorSink } from "./kernel/sink.js";
import type { Program } from "./program.js";

/** Which arithmetic evaluates pathway expectations. */
export type PathwayEngine = "float64" | "exact";

/** Options of one evaluation. */
export interface EvaluateOptions {
  readonly engine?: PathwayEngine;
  readonly ledger?: boolean;
  /** Report the Markov traces (default true). */
  readonly traces?: boolean;
}

/** Calculators and registers kept by a compiled model between evaluations (caches of constants and factors). */
export interface EvaluationCache {
  float64?: { readonly calc: Calculator<Float64Array>; readonly regs: RunRegisters<Float64Array> };
  exact?: { readonly calc: Calculator<DecRegister>; readonly regs: RunRegisters<DecRegister> };
}

const ONE = new Dec(1);

/** The totals for the expected patient volumes (exact Decimal), when the model has volumes. */
export function population(program: Program, t: OutcomeTotals): PopulationTotals | undefined {
  if (program.volumes === undefined) return undefined;
  // Each entry year's cohort is valued at its own start and discounted to the price base from the year it
  // enters: cohort y (1-based) at t = periodTime(y, 1 year, position). Exact Decimal: few, decimal figures.
  const calc = decimalCalculator(1);
  let n = new Dec(0);
  let nc = new Dec(0);
  let nh = new Dec(0);
  const f = calc.register();
  program.volumes.forEach((text, i) => {
    const v = new Dec(text);
    const ty = [periodTime(i + 1, ONE, program.timing.position)];
    n = n.plus(v);
    calc.discount(f, program.costSchedule, ty);
    nc = nc.plus(v.times(f[0]!));
    calc.discount(f, program.healthSchedule, ty);
    nh = nh.plus(v.times(f[0]!));
  });
  const scale = (x: string, k: Dec): string => decString(toLedgerScale(new Dec(x).times(k)));
  const byCategory: Record<string, { discounted: string; undiscounted: string }> = {};
  for (const [k, v] of Object.entries(t.costs.byCategory)) byCategory[k] = { discounted: scale(v.discounted, nc), undiscounted: scale(v.undiscounted, n) };
  const events: Record<string, string> = {};
  for (const [k, v] of Object.entries(t.events)) events[k] = scale(v, n);
  return {
    costs: { discounted: scale(t.costs.discounted, nc), undiscounted: scale(t.costs.undiscounted, n), byCategory },
    qalys: { discounted: scale(t.qalys.discounted, nh), undiscounted: scale(t.qalys.undiscounted, n) },
    lifeYears: { discounted: scale(t.lifeYears.discounted, nh), undiscounted: scale(t.lifeYears.undiscounted, n) },
    events,
    carbonKg: scale(t.carbonKg, n),
    patients: decString(n),
    years: program.volumes.length,
  };
}

function evaluateOn<V>(calc: Calculator<V>, regs: RunRegisters<V>, program: Program, overrides: ReadonlyMap<number, string>, options: { readonly ledger: boolean; readonly traces: boolean }): { readonly result: PathwayResult | undefined; readonly issues: readonly VbpIssue[] } {
  const useLedgerSink = options.ledger || calc.kind === "exact";
  const conds: Conditions[] = [];
  const baseConds = new Conditions(1);
  const runs = runProgram<V, LedgerSink<V> | VectorSink<V>>(
    calc,
    program,
    { fixed: new Set(overrides.keys()), set: (i, out) => calc.setText(out, overrides.get(i)!) },
    (oi) => (useLedgerSink ? new LedgerSink(calc, program.options[oi]!.id, options.ledger) : new VectorSink(calc)),
    (oi) => {
      if (oi < 0) return baseConds;
      // Each option starts valid unless the base case already failed.
      const c = new Conditions(1);
      if (!baseConds.allValid) c.invalidate(0);
      conds[oi] = c;
      return c;
    },
    { traces: options.traces, registers: regs },
  );
  const results: OptionResult[] = [];
  runs.forEach((r, oi) => {
    const o = program.options[oi]!;
    const sink = r.sink;
    if (sink instanceof VectorSink) {
      const t = sink.totals;
      for (const v of [t.costD, t.costU, t.qalyD, t.qalyU, t.lyD, t.lyU, t.carbon, ...[...t.categories.values()].flat(), ...t.events.values()]) checkFinite(calc, r.conditions, v, ["options", oi], `a total of option "${o.id}"`);
    }
    const perPatient = sink.outcome();
    const pop = population(program, perPatient);
    results.push({
      optionId: o.id,
      label: o.label,
      isComparator: o.isComparator,
      perPatient,
      ...(pop !== undefined ? { population: pop } : {}),
      traces: r.traces,
      ledger: sink instanceof LedgerSink ? (sink.rows ?? []) : [],
    });
  });
  const all = [baseConds, ...conds].flatMap((c) => c.list());
  if (all.length > 0) {
    const seen = new Set<string>();
    const issues: VbpIssue[] = [];
    for (const c of all) {
      const key = `${formatPath(c.path)}|${c.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push({ code: c.code, path: c.path, message: c.message });
    }
    return { result: undefined, issues };
  }
  return {
    result: {
      modelId: program.id,
      currency: program.currency,
      comparatorId: program.options.find((o) => o.isComparator)!.id,
      discounting: { costs: program.costScheduleId, health: program.healthScheduleId, timing: { position: program.timing.position, compounding: program.timing.compounding } },
      options: results,
    },
    issues: [],
  };
}

/** Evaluates a program once; overrides by parameter index (decimal text). */
export function evaluateProgram(program: Program, overrides: ReadonlyMap<number, string>, options: EvaluateOptions = {}, cache: EvaluationCache = {}): { readonly result: PathwayResult | undefined; readonly issues: readonly VbpIssue[] } {
  const ledger = options.ledger ?? true;
  const traces = options.traces ?? true;
  const exactCtx = (): NonNullable<EvaluationCache["exact"]> => {
    if (cache.exact === undefined) {
      const calc = decimalCalculator(1);
      cache.exact = { calc, regs: new RunRegisters(calc) };
    }
    return cache.exact;
  };
  if (options.engine === "exact") return evaluateOn(exactCtx().calc, exactCtx().regs, program, overrides, { ledger, traces });
  if (cache.float64 === undefined) {
    const calc = float64Calculator(1);
    cache.float64 = { calc, regs: new RunRegisters(calc) };
  }
  const r = evaluateOn(cache.float64.calc, cache.float64.regs, program, overrides, { ledger, traces });
  if (r.result !== undefined) return r;
  // A problem found in Float64 is reported with the exact values (the Decimal backend names the same rule,
  // "sum to 0.9" rather than "0.8999999999999999"); if only Float64 rounding broke a rule, its report stands.
  const exact = evaluateOn(exactCtx().calc, exactCtx().regs, program, overrides, { ledger: false, traces: false });
  return exact.issues.length > 0 ? { result: undefined, issues: exact.issues } : r;
}
