/**
 * The one schema of each discounting concept that documents share: an inline discount schedule and the timing
 * convention. Lifecycle documents and carbon monetisation read them alike; the defaults are resolved by
 * `schema/resolve.ts`.
 *
 * @internal
 * @module
 */
import * as z from "zod";
import { idSchema, rateSchema, sourceSchema } from "./primitives.js";

/** The limits of an inline discount schedule, wherever it is written. */
export const DISCOUNT_SCHEDULE_LIMITS = Object.freeze({
  /** Most steps in one schedule. */
  maxSteps: 100,
  /** Latest year a step may start at. */
  maxFromYear: 10_000,
  /** Longest label. */
  maxLabelLength: 300,
});

/** An inline discount schedule: steps from year 0, each rate > −1 and ≤ 1. */
export const discountScheduleSchema = z
  .strictObject({
    id: idSchema.meta({ description: "Identifier of the schedule, recorded with results." }),
    label: z.string().min(1).max(DISCOUNT_SCHEDULE_LIMITS.maxLabelLength).meta({ description: "Human name of the schedule." }),
    steps: z
      .array(
        z.strictObject({
          fromYear: z.number().min(0).max(DISCOUNT_SCHEDULE_LIMITS.maxFromYear).meta({ description: "Years from the price base at which this rate starts; the first step starts at 0." }),
          rate: rateSchema.meta({ description: "Annual rate as a fraction: 0.035 is 3.5% a year." }),
        }),
      )
      .min(1)
      .max(DISCOUNT_SCHEDULE_LIMITS.maxSteps)
      .meta({ description: "Steps in increasing fromYear; each rate applies until the next step starts." }),
    source: sourceSchema.optional().meta({ description: "Where the rates come from." }),
  })
  .meta({ description: "An inline discount schedule: a constant rate is one step, a declining schedule several." });

/** The timing convention: where within a period its flows happen, and how rates compound (defaults: start, annual). */
export const discountTimingSchema = z
  .strictObject({
    position: z
      .enum(["start", "middle", "end"])
      .default("start")
      .meta({ description: "Where within each period its cash flows are taken to happen: start (first year undiscounted, NICE; default), middle, or end." }),
    compounding: z.enum(["annual", "continuous"]).default("annual").meta({ description: "Annual (1/(1+r)^t, default) or continuous (e^(−rt)) compounding." }),
  })
  .meta({ description: "Discounting timing convention." });
