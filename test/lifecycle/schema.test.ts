import { describe, expect, it } from "vitest";
import {
  evaluateLifecycle,
  formatIssue,
  LIFECYCLE_LIMITS,
  lifecycleDocumentJsonSchema,
  parseLifecycleDocument,
  safeParseLifecycleDocument,
  VbpInputError,
} from "../../src/index.js";
import { baseDoc } from "./helpers.js";

function problems(doc: unknown): string[] {
  const r = safeParseLifecycleDocument(doc);
  return r.success ? [] : r.error.issues.map((i) => `${i.code} | ${formatIssue(i)}`);
}

const item = (x: object = {}) => ({ id: "x", kind: "other", label: "x", unitCost: "1", ...x });
const withItems = (items: object[], option: object = {}, doc: object = {}) => baseDoc({ ...doc, options: [{ id: "a", name: "A", items, ...option }] } as never);

describe("lifecycle document validation: every rule names its path", () => {
  const cases: [string, unknown, string[]][] = [
    ["horizon of 0 years", baseDoc({ horizonYears: 0 }), ["too_small | horizonYears: must be ≥ 1, got 0"]],
    ["horizon of 10,000 years", baseDoc({ horizonYears: 10000 }), ["too_big | horizonYears: must be ≤ 200, got 10000"]],
    ["duplicate option ids", baseDoc({ options: [{ id: "a", name: "A", items: [] }, { id: "a", name: "B", items: [] }] }), ['duplicate_id | options[1].id: duplicate option id "a" (also options[0].id)']],
    ["duplicate item ids", withItems([item(), item()]), ['duplicate_id | options[0].items[1].id: duplicate item id "x" in option "a" (also items[0].id)']],
    ["unknown comparator", baseDoc({ comparatorId: "zzz" }), ['unknown_reference | comparatorId: must be the id of one of the options, got "zzz"']],
    ["negative price", withItems([item({ unitCost: -12.5 })]), ["too_small | options[0].items[0].unitCost: must be ≥ 0, got -12.5"]],
    ["negative quantity", withItems([item({ quantity: "-1" })]), ["too_small | options[0].items[0].quantity: must be ≥ 0, got -1"]],
    ["negative residual value (it is stated as the value recovered)", withItems([item({ kind: "residual-value", unitCost: -5 })]), ["too_small | options[0].items[0].unitCost: must be ≥ 0, got -5"]],
    [
      "straight-line residual without a service life",
      withItems([{ id: "rv", kind: "residual-value", label: "rv" }]),
      ["invalid_type | options[0].items[0].unitCost: a residual value needs a stated unitCost, or the option's serviceLifeYears for straight-line depreciation"],
    ],
    ["dates out of order", withItems([item({ startDate: "2030-01-01", endDate: "2029-01-01" })]), ["out_of_order | options[0].items[0].endDate: must not be before startDate 2030-01-01, got 2029-01-01"]],
    ["years out of order", withItems([item({ startYear: 5, endYear: 3 })]), ["out_of_order | options[0].items[0].endYear: must not be before startYear 5, got 3"]],
    ["date after the horizon", withItems([item({ frequency: "once", date: "2040-01-01" })]), ["invalid_value | options[0].items[0].date: must be within the horizon (2026-04-01 to 2036-03-31), got 2040-01-01"]],
    ["date before the price base", withItems([item({ frequency: "once", date: "2020-01-01" })]), ["invalid_value | options[0].items[0].date: must be within the horizon (2026-04-01 to 2036-03-31), got 2020-01-01"]],
    ["year beyond the horizon", withItems([item({ endYear: 11 })]), ["too_big | options[0].items[0].endYear: must be ≤ horizonYears (10), got 11"]],
    ["once item outside its window", withItems([item({ frequency: "once", year: 2, startYear: 3 })]), ["out_of_order | options[0].items[0].year: must fall within the item's startYear/startDate to endYear/endDate window, got 2"]],
    ["missing unit cost", withItems([{ id: "x", kind: "other", label: "x" }]), ["invalid_type | options[0].items[0].unitCost: is required (a decimal number)"]],
    ["per-use item without volumes", withItems([item({ basis: "per-use" })]), ["unknown_reference | options[0].items[0].basis: a per-use item needs usesPerYear on its option or in volumes"]],
    ["frequency on a per-use item", withItems([item({ basis: "per-use", frequency: "once" })], { usesPerYear: 10 }), ['invalid_value | options[0].items[0].frequency: must be omitted for a per-use item (it accrues with volume in every period), got "once"']],
    ["every-n-years without everyYears", withItems([item({ frequency: "every-n-years" })]), ["invalid_type | options[0].items[0].everyYears: is required when frequency is every-n-years"]],
    ["price year without an index", withItems([item({ priceYear: "2020" })]), ['unknown_reference | options[0].items[0].priceYear: needs an indexation series to restate prices from "2020" to the price base year "2026"']],
    [
      "price year missing from the index",
      withItems([item({ priceYear: "2020" })], {}, { indexation: { id: "i", label: "i", values: { "2026": 100 } } }),
      ['unknown_reference | options[0].items[0].priceYear: price year "2020" is not in index "i" (it has 2026)'],
    ],
    ["volume array of the wrong length", baseDoc({ volumes: { usesPerYear: [1, 2] } }), ["invalid_value | volumes.usesPerYear: must have exactly 10 values (one per year of the horizon), got 2"]],
    ["unknown key", { ...baseDoc(), extra: 1 }, ['unrecognized_keys | extra: unknown key "extra" (check the spelling; unknown keys are not allowed)']],
    ["unknown schedule id", baseDoc({ discounting: { schedule: "nice-9" as never } }), [
      'invalid_union | discounting.schedule: must be a bundled schedule id (nice-3.5, nice-1.5, green-book, green-book-health, none) or an inline schedule {id, label, steps}, got "nice-9"',
    ]],
    [
      "inline schedule not starting at 0 and not ascending",
      baseDoc({ discounting: { schedule: { id: "s", label: "s", steps: [{ fromYear: 1, rate: "0.03" }, { fromYear: 1, rate: "0.02" }] } } }),
      ["invalid_value | discounting.schedule.steps[0].fromYear: the first step must start at year 0, got 1", "out_of_order | discounting.schedule.steps[1].fromYear: must be greater than the previous step's fromYear (1), got 1"],
    ],
    ["NaN price", withItems([item({ unitCost: Number.NaN })]), ["invalid_type | options[0].items[0].unitCost: must be a finite decimal number, got NaN"]],
    ["invalid calendar date", baseDoc({ priceBaseDate: "2026-02-30" }), ['invalid_format | priceBaseDate: must be a calendar date in YYYY-MM-DD form, got "2026-02-30"']],
  ];
  it.each(cases)("%s", (_name, doc, expected) => {
    expect(problems(doc)).toEqual(expected);
  });

  it(`rejects a 50,000-item option (limit ${LIFECYCLE_LIMITS.maxItemsPerOption} items per option)`, () => {
    const doc = withItems(Array.from({ length: 50_000 }, (_, i) => item({ id: `i${i}` })));
    expect(problems(doc)).toEqual([`too_big | options[0].items: must have at most ${LIFECYCLE_LIMITS.maxItemsPerOption} items`]);
  });

  it("reports every problem at once, and parse/evaluate throw the same VbpInputError", () => {
    const doc = baseDoc({ horizonYears: 0, currency: "XXX" as never, options: [] });
    expect(problems(doc)).toHaveLength(3);
    expect(() => parseLifecycleDocument(doc)).toThrow(VbpInputError);
    try {
      evaluateLifecycle(doc);
      expect.unreachable();
    } catch (e) {
      expect((e as VbpInputError).issues.map((i) => i.path.join("."))).toEqual(["currency", "horizonYears", "options"]);
    }
  });

  it("fills defaults: yearly periods, NICE start-of-year timing, quantity 1", () => {
    const doc = parseLifecycleDocument(baseDoc());
    expect(doc.period).toBe("year");
    expect(doc.discounting.timing).toEqual({ position: "start", compounding: "annual" });
    expect(doc.options[0]!.items[0]).toMatchObject({ quantity: "1", basis: "fixed", escalationRate: "0", quantityUnit: "unit" });
  });
});

