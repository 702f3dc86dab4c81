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
import { withMeta } from "./withMeta.js";

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
    z.strictObject({
      id: withMeta(idSchema(), { description: "Identifier of the schedule, recorded with results." }),
      label: withMeta(z.string().check(z.minLength(1)).check(z.maxLength(DISCOUNT_SCHEDULE_LIMITS.maxLabelLength)), { description: "Human name of the schedule." }),
      steps: withMeta(
        z
          .array(
            z.strictObject({
              fromYear: withMeta(z.number().check(z.gte(0)).check(z.lte(DISCOUNT_SCHEDULE_LIMITS.maxFromYear)), {
                description: "Years from the price base at which this rate starts; the first step starts at 0.",
              }),
              rate: withMeta(rateSchema(), { description: "Annual rate as a fraction: 0.035 is 3.5% a year." }),
            }),
          )
          .check(z.minLength(1))
          .check(z.maxLength(DISCOUNT_SCHEDULE_LIMITS.maxSteps)),
        { description: "Steps in increasing fromYear; each rate applies until the next step starts." },
      ),
      source: withMeta(z.optional(sourceSchema()), { description: "Where the rates come from." }),
    }),
    { description: "An inline discount schedule: a constant rate is one step, a declining schedule several." },
  ),
);

/** The timing convention: where within a period its flows happen, and how rates compound (defaults: start, annual). Built on first use. */
export const discountTimingSchema = /* @__PURE__ */ onFirstUse(() =>
  withMeta(
    z.strictObject({
      position: withMeta(z._default(z.enum(["start", "middle", "end"]), "start"), {
        description: "Where within each period its cash flows are taken to happen: start (first year undiscounted, NICE; default), middle, or end.",
      }),
      compounding: withMeta(z._default(z.enum(["annual", "continuous"]), "annual"), { description: "Annual (1/(1+r)^t, default) or continuous (e^(−rt)) compounding." }),
    }),
    { description: "Discounting timing convention." },
  ),
);
