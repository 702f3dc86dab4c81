import { onFirstUse } from "../schema/onFirstUse.js";
import type * as z from "zod/mini";
import type { DescriptionTable } from "../schema/describe.js";
import { SCHEMA_DESCRIPTION_TABLES } from "../schema/descriptions.js";

/**
 * @internal The descriptions (and other JSON Schema metadata) of the schemas in thresholds.ts, by the key each
 * schema names in its `withMeta` call. Kept apart from the schemas so that code which only validates does not
 * carry the text: they are attached when a JSON Schema is generated.
 */
export const REFERENCE_THRESHOLDS_DESCRIPTIONS = /* @__PURE__ */ onFirstUse((): Readonly<Record<string, z.core.GlobalMeta>> => ({
  "reference/thresholds:threshold.id": { description: "Identifier recorded with results." },
  "reference/thresholds:threshold.jurisdiction": { description: "ISO 3166 country or subdivision code." },
  "reference/thresholds:threshold.programmes": { description: "Evaluation programmes it applies to." },
  "reference/thresholds:threshold.currency": { description: "Currency of the amounts." },
  "reference/thresholds:threshold.lower": { description: "Lower end of the range." },
  "reference/thresholds:threshold.upper": { description: "Upper end of the range." },
  "reference/thresholds:threshold.unit": { description: "What the amount is per." },
  "reference/thresholds:threshold.validFrom": { description: "First day it applies." },
  "reference/thresholds:threshold.validTo": { description: "Last day it applies (inclusive)." },
  "reference/thresholds:threshold.source": { description: "Where the figures come from." },
  "reference/thresholds:query.jurisdiction": { description: "ISO 3166 code of the jurisdiction." },
  "reference/thresholds:query.programme": { description: "Evaluation programme." },
  "reference/thresholds:query.on": { description: "Date of the decision." },
}));

/** @internal Every description table the threshold schemas need. */
export const REFERENCE_THRESHOLDS_DESCRIPTION_TABLES = /* @__PURE__ */ onFirstUse((): readonly DescriptionTable[] => [REFERENCE_THRESHOLDS_DESCRIPTIONS(), ...SCHEMA_DESCRIPTION_TABLES()]);
