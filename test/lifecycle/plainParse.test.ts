import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COST_ITEM_KINDS, parseLifecycleDocument, safeParseLifecycleDocument } from "../../src/index.js";
import { plainOption } from "../../src/lifecycle/_internal/plainOption.js";
import { getLifecycleDocumentSchema, LIFECYCLE_LIMITS, optionSchema } from "../../src/lifecycle/schema.js";
import { safeParseWith } from "../../src/schema/issues.js";

// A document is read option by option (plain options without the schema, the rest with it). These check that
// this reading is the document schema's own reading: the same value (keys, order, defaults) when valid, the
// same issues (all of them, in the same order) when not.

const ABSENT = Symbol("absent");

/** The document schema's own reading, as `safeParseLifecycleDocument` gave it before options were read one by one. */
function schemaReading(input: unknown): unknown {
  return safeParseWith(getLifecycleDocumentSchema(), input);
}

/** JSON of a parse result, an error as its issues. */
function withIssues(_key: string, v: unknown): unknown {
  return v instanceof Error ? { issues: (v as unknown as { issues: unknown }).issues } : v;
}

function pick<T>(...values: T[]) {
  return fc.constantFrom(...values);
}

/** A record without the keys drawn as ABSENT. */
function present(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== ABSENT));
}

const decimal = pick<unknown>(ABSENT, "12.50", "0", "-0", "1e3", "1249.99", 40, 0.5, -1, "-2.5", "0x1F", " 1", "", "1e9999", "007", null, undefined);
const rate = pick<unknown>(ABSENT, "0", "0.025", "1", "-0.5", "1.5", 0.02, "-1", "0.0", ".5", "abc", undefined);
const year = pick<unknown>(ABSENT, 1, 3, 5, 0, 1.5, 201, "2", 11, undefined);
const date = pick<unknown>(ABSENT, "2026-05-01", "2027-02-30", "2030-01-01", "2026-04-01", 5);

const item = fc
  .record({
    id: pick<unknown>("svc", "buy", "x-1", "", "bad id", 5, ABSENT),
    kind: pick<unknown>(...COST_ITEM_KINDS, "bogus", ABSENT),
    label: pick<unknown>("Service", "", "x".repeat(301), 3, ABSENT),
    unitCost: decimal,
    quantity: decimal,
    quantityUnit: pick<unknown>(ABSENT, "unit", "minute", "kWh", "litre"),
    basis: pick<unknown>(ABSENT, ABSENT, "fixed", "per-use", "per-patient", "other"),
    frequency: pick<unknown>(ABSENT, ABSENT, "once", "yearly", "every-n-years", "monthly", "weekly"),
    everyYears: year,
    year,
    date,
    startYear: year,
    endYear: year,
    startDate: date,
    endDate: date,
    escalationRate: rate,
    priceYear: pick<unknown>(ABSENT, ABSENT, "2025", "2026", "", "1999"),
    source: pick<unknown>(ABSENT, ABSENT, "NHS Supply Chain price list", "", { publisher: "NHS", title: "Tariff", publishedOn: "2025-01-01" }, 7),
    extra: pick<unknown>(ABSENT, ABSENT, ABSENT, { unknownKey: 1 }),
  })
  .map(({ extra, ...fields }) => ({ ...present(fields), ...(extra !== ABSENT ? (extra as object) : {}) }));

/** Items drawn mostly valid (so whole documents are often valid), sometimes from the mixed draw above. */
const plainItem = fc
  .record({
    id: fc.integer({ min: 0, max: 3 }).map((n) => `i${n}`),
    kind: pick(...COST_ITEM_KINDS.filter((k) => k !== "residual-value")),
    unitCost: fc.oneof(fc.integer({ min: 0, max: 100_000 }).map(String), fc.integer({ min: 0, max: 1000 })),
    quantity: pick<unknown>(ABSENT, "2", 20, "0.5"),
    quantityUnit: pick<unknown>(ABSENT, "unit", "minute"),
    escalationRate: pick<unknown>(ABSENT, "0.025", "0", 0.03),
    frequency: pick<unknown>(ABSENT, "yearly", "monthly"),
    startYear: pick<unknown>(ABSENT, 1, 2),
    priceYear: pick<unknown>(ABSENT, "2025", "2026"),
  })
  .map((fields) => ({ ...present(fields), label: `${fields.kind} item` }));

const option = fc
  .record({
    id: pick<unknown>("a", "b", "opt-1", "", 3),
    name: pick<unknown>("Option", "", ABSENT),
    supplier: pick<unknown>(ABSENT, ABSENT, "Acme", ""),
    serviceLifeYears: year,
    usesPerYear: pick<unknown>(ABSENT, ABSENT, "1200", ["1", "2", "3"], ["1", "2"], "-1", 1200, ["1", "x", "3"]),
    patientsPerYear: pick<unknown>(ABSENT, ABSENT, "400", ["4", "5", "6"]),
    items: fc.oneof(fc.array(plainItem, { maxLength: 4 }), fc.array(fc.oneof(plainItem, item), { maxLength: 4 }), pick<unknown>("none", ABSENT)),
    extra: pick<unknown>(ABSENT, ABSENT, ABSENT, { colour: "red" }),
  })
  .map(({ extra, ...fields }) => ({ ...present(fields), ...(extra !== ABSENT ? (extra as object) : {}) }));

