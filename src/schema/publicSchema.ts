import * as zc from "zod";
import type * as z from "zod/mini";
import { attachDescriptions, type DescriptionTable } from "./describe.js";

/**
 * @internal The published form of one of the library's schemas: a zod schema (the classic API callers know:
 * `parse`, `safeParse`, `optional()`, `z.toJSONSchema`) over the library's own schema, which is built on first
 * use, with the descriptions of `tables` attached (so `z.toJSONSchema` of it documents every key). The
 * library validates with its own schemas directly, so a bundle that uses none of these published names
 * carries neither them, nor zod's classic API, nor the descriptions.
 */
/* @__NO_SIDE_EFFECTS__ */
export function publicSchema<Output, Input = unknown>(build: () => z.core.$ZodType, tables: () => readonly DescriptionTable[]): zc.ZodType<Output, Input> {
  return zc.lazy(() => {
    const schema = build();
    attachDescriptions(schema, tables());
    return schema;
  }) as unknown as zc.ZodType<Output, Input>;
}
