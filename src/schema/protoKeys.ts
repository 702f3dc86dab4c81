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
  const stack: { value: object; path: (string | number)[] }[] = [{ value: input, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const v: unknown = value[i];
        if (v !== null && typeof v === "object") stack.push({ value: v, path: [...path, i] });
      }
      continue;
    }
    if (Object.hasOwn(value, "__proto__")) {
      issues.push({ code: "unrecognized_keys", path: [...path, "__proto__"], message: 'unknown key "__proto__" (not allowed)' });
    }
    const keys = Object.keys(value);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      if (key === "__proto__") continue;
      const v: unknown = (value as Record<string, unknown>)[key];
      if (v !== null && typeof v === "object") stack.push({ value: v, path: [...path, key] });
    }
  }
  return issues;
}
