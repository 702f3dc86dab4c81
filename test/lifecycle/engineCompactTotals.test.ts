import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluateLifecycle, parseLifecycleDocument, type LifecycleDocumentInput } from "../../src/index.js";
import { evaluateValidatedLifecycle } from "../../src/lifecycle/evaluate.js";
import { fixedString } from "../../src/_lib/fixed.js";
import { item } from "../_helpers/lifecycleDocument.js";

// A compact catalogue run reads each option's net present cost and discounted cost per patient alone (the
// `totals` of the engine, with no breakdowns and no ledger), and the engine sums them without its sums by period
// and item. Each must equal the figure of the full engine run, for items of one amount every period (looked up by
// amount and shared between options), amounts that change by year, dated and recurring items, monthly periods
// and residual values.

function compactTotals(input: LifecycleDocumentInput): { presentCost: string; perPatient: string | undefined }[] {
  const out: { presentCost: string; perPatient: string | undefined }[] = [];
  const r = evaluateValidatedLifecycle(parseLifecycleDocument(input), {
    ledger: false,
    breakdown: false,
    totals: (i, presentCost, perPatient) => (out[i] = { presentCost: fixedString(presentCost), perPatient: perPatient === undefined ? undefined : fixedString(perPatient) }),
  });
  // The totals are all the caller reads: no option results, no ledger.
  expect(r.options).toEqual([]);
  expect(r.ledger).toBeUndefined();
  return out;
}

function fullTotals(input: LifecycleDocumentInput): { presentCost: string; perPatient: string | undefined }[] {
  return evaluateLifecycle(input, { ledger: false }).options.map((o) => ({
    presentCost: o.presentCost.amount,
    perPatient: o.perPatient.status === "ok" ? o.perPatient.discounted.amount : undefined,
  }));
}

const base = (options: unknown[], over: Partial<LifecycleDocumentInput> = {}): LifecycleDocumentInput =>
  ({ currency: "GBP", priceBaseDate: "2026-04-01", horizonYears: 5, discounting: { schedule: "nice-3.5" }, volumes: { patientsPerYear: "120" }, options, ...over }) as LifecycleDocumentInput;

const documents: [string, LifecycleDocumentInput][] = [
  ["the imaging example", JSON.parse(readFileSync("examples/lifecycle/imaging-systems.json", "utf8")) as LifecycleDocumentInput],
  [
    "options sharing per-patient and yearly amounts (each present value looked up once)",
    base(
      ["a", "b", "c"].map((id, k) => ({
        id,
        name: id,
        items: [
          item({ id: "nurse", kind: "staff-time", unitCost: "48", quantity: String(6 + (k % 2)), quantityUnit: "minute", basis: "per-patient" }),
          item({ id: "svc", kind: "maintenance", unitCost: "1035" }),
          item({ id: "waste", kind: "disposal", unitCost: "0.30", basis: "per-patient" }),
        ],
      })),
    ),
  ],
  [
    "amounts that change by year: escalation, yearly volumes, a dated purchase and a recurring service",
    base([
      { id: "a", name: "A", usesPerYear: ["100", "200", "300", "0", "50"], items: [item({ id: "kit", kind: "consumable", unitCost: "2", basis: "per-use", escalationRate: "0.1" }), item({ id: "svc", kind: "maintenance", unitCost: "400", escalationRate: "0.02" })] },
      { id: "b", name: "B", patientsPerYear: ["10", "0", "5", "7", "9"], items: [item({ id: "kit", kind: "consumable", unitCost: "3", quantity: "2", basis: "per-patient" }), item({ id: "buy", kind: "acquisition", unitCost: "5000", date: "2028-06-30" }), item({ id: "svc", kind: "maintenance", unitCost: "250", frequency: "every-n-years", everyYears: 2 })] },
    ]),
  ],
  [
    // Amounts that equal another item's shared amount in some period, but not in every one, are not looked up.
    "an amount equal to a shared one only in its first period (escalating, a volume that changes) or only in some periods (dated)",
    base([
      { id: "a", name: "A", items: [item({ id: "svc", kind: "maintenance", unitCost: "5000" })] },
      { id: "b", name: "B", items: [item({ id: "svc", kind: "maintenance", unitCost: "5000", escalationRate: "0.03" }), item({ id: "buy", kind: "acquisition", unitCost: "5000", date: "2027-06-30" })] },
      { id: "c", name: "C", items: [item({ id: "buy", kind: "acquisition", unitCost: "5000", date: "2026-06-30" }), item({ id: "svc", kind: "maintenance", unitCost: "5000" })] },
      { id: "d", name: "D", items: [item({ id: "svc", kind: "maintenance", unitCost: "4000", escalationRate: "0.05" }), item({ id: "svc2", kind: "maintenance", unitCost: "4000" })] },
      // Per-patient items (costed in every period): the first as option e's in year 1 only.
      { id: "e", name: "E", items: [item({ id: "kit", kind: "consumable", unitCost: "5", basis: "per-patient" })] },
      { id: "f", name: "F", items: [item({ id: "kit", kind: "consumable", unitCost: "5", basis: "per-patient", escalationRate: "0.03" })] },
      { id: "g", name: "G", patientsPerYear: ["120", "60", "120", "120", "120"], items: [item({ id: "kit", kind: "consumable", unitCost: "5", basis: "per-patient" })] },
      { id: "h", name: "H", items: [item({ id: "kit", kind: "consumable", unitCost: "7", basis: "per-patient", escalationRate: "0.03" }), item({ id: "kit2", kind: "consumable", unitCost: "7", basis: "per-patient" })] },
    ]),
  ],
  [
    "monthly periods and residual values (stated, and straight-line over a service life)",
    base(
      [
        { id: "a", name: "A", serviceLifeYears: 3, items: [item({ id: "buy", kind: "acquisition", unitCost: "12000" }), item({ id: "kit", kind: "consumable", unitCost: "1.5", basis: "per-patient" }), item({ id: "rv", kind: "residual-value" })] },
        { id: "b", name: "B", items: [item({ id: "svc", kind: "maintenance", unitCost: "900" }), item({ id: "rv", kind: "residual-value", unitCost: "700" })] },
      ],
      { period: "month" },
    ),
  ],
];

describe("lifecycle engine: a compact run's totals", () => {
  for (const [name, input] of documents) {
    it(`equal the full run's net present cost and cost per patient: ${name}`, () => {
      const full = fullTotals(input);
      expect(full.length).toBeGreaterThan(0);
      expect(compactTotals(input)).toEqual(full);
    });
  }
});
