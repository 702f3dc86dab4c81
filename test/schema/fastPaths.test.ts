import { describe, expect, it } from "vitest";
import { decimalSchema, nonNegativeDecimalSchema, positiveDecimalSchema, probabilitySchema } from "../../src/schema/primitives.js";
import { safeParseWith } from "../../src/schema/issues.js";
import { protoKeyIssues } from "../../src/schema/protoKeys.js";

// The shortcuts taken for plain input (a decimal string read without being taken apart, a sign settling a
// lower limit of 0, a `__proto__` scan that remembers only objects holding objects) give the same answer as
// the full rules at their edges.

function outcome(schema: Parameters<typeof safeParseWith>[0], v: unknown): string {
  const r = safeParseWith(schema, v);
  return r.success ? `ok ${String(r.data)}` : r.error.issues.map((i) => i.message).join("; ");
}

describe("decimal rule: plain strings and integers at the edges", () => {
  it.each([
    ["999999999999999", "ok 999999999999999"],
    ["-999999999999999.5", "ok -999999999999999.5"],
    ["1000000000000000", "must be less than 10^15, got 1000000000000000"],
    ["0.5", "ok 0.5"],
    ["-0", "ok -0"],
    ["00.5", 'must not have leading zeros (is it octal?), got "00.5"'],
    ["0012", 'must not have leading zeros (is it octal?), got "0012"'],
    ["1.", "ok 1."],
    ["+1", "ok +1"],
    [`0.${"1".repeat(100)}`, `ok 0.${"1".repeat(100)}`],
    [`0.${"1".repeat(101)}`, `must have at most 100 decimal places, got 0.${"1".repeat(38)}…`],
    [999999999999999, "ok 999999999999999"],
    [-999999999999999, "ok -999999999999999"],
    [1e15, "must be less than 10^15, got 1000000000000000"],
    [-0, "ok 0"],
  ] as const)("%j → %s", (v, want) => {
    expect(outcome(decimalSchema(), v)).toBe(want);
  });
});

describe("a lower limit of 0 read from the sign", () => {
  it.each([
    [nonNegativeDecimalSchema, "0", "ok 0"],
    [nonNegativeDecimalSchema, "-0", "ok -0"],
    [nonNegativeDecimalSchema, "-0.0001", "must be ≥ 0, got -0.0001"],
    [nonNegativeDecimalSchema, "1e-5", "ok 1e-5"],
    [positiveDecimalSchema, "0", "must be > 0, got 0"],
    [positiveDecimalSchema, "0.000e5", "must be > 0, got 0.000e5"],
    [positiveDecimalSchema, "+0", "must be > 0, got +0"],
    [positiveDecimalSchema, "-0", "must be > 0, got -0"],
    [positiveDecimalSchema, "0.001e2", "ok 0.001e2"],
    [positiveDecimalSchema, "-3", "must be > 0, got -3"],
    [probabilitySchema, "1.0000000000000000000000000000001", "must be ≤ 1, got 1.0000000000000000000000000000001"],
    [probabilitySchema, "-0", "ok -0"],
  ] as const)("%#: %s", (schema, v, want) => {
    expect(outcome(schema(), v)).toBe(want);
  });
});

describe("__proto__ keys are found in shared and cyclic objects", () => {
  it("reports a key in an object reached twice at its first path, and ends on a cycle", () => {
    const leaf = JSON.parse('{"__proto__": 1, "a": 2}') as object;
    const inner: Record<string, unknown> = { leaf };
    const doc: Record<string, unknown> = { x: inner, y: [inner], list: [leaf] };
    inner.self = doc; // a cycle back to the root
    const paths = protoKeyIssues(doc).map((i) => i.path.join("."));
    expect(paths).toContain("x.leaf.__proto__");
    expect(paths.every((p) => p.endsWith("__proto__"))).toBe(true);
  });
  it("finds a key deep in a long chain without overflowing the stack", () => {
    let deep: unknown = JSON.parse('{"__proto__": {}}');
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const found = protoKeyIssues(deep);
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toHaveLength(100_001);
  });
});
