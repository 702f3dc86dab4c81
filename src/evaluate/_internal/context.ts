/**
 * What every stage of one evaluation shares: the resolved discounting, the patient volume and the discount
 * factor of each entry year, computed once.
 *
 * @internal
 * @module
 */
import { Dec, sumDec } from "../../_lib/decimal.js";
import { compileSchedule, factorAt, periodTime, type DiscountTiming } from "../../time/discount.js";
import type { DiscountSchedule } from "../../time/schedules.js";
import { resolveDiscountSchedule, resolveDiscountTiming, type ScheduleFields } from "../../schema/resolve.js";
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

/** Builds the shared context of a validated document. */
export function evaluationContext(doc: EvaluationDocument): EvaluationContext {
  const timing = resolveDiscountTiming(doc.discounting.timing);
  const costSchedule = resolveDiscountSchedule(doc.discounting.costs as ScheduleFields | undefined);
  const healthSchedule = resolveDiscountSchedule(doc.discounting.health as ScheduleFields | undefined);
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
