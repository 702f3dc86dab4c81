/**
 * Discount schedules compiled to data (steps of from-year and rate text). Rates must lie in a stated sane
 * range: a rate outside it is almost always a typing slip (35 for 3.5%, or 0.35).
 *
 * @module
 */
import type { VbpPath } from "../../errors/issue.js";
import { VbpInputError } from "../../errors/VbpInputError.js";
import { compileSchedule, type DiscountTiming } from "../../time/discount.js";
import { DISCOUNT_SCHEDULES, type DiscountSchedule } from "../../time/schedules.js";
import type { ScheduleData } from "../backends/calculator.js";
import type { Issues } from "./context.js";

/** The range of annual discount rates a pathway model accepts: 0% to 25% a year. */
export const DISCOUNT_RATE_RANGE = Object.freeze({
  /** Lowest annual rate accepted (0%). */
  min: 0,
  /** Highest annual rate accepted (25%). */
  max: 0.25,
});

/** Resolves a schedule id or object (default NICE 3.5%) and compiles it to data. */
export function compileDiscounting(
  s: string | DiscountSchedule | undefined,
  compounding: DiscountTiming["compounding"],
  path: VbpPath,
  issues: Issues,
): { readonly id: string; readonly data: ScheduleData } {
  let schedule: DiscountSchedule = DISCOUNT_SCHEDULES["nice-3.5"];
  if (typeof s === "string") {
    const found = (DISCOUNT_SCHEDULES as Record<string, DiscountSchedule>)[s];
    if (found === undefined) issues.add(path, `unknown discount schedule "${s}" (known: ${Object.keys(DISCOUNT_SCHEDULES).join(", ")})`, "unknown_reference");
    else schedule = found;
  } else if (s !== undefined) schedule = s;
  try {
    compileSchedule(schedule, compounding);
  } catch (e) {
    if (!(e instanceof VbpInputError)) throw e;
    for (const i of e.issues) issues.add([...path, ...i.path], i.message, i.code);
    return { id: schedule.id, data: { steps: [{ from: 0, rate: "0" }], compounding } };
  }
  schedule.steps.forEach((step, i) => {
    const r = Number(step.rate);
    if (!(r >= DISCOUNT_RATE_RANGE.min && r <= DISCOUNT_RATE_RANGE.max)) {
      issues.add([...path, "steps", i, "rate"], `must be an annual rate between ${DISCOUNT_RATE_RANGE.min} and ${DISCOUNT_RATE_RANGE.max} (0% to 25% a year; 0.035 is 3.5%), got ${step.rate}`, r < 0 ? "too_small" : "too_big");
    }
  });
  return { id: schedule.id, data: { steps: schedule.steps.map((x) => ({ from: x.fromYear, rate: String(x.rate) })), compounding } };
}
