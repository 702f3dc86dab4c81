import { bench, describe } from "vitest";
import { evaluateLifecycle, type LifecycleDocumentInput } from "../src/index.js";

/**
 * A national-catalogue-sized document, generated deterministically (no Math.random): 10,000 options × 20
 * cost items × 10 years, a mix of capital, yearly, per-use, escalating and every-n-years items.
 */
function catalogue(options: number, items: number, years: number): LifecycleDocumentInput {
  const kinds = ["acquisition", "installation", "training", "maintenance", "consumable", "energy", "staff-time", "storage", "spares", "licence"] as const;
  let seed = 12345;
  const next = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed;
  };
  return {
    currency: "GBP",
    priceBaseDate: "2026-04-01",
    horizonYears: years,
    discounting: { schedule: "green-book" },
    volumes: { usesPerYear: 1200, patientsPerYear: 400 },
    options: Array.from({ length: options }, (_, i) => ({
      id: `opt-${i}`,
      name: `Option ${i}`,
      serviceLifeYears: 7,
      items: Array.from({ length: items }, (_, j) => {
        const kind = kinds[j % kinds.length]!;
        const cost = `${next() % 100000}.${String(next() % 100).padStart(2, "0")}`;
        const base = { id: `item-${j}`, kind, label: `${kind} ${j}`, unitCost: cost };
        if (kind === "consumable") return { ...base, basis: "per-use" as const, quantity: String(1 + (next() % 3)) };
        if (kind === "staff-time") return { ...base, basis: "per-patient" as const, quantity: 20, quantityUnit: "minute" as const };
        if (kind === "maintenance") return { ...base, escalationRate: "0.025" };
        if (kind === "spares") return { ...base, frequency: "every-n-years" as const, everyYears: 3 };
        return base;
      }),
    })),
  };
}

const doc = catalogue(10_000, 20, 10);

describe("lifecycle: 10,000 options × 20 items × 10 years", () => {
  bench("evaluateLifecycle without ledger", () => {
    evaluateLifecycle(doc, { ledger: false });
  }, { iterations: 3, warmupIterations: 1, time: 0 });
  bench("evaluateLifecycle with ledger", () => {
    evaluateLifecycle(doc);
  }, { iterations: 3, warmupIterations: 1, time: 0 });
});
