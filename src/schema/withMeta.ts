import { clone } from "zod/v4/core";
import * as z from "zod/mini";

/**
 * @internal A copy of a schema carrying metadata (its description in the JSON Schema): zod's classic
 * `.meta()`, which zod/mini lacks. It adds no check, so parsing costs nothing more.
 */
/* @__NO_SIDE_EFFECTS__ */
export function withMeta<S extends z.core.$ZodType>(schema: S, meta: z.core.GlobalMeta): S {
  const copy = clone(schema);
  z.globalRegistry.add(copy, meta);
  return copy;
}
