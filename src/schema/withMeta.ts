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

/**
 * @internal The shape of an object schema whose properties carry the descriptions stored under
 * `<key>.<property>` in its area's description table: each property `p` becomes `withMeta(shape[p],
 * key + "." + p)`, except those named in `plain`, which are kept as given (undescribed, or described under a
 * key of their own). The same schemas as writing `withMeta` on every property, with the object's key written
 * once: a bundle carries the key and the property names it has anyway, not one long key per property.
 */
/* @__NO_SIDE_EFFECTS__ */
export function describedShape<T extends Readonly<Record<string, z.core.$ZodType>>>(key: string, shape: T, ...plain: readonly (keyof T & string)[]): T {
  const out: Record<string, z.core.$ZodType> = {};
  for (const p of Object.keys(shape)) out[p] = plain.includes(p) ? shape[p]! : withMeta(shape[p]!, `${key}.${p}`);
  return out as T;
}

/**
 * @internal A strict object schema described under `key` whose properties are described under `<key>.<property>`
 * (see {@link describedShape}; those named in `plain` kept as given): exactly `withMeta(z.strictObject(
 * describedShape(key, shape, ...plain)), key)`, with the key written once.
 */
/* @__NO_SIDE_EFFECTS__ */
export function describedObject<T extends z.core.$ZodLooseShape>(key: string, shape: T, ...plain: readonly (keyof T & string)[]): z.ZodMiniObject<T, z.core.$strict> {
  return withMeta(z.strictObject(describedShape(key, shape, ...plain)), key) as z.ZodMiniObject<T, z.core.$strict>;
}
