/**
 * A compiled program over many parameter sets at once on the Float64 backend: struct-of-arrays draws in,
 * per-draw discounted outcomes per option out, with value-dependent invalidity counted per condition.
 *
 * @module
 */
import { VbpInputError } from "../errors/VbpInputError.js";
import type { Calculator } from "./backends/calculator.js";
import { Float64DrawCalculator } from "./backends/float64Draws.js";
import { COHORT_DRAW_STEPS } from "./kernel/cohortDraws.js";
import { RunRegisters } from "./kernel/optionValues.js";
import { Conditions, type DrawCondition } from "./kernel/conditions.js";
import { CycleShare } from "./kernel/cycleShare.js";
import { checkFinite, runProgram } from "./kernel/run.js";
import { VectorSink } from "./kernel/sink.js";
import { TreeSharedValues } from "./kernel/treeSharedValues.js";
import type { Program } from "./program.js";

/**
 * A struct-of-arrays draw matrix: which parameters it sets, how many draws, and the values parameter-major.
 *
 * @example
 * ```ts
 * // two parameters, three draws: values[p * count + d]
 * const draws: ParameterDraws = { parameterIds: ["p_ssi", "c_bed"], count: 3, values: Float64Array.from([0.04, 0.05, 0.06, 340, 345, 350]) };
 * ```
 * @category Engine
 */
export interface ParameterDraws {
  /**
   * Which parameters the matrix sets; every other parameter keeps its base-case value, and derived
   * (expression) parameters not in the matrix are recomputed per draw from the ones set.
   */
  readonly parameterIds: readonly string[];
  /** Number of draws n (≥ 1). */
  readonly count: number;
  /** Parameter-major values: `values[p * count + d]` is parameter `parameterIds[p]` in draw d. */
  readonly values: Float64Array;
}

/**
 * Per-draw outcomes of every option.
 *
 * @example
 * ```ts
 * const model = { id: "ssi", currency: "GBP",
 *   parameters: [{ id: "p_ssi", value: "0.05" }, { id: "c_bed_day", value: 345 }, { id: "los", value: 3 }, { id: "los_ssi", value: 7 }],
 *   tree: { root: "surgery", nodes: [
 *     { id: "surgery", items: [{ id: "bed", category: "bed-days", quantity: { param: "los" }, unitCost: { param: "c_bed_day" } }],
 *       branches: [{ to: "ssi", probability: { param: "p_ssi" } }, { to: "healed", probability: "rest" }] },
 *     { id: "ssi", items: [{ id: "bed", category: "bed-days", quantity: { param: "los_ssi" }, unitCost: { param: "c_bed_day" } }], qalys: "-0.02" },
 *     { id: "healed" },
 *   ] },
 *   options: [{ id: "standard", isComparator: true },
 *     { id: "npwt", effects: [{ op: "multiply", target: { node: "surgery", branch: "ssi" }, value: "0.6" }], extraCosts: [{ id: "npwt", category: "consumables", amount: "15" }] }],
 * };
 * const draws: ParameterDraws = { parameterIds: ["p_ssi", "c_bed_day"], count: 3, values: Float64Array.from([0.04, 0.05, 0.06, 340, 345, 350]) };
 * const out: DrawOutcomes = compileModel(model).evaluateDraws(draws);
 * out.options[1].costs[0]; //=> 1092.12 (discounted cost per patient of option 1 in draw 0)
 * ```
 * @category Engine
 */
export interface DrawOutcomes {
  /** Number of draws. */
  readonly count: number;
  /** One entry per option, in model order. */
  readonly options: readonly {
    /** The option's id. */
    readonly optionId: string;
    /** Discounted cost per patient, one per draw. */
    readonly costs: Float64Array;
    /** Discounted QALYs per patient. */
    readonly qalys: Float64Array;
    /** Discounted life years per patient. */
    readonly lifeYears: Float64Array;
    /** kgCO2e per patient (undiscounted). */
    readonly carbonKg: Float64Array;
    /** Expected event counts per patient, by event name. */
    readonly events: Readonly<Record<string, Float64Array>>;
    /**
     * Discounted cost per patient by cost category (the categories the option's pathway has), when asked
     * with `{ costCategories: true }`; empty otherwise.
     */
    readonly costCategories: Readonly<Record<string, Float64Array>>;
  }[];
  /** 1 for a valid draw; 0 when the draw met a condition (its outputs are then 0, never NaN). */
  readonly valid: Uint8Array;
  /** The conditions some draws met, each counted, with its first offending draw. */
  readonly conditions: readonly DrawCondition[];
}

/**
 * What a compiled model's `evaluateDraws` keeps beyond the discounted totals, carbon and events.
 *
 * @example
 * ```ts
 * const options: EvaluateDrawsOptions = { costCategories: true };
 * options.costCategories; //=> true
 * ```
 * @category Engine
 */
