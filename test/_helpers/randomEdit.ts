// Random edits of a JSON document for properties that compare two readers of it (a fast path against the
// schemas' full parse): follow a path of numbers to a node, then remove it, set it to another value, graft a
// value found elsewhere in the document onto it, or add an unknown key or a `__proto__` key to it.

/** One edit: `path` and `from` pick nodes (each step picks a key or an index modulo the count). */
export interface RandomEdit {
  readonly path: readonly number[];
  readonly kind: "delete" | "set" | "graft" | "unknown" | "proto";
  readonly value: unknown;
  readonly from: readonly number[];
}

/** The node reached by following `path` (each step picks a key or an index modulo the count). */
export function walk(doc: unknown, path: readonly number[]): { parent: Record<string, unknown> | unknown[]; key: string | number } | undefined {
  let parent: unknown = doc;
  let last: { parent: Record<string, unknown> | unknown[]; key: string | number } | undefined;
  for (const step of path) {
    if (parent === null || typeof parent !== "object") break;
    if (Array.isArray(parent)) {
      if (parent.length === 0) break;
      const i = step % parent.length;
      last = { parent, key: i };
      parent = parent[i];
    } else {
      const keys = Object.keys(parent);
      if (keys.length === 0) break;
      const k = keys[step % keys.length]!;
      last = { parent: parent as Record<string, unknown>, key: k };
      parent = (parent as Record<string, unknown>)[k];
    }
  }
  return last;
}

/**
 * The document with the edit applied (in place where it can be; a `__proto__` key needs a new document, made by
 * JSON.parse so that `__proto__` is an own key, as in a caller's parsed document).
 */
export function applyEdit(doc: unknown, { path, kind, value, from }: RandomEdit): unknown {
  const at = walk(doc, path);
  if (at === undefined) return doc;
  const { parent, key } = at;
  if (kind === "delete") {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else if (kind === "set") (parent as Record<string | number, unknown>)[key] = structuredClone(value);
  else if (kind === "graft") {
    const src = walk(doc, from);
    if (src !== undefined) (parent as Record<string | number, unknown>)[key] = structuredClone((src.parent as Record<string | number, unknown>)[src.key]);
  } else if (!Array.isArray(parent)) {
    const target = parent[key as string];
    if (target !== null && typeof target === "object" && !Array.isArray(target)) {
      if (kind === "unknown") (target as Record<string, unknown>).extraKey = value;
      else {
        (target as Record<string, unknown>).protoMarker = 1;
        return JSON.parse(JSON.stringify(doc).replace('"protoMarker":1', '"__proto__":{}')) as unknown;
      }
    }
  }
  return doc;
}
