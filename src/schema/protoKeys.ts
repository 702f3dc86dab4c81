import type { VbpIssue } from "../errors/issue.js";

/**
 * @internal Every own `__proto__` key anywhere in a parsed JSON value (JSON.parse makes `"__proto__"` an
 * ordinary own key; copying it with assignment or spread would set an object's prototype instead). Such a key
 * is refused in every document, whatever the schema at that place would say (records of ids included).
 * Iterative, so a deeply nested document cannot overflow the stack; each object is visited once.
 */
export function protoKeyIssues(input: unknown): VbpIssue[] {
  const issues: VbpIssue[] = [];
  if (input === null || typeof input !== "object") return issues;
  const seen = new Set<object>();
  // Each entry links to its parent: the path is built only for an object that has the key (most have none).
  interface Entry {
    readonly value: object;
    readonly parent: Entry | undefined;
    readonly key: string | number;
  }
  const pathOf = (e: Entry): (string | number)[] => {
    const path: (string | number)[] = [];
    for (let at: Entry | undefined = e; at?.parent !== undefined; at = at.parent) path.push(at.key);
    return path.reverse();
  };
  const stack: Entry[] = [{ value: input, parent: undefined, key: "" }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const value = entry.value;
    if (seen.has(value)) continue;
    // Only objects holding other objects are remembered (what guards against cycles and repeated subtrees);
    // most objects of a document hold plain values alone, and remembering each would cost more than the scan.
    const before = stack.length;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const v: unknown = value[i];
        if (v !== null && typeof v === "object") stack.push({ value: v, parent: entry, key: i });
      }
      if (stack.length > before) seen.add(value);
      continue;
    }
    if (Object.hasOwn(value, "__proto__")) {
      issues.push({ code: "unrecognized_keys", path: [...pathOf(entry), "__proto__"], message: 'unknown key "__proto__" (not allowed)' });
    }
    const keys = Object.keys(value);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      if (key === "__proto__") continue;
      const v: unknown = (value as Record<string, unknown>)[key];
      if (v !== null && typeof v === "object") stack.push({ value: v, parent: entry, key });
    }
    if (stack.length > before) seen.add(value);
  }
  return issues;
}

/** @internal A schema's issues and the `__proto__` issues, one per path (the schema may report the same key). */
export function withProtoIssues(own: readonly VbpIssue[], proto: readonly VbpIssue[]): VbpIssue[] {
  const at = new Set(own.map((i) => JSON.stringify(i.path)));
  return [...own, ...proto.filter((p) => !at.has(JSON.stringify(p.path)))];
}
