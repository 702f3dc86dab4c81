import { Dec } from "../../src/_lib/decimal.js";
import type { LifecycleDocumentInput } from "../../src/index.js";

/** Exact sum of decimal strings (test helper). */
export function sum(values: Iterable<string>): string {
  let total = new Dec(0);
  for (const v of values) total = total.plus(v);
  return total.isZero() ? "0" : total.toFixed();
}

/** Absolute difference of two decimal strings, as a Dec. */
export function diff(a: string, b: string): Dec {
  return new Dec(a).minus(b).abs();
}

/** A minimal valid document with one option, to be extended by each test. */
export function baseDoc(overrides: Partial<LifecycleDocumentInput> = {}): LifecycleDocumentInput {
  return {
    currency: "GBP",
    priceBaseDate: "2026-04-01",
    horizonYears: 10,
    discounting: { schedule: "nice-3.5" },
    options: [{ id: "a", name: "Option A", items: [{ id: "svc", kind: "maintenance", label: "Service", unitCost: "1000" }] }],
    ...overrides,
  };
}

/** Recursively freezes a value (test helper for "input is not mutated"). */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object") {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
