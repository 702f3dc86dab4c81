import * as z from "zod/mini";
import { DESCRIPTION_KEYS } from "./withMeta.js";

/** @internal A table of descriptions (and other JSON Schema metadata) by the key a schema names in `withMeta`. */
export type DescriptionTable = Readonly<Record<string, z.core.GlobalMeta>>;

function isSchema(v: unknown): v is z.core.$ZodType {
  return typeof v === "object" && v !== null && "_zod" in v && typeof (v as { _zod: { def?: unknown } })._zod.def === "object";
}

/**
 * @internal Attaches the descriptions of every described schema reachable from `root` (zod's global
 * registry, where `z.toJSONSchema` reads them), looking each key up in `tables`. Idempotent. Throws when a
 * key has no entry, so a description table left out is caught when the JSON Schema files are built.
 */
export function attachDescriptions(root: z.core.$ZodType, tables: readonly DescriptionTable[]): void {
  const seen = new WeakSet<object>();
  const visitValue = (v: unknown, depth: number): void => {
    if (isSchema(v)) visit(v);
    else if (Array.isArray(v)) for (const x of v) visitValue(x, depth);
    else if (depth === 0 && typeof v === "object" && v !== null) for (const x of Object.values(v)) visitValue(x, depth + 1);
  };
  const visit = (s: z.core.$ZodType): void => {
    if (seen.has(s)) return;
    seen.add(s);
    if (DESCRIPTION_KEYS.has(s) && !z.globalRegistry.has(s)) {
      const key = DESCRIPTION_KEYS.get(s)!.key;
      const meta = tables.find((t) => Object.prototype.hasOwnProperty.call(t, key))?.[key];
      if (meta === undefined) throw new Error(`no description for the schema key "${key}"`);
      z.globalRegistry.add(s, meta);
    }
    const internals = s._zod as unknown as { parent?: z.core.$ZodType; def: Record<string, unknown> };
    if (internals.parent !== undefined) visit(internals.parent);
    const def = internals.def;
    for (const [k, v] of Object.entries(def)) if (k !== "checks") visitValue(v, 0);
    if (def.type === "lazy" && typeof def.getter === "function") visitValue((def.getter as () => unknown)(), 0);
  };
  visit(root);
}

/** @internal `schema` with the descriptions of `tables` attached (see {@link attachDescriptions}). */
export function described<S extends z.core.$ZodType>(schema: S, tables: () => readonly DescriptionTable[]): S {
  attachDescriptions(schema, tables());
  return schema;
}
