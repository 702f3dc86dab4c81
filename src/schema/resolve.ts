/**
 * One resolver for each shared default, used by every module that reads the concept from a document: the
 * discount schedule (a bundled id, an inline schedule, or the NICE 3.5% default), the timing convention (start
 * of period, annual compounding by default) and a source (optional keys dropped, never `undefined`).
 *
 * @internal
 * @module
 */
import type { Source } from "../reference/source.js";
import { DEFAULT_TIMING, type DiscountTiming } from "../time/discount.js";
import { DISCOUNT_SCHEDULES, type DiscountSchedule, type DiscountScheduleId } from "../time/schedules.js";

/** A source as parsed from any document (optional keys may be present as `undefined`). */
export interface SourceFields {
  readonly publisher: string;
  readonly title: string;
  readonly publishedOn: string;
  readonly validFrom?: string | undefined;
  readonly url?: string | undefined;
  readonly note?: string | undefined;
}

/** A schedule as parsed from any document: a bundled id or an inline schedule. */
export type ScheduleFields =
  | DiscountScheduleId
  | {
      readonly id: string;
      readonly label: string;
      readonly steps: readonly { readonly fromYear: number; readonly rate: string }[];
      readonly source?: SourceFields | undefined;
    };

/** A parsed source as a {@link Source}. */
export function resolveSource(s: SourceFields): Source {
  return {
    publisher: s.publisher,
    title: s.title,
    publishedOn: s.publishedOn,
    ...(s.validFrom !== undefined ? { validFrom: s.validFrom } : {}),
    ...(s.url !== undefined ? { url: s.url } : {}),
    ...(s.note !== undefined ? { note: s.note } : {}),
  };
}

/** The schedule a document names: a bundled one by id, its inline schedule, or NICE 3.5% when unset. */
export function resolveDiscountSchedule(schedule: ScheduleFields | undefined): DiscountSchedule {
  if (schedule === undefined) return DISCOUNT_SCHEDULES["nice-3.5"];
  if (typeof schedule === "string") return DISCOUNT_SCHEDULES[schedule];
  return {
    id: schedule.id,
    label: schedule.label,
    steps: schedule.steps.map((s) => ({ fromYear: s.fromYear, rate: s.rate })),
    ...(schedule.source !== undefined ? { source: resolveSource(schedule.source) } : {}),
  };
}

/** The timing convention a document names, or the default (start of period, annual compounding). */
export function resolveDiscountTiming(
  timing: { readonly position?: DiscountTiming["position"] | undefined; readonly compounding?: DiscountTiming["compounding"] | undefined } | undefined,
): DiscountTiming {
  if (timing === undefined) return DEFAULT_TIMING;
  return { position: timing.position ?? DEFAULT_TIMING.position, compounding: timing.compounding ?? DEFAULT_TIMING.compounding };
}