export interface EvaluateDrawsOptions {
  /** Also the discounted cost per patient by cost category (`costCategories`); off by default (it costs time). */
  readonly costCategories?: boolean;
}

/** The most doubles the per-cycle values shared by the options may hold (32 MB). */
const CYCLE_SHARE_BUDGET = 1 << 22;

/** A calculator and its registers kept for the next call with the same number of draws (chunks of one run). */
export interface DrawsCache {
  last?: { readonly n: number; readonly calc: Calculator<Float64Array>; readonly regs: RunRegisters<Float64Array> };
}

/** Runs the program over the draws. */
export function evaluateProgramDraws(program: Program, draws: ParameterDraws, cache: DrawsCache = {}, settings: EvaluateDrawsOptions = {}): DrawOutcomes {
  const n = draws.count;
  if (!Number.isInteger(n) || n < 1 || n > 10_000_000) throw new VbpInputError([{ code: "invalid_value", path: ["count"], message: `must be a whole number of draws from 1 to 10,000,000, got ${String(n)}` }]);
  const index = new Map(program.parameters.map((p) => [p.id, p.index] as const));
  const fixed = new Map<number, number>();
  const issues: { code: "unknown_reference" | "duplicate_id" | "invalid_value"; path: (string | number)[]; message: string }[] = [];
  draws.parameterIds.forEach((id, j) => {
    const i = index.get(id);
    if (i === undefined) issues.push({ code: "unknown_reference", path: ["parameterIds", j], message: `unknown parameter "${id}"` });
    else if (fixed.has(i)) issues.push({ code: "duplicate_id", path: ["parameterIds", j], message: `parameter "${id}" is given twice` });
    else fixed.set(i, j);
  });
  if (draws.values.length !== draws.parameterIds.length * n) issues.push({ code: "invalid_value", path: ["values"], message: `must hold parameterIds.length × count = ${draws.parameterIds.length * n} values, got ${draws.values.length}` });
  if (issues.length > 0) throw new VbpInputError(issues);

  if (cache.last?.n !== n) {
    const c = new Float64DrawCalculator(n);
    const regs = new RunRegisters(c);
    regs.cohortDrawSteps = COHORT_DRAW_STEPS;
    // Per-cycle values shared by the options (one conditions record per run), within 32 MB of registers.
    regs.cycleShare = new CycleShare(c, CYCLE_SHARE_BUDGET, (count) => {
      // One buffer for a block of registers (fewer, larger allocations for the collector).
      const buffer = new ArrayBuffer(count * n * 8);
      return Array.from({ length: count }, (_, i) => new Float64Array(buffer, i * n * 8, n));
    });
    cache.last = { n, calc: c, regs };
  }
  const { calc, regs } = cache.last;
  const conds = new Conditions(n);
  // A draw value that is not a finite number makes its draw invalid.
  const col = calc.register();
  for (const [i, j] of fixed) {
    calc.setLanes(col, draws.values, j * n);
    conds.test(calc, col, 0, undefined, "invalid_value", ["values", draws.parameterIds[j]!], (v) => `parameter "${draws.parameterIds[j]}" is drawn as ${v}, not a finite number`);
    void i;
  }
  const runs = runProgram(
    calc,
    program,
    { fixed: new Set(fixed.keys()), set: (i, out) => calc.setLanes(out, draws.values, fixed.get(i)! * n) },
    () => new VectorSink(calc, false, settings.costCategories === true),
    () => conds,
    { traces: false, registers: regs, treeShared: (baseConds) => new TreeSharedValues(calc, baseConds, program) },
  );
  const options = runs.map((r, oi) => {
    const t = r.sink.totals;
    const o = program.options[oi]!;
    for (const v of [t.costD, t.qalyD, t.lyD, t.carbon, ...t.events.values()]) checkFinite(calc, conds, v, ["options", oi], `a total of option "${o.id}"`);
    const events: Record<string, Float64Array> = {};
    for (const [k, v] of t.events) events[k] = v;
    const costCategories: Record<string, Float64Array> = {};
    for (const [k, pair] of t.categories) costCategories[k] = pair[0];
    return { optionId: o.id, costs: t.costD, qalys: t.qalyD, lifeYears: t.lyD, carbonKg: t.carbon, events, costCategories };
  });
  // Invalid draws: outputs 0 (flagged in `valid`).
  const valid = conds.valid;
  if (!conds.allValid) {
    for (const o of options) {
      for (const arr of [o.costs, o.qalys, o.lifeYears, o.carbonKg, ...Object.values(o.events), ...Object.values(o.costCategories)]) for (let d = 0; d < n; d++) if (valid[d] === 0) arr[d] = 0;
    }
  }
  return { count: n, options, valid, conditions: conds.list() };
}
