import { $ZodArray, $ZodDefault, $ZodLazy, $ZodObject, $ZodOptional, $ZodPipe, $ZodReadonly } from "zod/v4/core";
import * as z from "zod/mini";

type AnySchema = z.core.$ZodType;

/** Unwraps optional, default, readonly, pipe (its input side) and lazy wrappers of a zod schema. */
function unwrap(s: AnySchema): AnySchema {
  let x: AnySchema = s;
  for (let i = 0; i < 20; i++) {
    const def = (x as unknown as { _zod: { def: { innerType?: AnySchema; in?: AnySchema; getter?: () => AnySchema } } })._zod.def;
    if (x instanceof $ZodOptional || x instanceof $ZodDefault || x instanceof $ZodReadonly) x = def.innerType!;
    else if (x instanceof $ZodPipe) x = def.in!;
    else if (x instanceof $ZodLazy) x = def.getter!();
    else break;
  }
  return x;
}

/**
 * The part of a published document schema that one row of a CSV layout stands for, found by walking object
 * keys and array elements (`"[]"`): so a row is checked by exactly the rules its document applies.
 */
export function schemaPart(schema: AnySchema, path: readonly string[]): z.ZodMiniType {
  let x = schema;
  for (const step of path) {
    const u = unwrap(x);
    const shape = u instanceof $ZodObject ? (u._zod.def.shape as Record<string, AnySchema>) : undefined;
    if (step === "[]" && u instanceof $ZodArray) x = u._zod.def.element;
    else if (step !== "[]" && shape?.[step] !== undefined) x = shape[step];
    else throw new Error(`vbp-score internal: no schema part at ${path.join(".")} (step ${step})`);
  }
  return x as z.ZodMiniType;
}