describe("lifecycleDocumentJsonSchema", () => {
  it("is a draft 2020-12 JSON Schema of the input, with a description on every property", () => {
    const schema = lifecycleDocumentJsonSchema() as { $schema: string; properties: Record<string, { maximum?: number }>; required: string[] };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.properties.horizonYears!.maximum).toBe(200);
    expect(schema.required).toEqual(expect.arrayContaining(["currency", "priceBaseDate", "horizonYears", "discounting", "options"]));
    expect(schema.required).not.toContain("period");
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}[${i}]`));
      else if (node !== null && typeof node === "object") {
        const props = (node as { properties?: Record<string, { description?: string }> }).properties;
        if (props !== undefined) for (const [k, v] of Object.entries(props)) if (typeof v.description !== "string") undocumented.push(`${path}.${k}`);
        for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
      }
    };
    walk(schema, "");
    expect(undocumented).toEqual([]);
  });
});

describe("lifecycle document validation: magnitudes are bounded before any arithmetic", () => {
  it("rejects absurd exponents and precision with a path", () => {
    expect(problems(withItems([item({ unitCost: "1e999999" })]))).toEqual([
      `too_big | options[0].items[0].unitCost: must be less than 10^${LIFECYCLE_LIMITS.maxIntegerDigits}, got 1e999999`,
    ]);
    expect(problems(withItems([item({ quantity: "1e-999" })]))).toEqual([
      `too_big | options[0].items[0].quantity: must have at most ${LIFECYCLE_LIMITS.maxDecimalPlaces} decimal places, got 1e-999`,
    ]);
    expect(problems(baseDoc({ volumes: { usesPerYear: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "1e20"] } }))).toEqual([
      `too_big | volumes.usesPerYear[9]: must be less than 10^${LIFECYCLE_LIMITS.maxIntegerDigits}, got 1e20`,
    ]);
  });
  it("accepts exponent notation within the bounds, exactly", () => {
    const r = evaluateLifecycle(withItems([item({ unitCost: "1.25e3", quantity: "2E-1" })], {}, { horizonYears: 1 }));
    expect(r.options[0]!.undiscounted.amount).toBe("250");
  });
});
