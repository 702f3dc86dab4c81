import { onFirstUse } from "../../schema/onFirstUse.js";
import type * as z from "zod/mini";

/**
 * @internal The descriptions (and other JSON Schema metadata) of the schemas in options.ts, by the key each
 * schema names in its `withMeta` call. Kept apart from the schemas so that code which only validates does not
 * carry the text: they are attached when a JSON Schema is generated.
 */
export const ANALYSIS_OPTIONS_DESCRIPTIONS = /* @__PURE__ */ onFirstUse((): Readonly<Record<string, z.core.GlobalMeta>> => ({
  "analysis/options:ceaOption": { description: "One option with its total cost and effect." },
  "analysis/options:ceaOption.id": { description: "Identifier, unique within the analysis." },
  "analysis/options:ceaOption.label": { description: "Human name for tables." },
  "analysis/options:ceaOption.cost": { description: "Total (discounted) cost, as a decimal string or finite number." },
  "analysis/options:ceaOption.effect": { description: "Total (discounted) effect, QALYs or another outcome where more is better." },
  "analysis/options:ceaOptions": { description: "Options to compare: at least one, ids unique." },
}));
