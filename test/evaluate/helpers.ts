import { readFileSync } from "node:fs";
import { VbpInputError, type VbpIssue } from "../../src/index.js";

/** A parsed JSON document that tests edit freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = any;

/** The worked tender, parsed fresh on each call (tests may edit their copy). */
export function tenderDoc(): Doc {
  return JSON.parse(readFileSync("examples/tender/tender.json", "utf8")) as Doc;
}

/** The issues a function throws as a VbpInputError (fails the test if it does not throw one). */
export function issuesOf(f: () => unknown): readonly VbpIssue[] {
  try {
    f();
  } catch (e) {
    if (e instanceof VbpInputError) return e.issues;
    throw e;
  }
  throw new Error("expected a VbpInputError");
}

/** Every value is plain JSON data: strings, finite numbers, booleans, null, arrays and plain objects. */
export function plainJsonProblems(value: unknown, path = "$"): string[] {
  if (value === null || typeof value === "string" || typeof value === "boolean") return [];
  if (typeof value === "number") return Number.isFinite(value) ? [] : [`${path}: ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => plainJsonProblems(v, `${path}[${i}]`));
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return [`${path}: not a plain object (${String(proto?.constructor?.name)})`];
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => plainJsonProblems(v, `${path}.${k}`));
  }
  return [`${path}: ${typeof value}`];
}
