import { Dec, type DecimalInput } from "../_lib/decimal.js";
import { VbpInputError } from "../errors/VbpInputError.js";
import { checkDecimalInput } from "../schema/decimalInput.js";
import type { DiscountSchedule } from "./schedules.js";

/**
 * When, within each period, its cash flows or outcomes are taken to happen, and how rates compound.
 *
 * - `position: "start"`: flows in period n happen at its start, t = (n−1)·L. The first year is not
 *   discounted. NICE's convention ("year 1 undiscounted": year 2 factor 0.966, year 11 factor 0.709 at 3.5%)
 *   and the default.
 * - `position: "middle"`: t = (n−½)·L, flows spread evenly through the period.
 * - `position: "end"`: t = n·L; the first year is discounted (the usual annuity convention).
 * - `compounding: "annual"` (default): factor `1/(1+r)^t`; `"continuous"`: `e^(−r·t)` with r read as a
 *   continuous rate.
 *
 * @example
 * ```ts
 * const endOfYear: DiscountTiming = { position: "end", compounding: "annual" };
 * ```
 */
export interface DiscountTiming {
  /** Where within a period its flows happen. */
  readonly position: "start" | "middle" | "end";
  /** Annual (discrete) or continuous compounding. */
  readonly compounding: "annual" | "continuous";
}

/**
 * The default timing: start of period, annual compounding (first year undiscounted, the NICE convention).
 *
 * @example
 * ```ts
 * DEFAULT_TIMING; //=> { position: "start", compounding: "annual" }
 * ```
 */
export const DEFAULT_TIMING: DiscountTiming = Object.freeze({ position: "start", compounding: "annual" });

interface CompiledStep {
  readonly from: Dec;
  readonly onePlusRate: Dec;
  readonly rate: Dec;
}

/** @internal A schedule validated and turned into Decimals, with a cache of factors by time. */
export interface CompiledSchedule {
  readonly schedule: DiscountSchedule;
  readonly steps: readonly CompiledStep[];
  readonly compounding: DiscountTiming["compounding"];
  readonly cache: Map<string, Dec>;
}

/** @internal Checks a schedule: steps ascending from 0, rates finite and > −1. */
export function compileSchedule(schedule: DiscountSchedule, compounding: DiscountTiming["compounding"]): CompiledSchedule {
  const issues: { code: "invalid_value" | "out_of_order" | "too_small"; path: (string | number)[]; message: string }[] = [];
  if (schedule.steps.length === 0) issues.push({ code: "too_small", path: ["steps"], message: "must have at least one step" });
  const steps: CompiledStep[] = [];
  schedule.steps.forEach((step, i) => {
    if (i === 0 && step.fromYear !== 0) issues.push({ code: "invalid_value", path: ["steps", 0, "fromYear"], message: `the first step must start at year 0, got ${step.fromYear}` });
    const prev = schedule.steps[i - 1];
    if (prev !== undefined && !(step.fromYear > prev.fromYear)) issues.push({ code: "out_of_order", path: ["steps", i, "fromYear"], message: `must be greater than the previous step's fromYear (${prev.fromYear}), got ${step.fromYear}` });
    if (!Number.isFinite(step.fromYear)) issues.push({ code: "invalid_value", path: ["steps", i, "fromYear"], message: "must be a finite number" });
    // The one decimal rule (schema/decimalInput.ts): "0x10", " 0.035" and "" are refused, not read.
    const checked = checkDecimalInput(step.rate);
    if (!checked.ok) {
      issues.push({ code: "invalid_value", path: ["steps", i, "rate"], message: `must be a finite decimal, got ${JSON.stringify(step.rate)}` });
      return;
    }
    const rate = new Dec(checked.text);
    if (rate.lte(-1)) issues.push({ code: "too_small", path: ["steps", i, "rate"], message: `must be greater than -1, got ${step.rate}` });
    steps.push({ from: new Dec(step.fromYear), rate, onePlusRate: rate.plus(1) });
  });
  if (issues.length > 0) throw new VbpInputError(issues);
  return { schedule, steps, compounding, cache: new Map() };
}

