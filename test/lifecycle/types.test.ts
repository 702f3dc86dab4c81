import { describe, expect, expectTypeOf, it } from "vitest";
import {
  evaluateLifecycle,
  formatIssue,
  parseLifecycleDocument,
  safeEvaluateLifecycle,
  type CostItemKind,
  type LifecycleDocument,
  type LifecycleDocumentInput,
  type LifecycleLedgerRow,
  type LifecycleResult,
  type Money,
  type SafeResult,
} from "../../src/index.js";
import { baseDoc } from "./helpers.js";

describe("lifecycle public types", () => {
  it("results are plain data: Money and decimal strings, never Dec", () => {
    expectTypeOf(evaluateLifecycle).returns.toEqualTypeOf<LifecycleResult>();
    expectTypeOf<LifecycleResult["options"][number]["presentCost"]>().toEqualTypeOf<Money>();
    expectTypeOf<LifecycleLedgerRow["discounted"]>().toEqualTypeOf<string>();
    expectTypeOf<LifecycleLedgerRow["kind"]>().toEqualTypeOf<CostItemKind>();
    expectTypeOf(safeEvaluateLifecycle).returns.toEqualTypeOf<SafeResult<LifecycleResult>>();
  });
  it("a parsed document is accepted as input again, with defaults filled", () => {
    expectTypeOf<LifecycleDocument>().toExtend<LifecycleDocumentInput>();
    expectTypeOf<LifecycleDocument["period"]>().toEqualTypeOf<"year" | "month">();
    const doc = parseLifecycleDocument(baseDoc());
    expect(evaluateLifecycle(doc)).toEqual(evaluateLifecycle(baseDoc()));
  });
  it("safeEvaluateLifecycle returns issues instead of throwing", () => {
    const bad = safeEvaluateLifecycle(baseDoc({ horizonYears: 0 }));
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues.map(formatIssue)).toEqual(["horizonYears: must be ≥ 1, got 0"]);
    const good = safeEvaluateLifecycle(baseDoc());
    expect(good.success && good.data.options[0]!.undiscounted.amount).toBe("10000");
  });
});
