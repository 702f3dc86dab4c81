import { clone } from "zod/v4/core";
import * as z from "zod/mini";

/**
 * @internal Which description each described schema carries: the key into its area's description table
 * (`…Descriptions.ts` beside the schema). Only the key travels with the schema; the text is attached by
 * {@link attachDescriptions} when a JSON Schema is generated, so a bundle that only validates carries none of it.
 */
export const DESCRIPTION_KEYS = /* @__PURE__ */ z.registry<{ readonly key: string }>();

/**
 * @internal A copy of a schema that carries the description (and other JSON Schema metadata) stored under
 * `key` in its area's description table: zod's classic `.meta()`, which zod/mini lacks, with the text kept
 * apart. It adds no check, so parsing costs nothing more.
 */
/* @__NO_SIDE_EFFECTS__ */
export function withMeta<S extends z.core.$ZodType>(schema: S, key: string): S {
  const copy = clone(schema);
  DESCRIPTION_KEYS.add(copy, { key });
  return copy;
}
