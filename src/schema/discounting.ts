/**
 * The one schema of each discounting concept that documents share: an inline discount schedule and the timing
 * convention. Lifecycle documents and carbon monetisation read them alike; the defaults are resolved by
 * `schema/resolve.ts`.
 *
 * @internal
 * @module
 */
import * as z from "zod/mini";
import { onFirstUse } from "./onFirstUse.js";
import { idSchema, rateSchema, sourceSchema } from "./primitives.js";
import { describedShape, withMeta } from "./withMeta.js";

/** The limits of an inline discount schedule, wherever it is written. */
export const DISCOUNT_SCHEDULE_LIMITS = Object.freeze({
  /** Most steps in one schedule. */
  maxSteps: 100,
  /** Latest year a step may start at. */
  maxFromYear: 10_000,
  /** Longest label. */
  maxLabelLength: 300,
});

/** An inline discount schedule: steps from year 0, each rate > −1 and ≤ 1. Built on first use. */
export const discountScheduleSchema = /* @__PURE__ */ onFirstUse(() =>
  withMeta(
    z.strictObject(describedShape("schema/discounting:discountSchedule", {
      id: idSchema(),
      label: z.string().check(z.minLength(1), z.maxLength(DISCOUNT_SCHEDULE_LIMITS.maxLabelLength)),
      steps: z
          .array(
            z.strictObject(describedShape("schema/discounting:discountSchedule.steps", {
              fromYear: z.number().check(z.gte(0), z.lte(DISCOUNT_SCHEDULE_LIMITS.maxFromYear)),
              rate: rateSchema(),
            })),
          )
          .check(z.minLength(1))
          .check(z.maxLength(DISCOUNT_SCHEDULE_LIMITS.maxSteps)),
      source: z.optional(sourceSchema()),
    })),
    "schema/discounting:discountSchedule",
  ),
);

/** The timing convention: where within a period its flows happen, and how rates compound (defaults: start, annual). Built on first use. */
export const discountTimingSchema = /* @__PURE__ */ onFirstUse(() =>
  withMeta(
    z.strictObject(describedShape("schema/discounting:discountTiming", {
      position: z._default(z.enum(["start", "middle", "end"]), "start"),
      compounding: z._default(z.enum(["annual", "continuous"]), "annual"),
    })),
    "schema/discounting:discountTiming",
  ),
);
