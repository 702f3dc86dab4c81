/**
 * What every stage of one evaluation shares: the resolved discounting, the patient volume and the discount
 * factor of each entry year, computed once.
 *
 * @internal
 * @module
 */
import { Dec, sumDec } from "../../_lib/decimal.js";
import { DEFAULT_TIMING, compileSchedule, factorAt, periodTime, type DiscountTiming } from "../../time/discount.js";
import { DISCOUNT_SCHEDULES, type DiscountSchedule, type DiscountScheduleId } from "../../time/schedules.js";
import type { EvaluationDocument } from "../document.js";

/** The shared values of one evaluation. */
export interface EvaluationContext {
  readonly costSchedule: DiscountSchedule;
  readonly healthSchedule: DiscountSchedule;
  readonly timing: DiscountTiming;
  readonly horizonYears: number;
  readonly startYear: number;
  readonly patientsPerYear: Dec;
  /** Discount factor of entry year y + 1 (index y), cost schedule. */
  readonly yearFactors: readonly Dec[];
  /** Σ patients a year × factor of each entry year. */
  readonly discountedPatients: Dec;
  readonly totalPatients: Dec;
}

/** The schedule a document names (default NICE 3.5%). */
export function resolveDiscountSchedule(s: DiscountScheduleId | DiscountSchedule | undefined): DiscountSchedule {
  if (s === undefined) return DISCOUNT_SCHEDULES["nice-3.5"];
  return typeof s === "string" ? DISCOUNT_SCHEDULES[s] : s;
}

/** Builds the shared context of a validated document. */
export function evaluationContext(doc: EvaluationDocument): EvaluationContext {
  const timing = doc.discounting.timing ?? DEFAULT_TIMING;
  const costSchedule = resolveDiscountSchedule(doc.discounting.costs);
  const healthSchedule = resolveDiscountSchedule(doc.discounting.health);
  const H = doc.horizonYears;
  const ppy = new Dec(doc.patientsPerYear);
  const compiled = compileSchedule(costSchedule, timing.compounding);
  const yearFactors = Array.from({ length: H }, (_, y) => factorAt(compiled, periodTime(y + 1, new Dec(1), timing.position)));
  return {
    costSchedule,
    healthSchedule,
    timing,
    horizonYears: H,
    startYear: Number(doc.priceBaseDate.slice(0, 4)),
    patientsPerYear: ppy,
    yearFactors,
    discountedPatients: sumDec(yearFactors.map((f) => ppy.times(f))),
    totalPatients: ppy.times(H),
  };
}
