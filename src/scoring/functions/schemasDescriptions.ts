import { onFirstUse } from "../../schema/onFirstUse.js";
import type * as z from "zod/mini";
import type { DescriptionTable } from "../../schema/describe.js";
import { SCHEMA_DESCRIPTION_TABLES } from "../../schema/descriptions.js";
import { PRICE_FORMULAS } from "./priceFormulas.js";
import { VALUE_FUNCTIONS } from "./valueFunctions.js";

/**
 * @internal The descriptions (and other JSON Schema metadata) of the schemas in schemas.ts, by the key each
 * schema names in its `withMeta` call. Kept apart from the schemas so that code which only validates does not
 * carry the text: they are attached when a JSON Schema is generated.
 */
export const SCORING_FUNCTIONS_DESCRIPTIONS = /* @__PURE__ */ onFirstUse((): Readonly<Record<string, z.core.GlobalMeta>> => ({
  "scoring/functions:levelInput": { description: 'A level of the scale, by value ("3" or 3) or label ("good", case-insensitive).' },
  "scoring/functions:priceFormulaSpecSchemaFor": { description: "How bid prices are turned into points: a named price formula and its parameters." },
  "scoring/functions:priceFormulaSpecSchemaFor.formula": { description: `Price formula identifier; built-in: ${Object.keys(PRICE_FORMULAS).join(", ")}.` },
  "scoring/functions:valueFunctionSpecSchemaFor": { description: "How a measured value (days, %, kgCO2e, years) is turned into points: a named value function, its direction and parameters." },
  "scoring/functions:valueFunctionSpecSchemaFor.fn": { description: `Value function identifier; built-in: ${Object.keys(VALUE_FUNCTIONS).join(", ")}.` },
  "scoring/functions:valueFunctionSpecSchemaFor.direction": { description: 'Which way the measured value is better; default "higher-is-better".' },
  "scoring/functions:level": { description: "One level of a qualitative scale." },
  "scoring/functions:level.value": { description: "Numeric value of the level (≥ 0); points = maxPoints × value / highest value." },
  "scoring/functions:level.label": { description: "Short name of the level, unique within the scale." },
  "scoring/functions:level.descriptor": { description: "What a response must show to be given this level." },
  "scoring/functions:qualitativeScale": { description: "A qualitative scoring scale: levels with values and descriptors." },
  "scoring/functions:qualitativeScale.id": { description: "Identifier of the scale, recorded with scores." },
  "scoring/functions:qualitativeScale.label": { description: "Human name of the scale." },
  "scoring/functions:qualitativeScale.levels": { description: "The levels, worst first (2–101 levels)." },
  "scoring/functions:qualitativeScale.source": { description: "Where the scale and its descriptors come from." },
  "scoring/functions:qualitativeScale.note": { description: "Anything needed to apply the scale correctly." },
  "scoring/functions:evaluatorScore": { description: "One evaluator's score for one response, with the reason." },
  "scoring/functions:evaluatorScore.evaluatorId": { description: "Who scored: an identifier unique within the panel." },
  "scoring/functions:evaluatorScore.reason": { description: "Why: the evidence in the response that justifies the level." },
  "scoring/functions:moderationInputSchemaFor": { description: "The individual scores for one response and the moderated consensus." },
  "scoring/functions:moderationInputSchemaFor.individual": { description: "Every evaluator's own score, as given before moderation." },
  "scoring/functions:moderationInputSchemaFor.consensus": { description: "The level agreed at moderation and the reason." },
  "scoring/functions:moderationInputSchemaFor.consensus.reason": { description: "Why the panel agreed this level; required when it differs from any individual score." },
  "scoring/functions:moderationInputSchemaFor.method": { description: 'How the scores combine; default "consensus" when a consensus is given, else "median".' },
  "scoring/functions:priceFormulaParams": { description: "The formula's parameters by name, as decimals (logarithmic: A; linear-between-limits: floor, ceiling; mean-based: band; ratio-to-reference: reference; proportional-to-budget: budget).", type: "object", propertyNames: { pattern: "^[A-Za-z][A-Za-z0-9_-]{0,63}$" }, additionalProperties: { anyOf: [{ type: "number" }, { type: "string" }] } },
  "scoring/functions:valueFunctionParams": { description: "The function's parameters: linear and logarithmic: lower, upper; piecewise-linear: points [{ x, y }]; step: steps [{ x, y }], otherwise; proportional-to-best: best. y is a share of the maximum points (0–1).", type: "object", propertyNames: { pattern: "^[A-Za-z][A-Za-z0-9_-]{0,63}$" }, additionalProperties: {} },
}));

/** @internal Every description table the price formula, value function and scale schemas need. */
export const SCORING_FUNCTIONS_DESCRIPTION_TABLES = /* @__PURE__ */ onFirstUse((): readonly DescriptionTable[] => [SCORING_FUNCTIONS_DESCRIPTIONS(), ...SCHEMA_DESCRIPTION_TABLES()]);
