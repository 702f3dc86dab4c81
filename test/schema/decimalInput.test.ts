import { describe, expect, it } from "vitest";
import {
  addMoney,
  compareMoney,
  DECIMAL_INPUT_LIMITS,
  evaluateLifecycle,
  formatMoney,
  money,
  multiplyMoney,
  priceScore,
  roundMoney,
  safeEvaluate,
  safeParseLifecycleDocument,
  safeParsePathwayModel,
  subtractMoney,
  sumMoney,
  type Money,
  type VbpIssue,
} from "../../src/index.js";
import { decimalSchema } from "../../src/schema/primitives.js";
import { safeParseWith } from "../../src/schema/issues.js";
import { tenderDoc } from "../evaluate/helpers.js";
import { thrown } from "../_helpers/thrown.js";

function decimalIssues(v: unknown): VbpIssue[] {
  const r = safeParseWith(decimalSchema(), v);
  return r.success ? [] : r.error.issues.map((i) => ({ code: i.code, path: [...i.path], message: i.message }));
}

/** Each hostile value, the code and the message the one decimal rule gives it, wherever it is read. */
const HOSTILE: readonly (readonly [unknown, VbpIssue["code"], string])[] = [
  ["0x10", "invalid_format", 'must be a decimal number (no hexadecimal, octal or binary), got "0x10"'],
  ["0o17", "invalid_format", 'must be a decimal number (no hexadecimal, octal or binary), got "0o17"'],
  ["0b101", "invalid_format", 'must be a decimal number (no hexadecimal, octal or binary), got "0b101"'],
  ["-0X1F", "invalid_format", 'must be a decimal number (no hexadecimal, octal or binary), got "-0X1F"'],
  ["017", "invalid_format", 'must not have leading zeros (is it octal?), got "017"'],
  [" 12", "invalid_format", 'must be a decimal number without surrounding spaces, got " 12"'],
  ["12\n", "invalid_format", 'must be a decimal number without surrounding spaces, got "12\\n"'],
  ["", "invalid_type", 'must be a decimal number, got an empty string ""'],
  ["1 000", "invalid_type", 'must be a finite decimal number, got "1 000"'],
  ["NaN", "invalid_type", 'must be a finite decimal number, got "NaN"'],
  ["Infinity", "invalid_type", 'must be a finite decimal number, got "Infinity"'],
  [Number.NaN, "invalid_type", "must be a finite decimal number, got NaN"],
  ["1e9999", "too_big", "must be less than 10^15, got 1e9999"],
  ["1e15", "too_big", "must be less than 10^15, got 1e15"],
  [1e21, "too_big", "must be less than 10^15, got 1e+21"],
  ["1e-101", "too_big", "must have at most 100 decimal places, got 1e-101"],
  ["1".repeat(201), "too_big", `must be at most 200 characters long, got "${"1".repeat(40)}…"`],
];