/** Options drawn mostly valid: unique ids, plain items (priceYear only where an index series is given). */
const validOptions = fc
  .array(
    fc.record({
      serviceLifeYears: pick<unknown>(ABSENT, 2, 7),
      usesPerYear: pick<unknown>(ABSENT, "1200", ["1", "2", "3"], 900),
      items: fc.array(plainItem, { maxLength: 5 }),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((options) =>
    options.map((o, i) => ({
      id: `o${i}`,
      name: `Option ${i}`,
      ...present(o),
      items: o.items.map((it, j) => ({ ...it, id: `i${j}`, basis: "fixed" })),
    })),
  );

const document = fc
  .record({
    options: fc.oneof(validOptions, validOptions, fc.array(option, { minLength: 1, maxLength: 3 }), pick<unknown>([], "none")),
    volumes: pick<unknown>(ABSENT, { usesPerYear: "1000" }, { usesPerYear: "1000", patientsPerYear: ["1", "2", "3"] }),
    indexation: pick<unknown>(ABSENT, { id: "cpi", label: "CPI", values: { "2025": "98", "2026": "100" } }, { id: "cpi", label: "CPI", values: { "2025": "98", "2026": "100" } }),
    comparatorId: pick<unknown>(ABSENT, "o0", "a", "zzz"),
    period: pick<unknown>(ABSENT, "year", "month"),
    horizonYears: pick<unknown>(3, 3, 3, 0),
    extra: pick<unknown>(ABSENT, ABSENT, ABSENT, { note: "x" }),
  })
  .map(({ extra, ...fields }) => ({
    currency: "GBP",
    priceBaseDate: "2026-04-01",
    discounting: { schedule: "nice-3.5" },
    ...present(fields),
    ...(extra !== ABSENT ? (extra as object) : {}),
  }));

describe("reading a lifecycle document option by option", () => {
  it("gives the document schema's own value when valid, and its own issues (all, in order) when not", () => {
    let valid = 0;
    fc.assert(
      fc.property(document, (doc) => {
        const ours = safeParseLifecycleDocument(doc);
        const theirs = schemaReading(doc);
        // JSON text compares key order too (the parsed document is returned to callers).
        expect(JSON.stringify(ours, withIssues)).toBe(JSON.stringify(theirs, withIssues));
        // Valid documents whose options were all read without the schema.
        if (ours.success && (doc as unknown as { options: unknown[] }).options.every((o) => plainOption(o, LIFECYCLE_LIMITS) !== undefined)) valid++;
      }),
      { numRuns: 600 },
    );
    // The draw must exercise the path without the schema, not only the errors.
    expect(valid).toBeGreaterThan(30);
  });

  it("reads without the schema only an option the schema accepts, to the schema's value", () => {
    let read = 0;
    fc.assert(
      fc.property(fc.oneof(option, validOptions.map((o) => o[0])), (o) => {
        const plain = plainOption(o, LIFECYCLE_LIMITS);
        if (plain === undefined) return;
        read++;
        const theirs = optionSchema().safeParse(o);
        expect(theirs.success ? [] : theirs.error.issues).toEqual([]);
        expect(JSON.stringify(plain)).toBe(JSON.stringify(theirs.data));
      }),
      { numRuns: 2000 },
    );
    expect(read).toBeGreaterThan(200);
  });

  it("reads plain catalogue options to the same value as the schema, defaults filled in the schema's key order", () => {
    const doc = {
      currency: "GBP",
      priceBaseDate: "2026-04-01",
      horizonYears: 10,
      discounting: { schedule: "green-book" },
      volumes: { usesPerYear: 1200, patientsPerYear: 400 },
      options: [
        {
          id: "opt-0",
          name: "Option 0",
          serviceLifeYears: 7,
          items: [
            { id: "buy", kind: "acquisition", label: "Purchase", unitCost: "250000" },
            { id: "kit", kind: "consumable", label: "Kit", unitCost: "12.5", basis: "per-use", quantity: "2" },
            { id: "staff", kind: "staff-time", label: "Staff", unitCost: "40", basis: "per-patient", quantity: 20, quantityUnit: "minute" },
            { id: "svc", kind: "maintenance", label: "Service", unitCost: "1035", escalationRate: "0.025" },
            { id: "parts", kind: "spares", label: "Parts", unitCost: "500", frequency: "every-n-years", everyYears: 3 },
          ],
        },
      ],
    };
    const parsed = parseLifecycleDocument(doc);
    const theirs = schemaReading(doc) as { success: boolean; data: unknown };
    expect(theirs.success).toBe(true);
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(theirs.data));
    expect(Object.keys(parsed.options[0]!.items[2]!)).toEqual(["id", "kind", "label", "unitCost", "quantity", "quantityUnit", "basis", "escalationRate"]);
    expect(parsed.options[0]!.items[2]!.quantity).toBe("20");
    expect(parsed.volumes).toEqual({ usesPerYear: "1200", patientsPerYear: "400" });
  });

  it("never shares an object with the input (a later change to the input changes nothing read)", () => {
    const doc = {
      currency: "GBP",
      priceBaseDate: "2026-04-01",
      horizonYears: 3,
      discounting: { schedule: "nice-3.5" },
      options: [{ id: "a", name: "A", usesPerYear: ["1", "2", "3"], items: [{ id: "svc", kind: "maintenance", label: "Service", unitCost: "10" }] }],
    };
    const parsed = parseLifecycleDocument(doc);
    expect(parsed.options[0]).not.toBe(doc.options[0]);
    expect(parsed.options[0]!.items[0]).not.toBe(doc.options[0]!.items[0]);
    expect(parsed.options[0]!.usesPerYear).not.toBe(doc.options[0]!.usesPerYear);
    doc.options[0]!.items[0]!.unitCost = "99";
    expect(parsed.options[0]!.items[0]!.unitCost).toBe("10");
  });
});
