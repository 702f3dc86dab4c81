import { onFirstUse } from "./onFirstUse.js";
import type * as z from "zod/mini";

/**
 * @internal The descriptions (and other JSON Schema metadata) of the schemas in discounting.ts, by the key each
 * schema names in its `withMeta` call. Kept apart from the schemas so that code which only validates does not
 * carry the text: they are attached when a JSON Schema is generated.
 */
export const SCHEMA_DISCOUNTING_DESCRIPTIONS = /* @__PURE__ */ onFirstUse((): Readonly<Record<string, z.core.GlobalMeta>> => ({
  "schema/discounting:discountSchedule": { description: "An inline discount schedule: a constant rate is one step, a declining schedule several." },
  "schema/discounting:discountSchedule.id": { description: "Identifier of the schedule, recorded with results." },
  "schema/discounting:discountSchedule.label": { description: "Human name of the schedule." },
  "schema/discounting:discountSchedule.steps": { description: "Steps in increasing fromYear; each rate applies until the next step starts." },
  "schema/discounting:discountSchedule.steps.fromYear": {
    description: "Years from the price base at which this rate starts; the first step starts at 0.",
  },
  "schema/discounting:discountSchedule.steps.rate": { description: "Annual rate as a fraction: 0.035 is 3.5% a year." },
  "schema/discounting:discountSchedule.source": { description: "Where the rates come from." },
  "schema/discounting:discountTiming": { description: "Discounting timing convention." },
  "schema/discounting:discountTiming.position": {
    description: "Where within each period its cash flows are taken to happen: start (first year undiscounted, NICE; default), middle, or end.",
  },
  "schema/discounting:discountTiming.compounding": { description: "Annual (1/(1+r)^t, default) or continuous (e^(−rt)) compounding." },
}));
