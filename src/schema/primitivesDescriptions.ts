import { onFirstUse } from "./onFirstUse.js";
import type * as z from "zod/mini";
import { DECIMAL_PATTERN } from "./decimalInput.js";
import { DECIMAL_INPUT_LIMITS } from "./decimalInput.js";

/**
 * @internal The descriptions (and other JSON Schema metadata) of the schemas in primitives.ts, by the key each
 * schema names in its `withMeta` call. Kept apart from the schemas so that code which only validates does not
 * carry the text: they are attached when a JSON Schema is generated.
 */
export const SCHEMA_PRIMITIVES_DESCRIPTIONS = /* @__PURE__ */ onFirstUse((): Readonly<Record<string, z.core.GlobalMeta>> => ({
  "schema/primitives:decimal": {
    description: "A decimal number, as a JSON number or a decimal string such as \"1249.99\" (strings keep every digit; below 10^15, at most 100 decimal places).",
    anyOf: [{ type: "number" }, { type: "string", pattern: DECIMAL_PATTERN.source, maxLength: DECIMAL_INPUT_LIMITS.maxLength }],
  },
  "schema/primitives:isoDate": { description: "A calendar date in ISO form YYYY-MM-DD." },
  "schema/primitives:currency": { description: "ISO 4217 currency code, e.g. GBP." },
  "schema/primitives:id": { description: "An identifier: 1–128 letters, digits or . _ : -, starting with a letter or digit." },
  "schema/primitives:source": { description: "Where a figure comes from: publisher, title and dates." },
  "schema/primitives:source.publisher": { description: "Organisation that published the figure." },
  "schema/primitives:source.title": { description: "Title of the document, with section or table." },
  "schema/primitives:source.publishedOn": { description: "Date the document was published (YYYY-MM-DD)." },
  "schema/primitives:source.validFrom": { description: "Date from which the figure applies (YYYY-MM-DD)." },
  "schema/primitives:source.url": { description: "Public address of the document." },
  "schema/primitives:source.note": { description: "Anything needed to apply the figure correctly." },
  "schema/primitives:nonNegativeDecimal": { description: "A decimal number ≥ 0, as a JSON number or a decimal string." },
  "schema/primitives:positiveDecimal": { description: "A decimal number > 0, as a JSON number or a decimal string." },
  "schema/primitives:probability": { description: "A probability between 0 and 1 inclusive." },
  "schema/primitives:rate": { description: "An annual rate as a fraction (0.035 is 3.5%), greater than −1 and at most 1." },
}));
