import * as z from "zod";

/** Unwraps optional, default, readonly, pipe (its input side) and lazy wrappers of a zod schema. */
function unwrap(s: z.ZodType): z.ZodType {
  let x: z.ZodType = s;
  for (let i = 0; i < 20; i++) {
    const def = (x as unknown as { _zod: { def: { innerType?: z.ZodType; in?: z.ZodType; getter?: () => z.ZodType } } })._zod.def;
    if (x instanceof z.ZodOptional || x instanceof z.ZodDefault || x instanceof z.ZodReadonly) x = def.innerType!;
    else if (x instanceof z.ZodPipe) x = def.in!;
    else if (x instanceof z.ZodLazy) x = def.getter!();
    else break;
  }
  return x;
}

/**
 * The part of a published document schema that one row of a CSV layout stands for, found by walking object
 * keys and array elements (`"[]"`): so a row is checked by exactly the rules its document applies.
 */
export function schemaPart(schema: z.ZodType, path: readonly string[]): z.ZodType {
  let x = schema;
  for (const step of path) {
    const u = unwrap(x);
    if (step === "[]" && u instanceof z.ZodArray) x = u.element as z.ZodType;
    else if (step !== "[]" && u instanceof z.ZodObject && (u.shape as Record<string, z.ZodType>)[step] !== undefined) x = (u.shape as Record<string, z.ZodType>)[step]!;
    else throw new Error(`vbp-score internal: no schema part at ${path.join(".")} (step ${step})`);
  }
  return x;
}
