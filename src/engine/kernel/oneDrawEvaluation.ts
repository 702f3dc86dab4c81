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
import type { ScheduleData } from "../backends/calculator.js";
import { float64Calculator, float64Text } from "../backends/float64.js";
import type { COption, Program } from "../program.js";
import { addLines, linesOutcome, optionLines, totalsFinite, type OptionLines } from "./oneDrawTotals.js";
import { baseParameters, foldedParameters, optionParameters, siteValue, type Folded } from "./oneDrawValues.js";
import { codeAtCycle, readsCycle, scalarContext, type ScalarContext } from "./scalarCode.js";
import { cycleTable, replayOccupancy, runSteadyCohort, traceSeed, steadyCohort, steadySites, type CycleTable, type SteadyCohort, type TraceSeed } from "./steadyCohort.js";

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
  /** Literal parameters, computed once. */
  readonly folded: Folded;
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
    for (const s of sites) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      ids.push(s.id);
    }
    options.push({ o, sites: Int32Array.from(ids), ownParameters: o.paramOps.size > 0, lines: optionLines(o, m) });
  }
  const P = program.parameters.length;
  const ctx = scalarContext(float64Calculator(1));
  // A site no option changes, whose value is a constant expression that keeps its rule, is the same in every
  // evaluation: computed once here, and left out of the options' lists.
  const siteValues = new Float64Array(program.sites.length);
  const changed = new Set<number>();
  for (const o of program.options) for (const id of o.siteOps.keys()) changed.add(id);
  const steady = new Set<number>();
  for (const site of program.sites) {
    if (site.value.k !== "code" || !site.value.code.constant || changed.has(site.id)) continue;
    ctx.ok = true;
    const v = siteValue(ctx, program, program.options[0]!, site, new Float64Array(0), new Float64Array(0));
    if (!ctx.ok) continue;
    siteValues[site.id] = v;
    steady.add(site.id);
  }
  ctx.ok = true;
  const lists = options.map((op) => ({ ...op, sites: op.sites.filter((id) => !steady.has(id)) }));
  return {
    program,
    cohort: steadyCohort(m),
    cycles: cycleTable(program, m, ctx.calc),
    options: lists,
    folded: foldedParameters(ctx, program),
    sameSchedule: sameSchedule(program.costSchedule, program.healthSchedule),
    ctx,
    base: new Float64Array(P),
    optionParams: new Float64Array(P),
    siteValues,
    fixed: new Float64Array(P),
    isFixed: new Uint8Array(P),
  };
}

/** Whether two discount schedules are the same data (compounding, and every step's start and rate). */
function sameSchedule(a: ScheduleData, b: ScheduleData): boolean {
  if (a === b) return true;
  if (a.compounding !== b.compounding || a.steps.length !== b.steps.length) return false;
  return a.steps.every((x, i) => x.from === b.steps[i]!.from && x.rate === b.steps[i]!.rate);
}

/** What an option's result writes as text when first read. */
interface Figures {
  readonly program: Program;
  readonly lines: OptionLines;
  readonly totals: readonly number[];
  readonly population: (program: Program, t: OutcomeTotals) => PopulationTotals | undefined;
  perPatient?: OutcomeTotals;
  populationTotals?: PopulationTotals;
}

/**
 * An option's result whose figures are written as text when first read. They are own enumerable getters
 * (JSON, structured cloning and deep equality see plain data), defined with descriptors shared by every
 * result: a getter in an object literal makes a function per object, which costs more than the evaluation.
 */
class LazyOptionResult {
  readonly #f: Figures;
  static readonly #perPatient: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: LazyOptionResult): OutcomeTotals {
      const f = this.#f;
      return (f.perPatient ??= linesOutcome(f.lines, f.totals, float64Text));
    },
  };
  static readonly #population: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: LazyOptionResult): PopulationTotals {
      const f = this.#f;
      return (f.populationTotals ??= f.population(f.program, (this as unknown as OptionResult).perPatient)!);
    },
  };
  constructor(o: COption, f: Figures, traces: MarkovTrace[]) {
    this.#f = f;
    const self = this as unknown as Record<string, unknown>;
    self["optionId"] = o.id;
    self["label"] = o.label;
    self["isComparator"] = o.isComparator;
    Object.defineProperty(this, "perPatient", LazyOptionResult.#perPatient);
    if (f.program.volumes !== undefined) Object.defineProperty(this, "population", LazyOptionResult.#population);
    self["traces"] = traces;
    self["ledger"] = [];
  }
}

/**
 * A Markov trace whose occupancy texts are written when first read, from the occupancies replayed from the
 * run's seed (the same numbers the run computed).
 */
class LazyTrace {
  readonly #cohort: SteadyCohort;
  readonly #seed: TraceSeed;
  #texts: string[][] | undefined;
  static readonly #occupancy: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: LazyTrace): readonly (readonly string[])[] {
      if (this.#texts === undefined) {
        const S = this.#cohort.S;
        const numbers = replayOccupancy(this.#cohort, this.#seed);
        const texts: string[][] = [];
        for (let k = 0; k <= this.#cohort.m.cycles; k++) {
          const row: string[] = [];
          for (let s = 0; s < S; s++) row.push(float64Text(numbers[k * S + s]!));
          texts.push(row);
        }
        this.#texts = texts;
      }
      return this.#texts;
    },
  };
  constructor(cohort: SteadyCohort, seed: TraceSeed) {
    this.#cohort = cohort;
    this.#seed = seed;
    const m = cohort.m;
    const self = this as unknown as Record<string, unknown>;
    self["markovId"] = m.id;
    self["states"] = m.states.map((s) => s.id);
    self["cycleLengthYears"] = m.cycleLength;
    Object.defineProperty(this, "occupancy", LazyTrace.#occupancy);
  }
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
  baseParameters(ctx, program, fixed, isFixed, plan.folded, base);
  if (!ctx.ok) return undefined;
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
      optionParameters(ctx, program, o, isFixed, plan.folded, base, optionParams);
      params = optionParams;
    }
    const sites = op.sites;
    for (let j = 0; j < sites.length; j++) {
      const id = sites[j]!;
      siteValues[id] = siteValue(ctx, program, o, program.sites[id]!, params, base);
    }
    if (!ctx.ok) return undefined;
    const run = runSteadyCohort(cohort, cycles, siteValues, plan.sameSchedule);
    if (run === undefined) return undefined;
    const totals: number[] = new Array<number>(op.lines.size).fill(0);
    addLines(op.lines, totals, siteValues, run.occupancy, run.entry, cohort.S, cohort.L, plan.sameSchedule ? 1 : 2, discountFactor);
    if (!totalsFinite(totals)) return undefined;
    results.push(new LazyOptionResult(o, { program, lines: op.lines, totals, population }, wantTraces ? [new LazyTrace(cohort, traceSeed(cohort)) as unknown as MarkovTrace] : []) as unknown as OptionResult);
  }
  return {
    modelId: program.id,
    currency: program.currency,
    comparatorId: program.options.find((o) => o.isComparator)!.id,
    discounting: { costs: program.costScheduleId, health: program.healthScheduleId, timing: { position: program.timing.position, compounding: program.timing.compounding } },
    options: results,
  };
}