describe("one rule for decimal input", () => {
  it("states its limits as data", () => {
    expect(DECIMAL_INPUT_LIMITS).toEqual({ maxIntegerDigits: 15, maxDecimalPlaces: 100, maxLength: 200 });
    expect(Object.isFrozen(DECIMAL_INPUT_LIMITS)).toBe(true);
  });

  it.each(HOSTILE)("the schema primitive refuses %j", (value, code, message) => {
    expect(decimalIssues(value)).toEqual([{ code, path: [], message }]);
  });

  it("accepts the edges of the rule, kept digit for digit", () => {
    for (const ok of ["999999999999999", "-999999999999999.5", "0.00000000000000000000000000000000000000000000000001", "1e14", "1e-45", "1.5e-99", "100e-102", "0.019999999999999999999999999999999999999999999999999", ".5", "0", "-0.0", "0.05e16"]) {
      expect(safeParseWith(decimalSchema(), ok)).toEqual({ success: true, data: ok });
    }
    expect(safeParseWith(decimalSchema(), 12.5)).toEqual({ success: true, data: "12.5" });
  });

  it.each(HOSTILE)("money() refuses %j at path amount", (value, code, message) => {
    expect(thrown(() => money(value as string, "GBP"))).toEqual([{ code, path: ["amount"], message }]);
  });

  it("multiplyMoney refuses a hostile factor at path factor", () => {
    expect(thrown(() => multiplyMoney(money("1", "GBP"), "0x10"))).toEqual([
      { code: "invalid_format", path: ["factor"], message: 'must be a decimal number (no hexadecimal, octal or binary), got "0x10"' },
    ]);
  });

  it.each(HOSTILE.filter(([v]) => typeof v === "string"))("a price formula refuses %j as a price at its path", (value, code, message) => {
    const issues = thrown(() => priceScore(value as string, ["100", value as string], "40", { formula: "relative-to-lowest" }));
    expect(issues[0]).toEqual(code === "invalid_type" ? { code, path: ["price"], message: `must be a price (a finite decimal number), got ${JSON.stringify(value)}` } : { code, path: ["price"], message });
  });

  it("1e9999 (and 1e15) are refused alike by lifecycle amounts and pathway parameters", () => {
    for (const big of ["1e9999", "1e15"]) {
      const lifecycle = safeParseLifecycleDocument({
        currency: "GBP",
        priceBaseDate: "2026-04-01",
        horizonYears: 1,
        discounting: { schedule: "none" },
        options: [{ id: "a", name: "A", items: [{ id: "s", kind: "maintenance", label: "Service", unitCost: big }] }],
      });
      expect(lifecycle.success ? [] : lifecycle.error.issues.map((i) => [i.code, i.path.join("."), i.message])).toEqual([
        ["too_big", "options.0.items.0.unitCost", `must be less than 10^15, got ${big}`],
      ]);
      const pathway = safeParsePathwayModel({
        id: "m",
        parameters: [{ id: "p", value: big }],
        tree: { root: "a", nodes: [{ id: "a", items: [{ id: "x", category: "staff", quantity: 1, unitCost: { param: "p" } }] }] },
        options: [{ id: "cmp", isComparator: true }, { id: "dev" }],
      });
      expect(pathway.success ? [] : pathway.error.issues.map((i) => [i.code, i.path.join("."), i.message])).toEqual([
        ["too_big", "parameters.0.value", `must be less than 10^15, got ${big}`],
      ]);
    }
  });

  it("a pathway parameter refuses hex and padded strings like every other decimal", () => {
    const model = (value: unknown) => ({
      id: "m",
      parameters: [{ id: "p", value }],
      tree: { root: "a", nodes: [{ id: "a", items: [{ id: "x", category: "staff", quantity: 1, unitCost: { param: "p" } }] }] },
      options: [{ id: "cmp", isComparator: true }, { id: "dev" }],
    });
    for (const [value, code, message] of HOSTILE.filter(([v]) => v === "0x10" || v === " 12")) {
      const r = safeParsePathwayModel(model(value));
      expect(r.success ? [] : r.error.issues.map((i) => ({ code: i.code, path: [...i.path], message: i.message }))).toEqual([{ code, path: ["parameters", 0, "value"], message }]);
    }
  });

  it("lifecycle refuses padded, empty and hex amounts (they used to be trimmed or read as numbers)", () => {
    const doc = (unitCost: string) => ({
      currency: "GBP",
      priceBaseDate: "2026-04-01",
      horizonYears: 1,
      discounting: { schedule: "none" as const },
      options: [{ id: "a", name: "A", items: [{ id: "s", kind: "maintenance" as const, label: "Service", unitCost }] }],
    });
    expect(thrown(() => evaluateLifecycle(doc(" 100")))).toEqual([
      { code: "invalid_format", path: ["options", 0, "items", 0, "unitCost"], message: 'must be a decimal number without surrounding spaces, got " 100"' },
    ]);
    expect(thrown(() => evaluateLifecycle(doc("")))).toEqual([{ code: "invalid_type", path: ["options", 0, "items", 0, "unitCost"], message: 'must be a decimal number, got an empty string ""' }]);
  });
});

describe("a hand-made Money is checked before use", () => {
  const gbp = money("1", "GBP");
  const nan = { amount: "NaN", currency: "GBP" } as Money;

  it("{ amount: \"NaN\" } does not flow through addMoney (or any other operation)", () => {
    const issue = { code: "invalid_type", path: ["a", "amount"], message: 'must be a decimal string such as "1249.99", got "NaN"' };
    expect(thrown(() => addMoney(nan, gbp))).toEqual([issue]);
    expect(thrown(() => addMoney(gbp, nan))).toEqual([{ ...issue, path: ["b", "amount"] }]);
    expect(thrown(() => subtractMoney(nan, gbp))).toEqual([issue]);
    expect(thrown(() => multiplyMoney(nan, "2"))).toEqual([issue]);
    expect(thrown(() => compareMoney(gbp, nan))).toEqual([{ ...issue, path: ["b", "amount"] }]);
    expect(thrown(() => roundMoney(nan))).toEqual([issue]);
    expect(thrown(() => formatMoney(nan))).toEqual([issue]);
    expect(thrown(() => sumMoney([gbp, nan], "GBP"))).toEqual([{ ...issue, path: ["amounts", 1, "amount"] }]);
  });

  it("other hand-made shapes: hex, spaces, numbers, unknown currency, null", () => {
    expect(thrown(() => addMoney({ amount: "0x10", currency: "GBP" } as Money, gbp))).toEqual([
      { code: "invalid_type", path: ["a", "amount"], message: 'must be a decimal string such as "1249.99", got "0x10"' },
    ]);
    expect(thrown(() => addMoney({ amount: " 1", currency: "GBP" } as Money, gbp))[0]!.path).toEqual(["a", "amount"]);
    expect(thrown(() => addMoney({ amount: 1, currency: "GBP" } as unknown as Money, gbp))).toEqual([
      { code: "invalid_type", path: ["a", "amount"], message: 'must be a decimal string such as "1249.99", got number' },
    ]);
    expect(thrown(() => addMoney({ amount: "1", currency: "XXX" } as unknown as Money, gbp))).toEqual([
      { code: "invalid_value", path: ["a", "currency"], message: 'must be a known ISO 4217 currency code, got "XXX"' },
    ]);
    expect(thrown(() => addMoney(null as unknown as Money, gbp))).toEqual([{ code: "invalid_type", path: ["a"], message: "must be a Money { amount, currency }, got null" }]);
  });

  it("computed amounts larger or finer than the input limits still chain", () => {
    const third = multiplyMoney(money("1", "GBP"), "0.333333333333333333333333333333");
    const big = multiplyMoney(money("999999999999999", "GBP"), "1000");
    expect(addMoney(third, big).amount).toBe("999999999999999000.333333333333333333333333333333");
  });
});

