import { onFirstUse } from "./onFirstUse.js";
import type { DescriptionTable } from "./describe.js";
import { SCHEMA_DISCOUNTING_DESCRIPTIONS } from "./discountingDescriptions.js";
import { SCHEMA_PRIMITIVES_DESCRIPTIONS } from "./primitivesDescriptions.js";

/** @internal The description tables of the shared input primitives (decimals, dates, ids, sources, discounting). */
export const SCHEMA_DESCRIPTION_TABLES = /* @__PURE__ */ onFirstUse((): readonly DescriptionTable[] => [SCHEMA_PRIMITIVES_DESCRIPTIONS(), SCHEMA_DISCOUNTING_DESCRIPTIONS()]);
