import { onFirstUse } from "../schema/onFirstUse.js";
import type * as z from "zod/mini";

/**
 * @internal The descriptions (and other JSON Schema metadata) of the schemas in pathway.ts, by the key each
 * schema names in its `withMeta` call. Kept apart from the schemas so that code which only validates does not
 * carry the text: they are attached when a JSON Schema is generated.
 */
export const ANALYSIS_PATHWAY_DESCRIPTIONS = /* @__PURE__ */ onFirstUse((): Readonly<Record<string, z.core.GlobalMeta>> => ({
  "analysis/pathway:reading.basis": { description: "Per-patient (default) or population totals." },
  "analysis/pathway:reading.effect": { description: "The effect: qalys (default), lifeYears, or { event } counted as events avoided." },
  "analysis/pathway:reading.effect.event": { description: "Clinical event name." },
  "analysis/pathway:reading.discounted": { description: "Use discounted figures (default true)." },
}));