describe("roundMoney and formatMoney with bad options throw the library's error with a path", () => {
  const m = money("2.345", "GBP");
  it.each([
    [{ decimals: -1 }, ["options", "decimals"], "must be a whole number from 0 to 50, got -1"],
    [{ decimals: 1.5 }, ["options", "decimals"], "must be a whole number from 0 to 50, got 1.5"],
    [{ decimals: 1e9 }, ["options", "decimals"], "must be a whole number from 0 to 50, got 1000000000"],
    [{ decimals: Number.NaN }, ["options", "decimals"], "must be a whole number from 0 to 50, got NaN"],
    [{ decimals: "2" }, ["options", "decimals"], 'must be a whole number from 0 to 50, got "2"'],
    [{ rule: "bankers" }, ["options", "rule"], 'must be one of "half-even", "half-up", "down", got "bankers"'],
    [{ rule: "toString" }, ["options", "rule"], 'must be one of "half-even", "half-up", "down", got "toString"'],
  ])("%j", (options, path, message) => {
    expect(thrown(() => roundMoney(m, options as never))).toEqual([{ code: "invalid_value", path, message }]);
    expect(thrown(() => formatMoney(m, options as never))).toEqual([{ code: "invalid_value", path, message }]);
  });

  it("options that are not an object, and a symbol that is not a boolean", () => {
    expect(thrown(() => roundMoney(m, null as never))).toEqual([{ code: "invalid_type", path: ["options"], message: 'must be an object such as { decimals: 2, rule: "half-up" }, got null' }]);
    expect(thrown(() => formatMoney(m, { symbol: "no" } as never))).toEqual([{ code: "invalid_type", path: ["options", "symbol"], message: 'must be true or false, got "no"' }]);
    // Good options still work.
    expect(roundMoney(m, { decimals: 2, rule: "half-up" }).amount).toBe("2.35");
    expect(formatMoney(m, { decimals: 1, symbol: false })).toBe("2.3");
  });
});

describe("__proto__ keys and error paths in the whole job", () => {
  it("a __proto__ key in criterionMetrics is refused (other unknown keys were; this one was accepted)", () => {
    const doc = JSON.parse(JSON.stringify(tenderDoc()).replace('"criterionMetrics": {', '"criterionMetrics": {"__proto__": "wholePathwayCostPerPatient",').replace('"criterionMetrics":{', '"criterionMetrics":{"__proto__":"wholePathwayCostPerPatient",'));
    expect(Object.hasOwn(doc.criterionMetrics, "__proto__")).toBe(true);
    const r = safeEvaluate(doc);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.filter((i) => i.path.includes("__proto__")).map((i) => [i.code, i.path])).toEqual([["unrecognized_keys", ["criterionMetrics", "__proto__"]]]);
  });

  it("a __proto__ key deep inside any document is refused at its path", () => {
    const lifecycle = JSON.parse(
      '{"currency":"GBP","priceBaseDate":"2026-04-01","horizonYears":1,"discounting":{"schedule":"none"},"options":[{"id":"a","name":"A","items":[{"id":"s","kind":"maintenance","label":"S","unitCost":"1","__proto__":{"polluted":true}}]}]}',
    );
    const r = safeParseLifecycleDocument(lifecycle);
    expect(r.success ? [] : r.error.issues.map((i) => [i.code, i.path])).toEqual([["unrecognized_keys", ["options", 0, "items", 0, "__proto__"]]]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("an unknown threshold.jurisdiction is reported at threshold.jurisdiction, a key that exists in the document", () => {
    const doc = tenderDoc();
    doc.threshold.jurisdiction = "XX-NOWHERE";
    const r = safeEvaluate(doc);
    expect(r.success).toBe(false);
    if (!r.success) {
      const hit = r.error.issues.filter((i) => i.path[0] === "threshold");
      expect(hit.map((i) => [i.code, i.path])).toEqual([["unknown_reference", ["threshold", "jurisdiction"]]]);
      expect(hit[0]!.message).toMatch(/^no threshold for jurisdiction "XX-NOWHERE" \(known: /);
    }
  });
});
