/**
 * Re-evaluating a compiled cohort model for one parameter set, without a ledger, on plain Float64 numbers:
 * the program is lowered once (cached on the compiled model) and each evaluation runs tight loops over
 * typed arrays — parameters and site values from the program's own op codes, then each option's cohort
 * loop — instead of the calculator's register interface. The figures are bit-identical to the kernel's on
 * the Float64 backend (the same operations in the same order); their texts are written when first read.
 *
 * It covers cohort models whose transitions and state values do not change with the cycle (no decision
 * tree). Anything else, and any evaluation where a value breaks a rule, returns undefined: the kernel then
 * runs it, so conditions are reported exactly as before, by one implementation.
 *
 * @module
 */
import type { MarkovTrace, OptionResult, OutcomeTotals, PathwayResult, PopulationTotals } from "../../pathway/types.js";
import { float64Calculator, float64Text } from "../backends/float64.js";
import type { COption, Program } from "../program.js";
import { addLines, linesOutcome, optionLines, totalsFinite, type OptionLines } from "./oneDrawTotals.js";
import { baseParameters, optionParameters, siteValue } from "./oneDrawValues.js";
import { codeAtCycle, readsCycle, scalarContext, type ScalarContext } from "./scalarCode.js";
import { cycleTable, runSteadyCohort, steadyCohort, steadySites, type CycleTable, type SteadyCohort } from "./steadyCohort.js";

/** One option lowered: the sites it reads, in order, without repeats. */
interface OptionPlan {
  readonly o: COption;
  readonly sites: Int32Array;
  /** True when the option changes a parameter (its own parameter vector then). */
  readonly ownParameters: boolean;
  readonly lines: OptionLines;
}

/** A program lowered for one-draw evaluation, with the scratch its evaluations reuse. */
export interface OneDrawPlan {
  readonly program: Program;
  readonly cohort: SteadyCohort;
  readonly cycles: CycleTable;
  readonly options: readonly OptionPlan[];
  readonly sameSchedule: boolean;
  readonly ctx: ScalarContext;
  readonly base: Float64Array;
  readonly optionParams: Float64Array;
  readonly siteValues: Float64Array;
  readonly fixed: Float64Array;
  readonly isFixed: Uint8Array;
}

/** Lowers a program for one-draw evaluation; undefined when it is not a cohort model with steady values. */
export function oneDrawPlan(program: Program): OneDrawPlan | undefined {
  if (program.tree !== undefined || program.rootMarkov === undefined) return undefined;
  const m = program.markov[program.rootMarkov]!;
  const options: OptionPlan[] = [];
  for (const o of program.options) {
    const sites = steadySites(o, m);
    if (sites === undefined) return undefined;
    for (const x of o.extras) {
      for (const s of [x.time, x.amount, x.carbon]) {
        if (s === undefined) continue;
        if (readsCycle(codeAtCycle(s.value, 1))) return undefined;
        sites.push(s);
      }
    }
    const ids: number[] = [];
    const seen = new Set<number>();
    for (const s of sites) if (!seen.has(s.id)) ids.push(s.id), seen.add(s.id);
    options.push({ o, sites: Int32Array.from(ids), ownParameters: o.paramOps.size > 0, lines: optionLines(o, m) });
  }
  const P = program.parameters.length;
  return {
    program,
    cohort: steadyCohort(m),
    cycles: cycleTable(program, m),
    options,
    sameSchedule: JSON.stringify(program.costSchedule) === JSON.stringify(program.healthSchedule),
    ctx: scalarContext(float64Calculator(1)),
    base: new Float64Array(P),
    optionParams: new Float64Array(P),
    siteValues: new Float64Array(program.sites.length),
    fixed: new Float64Array(P),
    isFixed: new Uint8Array(P),
  };
}

/**
 * A trace whose occupancy texts are written from the numbers when first read (an own enumerable getter, so
 * JSON, structured cloning and deep equality see plain data).
 */
