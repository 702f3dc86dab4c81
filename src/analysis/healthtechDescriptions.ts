import { onFirstUse } from "../schema/onFirstUse.js";
import type * as z from "zod/mini";

/**
 * @internal The descriptions (and other JSON Schema metadata) of the schemas in healthtech.ts, by the key each
 * schema names in its `withMeta` call. Kept apart from the schemas so that code which only validates does not
 * carry the text: they are attached when a JSON Schema is generated.
 */
export const ANALYSIS_HEALTHTECH_DESCRIPTIONS = /* @__PURE__ */ onFirstUse((): Readonly<Record<string, z.core.GlobalMeta>> => ({
  "analysis/healthtech:heading.id": { description: "Identifier used by the options." },
  "analysis/healthtech:heading.label": { description: "Human name." },
  "analysis/healthtech:heading.unit": { description: "Unit, e.g. \"days\"." },
  "analysis/healthtech:outcomeValue": { description: "An outcome value: a number or short text." },
  "analysis/healthtech:option.id": { description: "Identifier, unique in the table." },
  "analysis/healthtech:option.label": { description: "Human name." },
  "analysis/healthtech:option.costs": { description: "Costs per patient by category." },
  "analysis/healthtech:option.costs.category": { description: "Cost category id." },
  "analysis/healthtech:option.costs.amount": { description: "Cost per patient." },
  "analysis/healthtech:option.outcomes": { description: "Outcomes, numbers or short text." },
  "analysis/healthtech:option.outcomes.outcome": { description: "Outcome id." },
  "analysis/healthtech:options": { description: "The options, in column order." },
  "analysis/healthtech:cca.currency": { description: "Currency of every cost." },
  "analysis/healthtech:cca.costCategories": { description: "Cost categories in row order." },
  "analysis/healthtech:cca.outcomes": { description: "Outcomes in row order." },
  "analysis/healthtech:cc.currency": { description: "Currency of every cost." },
  "analysis/healthtech:cc.comparator": { description: "Id of the comparator option." },
  "analysis/healthtech:cc.population": { description: "Number of patients the population figures are for." },
}));