/** @internal Exact discount factor at time t (years from the price base) for a compiled schedule. */
export function factorAt(compiled: CompiledSchedule, t: Dec): Dec {
  const key = t.toString();
  const hit = compiled.cache.get(key);
  if (hit !== undefined) return hit;
  if (t.isNegative()) {
    // Flows before the price base are compounded forward at the first rate.
    const first = compiled.steps[0]!;
    const f = compiled.compounding === "continuous" ? first.rate.times(t).negated().exp() : first.onePlusRate.pow(t.negated());
    compiled.cache.set(key, f);
    return f;
  }
  let factor = new Dec(1);
  for (let k = 0; k < compiled.steps.length; k++) {
    const step = compiled.steps[k]!;
    if (t.lte(step.from)) break;
    const next = compiled.steps[k + 1];
    const end = next !== undefined && next.from.lt(t) ? next.from : t;
    const span = end.minus(step.from);
    factor =
      compiled.compounding === "continuous"
        ? factor.times(step.rate.times(span).negated().exp())
        : factor.div(step.onePlusRate.pow(span));
  }
  compiled.cache.set(key, factor);
  return factor;
}

/** @internal The time (years) at which period `n` (1-based) of length `lengthYears` is discounted. */
export function periodTime(n: number, lengthYears: Dec, position: DiscountTiming["position"]): Dec {
  const start = lengthYears.times(n - 1);
  if (position === "start") return start;
  if (position === "end") return start.plus(lengthYears);
  return start.plus(lengthYears.div(2));
}

/**
 * The exact discount factor at time `t` years from the price base, under a schedule. A stepped schedule
 * compounds each year at that year's rate: under the Green Book, year 31 is `1/(1.035^30 × 1.03)`.
 *
 * Formula: `DF(t) = Π_k (1 + r_k)^−(time at rate k before t)` (annual), or `exp(−Σ r_k·Δt_k)` (continuous).
 * Source: HM Treasury Green Book (2022) Annex A6; NICE PMG36 §4.5.
 *
 * @param schedule - a bundled schedule from {@link DISCOUNT_SCHEDULES} or a caller's own
 * @param t - years from the price base date (may be fractional; negative compounds forward)
 * @returns the factor as a decimal string (50 significant digits)
 * @example
 * ```ts
 * discountFactor(DISCOUNT_SCHEDULES["nice-3.5"], 1).slice(0, 8);  //=> "0.966183"
 * discountFactor(DISCOUNT_SCHEDULES["nice-3.5"], 10).slice(0, 8); //=> "0.708918"
 * ```
 */
export function discountFactor(schedule: DiscountSchedule, t: DecimalInput, options: { readonly compounding?: DiscountTiming["compounding"] } = {}): string {
  const checked = checkDecimalInput(t);
  if (!checked.ok) throw new VbpInputError([{ code: "invalid_value", path: ["t"], message: `must be a finite number of years, got ${String(t)}` }]);
  const time = new Dec(checked.text);
  return factorAt(compileSchedule(schedule, options.compounding ?? "annual"), time).toString();
}

/**
 * The exact discount factor for period `n` (1-based) of `lengthYears` years, under a timing convention.
 *
 * @example
 * ```ts
 * // NICE convention: year 1 undiscounted, year 2 at 1/1.035
 * periodDiscountFactor(DISCOUNT_SCHEDULES["nice-3.5"], 1); //=> "1"
 * periodDiscountFactor(DISCOUNT_SCHEDULES["nice-3.5"], 2).slice(0, 5); //=> "0.966"
 * // End of year: year 1 is discounted
 * periodDiscountFactor(DISCOUNT_SCHEDULES["nice-3.5"], 1, { timing: { position: "end", compounding: "annual" } }).slice(0, 5); //=> "0.966"
 * ```
 */
export function periodDiscountFactor(
  schedule: DiscountSchedule,
  n: number,
  options: { readonly timing?: DiscountTiming; readonly lengthYears?: DecimalInput } = {},
): string {
  if (!Number.isInteger(n) || n < 1) throw new VbpInputError([{ code: "invalid_value", path: ["n"], message: `period must be a whole number ≥ 1, got ${n}` }]);
  const timing = options.timing ?? DEFAULT_TIMING;
  const length = checkDecimalInput(options.lengthYears ?? 1);
  if (!length.ok || !new Dec(length.text).gt(0)) {
    throw new VbpInputError([{ code: "invalid_value", path: ["lengthYears"], message: `must be a positive number of years, got ${String(options.lengthYears)}` }]);
  }
  const t = periodTime(n, new Dec(length.text), timing.position);
  return factorAt(compileSchedule(schedule, timing.compounding), t).toString();
}