function trace(m: OneDrawPlan["cohort"]["m"], numbers: Float64Array): MarkovTrace {
  const S = m.states.length;
  let texts: string[][] | undefined;
  return {
    markovId: m.id,
    states: m.states.map((s) => s.id),
    cycleLengthYears: m.cycleLength,
    get occupancy(): readonly (readonly string[])[] {
      if (texts === undefined) {
        texts = [];
        for (let k = 0; k < numbers.length / S; k++) {
          const row: string[] = [];
          for (let s = 0; s < S; s++) row.push(float64Text(numbers[k * S + s]!));
          texts.push(row);
        }
      }
      return texts;
    },
  };
}

/** An option's result whose figures are written as text when first read (own enumerable getters). */
function optionResult(program: Program, o: COption, lines: OptionLines, totals: Float64Array, traces: MarkovTrace[], population: (program: Program, t: OutcomeTotals) => PopulationTotals | undefined): OptionResult {
  let perPatient: OutcomeTotals | undefined;
  const outcome = (): OutcomeTotals => (perPatient ??= linesOutcome(lines, totals, float64Text));
  if (program.volumes === undefined) {
    return {
      optionId: o.id,
      label: o.label,
      isComparator: o.isComparator,
      get perPatient() {
        return outcome();
      },
      traces,
      ledger: [],
    };
  }
  let pop: PopulationTotals | undefined;
  return {
    optionId: o.id,
    label: o.label,
    isComparator: o.isComparator,
    get perPatient() {
      return outcome();
    },
    get population() {
      return (pop ??= population(program, outcome())!);
    },
    traces,
    ledger: [],
  };
}

/**
 * Evaluates the plan for one parameter set (overrides by parameter index, as decimal text); undefined when
 * some value breaks a rule or a total is not finite (the kernel then evaluates and reports it).
 */
export function evaluateOneDraw(plan: OneDrawPlan, overrides: ReadonlyMap<number, string>, wantTraces: boolean, population: (program: Program, t: OutcomeTotals) => PopulationTotals | undefined): PathwayResult | undefined {
  const { program, ctx, base, optionParams, siteValues, fixed, isFixed, cohort, cycles } = plan;
  ctx.ok = true;
  ctx.cycle = 1;
  isFixed.fill(0);
  for (const [i, text] of overrides) {
    isFixed[i] = 1;
    fixed[i] = Number(text);
  }
  baseParameters(ctx, program, fixed, isFixed, base);
  if (!ctx.ok) return undefined;
  const m = cohort.m;
  // An extra cost's discount factor at its time: the backend's own (one lane).
  const discountFactor = (time: number): number => {
    ctx.key[0] = time;
    ctx.calc.discount(ctx.out, program.costSchedule, ctx.key);
    return ctx.out[0]!;
  };
  const results: OptionResult[] = [];
  for (const op of plan.options) {
    const o = op.o;
    let params = base;
    if (op.ownParameters) {
      optionParameters(ctx, program, o, isFixed, base, optionParams);
      params = optionParams;
    }
    const sites = op.sites;
    for (let j = 0; j < sites.length; j++) {
      const id = sites[j]!;
      siteValues[id] = siteValue(ctx, program, o, program.sites[id]!, params, base);
    }
    if (!ctx.ok) return undefined;
    const run = runSteadyCohort(cohort, cycles, siteValues, plan.sameSchedule, wantTraces);
    if (run === undefined) return undefined;
    const totals = new Float64Array(op.lines.size);
    addLines(op.lines, totals, siteValues, run.occupancy, run.entry, cohort.S, cohort.L, plan.sameSchedule ? 1 : 2, discountFactor);
    if (!totalsFinite(totals)) return undefined;
    results.push(optionResult(program, o, op.lines, totals, run.trace === undefined ? [] : [trace(m, run.trace)], population));
  }
  return {
    modelId: program.id,
    currency: program.currency,
    comparatorId: program.options.find((o) => o.isComparator)!.id,
    discounting: { costs: program.costScheduleId, health: program.healthScheduleId, timing: { position: program.timing.position, compounding: program.timing.compounding } },
    options: results,
  };
}
